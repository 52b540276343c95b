// Property tests over random small scenarios: the Simulation is stepped one event at a time (changes made while
// running go in between, through act()), and after every step the kernel state must keep the invariants of
// kernel-notes.md §0/§12 — both queue limits hold at insertion, qlen/young/acc agree with the sockets, counters
// only grow, and every SYN and every request has exactly one fate, each counted by the counters that fate moves.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Simulation, type LogEntry } from '../../src/sim/run.ts';
import type { Scenario } from '../../src/sim/scenario.ts';
import { PROFILES } from '../../src/kernel/profiles.ts';
import { GAUGES, MIB_FIELDS, type MibField } from '../../src/kernel/mib.ts';
import type { Decision, DecisionCode } from '../../src/kernel/effects.ts';
import type { ListenSock } from '../../src/kernel/types.ts';
import { smallScenario, userActions, type TimedAction } from './small-scenarios.ts';
import { jiffies_at, ms_to_ns } from '../../src/sim/time.ts';

type Mib = Record<MibField, number>;

/** The fates of a SYN that reaches the listener (tcp_conn_request and tcp_v4_conn_request). */
const LISTENER_SYN: readonly DecisionCode[] = [
  'syn_broadcast_drop', 'syn_queue_full_cookie', 'syn_queue_full_drop', 'syn_accept_queue_full', 'syn_last_quarter_drop',
  'syn_cookie_sent', 'syn_request_created',
];
/** The fates of a retransmitted SYN for an existing request (R1). */
const SYN_FOR_REQ: readonly DecisionCode[] = ['req_dup_syn_synack', 'req_dup_syn_ratelimited'];
/** The ends of a request sock. */
const REQ_END: readonly DecisionCode[] = ['req_child_created', 'req_timer_expired', 'req_timer_expired_pruned', 'req_rst_or_syn', 'req_overflow_abort'];
const TIMER: readonly DecisionCode[] = ['req_timer_rtx', 'req_timer_rtx_pruned', 'req_timer_expired', 'req_timer_expired_pruned'];

/** What each listener-side SYN decision must have counted (InSegs is the segment's own, counted on arrival). */
function expected_syn_mib(d: Decision): MibField[] {
  switch (d.code) {
    case 'syn_request_created': return ['InSegs', 'OutSegs'];
    case 'syn_queue_full_cookie':
    case 'syn_cookie_sent': return ['InSegs', 'TCPReqQFullDoCookies', 'SyncookiesSent', 'OutSegs'];
    case 'syn_queue_full_drop': return ['InSegs', 'TCPReqQFullDrop', 'ListenDrops'];
    case 'syn_accept_queue_full':
      return d.args?.cookie === 1 ? ['InSegs', 'TCPReqQFullDoCookies', 'ListenOverflows', 'ListenDrops'] : ['InSegs', 'ListenOverflows', 'ListenDrops'];
    case 'syn_last_quarter_drop':
    case 'syn_broadcast_drop': return ['InSegs', 'ListenDrops'];
    default: throw new Error(`not a listener SYN decision: ${d.code}`);
  }
}

interface Snap {
  /** each live request's timer: [expires, when the wheel runs it] */
  readonly timers: Map<number, readonly [number, number]>;
  readonly mib: Mib;
  readonly acc: number;
  readonly qlen: number;
  readonly log: number;
  readonly packets: number;
  readonly samples: number;
}

function listener(sim: Simulation): ListenSock {
  const sk = sim.listener();
  if (!sk) throw new Error('no listener');
  return sk;
}

function snap(sim: Simulation): Snap {
  const sk = listener(sim);
  const timers = new Map<number, readonly [number, number]>();
  for (const r of sim.server().reqs.values()) timers.set(r.id, [r.timer_expires, r.timer_fires]);
  return { timers, mib: { ...sim.server().mib }, acc: sk.sk_ack_backlog, qlen: sk.qlen, log: sim.log.length, packets: sim.packets.length, samples: sim.samples.length };
}

const sorted = (xs: readonly string[]): string[] => [...xs].sort();

// Per-step checks run thousands of times per property run: plain throws, not expect(), keep them cheap.
function check(cond: boolean, what: () => string): void {
  if (!cond) throw new Error(what());
}
const eq = (a: unknown, b: unknown, what: string): void => check(a === b, () => `${what}: ${String(a)} !== ${String(b)}`);

