// compare.ts must score exactly as ../shared/tools/compare-result.mjs does. Each case below runs both, the port
// in-process and the original as a child process with --json, and wants the same checks: names, verdicts, gating
// and detail texts, in the same order. Then a few mutations prove that each kind of error fails the right check.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { CORE_COUNTERS, INFO_COUNTERS, compareResult, formatVerdict } from './compare.ts';
import type { ResultLike, Verdict } from './compare.ts';
import { SHARED_DIR, SHARED_TRACES_DIR, TRACES_DIR, loadTraces } from './traces.ts';
import type { Trace } from './traces.ts';

const CLI = join(SHARED_DIR, 'tools/compare-result.mjs');
const HAVE_CLI = existsSync(CLI);
if (!HAVE_CLI) console.warn(`compare.test: ${CLI} not found (../shared beside the repo); the cross-checks with the original scorer are skipped`);

const traces = loadTraces();
const trace = (name: string): Trace => {
  const t = traces.find((x) => x.name === name);
  if (!t) throw new Error(`no fixture ${name}`);
  return t;
};
const failedGating = (v: Verdict) => v.checks.filter((c) => c.gating && !c.pass).map((c) => c.name);

type Run = Trace['runs'][number];
let tmp = '';
let written = 0;
beforeAll(() => { tmp = mkdtempSync(join(tmpdir(), 'compare-test-')); });
afterAll(() => { if (tmp) rmSync(tmp, { recursive: true, force: true }); });

/** A made-up result, written to a file for the original scorer. */
function synth(result: ResultLike): Run {
  const path = join(tmp, `result-${written++}.json`);
  writeFileSync(path, JSON.stringify(result));
  return { path, result };
}

/** The original scorer's verdict, from its --json output. */
function original(scenarioPath: string, expected: readonly Run[], actual: Run): Verdict {
  const args = [CLI, scenarioPath, ...expected.map((r) => r.path), actual.path, '--json'];
  const out = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (out.status !== 0 && out.status !== 1) throw new Error(`compare-result.mjs exited ${out.status}: ${out.stderr}`);
  const verdict = JSON.parse(out.stdout) as Verdict;
  expect(out.status, 'exit status agrees with the verdict').toBe(verdict.pass ? 0 : 1);
  return verdict;
}

/** Scores with the port and, when the original is there, asserts that it says exactly the same. */
function both(t: Trace, expected: readonly Run[], actual: Run): Verdict {
  const port = compareResult(t.scenario, expected.map((r) => r.result), actual.result);
  if (HAVE_CLI) {
    const orig = original(t.scenarioPath, expected, actual);
    expect(port, formatVerdict(t.name, orig)).toEqual({ pass: orig.pass, checks: orig.checks });
  }
  return port;
}

describe('fixtures', () => {
  it('hold two recordings of every scenario', () => {
    expect(traces.length).toBeGreaterThan(30);
    for (const t of traces) expect(t.runs.map((r) => r.path.slice(-9)), t.name).toEqual(['run1.json', 'run2.json']);
  });

  it.skipIf(!existsSync(SHARED_TRACES_DIR))('are a verbatim copy of ../shared/kernel-traces', () => {
    for (const t of traces) {
      for (const path of [t.scenarioPath, ...t.runs.map((r) => r.path)]) {
        const shared = path.replace(TRACES_DIR, SHARED_TRACES_DIR);
        expect(readFileSync(path, 'utf8') === readFileSync(shared, 'utf8'), `${path} differs from ${shared}: copy it again`).toBe(true);
      }
    }
  });
});

describe(HAVE_CLI ? 'compareResult agrees with ../shared/tools/compare-result.mjs' : 'compareResult (original scorer not found: no cross-check)', () => {
  for (const t of traces) {
    it(`${t.name}: run1 against run2 and run2 against run1`, () => {
      const [run1, run2] = t.runs;
      both(t, [run2], run1);
      both(t, [run1], run2);
      // and a recording lies within the band of the pair it belongs to
      expect(compareResult(t.scenario, [run1.result, run2.result], run1.result).pass, t.name).toBe(true);
    });
  }

  // The recordings mostly agree with each other, which leaves the scorer's edges (bands of disagreeing recordings,
  // the 1 % slack from 100 up, the share of agreeing samples) untested by the fixtures alone: made-up pairs
  // of recordings and results near them probe those edges.
  it('on made-up recordings and results near their bands', { timeout: 60_000 }, () => {
    const t = trace('flood-b16-sc0-msb1024-sa5');
    const base = t.runs[0].result as ResultLike & { counters: Record<string, number>; samples: { syn_recv: number }[] };
    // every counter the scorer knows, so made-up results also move those the recordings leave at 0
    const names = [...CORE_COUNTERS, ...INFO_COUNTERS];
    const counter = fc.record({ value: fc.nat(250), spread: fc.oneof(fc.constant(0), fc.nat(15)), off: fc.integer({ min: -6, max: 18 }) });
    fc.assert(
      fc.property(fc.array(counter, { minLength: names.length, maxLength: names.length }), fc.nat(12), fc.integer({ min: -2, max: 2 }), (cs, bumped, bump) => {
        const counters = (pick: (c: (typeof cs)[number]) => number) => Object.fromEntries(names.map((n, i) => [n, Math.max(0, pick(cs[i]))]));
        const e1 = synth({ ...base, counters: counters((c) => c.value) });
        const e2 = synth({ ...base, counters: counters((c) => c.value + c.spread) });
        // `bumped` samples off by `bump`: around the 95 % of samples that must agree
        const samples = base.samples.map((s, i) => (i < bumped ? { ...s, syn_recv: Math.max(0, s.syn_recv + bump) } : s));
        both(t, [e1, e2], synth({ ...base, counters: counters((c) => c.value + c.off), samples }));
      }),
      { numRuns: HAVE_CLI ? 40 : 200 },
    );
  });

  it('at the edge of the SYN-ACK retransmission time tolerance (40 ms + 5 %)', () => {
    const t = trace('flood-b16-sc0-msb1024-sa5');
    const sa = (client: number, t_ms: number) => ({ t_ms, dir: 'out', client, flags: 'SA' });
    const result = (retransmit_ms: number) => synth({ ...t.runs[0].result, packets: [sa(0, 0), sa(0, retransmit_ms)] });
    const expected = [result(1000)];
    expect(both(t, expected, result(1090)).checks.find((c) => c.name === 'synack retransmit #1')?.pass).toBe(true);
    expect(both(t, expected, result(1090.5)).checks.find((c) => c.name === 'synack retransmit #1')?.pass).toBe(false);
  });

  it('at the edge of the share of samples that must agree (95 %)', () => {
    const t = trace('flood-b16-sc0-msb1024-sa5');
    // 20 samples, `off` of them far from every recorded value near them: 19 of 20 is exactly 95 %
    const result = (off: number) =>
      synth({ ...t.runs[0].result, samples: Array.from({ length: 20 }, (_, i) => ({ t_ms: 50 * i, syn_recv: i < off ? 5 : 0, accept_queue: 0 })) });
    const expected = [result(0)];
    expect(both(t, expected, result(1)).checks.find((c) => c.name === 'course syn_recv')).toMatchObject({ pass: true, detail: '19/20 samples agree' });
    expect(both(t, expected, result(2)).checks.find((c) => c.name === 'course syn_recv')?.pass).toBe(false);
  });
});

