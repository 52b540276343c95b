// The headless runner, as a user runs it: exit codes, messages, --out-dir and --summary.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse_args } from '../../src/cli/args.ts';

const root = join(import.meta.dirname, '..', '..');
const scenarios = join(root, 'tests/fixtures/kernel-traces/linux-6.18.44/scenarios');

function sim(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], { encoding: 'utf8', cwd: root });
}

describe('parse_args', () => {
  it('needs a file, and --out-dir for several', () => {
    expect(parse_args([])).toEqual({ error: 'no scenario file given' });
    expect(parse_args(['a.json', 'b.json'])).toEqual({ error: 'several files need --out-dir DIR' });
    expect(parse_args(['--bogus', 'a.json'])).toEqual({ error: 'unknown option --bogus' });
    expect(parse_args(['--seed', 'x', 'a.json'])).toHaveProperty('error');
    expect(parse_args(['--summary', '--seed', '7', 'a.json'])).toMatchObject({ summary: true, seed: 7, files: ['a.json'] });
  });
});

describe('npm run sim', () => {
  it('prints a backlog-result/1 for a scenario', () => {
    const r = sim(join(scenarios, 'somaxconn-cap-8.json'));
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.format).toBe('backlog-result/1');
    expect(out.listen).toMatchObject({ requested_backlog: 128, effective_backlog: 8, port: 8080 });
    expect(out.clients).toHaveLength(30);
    expect(out.counters.ListenOverflows).toBe(126);
  });

  it('exits 2 naming the bad fields, and writes nothing for any file when one is bad', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ format: 'backlog-scenario/1', name: 'x', server: { backlog: '8', accept: { mode: 'never' } }, clients: [], duration_ms: 100 }));
    const out = join(dir, 'out');
    const r = sim('--out-dir', out, join(scenarios, 'probe-b8.json'), bad);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('server.backlog: expected an integer, got "8"');
    expect(() => readdirSync(out)).toThrow();
    const r2 = sim(join(dir, 'missing.json'));
    expect(r2.status).toBe(2);
    expect(r2.stderr).toContain('cannot read');
    writeFileSync(bad, '{ not json');
    expect(sim(bad).stderr).toContain('not valid JSON');
  });

  it('--out-dir writes <name>.json per scenario; --summary gives a tally instead of clients and packets', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-'));
    const r = sim('--summary', '--out-dir', dir, join(scenarios, 'probe-b0.json'), join(scenarios, 'mixed-b16-sc1.json'));
    expect(r.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['mixed-b16-sc1.json', 'probe-b0.json']);
    const mixed = JSON.parse(readFileSync(join(dir, 'mixed-b16-sc1.json'), 'utf8'));
    expect(mixed.clients).toBeUndefined();
    expect(mixed.packets).toBeUndefined();
    expect(mixed.outcomes).toMatchObject({ accepted: 10, spoofed: 300 });
  });
});
