// Builds the bounded per-frame view of a running simulation: counts and aggregates whatever the queue sizes, the
// few queue entries on screen, and what the log and the packet tap gathered since the previous frame.
import { PROFILES } from '../kernel/profiles.ts';
import { TCPHDR_ACK, TCPHDR_FIN, TCPHDR_PSH, TCPHDR_RST, TCPHDR_SYN } from '../kernel/types.ts';
import { client_id_of } from '../sim/scenario.ts';
import type { LogEntry, Simulation, TapPacket } from '../sim/run.ts';
import {
  KNOB_NAMES, MAX_ITEMS,
  type AcceptItem, type ClientExperience, type ClientsView, type Counters, type KnobName, type Knobs, type LogLine,
  type PacketView, type SimFrame, type SynItem, type TimelineMark, type WatchedClient,
} from './protocol.ts';

const NS_PER_MS = 1e6;

/** What the run gathered since the previous frame (the latest ones when there were more than a frame carries). */
export interface Drained {
  readonly lines: readonly { readonly seq: number; readonly e: LogEntry }[];
  readonly skipped: number;
  readonly packets: readonly { readonly seq: number; readonly p: TapPacket }[];
}

export interface FrameInput {
  readonly playing: boolean;
  /** nothing is left to run (no event, no recorded change) before the end */
  readonly done: boolean;
  readonly replace: boolean;
  readonly drained: Drained;
  readonly timeline: TimelineMark[];
}

/**
 * How many entries each queue takes before the kernel calls it full, for a listener with backlog N:
 * sk_acceptq_is_full() is `sk_ack_backlog > sk_max_ack_backlog`, so the accept queue holds N + 1;
 * inet_csk_reqsk_queue_is_full() is `qlen > N` on 6.18 (N + 1 request socks) and `qlen >= N` before it.
 * (With syncookies 0, tcp_conn_request() also drops at 3/4 of tcp_max_syn_backlog; the gauge shows the
 * backlog limit, and the counters show the other.)
 */
function limits(sim: Simulation, backlog: number | null): { syn: number; accept: number } {
  if (backlog === null) return { syn: 0, accept: 0 };
  const gt = PROFILES[sim.server().profile].reqsk_queue_full === 'gt';
  return { syn: gt ? backlog + 1 : backlog, accept: backlog + 1 };
}

const ms = (ns: number): number => ns / NS_PER_MS;

/** A client id from a spoofed group, or an address outside the lab's clients. */
function isSpoofed(sim: Simulation, client: number): boolean {
  return client < 0 || sim.groups[sim.group_of(client)]?.kind === 'spoofed';
}

/** The oldest request socks of the listener: the reqs map keeps insertion order, so this stops after MAX_ITEMS. */
function synItems(sim: Simulation): SynItem[] {
  const out: SynItem[] = [];
  for (const req of sim.server().reqs.values()) {
    if (req.listener !== sim.fd) continue;
    const client = client_id_of(req.rmt_addr, req.rmt_port) ?? -1;
    out.push({
      id: req.id,
      client,
      spoofed: isSpoofed(sim, client),
      retrans: req.num_retrans,
      timeouts: req.num_timeout,
      timer_ms: ms(sim.ns_of_jiffies(req.timer_fires)),
      acked: req.acked,
    });
    if (out.length >= MAX_ITEMS) break;
  }
  return out;
}

function acceptItems(sim: Simulation): AcceptItem[] {
  const sk = sim.listener();
  if (!sk) return [];
  const children = sim.server().children;
  return sk.accept_queue.slice(0, MAX_ITEMS).map((id) => {
    const c = children.get(id);
    const client = c ? (client_id_of(c.rmt_addr, c.rmt_port) ?? -1) : -1;
    return { id, client, spoofed: isSpoofed(sim, client), cookie: c?.syncookie ?? false, from_req: c?.req ?? null };
  });
}

/** What a normal client's connect() has experienced so far. */
function experienceOf(sim: Simulation, id: number, queued: ReadonlySet<number>): ClientExperience {
  const c = sim.clients.get(id);
  if (!c) return 'waiting';
  if (c.accepted_at_ns !== null) return 'accepted';
  switch (c.state) {
    case 'established': return queued.has(id) ? 'queued' : 'stalled';
    case 'reset': return 'refused';
    case 'timed_out': return 'timed_out';
    case 'syn_sent': return 'retrying';
  }
}

