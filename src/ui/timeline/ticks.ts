// What the timeline draws from the store's marks: one lane per counter family (drops, cookies, retransmissions,
// opens), one tick per (lane, bucket) that sums the family's moves there and keeps each counter's share, so a tick
// can say which counters moved and open the earliest decision among them. Pure: the view only lays ticks out.
import { TIMELINE_BUCKETS, type CounterField, type TimelineMark } from '../../worker/protocol.ts';

export const FAMILIES = ['drops', 'cookies', 'retrans', 'opens'] as const;
export type Family = (typeof FAMILIES)[number];

/**
 * The lane of each counter the worker's timeline follows. Drops: what the listener threw away or reset (the
 * overflows and the request socks ended early); cookies: SYN cookies sent, checked, refused; retrans: the request
 * timer and its SYN-ACKs sent again; opens: connections made. A field missing here is not drawn (a test checks
 * that every field the worker follows has a lane).
 */
export const FAMILY_OF: Readonly<Partial<Record<CounterField, Family>>> = {
  ListenOverflows: 'drops',
  ListenDrops: 'drops',
  TCPReqQFullDrop: 'drops',
  EmbryonicRsts: 'drops',
  TCPDeferAcceptDrop: 'drops',
  TCPReqQFullDoCookies: 'cookies',
  SyncookiesSent: 'cookies',
  SyncookiesRecv: 'cookies',
  SyncookiesFailed: 'cookies',
  TCPSynRetrans: 'retrans',
  TCPTimeouts: 'retrans',
  PassiveOpens: 'opens',
};

export interface TickPart {
  readonly field: CounterField;
  readonly moves: number;
  readonly first_event: number;
}

export interface LaneTick {
  /** `${family}:${bucket}`: stable while the run lives, so the view keys its marks by it */
  readonly key: string;
  readonly family: Family;
  readonly lane: number;
  readonly bucket: number;
  /** all moves of the family's counters in the bucket */
  readonly moves: number;
  /** the counters that moved, earliest first decision first (the first is the one a click opens) */
  readonly parts: readonly TickPart[];
}

/** The earliest decision of a tick: where a click on it seeks, and the counter it selects. */
export const headOf = (tick: LaneTick): TickPart => tick.parts[0];

/** Ticks by bucket, then lane; ties of first event keep the family's counter order above. */
export function laneTicks(marks: readonly TimelineMark[]): LaneTick[] {
  const order = Object.keys(FAMILY_OF);
  const byKey = new Map<string, { family: Family; bucket: number; parts: TickPart[] }>();
  for (const m of marks) {
    const family = FAMILY_OF[m.field];
    if (!family) continue;
    const key = `${family}:${m.bucket}`;
    const at = byKey.get(key) ?? { family, bucket: m.bucket, parts: [] };
    at.parts.push({ field: m.field, moves: m.moves, first_event: m.first_event });
    byKey.set(key, at);
  }
  const ticks: LaneTick[] = [];
  for (const [key, { family, bucket, parts }] of byKey) {
    parts.sort((a, b) => a.first_event - b.first_event || order.indexOf(a.field) - order.indexOf(b.field));
    ticks.push({ key, family, lane: FAMILIES.indexOf(family), bucket, moves: parts.reduce((n, p) => n + p.moves, 0), parts });
  }
  return ticks.sort((a, b) => a.bucket - b.bucket || a.lane - b.lane);
}

/**
 * laneTicks that remembers each bucket's ticks: a frame changes the marks of a few buckets (the store keeps the
 * other marks as the same objects), so the other buckets' ticks are reused as they were, and the picture can skip
 * them. Marks come sorted by bucket, as the store keeps them (anything else is grouped afresh).
 */
export function laneTicker(): (marks: readonly TimelineMark[]) => LaneTick[] {
  let cache = new Map<number, { marks: readonly TimelineMark[]; ticks: LaneTick[] }>();
  return (marks) => {
    const next = new Map<number, { marks: readonly TimelineMark[]; ticks: LaneTick[] }>();
    const out: LaneTick[] = [];
    for (let i = 0; i < marks.length; ) {
      const bucket = marks[i].bucket;
      let j = i;
      while (j < marks.length && marks[j].bucket === bucket) j++;
      if (i > 0 && bucket < marks[i - 1].bucket) return laneTicks(marks);
      const old = cache.get(bucket);
      const same = old !== undefined && old.marks.length === j - i && old.marks.every((m, k) => m === marks[i + k]);
      const entry = same ? old : { marks: marks.slice(i, j), ticks: laneTicks(marks.slice(i, j)) };
      next.set(bucket, entry);
      for (const t of entry.ticks) out.push(t);
      i = j;
    }
    cache = next;
    return out;
  };
}

/** Simulated time where a bucket starts. */
export const bucketStartMs = (bucket: number, end_ms: number): number => (bucket / TIMELINE_BUCKETS) * end_ms;

/**
 * The tick whose decision comes next after event `events` (dir 1) or last before it (dir -1): what ] and [ open.
 * Null when there is none that way.
 */
export function tickAfter(ticks: readonly LaneTick[], events: number, dir: 1 | -1): LaneTick | null {
  let best: LaneTick | null = null;
  for (const tick of ticks) {
    const e = headOf(tick).first_event;
    if (dir === 1 ? e <= events : e >= events) continue;
    const b = best && headOf(best).first_event;
    if (b === null || (dir === 1 ? e < b : e > b)) best = tick;
  }
  return best;
}
