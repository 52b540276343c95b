// Geometry of the packet ladder, as pure functions: where each lane sits and where each packet's arrow goes.
// One row per packet, in the order the run sent them: the lab's network has no delay by default, so a SYN, its
// SYN-ACK and the ACK share one simulated instant, and a time-proportional axis would draw them on top of each
// other. Time is written in the gutter where it changes, and a long silence (a retransmission timer) opens a gap.
// The words come from the caller, already translated: this module knows no language and no model.

/** What the ladder needs of a packet (structurally PacketView from the protocol). */
export interface LadderPacket {
  readonly seq: number;
  readonly t_ms: number;
  readonly dir: 'in' | 'out';
  readonly client: number;
  readonly flags: string;
  readonly why: string | null;
  /** the server dropped it (client → server only): why, in words, for the arrow's note */
  readonly drop?: string | null;
}

export type ArrowKind = 'syn' | 'synack' | 'ack' | 'rst' | 'other';

export interface LadderWords {
  /** the note on a client's n-th SYN retransmission (n ≥ 1) */
  readonly retry: (n: number) => string;
  /** the note on a SYN-ACK the request's timer retransmitted */
  readonly rtx_timer: string;
  /** the note on a SYN-ACK sent again because the client's SYN came again */
  readonly rtx_syn: string;
  /** the note on a SYN-ACK that carries a SYN cookie (no request sock kept) */
  readonly cookie: string;
  /** a time in the gutter */
  readonly time: (t_ms: number) => string;
}

export interface Lane {
  readonly id: number;
  readonly x: number;
}

export interface Lanes {
  readonly width: number;
  readonly server_x: number;
  readonly lanes: readonly Lane[];
}

export interface ArrowRow {
  readonly seq: number;
  readonly t_ms: number;
  readonly client: number;
  readonly dir: 'in' | 'out';
  readonly flags: string;
  readonly why: string | null;
  readonly kind: ArrowKind;
  /** a retransmission: the client's SYN again, or the server's SYN-ACK again */
  readonly rtx: boolean;
  readonly cookie: boolean;
  /** the server dropped it: the arrow ends in a cross */
  readonly dropped: boolean;
  /** top of the row */
  readonly y: number;
  /** the arrow, from sender to receiver, slanting down as time does */
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  /** where the label is centred */
  readonly label_x: number;
  /** SYN, SYN-ACK, ACK, RST */
  readonly label: string;
  /** what is special about it (retry 2, retransmitted by the timer, cookie, dropped and why), or null */
  readonly note: string | null;
  /** the time, written only where it differs from the row above */
  readonly time: string | null;
  /** a separator above the row: a silence of at least GAP_MS before it */
  readonly gap: boolean;
}

export interface Ladder extends Lanes {
  readonly rows: readonly ArrowRow[];
  /** where the present is drawn, below the last row */
  readonly now_y: number;
  readonly height: number;
}

export const GUTTER = 74;
export const SERVER_X = GUTTER + 36;
export const RIGHT_PAD = 34;
export const MIN_PITCH = 46;
export const MAX_PITCH = 150;
export const ROW_H = 24;
export const GAP_H = 12;
/** a silence at least this long between two packets opens a gap (timers fire after 1 s and more) */
export const GAP_MS = 50;
/** the arrow starts this far below the row top, leaving room for the label above it */
const ARROW_TOP = 14;
const SLANT = 6;
/** arrows stop short of the lane line, so the head stays visible */
const END_INSET = 3;
const NOW_H = 22;

/** Lanes: the server on the left, then one lane per watched client, in the order given. */
export function laneLayout(ids: readonly number[], width: number): Lanes {
  const room = width - RIGHT_PAD - SERVER_X;
  const pitch = ids.length === 0 ? MAX_PITCH : Math.max(MIN_PITCH, Math.min(MAX_PITCH, room / ids.length));
  const lanes = ids.map((id, i) => ({ id, x: SERVER_X + pitch * (i + 1) }));
  const needed = (lanes.at(-1)?.x ?? SERVER_X) + RIGHT_PAD;
  return { width: Math.max(width, needed), server_x: SERVER_X, lanes };
}

export function arrowKind(flags: string): ArrowKind {
  const f = flags.split('|');
  if (f.includes('RST')) return 'rst';
  if (f.includes('SYN')) return f.includes('ACK') ? 'synack' : 'syn';
  if (f.includes('ACK')) return 'ack';
  return 'other';
}

const LABEL: Record<ArrowKind, string | null> = { syn: 'SYN', synack: 'SYN-ACK', ack: 'ACK', rst: 'RST', other: null };

/**
 * The ladder for `packets` (oldest first) between the server and the clients `ids`. Packets of clients without a
 * lane are left out. A client's SYN after an earlier SYN of the same client in `packets` is a retransmission.
 */
export function layoutLadder(packets: readonly LadderPacket[], ids: readonly number[], width: number, words: LadderWords): Ladder {
  const lanes = laneLayout(ids, width);
  const laneX = new Map(lanes.lanes.map((l) => [l.id, l.x]));
  const synsSeen = new Map<number, number>();
  const rows: ArrowRow[] = [];
  let y = 0;
  let prevT: number | null = null;
  for (const p of packets) {
    const cx = laneX.get(p.client);
    if (cx === undefined) continue;
    const kind = arrowKind(p.flags);
    let note: string | null = null;
    let rtx = false;
    if (p.dir === 'in' && kind === 'syn') {
      const n = synsSeen.get(p.client) ?? 0;
      synsSeen.set(p.client, n + 1);
      if (n > 0) [rtx, note] = [true, words.retry(n)];
    } else if (p.why === 'synack_rtx_timer') [rtx, note] = [true, words.rtx_timer];
    else if (p.why === 'synack_rtx_syn') [rtx, note] = [true, words.rtx_syn];
    const cookie = p.why === 'synack_cookie';
    if (cookie) note = words.cookie;
    const dropped = p.dir === 'in' && p.drop != null;
    if (dropped) note = note === null ? p.drop! : `${note} · ${p.drop}`;
    const gap = prevT !== null && p.t_ms - prevT >= GAP_MS;
    if (gap) y += GAP_H;
    const [from, to] = p.dir === 'in' ? [cx, lanes.server_x] : [lanes.server_x, cx];
    const toward = Math.sign(to - from);
    rows.push({
      seq: p.seq, t_ms: p.t_ms, client: p.client, dir: p.dir, flags: p.flags, why: p.why, kind, rtx, cookie, dropped, y,
      x1: from + toward * END_INSET, y1: y + ARROW_TOP, x2: dropped ? to : to - toward * END_INSET, y2: y + ARROW_TOP + SLANT,
      label_x: (from + to) / 2,
      label: LABEL[kind] ?? p.flags,
      note,
      time: p.t_ms === prevT ? null : words.time(p.t_ms),
      gap,
    });
    prevT = p.t_ms;
    y += ROW_H;
  }
  const now_y = y + (rows.length > 0 ? 4 : 0);
  return { ...lanes, rows, now_y, height: now_y + NOW_H };
}
