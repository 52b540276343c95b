// Builds the "backlog-result/1" document from a finished (or paused) simulation: the effective backlog, the
// counters as the kernel names them, the samples, and what each client experienced.
import { MIB_FIELDS } from '../kernel/mib.ts';
import { PROFILES } from '../kernel/profiles.ts';
import type { Simulation } from './run.ts';
import { OUTCOMES, RESULT_FORMAT, type BacklogResult, type ClientOutcome, type ClientResult } from './result.ts';
import type { NormalClient } from './clients.ts';

export const MODEL_VERSION = '0.1.0';

/** The counters the scorer reads always appear, others only when they moved. */
const ALWAYS = ['ListenOverflows', 'ListenDrops', 'TCPReqQFullDrop', 'TCPReqQFullDoCookies', 'SyncookiesSent',
  'SyncookiesRecv', 'SyncookiesFailed', 'TCPSynRetrans'];

const REPORTED_SYSCTLS = ['net.core.somaxconn', 'net.ipv4.tcp_max_syn_backlog', 'net.ipv4.tcp_syncookies',
  'net.ipv4.tcp_synack_retries', 'net.ipv4.tcp_syn_retries', 'net.ipv4.tcp_abort_on_overflow', 'net.ipv4.tcp_syn_linear_timeouts'] as const;

function outcome_of(c: NormalClient | undefined): ClientOutcome {
  if (!c) return 'pending';
  if (c.accepted_at_ns !== null) return 'accepted';
  if (c.state === 'established') return 'established';
  if (c.state === 'reset') return 'reset';
  if (c.state === 'timed_out') return 'timed_out';
  return 'pending';
}

const ms = (t: number | null): number | null => (t === null ? null : Math.round(t / 1e3) / 1e3);

function normal_result(id: number, c: NormalClient | undefined): ClientResult {
  return {
    id, kind: 'normal', outcome: outcome_of(c), syn_sent: c?.syn_sent ?? 0, synack_received: c?.synack_received ?? 0,
    acks_sent: c?.acks_sent ?? 0, rst_received: c?.rst_received ?? false, first_synack_ms: ms(c?.first_synack_ns ?? null),
    accepted_at_ms: ms(c?.accepted_at_ns ?? null),
  };
}

function spoofed_result(id: number, synacks: number, started: boolean): ClientResult {
  return { id, kind: 'spoofed', outcome: 'spoofed', syn_sent: started ? 1 : 0, synack_received: synacks, acks_sent: 0, rst_received: false, first_synack_ms: null, accepted_at_ms: null };
}

function client_results(sim: Simulation): ClientResult[] {
  const out: ClientResult[] = [];
  sim.groups.forEach((g, gi) => {
    const base = sim.group_base[gi];
    const counts = sim.spoofed_synacks[gi];
    for (let i = 0; i < g.count; i++) {
      const id = base + i;
      const started = sim.client_started(gi, i);
      out.push(g.kind === 'normal' ? normal_result(id, sim.clients.get(id)) : spoofed_result(id, counts ? counts[i] : 0, started));
    }
  });
  return out;
}

function outcome_tally(sim: Simulation): Record<ClientOutcome, number> {
  const tally = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<ClientOutcome, number>;
  sim.groups.forEach((g, gi) => {
    if (g.kind === 'spoofed') {
      tally.spoofed += g.count;
      return;
    }
    for (let i = 0; i < g.count; i++) tally[outcome_of(sim.clients.get(sim.group_base[gi] + i))]++;
  });
  return tally;
}

export function build_result(sim: Simulation, summary: boolean): BacklogResult {
  const net = sim.server();
  const counters: Record<string, number> = {};
  for (const f of MIB_FIELDS) if (ALWAYS.includes(f) || net.mib[f] !== 0) counters[f] = net.mib[f];
  const sysctl: Record<string, number | string> = {};
  for (const n of REPORTED_SYSCTLS) sysctl[n] = net.sysctl[n];
  const sc = sim.scenario;
  const base = {
    format: RESULT_FORMAT,
    scenario: sc.name,
    source: `model ${PROFILES[sc.kernel].id} ${MODEL_VERSION}`,
    sysctl,
    listen: {
      requested_backlog: sc.server.backlog,
      effective_backlog: sim.initial_backlog,
      port: sim.port,
      relisten: sim.relisten_results.map((r) => ({ ...r })),
    },
    counters,
    // copies: a result taken while paused must not change when the run goes on
    samples: sim.samples.slice(),
    notes: [
      `seed ${sc.seed}, link delay ${sc.link_delay_us} µs, ${sim.events} events`,
      ...sim.dmesg.map((d) => `dmesg at ${(d.t_ns / 1e6).toFixed(3)} ms: ${d.text}`),
    ],
  } as const;
  if (summary) return { ...base, outcomes: outcome_tally(sim) };
  return { ...base, clients: client_results(sim), packets: sim.packets.slice() };
}
