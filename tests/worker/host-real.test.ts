// The worker's host with the real simulator behind it (no Worker needed in Node): a preset run to the end in the
// host reports exactly what runScenario reports for the same file, and an invalid file comes back with paths.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SimHost } from '../../src/worker/host.ts';
import { openScenario } from '../../src/worker/open.ts';
import { PROTOCOL_VERSION as v, type FromWorker } from '../../src/worker/protocol.ts';
import { runScenario } from '../../src/sim/run.ts';
import { validateScenario } from '../../src/sim/validate.ts';
import { fakeEnv } from './fake.ts';

const text = readFileSync(new URL('../../public/scenarios/abort-on-overflow.json', import.meta.url), 'utf8');

describe('SimHost with the real simulator', () => {
  it('reports what runScenario reports', () => {
    const env = fakeEnv(openScenario);
    const host = new SimHost(env);
    host.handle({ v, type: 'load', gen: 7, text });
    host.handle({ v, type: 'run_to_end' });
    const msg = env.posted[env.posted.length - 1] as Extract<FromWorker, { type: 'result' }>;
    expect(msg.type).toBe('result');
    const checked = validateScenario(JSON.parse(text));
    if (!checked.ok) throw new Error('preset invalid');
    const want = runScenario(checked.scenario, { summary: true });
    for (const [k, n] of Object.entries(want.counters)) expect(msg.result.counters[k as keyof typeof msg.result.counters] ?? 0, k).toBe(n);
    expect(msg.result.outcomes).toEqual(want.outcomes);
    expect(msg.result.effective_backlog).toBe(want.listen.effective_backlog);
    expect(msg.result.peaks).toEqual({
      syn_recv: Math.max(...want.samples.map((s) => s.syn_recv)),
      accept_queue: Math.max(...want.samples.map((s) => s.accept_queue)),
    });
    expect(msg.frame).toMatchObject({ done: true, t_ms: checked.scenario.duration_ms, backlog: 8 });
  });

  it('returns the validator’s paths for an invalid scenario and bad_json for broken JSON', () => {
    const env = fakeEnv(openScenario);
    const host = new SimHost(env);
    host.handle({ v, type: 'load', gen: 1, text: JSON.stringify({ ...JSON.parse(text), duration_ms: -5 }) });
    expect(env.posted[0]).toMatchObject({ type: 'error', gen: 1, code: 'invalid_scenario', issues: [{ path: 'duration_ms' }] });
    host.handle({ v, type: 'load', gen: 2, text: '{"format":' });
    expect(env.posted[1]).toMatchObject({ type: 'error', gen: 2, code: 'bad_json' });
  });
});
