// Determinism (shared/style.md habit 4): the same scenario and seed give the same bytes — however the run is
// driven (runToEnd, one step() at a time, runUntil() in arbitrary slices, with act() in between) — while a
// different seed changes what is random (the autobound port, where in a timer tick things happen) and nothing
// the scenario fixes.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Simulation, runScenario } from '../../src/sim/run.ts';
import { parseScenarioText } from '../../src/sim/validate.ts';
import type { Scenario } from '../../src/sim/scenario.ts';
import { ms_to_ns } from '../../src/sim/time.ts';
import { rng_stream } from '../../src/sim/rng.ts';
import { smallScenario, userActions, type TimedAction } from './small-scenarios.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SCENARIOS = join(ROOT, 'tests/fixtures/kernel-traces/linux-6.18.44/scenarios');
const FILES = readdirSync(SCENARIOS).filter((f) => f.endsWith('.json')).sort();

function load(file: string): Scenario {
  const v = parseScenarioText(readFileSync(join(SCENARIOS, file), 'utf8'));
  if (!v.ok) throw new Error(`${file}: ${JSON.stringify(v.errors)}`);
  return v.scenario;
}

const byName = (name: string): Scenario => load(`${name}.json`);

/** Everything a run produces: the result document, the narrated log and the kernel log. */
function bytes(sim: Simulation): string {
  return JSON.stringify({ result: sim.result(), log: sim.log, dmesg: sim.dmesg, user: sim.user_actions, events: sim.events });
}

/** Applies the changes due at or before `t_ns` (each at its own time), then runs to `t_ns`. */
function run_to(sim: Simulation, t_ns: number, acts: readonly TimedAction[], next: { i: number }): void {
  while (next.i < acts.length && ms_to_ns(acts[next.i].at_ms) <= Math.min(t_ns, sim.end_ns)) {
    sim.runUntil(ms_to_ns(acts[next.i].at_ms));
    sim.act(acts[next.i++].action);
  }
  sim.runUntil(t_ns);
}

function by_run_to_end(sc: Scenario, acts: readonly TimedAction[] = []): string {
  const sim = new Simulation(sc, { trace: true });
  run_to(sim, sim.end_ns, acts, { i: 0 });
  expect(sim.done()).toBe(true);
  return bytes(sim);
}

function by_steps(sc: Scenario, acts: readonly TimedAction[] = []): string {
  const sim = new Simulation(sc, { trace: true });
  let i = 0;
  for (;;) {
    const t = sim.next_time();
    const act = acts[i];
    if (act && ms_to_ns(act.at_ms) <= sim.end_ns && (t === null || t > ms_to_ns(act.at_ms))) {
      sim.runUntil(ms_to_ns(act.at_ms));
      sim.act(act.action);
      i++;
      continue;
    }
    if (!sim.step()) break;
  }
  expect(sim.now_ns).toBe(sim.end_ns);
  return bytes(sim);
}

/** runUntil() in slices of the given lengths (ns), cycled, until the end. */
function by_slices(sc: Scenario, slices_ns: readonly number[], acts: readonly TimedAction[] = []): string {
  const sim = new Simulation(sc, { trace: true });
  const next = { i: 0 };
  let t = 0;
  for (let k = 0; !sim.done() || sim.now_ns < sim.end_ns; k++) {
    t += slices_ns[k % slices_ns.length];
    run_to(sim, t, acts, next);
  }
  run_to(sim, sim.end_ns, acts, next);
  return bytes(sim);
}

describe('the recorded scenarios replay byte for byte', () => {
  it('finds the shared recording scenarios', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(38);
  });

  it.each(FILES)('%s: twice the same bytes; step by step and runUntil in slices give the same bytes', (file) => {
    const sc = load(file);
    const a = by_run_to_end(sc);
    expect(by_run_to_end(sc)).toBe(a);
    expect(by_steps(sc)).toBe(a);
    // slice lengths from a stream seeded by the file name: irregular, some shorter than a tick, some seconds long
    const rng = rng_stream(7, file);
    const slices = Array.from({ length: 9 }, () => [1, 999_999, 4_000_000, 37_000_000, 1_234_567_891][rng.below(5)] + rng.below(1000));
    expect(by_slices(sc, slices)).toBe(a);
    // the headless runner's path, full and summary
    expect(JSON.stringify(runScenario(sc))).toBe(JSON.stringify(runScenario(sc)));
    expect(JSON.stringify(runScenario(sc, { summary: true }))).toBe(JSON.stringify(runScenario(sc, { summary: true })));
  });
});

