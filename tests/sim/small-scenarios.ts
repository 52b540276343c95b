// fast-check arbitraries for small runnable scenarios (≤ 60 clients, ≤ 20 s) that reach every branch of the listen
// path: normal and spoofed groups, backlogs from negative to large, somaxconn, tcp_max_syn_backlog, all three
// syncookies modes, synack_retries 0–6, both abort modes, delayed ACKs, accept() never or on a tick, re-listens,
// knob changes from the timetable (sysctl_changes) and changes made while running (Simulation.act()).
import fc from 'fast-check';
import type { UserAction } from '../../src/sim/events.ts';
import type { Scenario } from '../../src/sim/scenario.ts';
import { validateScenario } from '../../src/sim/validate.ts';

export const BACKLOGS = [-1, 0, 1, 2, 4, 8, 16, 200] as const;
export const SOMAXCONNS = [0, 1, 4, 8, 128, 4096] as const;
export const MAX_SYN_BACKLOGS = [8, 64, 128, 2048] as const;
export const MAX_CLIENTS = 60;
export const MAX_DURATION_MS = 20_000;

/** A knob a scenario or a user may turn while the listener runs, with values that matter. */
const knob = fc.oneof(
  fc.record({ name: fc.constant('net.ipv4.tcp_syncookies' as const), value: fc.constantFrom(0, 1, 2) }),
  fc.record({ name: fc.constant('net.ipv4.tcp_synack_retries' as const), value: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ name: fc.constant('net.ipv4.tcp_abort_on_overflow' as const), value: fc.constantFrom(0, 1) }),
  fc.record({ name: fc.constant('net.core.somaxconn' as const), value: fc.constantFrom(...SOMAXCONNS) }),
  fc.record({ name: fc.constant('net.ipv4.tcp_max_syn_backlog' as const), value: fc.constantFrom(...MAX_SYN_BACKLOGS) }),
  fc.record({ name: fc.constant('net.ipv4.tcp_invalid_ratelimit' as const), value: fc.constantFrom(0, 500) }),
);

const at_ms = fc.integer({ min: 0, max: MAX_DURATION_MS });

const group = fc.record({
  count: fc.integer({ min: 0, max: 30 }),
  start_ms: fc.integer({ min: 0, max: 4000 }),
  interval_ms: fc.constantFrom(0, 1, 3, 10, 50, 200, 700),
  kind: fc.constantFrom('normal' as const, 'spoofed' as const),
  ack_delay_ms: fc.constantFrom(0, 100, 1500),
});

const accept = fc.oneof(
  fc.constant({ mode: 'never' as const }),
  fc.record({
    mode: fc.constant('every' as const),
    interval_ms: fc.constantFrom(5, 50, 300, 1000, 2500),
    start_ms: fc.integer({ min: 0, max: 6000 }),
    stop_after_ms: fc.option(fc.integer({ min: 0, max: MAX_DURATION_MS }), { nil: null }),
  }).map(({ stop_after_ms, ...a }) => ({ ...a, stop_ms: stop_after_ms === null ? null : a.start_ms + stop_after_ms })),
);

/** Scenario JSON as a user would write it (backlog-scenario/1 plus the app's extensions). */
export const smallScenarioJson = fc
  .record({
    port: fc.constantFrom<number | null>(8080, 8080, null),
    backlog: fc.constantFrom(...BACKLOGS),
    relisten: fc.array(fc.record({ at_ms, backlog: fc.constantFrom(...BACKLOGS) }), { maxLength: 2 }),
    accept,
    somaxconn: fc.constantFrom(...SOMAXCONNS),
    msb: fc.constantFrom(...MAX_SYN_BACKLOGS),
    syncookies: fc.constantFrom(0, 1, 2),
    synack_retries: fc.integer({ min: 0, max: 6 }),
    abort: fc.constantFrom(0, 1),
    syn_retries: fc.constantFrom(1, 3, 6),
    groups: fc.array(group, { minLength: 1, maxLength: 3 }),
    duration_ms: fc.integer({ min: 200, max: MAX_DURATION_MS }),
    sample_every_ms: fc.constantFrom(50, 100, 250, 1000),
    seed: fc.nat(),
    link_delay_us: fc.constantFrom(0, 0, 0, 300, 20_000),
    kernel: fc.constantFrom('linux-6.18', 'linux-6.18', 'linux-6.18', 'linux-6.1'),
    sysctl_changes: fc.array(fc.tuple(at_ms, knob).map(([t, k]) => ({ at_ms: t, ...k })), { maxLength: 3 }),
  })
  .map((r) => {
    // at most MAX_CLIENTS in all: trim the groups in order
    let left = MAX_CLIENTS;
    const clients = r.groups.map((g) => {
      const count = Math.min(g.count, left);
      left -= count;
      return { ...g, count };
    });
    return {
      format: 'backlog-scenario/1',
      name: 'prop',
      sysctl: {
        'net.core.somaxconn': r.somaxconn,
        'net.ipv4.tcp_max_syn_backlog': r.msb,
        'net.ipv4.tcp_syncookies': r.syncookies,
        'net.ipv4.tcp_synack_retries': r.synack_retries,
        'net.ipv4.tcp_abort_on_overflow': r.abort,
        'net.ipv4.tcp_syn_retries': r.syn_retries,
      },
      server: { port: r.port, backlog: r.backlog, relisten: r.relisten, accept: r.accept },
      clients,
      duration_ms: r.duration_ms,
      sample_every_ms: r.sample_every_ms,
      kernel: r.kernel,
      seed: r.seed,
      link_delay_us: r.link_delay_us,
      sysctl_changes: r.sysctl_changes,
    };
  });

/** A validated small scenario (validation failing here is itself a test failure). */
export const smallScenario: fc.Arbitrary<Scenario> = smallScenarioJson.map((json) => {
  const v = validateScenario(json);
  if (!v.ok) throw new Error(`generated scenario rejected: ${JSON.stringify(v.errors)}`);
  return v.scenario;
});

export interface TimedAction {
  readonly at_ms: number;
  readonly action: UserAction;
}

/** Changes made while running, in time order: sysctl -w of a knob, listen() again, the accept() loop, the traffic. */
export const userActions: fc.Arbitrary<TimedAction[]> = fc
  .array(
    fc.record({
      at_ms,
      action: fc.oneof(
        knob.map((k): UserAction => ({ kind: 'sysctl', name: k.name, value: k.value })),
        fc.constantFrom(...BACKLOGS).map((backlog): UserAction => ({ kind: 'listen', backlog })),
        fc.constantFrom(null, 1, 50, 700).map((interval_ms): UserAction => ({ kind: 'accept', interval_ms })),
        fc.record({ normal_per_s: fc.constantFrom(0, 2, 20), flood_per_s: fc.constantFrom(0, 5, 40) }).map((r): UserAction => ({ kind: 'traffic', ...r })),
      ),
    }),
    { maxLength: 4 },
  )
  .map((xs) => [...xs].sort((a, b) => a.at_ms - b.at_ms));
