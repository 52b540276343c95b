// What a frame's kernel decisions mean for the queues picture: where a drop or a cookie happened and which
// counters it moved (the decision's `mib` list is the truth), and why a token left. Pure, so it can be tested.
import type { CounterField, Counters, LogLine } from '../worker/protocol.ts';

/** where a marker shows: the SYN queue's entrance, on the SYN queue itself (timers), the accept queue's entrance */
export type Place = 'syn_in' | 'syn_q' | 'acc_in';
export type Tone = 'drop' | 'cookie' | 'retrans';

/** The decisions that get a marker, and where. Everything else shows as tokens moving. */
export const MARKED: Readonly<Record<string, { readonly place: Place; readonly tone: Tone }>> = {
  // tcp_conn_request(): the SYN is dropped before any request sock exists
  syn_queue_full_drop: { place: 'syn_in', tone: 'drop' },
  syn_accept_queue_full: { place: 'syn_in', tone: 'drop' },
  syn_last_quarter_drop: { place: 'syn_in', tone: 'drop' },
  // … or answered with a cookie SYN-ACK, and no request sock either
  syn_queue_full_cookie: { place: 'syn_in', tone: 'cookie' },
  syn_cookie_sent: { place: 'syn_in', tone: 'cookie' },
  // the final ACK
  req_overflow_acked: { place: 'acc_in', tone: 'drop' },
  req_overflow_abort: { place: 'acc_in', tone: 'drop' },
  req_defer_accept_drop: { place: 'acc_in', tone: 'drop' },
  cookie_valid_child: { place: 'acc_in', tone: 'cookie' },
  cookie_valid_overflow: { place: 'acc_in', tone: 'drop' },
  cookie_invalid_rst: { place: 'acc_in', tone: 'drop' },
  // a request sock's own life
  req_rst_or_syn: { place: 'syn_q', tone: 'drop' },
  req_timer_rtx: { place: 'syn_q', tone: 'retrans' },
  req_timer_rtx_pruned: { place: 'syn_q', tone: 'retrans' },
  req_timer_expired: { place: 'syn_q', tone: 'drop' },
  req_timer_expired_pruned: { place: 'syn_q', tone: 'drop' },
};

/** Segment and state counters move with nearly every decision: a marker names the ones that tell the story. */
const NOISE: ReadonlySet<CounterField> = new Set<CounterField>(['InSegs', 'OutSegs', 'RetransSegs', 'OutRsts', 'TCPPureAcks', 'PassiveOpens', 'ActiveOpens', 'CurrEstab']);

/**
 * Counters that only one place moves: when a flood's frame leaves all their decisions out, the marker still
 * shows where they happened (ListenOverflows and ListenDrops move at both entrances, so they are not here).
 */
const HOME: Partial<Record<CounterField, { readonly place: Place; readonly tone: Tone }>> = {
  TCPReqQFullDrop: { place: 'syn_in', tone: 'drop' },
  TCPReqQFullDoCookies: { place: 'syn_in', tone: 'cookie' },
  SyncookiesSent: { place: 'syn_in', tone: 'cookie' },
  SyncookiesRecv: { place: 'acc_in', tone: 'cookie' },
  SyncookiesFailed: { place: 'acc_in', tone: 'drop' },
  TCPDeferAcceptDrop: { place: 'acc_in', tone: 'drop' },
  TCPSynRetrans: { place: 'syn_q', tone: 'retrans' },
};

/** The cookie path (SYN answered without a request sock; a cookie ACK making a child) lights the bypass arc. */
export const COOKIE_PATH: ReadonlySet<string> = new Set(['syn_queue_full_cookie', 'syn_cookie_sent', 'cookie_valid_child', 'cookie_valid_overflow']);

export interface MarkerEvent {
  readonly place: Place;
  readonly tone: Tone;
  /** the decision code (one marker per place and code) */
  readonly code: string;
  /** how many decisions of this code the frame made */
  readonly times: number;
  /** counters moved, in the order the kernel moved them */
  readonly counts: readonly (readonly [CounterField, number])[];
}