/** The state every step must leave behind, whatever happened. */
function check_state(sim: Simulation): void {
  const net = sim.server();
  const sk = listener(sim);
  eq(sk.sk_state, 'TCP_LISTEN', 'listener state');
  eq(sk.sk_ack_backlog, sk.accept_queue.length, 'sk_ack_backlog vs accept queue length');
  let reqs = 0;
  let young = 0;
  for (const r of net.reqs.values()) {
    eq(r.listener, sk.id, `request ${r.id} listener`);
    reqs++;
    if (r.num_timeout === 0) young++;
  }
  eq(sk.qlen, reqs, 'qlen vs request socks of the listener');
  check(sk.young >= 0 && sk.young <= sk.qlen, () => `young ${sk.young} outside 0..qlen ${sk.qlen}`);
  // young = requests whose timer has not fired yet
  eq(sk.young, young, 'young vs requests with num_timeout 0');
  for (const id of sk.accept_queue) eq(net.children.get(id)?.in_accept_queue, true, `queued child ${id}`);
  eq(new Set(sk.accept_queue).size, sk.accept_queue.length, 'a child queued twice');
  let ereq = 0;
  let echild = 0;
  for (const e of net.ehash.values()) if (e.kind === 'req') ereq++; else echild++;
  eq(ereq, net.reqs.size, 'requests in ehash');
  eq(echild, net.children.size, 'children in ehash');
  // tcp_listendrop(): sk_drops and ListenDrops move together (one listener in the namespace)
  eq(sk.sk_drops, net.mib.ListenDrops, 'sk_drops vs ListenDrops');
  check(net.mib.ListenDrops >= net.mib.ListenOverflows, () => `ListenDrops ${net.mib.ListenDrops} < ListenOverflows ${net.mib.ListenOverflows}`);
  eq(net.tcp_metrics.length, 0, 'proven peers');
}

/** What one step may have changed, given the state before it. */
function check_step(sim: Simulation, before: Snap): void {
  const net = sim.server();
  const sk = listener(sim);
  const N = sk.sk_max_ack_backlog;
  const mib = net.mib;
  const at = `at ${sim.now_ns / 1e6} ms`;
  // counters only grow (CurrEstab is a gauge)
  for (const f of MIB_FIELDS) if (!GAUGES.has(f)) check(mib[f] >= before.mib[f], () => `${f} went down ${at}: ${before.mib[f]} → ${mib[f]}`);
  check(mib.ListenDrops - before.mib.ListenDrops >= mib.ListenOverflows - before.mib.ListenOverflows, () => `ListenOverflows without ListenDrops ${at}`);
  // the accept queue: a child is added only while acc ≤ N (sk_acceptq_is_full is acc > N), one at a time
  if (sk.sk_ack_backlog > before.acc) {
    eq(sk.sk_ack_backlog, before.acc + 1, `children added in one step ${at}`);
    check(before.acc <= N, () => `child added to a full accept queue ${at}: acc ${before.acc} > N ${N}`);
  }
  // the SYN queue: a request is added only while qlen ≤ N (6.18; qlen < N on 6.1) …
  if (sk.qlen > before.qlen) {
    eq(sk.qlen, before.qlen + 1, `requests added in one step ${at}`);
    const gt = PROFILES[sim.scenario.kernel].reqsk_queue_full === 'gt';
    check(gt ? before.qlen <= N : before.qlen < N, () => `request added to a full SYN queue ${at}: qlen ${before.qlen}, N ${N}`);
    // … and, with syncookies off, while msb − qlen ≥ msb>>2 (no peer is proven in the lab)
    const msb = net.sysctl['net.ipv4.tcp_max_syn_backlog'];
    if (net.sysctl['net.ipv4.tcp_syncookies'] === 0) {
      check(msb - before.qlen >= msb >> 2, () => `request added past the last-quarter rule ${at}: qlen ${before.qlen}, msb ${msb}`);
    }
  }
  const fresh = sim.log.slice(before.log).map((e) => e.d);
  const packets = sim.packets.slice(before.packets);
  let inbound = 0;
  let outbound = 0;
  let rsts = 0;
  let syns = 0;
  for (const p of packets) {
    if (p.dir === 'in') {
      inbound++;
      if (p.flags === 'S') syns++;
    } else {
      outbound++;
      if (p.flags.includes('R')) rsts++;
    }
  }
  // the wire and the counters agree
  eq(mib.InSegs - before.mib.InSegs, inbound, `InSegs vs segments in ${at}`);
  eq(mib.OutSegs - before.mib.OutSegs, outbound, `OutSegs vs segments out ${at}`);
  eq(mib.OutRsts - before.mib.OutRsts, rsts, `OutRsts vs RSTs out ${at}`);
  // every SYN meets exactly one fate (the lab's clients retransmit a SYN with its first ISN, so a SYN for a
  // request is always R1), and a listener-side fate moves exactly its counters
  let fates = 0;
  for (const d of fresh) {
    if (SYN_FOR_REQ.includes(d.code)) fates++;
    if (!LISTENER_SYN.includes(d.code)) continue;
    fates++;
    const want = sorted(expected_syn_mib(d));
    const got = sorted(d.mib);
    check(want.join() === got.join(), () => `${d.code} ${at} counted ${got.join()} instead of ${want.join()}`);
    if (d.code === 'syn_request_created') {
      const N_then = Number(d.args?.backlog);
      const limit = PROFILES[sim.scenario.kernel].reqsk_queue_full === 'gt' ? N_then + 1 : N_then;
      check(Number(d.args?.qlen) <= limit, () => `syn_request_created ${at} with qlen ${String(d.args?.qlen)} > ${limit}`);
    }
  }
  eq(fates, syns, `SYN fates vs SYNs in ${at}`);
  // the narrated log explains the counters: what its decisions say they moved is what moved
  // (tests/kernel/decision_log.test.ts has the minimal cases)
  const moved: Partial<Record<MibField, number>> = {};
  for (const d of fresh) for (const f of d.mib) moved[f] = (moved[f] ?? 0) + 1;
  for (const f of MIB_FIELDS) if (!GAUGES.has(f)) eq(moved[f] ?? 0, mib[f] - before.mib[f], `${f} moved vs the log's decisions ${at}`);
  // a request timer runs at the jiffy the wheel put it in, never before its expiry
  for (const d of fresh) {
    if (d.fn !== 'reqsk_timer_handler' || d.req === undefined) continue;
    const armed = before.timers.get(d.req);
    check(armed !== undefined, () => `timer of request ${d.req} ran ${at} but was not armed`);
    const now = jiffies_at(sim.host.clock, sim.now_ns);
    check(now === armed![1] && now > armed![0], () => `timer of request ${d.req} ran at jiffy ${now}, armed for ${armed![0]} in bucket ${armed![1]}`);
  }
  // a sample shows the queues as they are
  if (sim.samples.length > before.samples) {
    const s = sim.samples[sim.samples.length - 1];
    eq(s.syn_recv, sk.qlen, `sample syn_recv ${at}`);
    eq(s.accept_queue, sk.sk_ack_backlog, `sample accept_queue ${at}`);
  }
}