function clientsView(sim: Simulation): ClientsView {
  const sk = sim.listener();
  const children = sim.server().children;
  const queued = new Set<number>();
  for (const id of sk?.accept_queue ?? []) {
    const c = children.get(id);
    const cid = c ? client_id_of(c.rmt_addr, c.rmt_port) : null;
    if (cid !== null) queued.add(cid);
  }
  const tally: Record<ClientExperience, number> = { accepted: 0, queued: 0, stalled: 0, refused: 0, timed_out: 0, retrying: 0, waiting: 0 };
  let spoofed_sent = 0;
  sim.groups.forEach((g, gi) => {
    if (g.kind === 'spoofed') spoofed_sent += sim.started_in_group(gi);
    else tally.waiting += Math.max(0, sim.in_run_in_group(gi) - sim.started_in_group(gi));
  });
  for (const id of sim.clients.keys()) tally[experienceOf(sim, id, queued)]++;
  const watched: WatchedClient[] = [...(sim.tap?.clients ?? [])].map((id) => {
    const kind = sim.groups[sim.group_of(id)]?.kind ?? 'normal';
    const c = sim.clients.get(id);
    if (kind === 'spoofed') {
      const g = sim.group_of(id);
      const sent = sim.client_started(g, id - sim.group_base[g]);
      return { id, kind, experience: sent ? 'retrying' : 'waiting', syn_sent: sent ? 1 : 0, synack_received: 0, acks_sent: 0 };
    }
    return { id, kind, experience: experienceOf(sim, id, queued), syn_sent: c?.syn_sent ?? 0, synack_received: c?.synack_received ?? 0, acks_sent: c?.acks_sent ?? 0 };
  });
  return { tally, spoofed_sent, watched };
}

function knobsOf(sim: Simulation): Knobs {
  const s = sim.server().sysctl;
  const sysctl = Object.fromEntries(KNOB_NAMES.map((k) => [k, s[k]])) as Record<KnobName, number>;
  return {
    sysctl,
    listen_backlog: sim.listen_backlog,
    accept_interval_ms: sim.accept_interval_ns === null ? null : ms(sim.accept_interval_ns),
    normal_per_s: sim.traffic.normal_per_s,
    flood_per_s: sim.traffic.flood_per_s,
  };
}

function logLine(seq: number, e: LogEntry): LogLine {
  const d = e.d;
  return { seq, t_ms: ms(e.t_ns), event: e.event, fn: d.fn, code: d.code, mib: d.mib, client: e.client, req: d.req ?? null, sock: d.sock ?? null, args: d.args ?? {} };
}

const FLAG_NAMES: readonly [number, string][] = [[TCPHDR_SYN, 'SYN'], [TCPHDR_RST, 'RST'], [TCPHDR_FIN, 'FIN'], [TCPHDR_PSH, 'PSH'], [TCPHDR_ACK, 'ACK']];

/** Flags as a ladder labels them: SYN, SYN|ACK, ACK, RST, RST|ACK (the ACK bit last, as people say it). */
export function flagNames(flags: number): string {
  return FLAG_NAMES.filter(([bit]) => flags & bit).map(([, name]) => name).join('|');
}

function packetView(seq: number, p: TapPacket): PacketView {
  return { seq, t_ms: ms(p.t_ns), dir: p.dir, client: p.client, flags: flagNames(p.flags), why: p.why, dropped: p.dropped };
}

export function frameOf(sim: Simulation, input: FrameInput): SimFrame {
  const l = sim.listener();
  const listening = l !== null && l.sk_state === 'TCP_LISTEN';
  const backlog = listening ? l.sk_max_ack_backlog : null;
  const lim = limits(sim, backlog);
  const counters: Counters = { ...sim.server().mib };
  return {
    t_ms: ms(sim.now_ns),
    end_ms: ms(sim.end_ns),
    done: input.done,
    playing: input.playing,
    backlog,
    port: l !== null && l.num !== 0 ? l.num : null,
    syn_queue: { len: listening ? l.qlen : 0, limit: lim.syn },
    accept_queue: { len: listening ? l.sk_ack_backlog : 0, limit: lim.accept },
    counters,
    events: sim.events,
    replace: input.replace,
    knobs: knobsOf(sim),
    syn_items: listening ? synItems(sim) : [],
    accept_items: listening ? acceptItems(sim) : [],
    packets: input.drained.packets.map((x) => packetView(x.seq, x.p)),
    log: input.drained.lines.map((x) => logLine(x.seq, x.e)),
    log_skipped: input.drained.skipped,
    clients: clientsView(sim),
    timeline: input.timeline,
  };
}