/**
 * The markers of one frame: marked decisions grouped by code, with the counters they moved. A flood makes more
 * decisions than a frame carries (log_skipped): then each counter's increase between the two frames is shared
 * among the groups in proportion to what the carried decisions show, so "TCPReqQFullDrop +312" is the real
 * increase, not the 100 decisions the frame happened to carry.
 */
export function frameEvents(log: readonly LogLine[], logSkipped: number, counters: Counters, prev: Counters | null): MarkerEvent[] {
  const groups = new Map<string, { place: Place; tone: Tone; times: number; counts: Map<CounterField, number> }>();
  /** occurrences of each field in every carried decision, marked or not */
  const carried = new Map<CounterField, number>();
  for (const line of log) {
    for (const f of line.mib) carried.set(f, (carried.get(f) ?? 0) + 1);
    const m = MARKED[line.code];
    if (!m) continue;
    let g = groups.get(line.code);
    if (!g) groups.set(line.code, (g = { ...m, times: 0, counts: new Map() }));
    g.times++;
    for (const f of line.mib) if (!NOISE.has(f)) g.counts.set(f, (g.counts.get(f) ?? 0) + 1);
  }
  if (logSkipped > 0 && prev) {
    const scaleOf = new Map<CounterField, number>();
    for (const [f, n] of carried) {
      const moved = (counters[f] ?? 0) - (prev[f] ?? 0);
      if (moved > n) scaleOf.set(f, moved / n);
    }
    for (const g of groups.values()) {
      let timesScale = 1;
      for (const [f, n] of g.counts) {
        const s = scaleOf.get(f);
        if (!s) continue;
        g.counts.set(f, Math.round(n * s));
        timesScale = Math.max(timesScale, s);
      }
      g.times = Math.round(g.times * timesScale);
    }
  }
  if (logSkipped > 0 && prev) {
    // a counter that only one place moves, with none of its decisions carried: still shown, at that place
    for (const [f, home] of Object.entries(HOME) as [CounterField, (typeof HOME)[CounterField]][]) {
      const moved = (counters[f] ?? 0) - (prev[f] ?? 0);
      if (moved <= 0 || carried.has(f) || !home) continue;
      const code = `uncarried_${home.place}_${home.tone}`;
      let g = groups.get(code);
      if (!g) groups.set(code, (g = { ...home, times: 0, counts: new Map() }));
      g.counts.set(f, moved);
      g.times = Math.max(g.times, moved);
    }
  }
  const out: MarkerEvent[] = [];
  for (const [code, g] of groups) {
    if (g.counts.size === 0) continue;
    out.push({ place: g.place, tone: g.tone, code, times: g.times, counts: [...g.counts] });
  }
  return out;
}

/** Why a token leaves its queue. */
export type ExitHow =
  /** accept() took the child: it leaves by the accept() exit */
  | 'accepted'
  /** the request's timer gave up (no SYN-ACK retransmission left) */
  | 'expired'
  /** a RST ended it (tcp_abort_on_overflow, a RST or SYN from the peer) */
  | 'reset'
  /** the final ACK made a child that this frame does not show (the accept queue holds more than a frame carries) */
  | 'to_accept';

export interface Exits {
  readonly req: ReadonlyMap<number, ExitHow>;
  readonly sock: ReadonlyMap<number, ExitHow>;
}

const REQ_EXIT: Readonly<Record<string, ExitHow>> = {
  req_timer_expired: 'expired',
  req_timer_expired_pruned: 'expired',
  req_overflow_abort: 'reset',
  req_rst_or_syn: 'reset',
  req_child_created: 'to_accept',
};

/** Why requests and children left during this frame, by id (a token without a reason just fades). */
export function exitsOf(log: readonly LogLine[]): Exits {
  const req = new Map<number, ExitHow>();
  const sock = new Map<number, ExitHow>();
  for (const line of log) {
    const how = REQ_EXIT[line.code];
    if (how && line.req !== null) req.set(line.req, how);
    if (line.code === 'accept_ok' && line.sock !== null) sock.set(line.sock, 'accepted');
  }
  return { req, sock };
}

/** The frame used the cookie path (the bypass arc lights up). */
export function usedCookies(log: readonly LogLine[]): boolean {
  return log.some((l) => COOKIE_PATH.has(l.code));
}