/** Counts of decisions by code. */
function tally(log: readonly LogEntry[]): (...codes: DecisionCode[]) => number {
  const n = new Map<DecisionCode, number>();
  for (const e of log) n.set(e.d.code, (n.get(e.d.code) ?? 0) + 1);
  return (...codes) => codes.reduce((s, c) => s + (n.get(c) ?? 0), 0);
}

/** The end of the run: counters against the decision log, and every request's fate. */
function check_totals(sim: Simulation): void {
  const net = sim.server();
  const m = net.mib;
  const sk = listener(sim);
  const n = tally(sim.log);
  const cookie_full = sim.log.filter((e) => e.d.code === 'syn_accept_queue_full' && e.d.args?.cookie === 1).length;
  expect(m.TCPReqQFullDrop).toBe(n('syn_queue_full_drop'));
  expect(m.SyncookiesSent).toBe(n('syn_queue_full_cookie', 'syn_cookie_sent'));
  expect(m.TCPReqQFullDoCookies).toBe(n('syn_queue_full_cookie', 'syn_cookie_sent') + cookie_full);
  expect(m.ListenOverflows).toBe(n('syn_accept_queue_full', 'req_overflow_acked', 'req_overflow_abort', 'cookie_valid_overflow'));
  expect(m.ListenDrops).toBe(m.ListenOverflows + m.TCPReqQFullDrop + n('syn_last_quarter_drop', 'syn_broadcast_drop'));
  expect(m.TCPTimeouts).toBe(n(...TIMER));
  expect(m.TCPSynRetrans).toBe(n('req_timer_rtx', 'req_timer_rtx_pruned', 'req_dup_syn_synack'));
  expect(m.RetransSegs).toBe(m.TCPSynRetrans);
  expect(m.PassiveOpens).toBe(n('req_child_created', 'cookie_valid_child'));
  expect(m.SyncookiesRecv).toBe(n('cookie_valid_child', 'cookie_valid_overflow'));
  expect(m.SyncookiesFailed).toBe(n('cookie_invalid_rst'));
  expect(m.EmbryonicRsts).toBe(n('req_rst_or_syn', 'req_overflow_abort'));
  expect(m.AttemptFails).toBe(n('req_rst_or_syn'));
  expect(m.TCPACKSkippedSynRecv).toBeGreaterThanOrEqual(n('req_dup_syn_ratelimited'));
  expect(m.TCPACKSkippedSynRecv).toBeLessThanOrEqual(n('req_dup_syn_ratelimited', 'req_out_of_window'));
  // no connection closes in the lab: every passive open is still established, queued or accepted
  expect(m.CurrEstab).toBe(m.PassiveOpens);
  expect(net.children.size).toBe(m.PassiveOpens);
  expect(n('accept_ok') + sk.sk_ack_backlog).toBe(m.PassiveOpens);
  // SYN-ACKs on the wire: one per request, one per cookie, one per retransmission
  expect(sim.packets.filter((p) => p.dir === 'out' && p.flags === 'SA').length).toBe(n('syn_request_created') + m.SyncookiesSent + m.TCPSynRetrans);
  // the clients saw what the server did
  const accepted = [...sim.clients.values()].filter((c) => c.accepted_at_ns !== null).length;
  expect(accepted).toBe(n('accept_ok'));

  // every request: created once, then exactly one end — child, timer expiry, embryonic reset — or alive at the end
  const created = new Set<number>();
  const ended = new Map<number, DecisionCode>();
  for (const { d } of sim.log) {
    if (d.req === undefined) continue;
    if (d.code === 'syn_request_created') {
      expect(created.has(d.req)).toBe(false);
      created.add(d.req);
      continue;
    }
    expect(created.has(d.req), `${d.code} for unknown request ${d.req}`).toBe(true);
    expect(ended.has(d.req), `${d.code} for request ${d.req} after its ${ended.get(d.req)}`).toBe(false);
    if (REQ_END.includes(d.code)) ended.set(d.req, d.code);
  }
  for (const id of created) expect(ended.has(id) !== net.reqs.has(id), `request ${id}`).toBe(true);
  for (const id of net.reqs.keys()) expect(created.has(id)).toBe(true);
  expect(created.size - ended.size).toBe(sk.qlen);
}

