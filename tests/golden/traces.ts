// The real-kernel recordings the golden tests score against: tests/fixtures/kernel-traces/<kernel>/, a verbatim
// copy of ../shared/kernel-traces/<kernel>/ (CI checks the repo out with shared/ beside it).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResultLike } from './compare.ts';

export const KERNEL = 'linux-6.18.44';
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const TRACES_DIR = join(REPO_ROOT, 'tests/fixtures/kernel-traces', KERNEL);
/** ../shared beside the repository, where the originals and the scorer live; may be absent */
export const SHARED_DIR = resolve(REPO_ROOT, '../shared');
export const SHARED_TRACES_DIR = join(SHARED_DIR, 'kernel-traces', KERNEL);

export interface Trace {
  readonly name: string;
  readonly scenarioPath: string;
  /** the scenario as parsed JSON, unvalidated */
  readonly scenario: unknown;
  /** run1, run2 (each run in a fresh network namespace) */
  readonly runs: readonly { readonly path: string; readonly result: ResultLike }[];
}

export function scenarioFiles(dir = TRACES_DIR): string[] {
  return readdirSync(join(dir, 'scenarios')).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, 'scenarios', f));
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

export function loadTraces(dir = TRACES_DIR): Trace[] {
  return scenarioFiles(dir).map((scenarioPath) => {
    const name = basename(scenarioPath, '.json');
    const runs = ['run1', 'run2']
      .map((run) => join(dir, 'recordings', `${name}.${run}.json`))
      .filter((path) => existsSync(path))
      .map((path) => ({ path, result: readJson(path) as ResultLike }));
    return { name, scenarioPath, scenario: readJson(scenarioPath), runs };
  });
}
