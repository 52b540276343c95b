// The log panel mirrors the kernel model's decision codes and function names (the page may not import the
// model): the two lists must be the same set, checked here at compile time (tsc) and at run time from the source
// of src/kernel/effects.ts, so a new code in the model without a sentence fails the build.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DecisionCode, KernelFn } from '../../src/kernel/effects.ts';
import { LOG_CODES, LOG_FNS, type LogCode, type LogFn } from '../../src/ui/log/codes.ts';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const codesSame: Same<LogCode, DecisionCode> = true;
const fnsSame: Same<LogFn, KernelFn> = true;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const KERNEL = join(ROOT, 'src/kernel');
const effects = readFileSync(join(KERNEL, 'effects.ts'), 'utf8');

/** The string literals of `export type <name> = 'a' | 'b' …;` in effects.ts. */
function unionOf(name: string): string[] {
  const m = effects.match(new RegExp(`export type ${name} =([^;]*);`));
  if (!m) throw new Error(`no type ${name} in effects.ts`);
  return [...m[1].matchAll(/'([a-z_0-9]+)'/g)].map((x) => x[1]).sort();
}

describe('log codes mirror the kernel model', () => {
  it('is checked by type as well', () => {
    expect(codesSame && fnsSame).toBe(true);
  });

  it('has exactly the DecisionCode set of src/kernel/effects.ts', () => {
    const kernel = unionOf('DecisionCode');
    expect(kernel.length).toBeGreaterThan(30);
    expect([...LOG_CODES].sort()).toEqual(kernel);
  });

  it('has exactly the KernelFn set of src/kernel/effects.ts', () => {
    expect([...LOG_FNS].sort()).toEqual(unionOf('KernelFn'));
  });

  it('knows every code and function the kernel model passes to decide()', () => {
    const src = readdirSync(KERNEL).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(join(KERNEL, f), 'utf8')).join('\n');
    const used = [...src.matchAll(/decide\(k, \{ fn: '([a-z_0-9]+)', code: (?:'([a-z_0-9]+)')?/g)];
    expect(used.length).toBeGreaterThan(20);
    for (const [, fn, code] of used) {
      expect(LOG_FNS, fn).toContain(fn);
      if (code) expect(LOG_CODES, code).toContain(code);
    }
  });
});