interface Run {
  readonly sim: Simulation;
  /** a listen() with a smaller backlog left more children queued than N + 1 (real kernel behaviour) */
  readonly over_limit: boolean;
}

/** Runs the scenario one event at a time, applying `acts` between events, checking every step. */
function run_checked(sc: Scenario, acts: readonly TimedAction[]): Run {
  const sim = new Simulation(sc, { trace: true });
  let over_limit = false;
  check_state(sim);
  let before = snap(sim);
  let next_act = 0;
  for (;;) {
    const t = sim.next_time();
    const act = acts[next_act];
    const act_ns = act ? ms_to_ns(act.at_ms) : Infinity;
    if (act && act_ns <= sim.end_ns && (t === null || t > act_ns)) {
      // a change made while running: between two events, at its own time
      sim.runUntil(act_ns);
      expect(sim.log.length).toBe(before.log); // nothing ran
      sim.act(act.action);
      next_act++;
      check_state(sim);
      before = snap(sim);
      continue;
    }
    if (!sim.step()) break;
    check_state(sim);
    check_step(sim, before);
    before = snap(sim);
    const sk = listener(sim);
    if (sk.sk_ack_backlog > sk.sk_max_ack_backlog + 1) over_limit = true;
  }
  expect(sim.now_ns).toBe(sim.end_ns);
  check_totals(sim);
  return { sim, over_limit };
}

describe('simulation properties over random small scenarios', () => {
  it('invariants hold after every step; SYNs and requests each have one fate; counters match the decision log', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(smallScenario, userActions, (sc, acts) => {
        run_checked(sc, acts);
      }),
      { numRuns: 1000 },
    );
  });

  it('the scenarios reach the interesting branches (a guard against a generator that only makes idle runs)', { timeout: 60_000 }, () => {
    const seen = new Set<DecisionCode>();
    let over_limit = 0;
    let acts_applied = 0;
    fc.assert(
      fc.property(smallScenario, userActions, (sc, acts) => {
        const run = run_checked(sc, acts);
        for (const e of run.sim.log) seen.add(e.d.code);
        if (run.over_limit) over_limit++;
        acts_applied += run.sim.user_actions.length;
      }),
      { numRuns: 300, seed: 20261121 },
    );
    expect(over_limit).toBeGreaterThan(0);
    expect(acts_applied).toBeGreaterThan(100);
    for (const c of ['syn_request_created', 'syn_queue_full_cookie', 'syn_cookie_sent', 'syn_queue_full_drop', 'syn_accept_queue_full',
      'syn_last_quarter_drop', 'req_overflow_acked', 'req_overflow_abort', 'req_child_created',
      'cookie_valid_child', 'req_timer_rtx', 'req_timer_expired', 'accept_ok', 'accept_eagain'] as const) {
      expect(seen, c).toContain(c);
    }
  });
});