describe('random scenarios replay byte for byte, with changes made while running', () => {
  it('runToEnd twice, step by step and runUntil in random slices agree, act() included', () => {
    // some slices shorter than a tick (4 ms), some seconds long; one long slice bounds the number of slices
    const slice = fc.oneof(fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 5_000_000, max: 3_000_000_000 }));
    const slices = fc.array(slice, { minLength: 1, maxLength: 6 }).map((xs) => [...xs, 1_500_000_000]);
    fc.assert(
      fc.property(smallScenario, userActions, slices, (sc, acts, sl) => {
        const a = by_run_to_end(sc, acts);
        expect(by_run_to_end(sc, acts)).toBe(a);
        expect(by_steps(sc, acts)).toBe(a);
        expect(by_slices(sc, sl, acts)).toBe(a);
      }),
      { numRuns: 60 },
    );
  });

  it('the changes made while running are remembered with their times', () => {
    const sc = byName('overflow-b4-aoo0');
    const acts: TimedAction[] = [
      { at_ms: 150, action: { kind: 'listen', backlog: 1 } },
      { at_ms: 2500, action: { kind: 'sysctl', name: 'net.ipv4.tcp_abort_on_overflow', value: 1 } },
    ];
    const sim = new Simulation(sc);
    run_to(sim, sim.end_ns, acts, { i: 0 });
    expect(sim.user_actions).toEqual([{ t_ns: 150e6, action: acts[0].action }, { t_ns: 2500e6, action: acts[1].action }]);
    expect(sim.listener()?.sk_max_ack_backlog).toBe(1);
    expect(sim.server().sysctl['net.ipv4.tcp_abort_on_overflow']).toBe(1);
    // and they change the run: not the same bytes as without them
    expect(by_run_to_end(sc, acts)).not.toBe(by_run_to_end(sc));
  });
});

describe('the seed changes what is random, and only that', () => {
  it('listen() without bind(): the autobound port changes with the seed (always odd, in the default range)', () => {
    const sc = byName('probe-autobind-1');
    expect(sc.server.port).toBeNull();
    const ports = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => runScenario({ ...sc, seed }).listen.port!);
    expect(new Set(ports).size).toBeGreaterThan(4);
    for (const p of ports) {
      expect(p % 2).toBe(1);
      expect(p).toBeGreaterThanOrEqual(32768);
      expect(p).toBeLessThanOrEqual(60999);
    }
    // the same seed, the same port
    expect(runScenario({ ...sc, seed: 3 }).listen.port).toBe(ports[2]);
  });

  it('where the timer ticks fall changes with the seed: SYN-ACK retransmission times differ', () => {
    const sc = byName('overflow-b4-aoo0-ackdelay100');
    const rtx_times = (seed: number): string =>
      JSON.stringify((runScenario({ ...sc, seed }).packets ?? []).filter((p) => p.dir === 'out' && p.flags === 'SA' && p.t_ms > 500).map((p) => p.t_ms));
    expect(new Set([1, 2, 3, 4].map(rtx_times)).size).toBeGreaterThan(1);
  });

  it.each(['overflow-b8-aoo1', 'overflow-b0-aoo1', 'somaxconn-cap-8', 'flood-b16-sc2-msb1024-sa5', 'slow-accept-b4', 'probe-relisten-8-32'])(
    '%s: counters, listen results and outcome tally are the same for every seed',
    (name) => {
      const sc = byName(name);
      const fixed = (seed: number) => {
        const r = runScenario({ ...sc, seed }, { summary: true });
        return JSON.stringify({ counters: r.counters, listen: r.listen, outcomes: r.outcomes, sysctl: r.sysctl });
      };
      const first = fixed(1);
      for (const seed of [2, 3, 1000, 4294967295]) expect(fixed(seed)).toBe(first);
    },
  );
});

describe('a result taken while paused', () => {
  const sc = byName('overflow-b4-aoo0');
  const mid = 2_000_000_000;

  it('equals the result of a fresh run stopped at the same time', () => {
    const a = new Simulation(sc);
    a.runUntil(mid);
    const b = new Simulation(sc);
    while ((b.next_time() ?? Infinity) <= mid) b.step();
    expect(JSON.stringify(a.result())).toBe(JSON.stringify(b.result()));
    expect(a.result().samples.at(-1)?.t_ms).toBe(2000);
  });

  it('is a snapshot: running on does not change it', () => {
    const sim = new Simulation(sc);
    sim.runUntil(mid);
    const r = sim.result();
    const before = JSON.stringify(r);
    sim.runToEnd();
    expect(JSON.stringify(r)).toBe(before);
  });
});

it('names every scenario file after the scenario inside it', () => {
  for (const f of FILES) expect(load(f).name).toBe(basename(f, '.json'));
});