describe('compareResult fails the right check', () => {
  /** scores a changed copy of run1 against both recordings */
  const mutate = (name: string, change: (r: ResultLike) => ResultLike) => {
    const t = trace(name);
    return both(t, t.runs, synth(change(t.runs[0].result)));
  };
  const counters = (r: ResultLike, changed: Record<string, number>) => ({ ...r, counters: { ...r.counters, ...changed } });
  const listen = (r: ResultLike, changed: NonNullable<ResultLike['listen']>) => ({ ...r, listen: { ...r.listen, ...changed } });

  it('a counter off by more than the band', () => {
    const v = mutate('overflow-b4-aoo0', (r) => counters(r, { ListenOverflows: 170 }));
    expect(v.pass).toBe(false);
    expect(failedGating(v)).toEqual(['counter ListenOverflows']);
    expect(v.checks.find((c) => c.name === 'counter ListenOverflows')?.detail).toBe('expected 120/120 (ok 119..121), got 170');
  });

  it('a counter that moved in the kernel but is missing from the result', () => {
    const v = mutate('mixed-b16-sc0', (r) => {
      const { TCPSynRetrans: _, ...rest } = r.counters ?? {};
      return { ...r, counters: rest };
    });
    expect(failedGating(v)).toEqual(['counter TCPSynRetrans']);
  });

  it('an informational counter is reported but does not fail the run', () => {
    const v = mutate('overflow-b4-aoo0', (r) => counters(r, { InSegs: 999 }));
    expect(v.pass).toBe(true);
    expect(v.checks.find((c) => c.name === 'counter InSegs')).toMatchObject({ pass: false, gating: false });
  });

  it('a wrong effective backlog, and a wrong one after re-listen', () => {
    expect(failedGating(mutate('probe-b8', (r) => listen(r, { effective_backlog: 9 })))).toEqual(['effective_backlog']);
    expect(failedGating(mutate('probe-relisten-8-32', (r) => listen(r, { relisten: [{ effective_backlog: 31 }] })))).toEqual(['relisten']);
  });

  it('a wrong outcome tally', () => {
    // overflow-b4-aoo0: 5 established, 15 pending in both recordings; one established client said to be reset
    const v = mutate('overflow-b4-aoo0', (r) => {
      const i = r.clients?.findIndex((c) => c.outcome === 'established') ?? -1;
      return { ...r, clients: r.clients?.map((c, j) => (j === i ? { ...c, outcome: 'reset' } : c)) };
    });
    expect(failedGating(v)).toEqual(['outcome established', 'outcome reset']);
    expect(v.checks.find((c) => c.name === 'outcome reset')?.detail).toBe('expected 0/0 (ok 0..0), got 1');
  });

  it('a wrong port, or an autobound port of the wrong parity or below 1024', () => {
    expect(failedGating(mutate('probe-b8', (r) => listen(r, { port: 8081 })))).toEqual(['port']);
    const port = trace('probe-autobind-1').runs[0].result.listen?.port as number;
    expect(failedGating(mutate('probe-autobind-1', (r) => listen(r, { port: port + 1 })))).toEqual(['autobind_port']);
    expect(failedGating(mutate('probe-autobind-1', (r) => listen(r, { port: 1023 })))).toEqual(['autobind_port']);
  });

  it('a result without packets misses every SYN-ACK retransmission', () => {
    const v = mutate('flood-b16-sc0-msb1024-sa5', (r) => ({ ...r, packets: [] }));
    expect(failedGating(v).every((n) => n.startsWith('synack retransmit #'))).toBe(true);
    expect(failedGating(v).length).toBeGreaterThan(0);
  });

  it('rejects what the CLI rejects as bad input', () => {
    const t = trace('probe-b8');
    expect(() => compareResult(t.scenario, [t.runs[0].result], { ...t.runs[1].result, format: 'x' })).toThrow(/format is "x"/);
    expect(() => compareResult(t.scenario, [], t.runs[1].result)).toThrow(/1 or 2 recordings/);
  });
});
