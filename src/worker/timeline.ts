// Where the counters that tell the listen path's story moved, over the run, in TIMELINE_BUCKETS stretches of
// simulated time: per (bucket, counter) how many moves and the first event that made one. Fed from the decision
// log (each decision lists the counters it moved); the page draws it as clickable ticks under the panels.
import type { LogEntry } from '../sim/run.ts';
import { TIMELINE_BUCKETS, type CounterField, type TimelineMark } from './protocol.ts';

/** The counters the timeline follows (the others are traffic: InSegs, OutSegs, TCPPureAcks …). */
export const TIMELINE_FIELDS: readonly CounterField[] = [
  'ListenOverflows', 'ListenDrops', 'TCPReqQFullDrop', 'TCPReqQFullDoCookies', 'SyncookiesSent', 'SyncookiesRecv',
  'SyncookiesFailed', 'TCPSynRetrans', 'TCPTimeouts', 'PassiveOpens', 'EmbryonicRsts', 'TCPDeferAcceptDrop',
];
const FOLLOWED: ReadonlySet<string> = new Set(TIMELINE_FIELDS);

export class Timeline {
  private readonly marks = new Map<string, { bucket: number; field: CounterField; moves: number; first_event: number }>();
  private changed = new Set<string>();
  /** the next take() sends every mark (the page replaces its copy) */
  private all = true;
  /** events up to this one are counted (a replay of events already counted adds nothing) */
  private counted_to = 0;

  constructor(private readonly end_ns: number) {}

  private bucketOf(t_ns: number): number {
    return Math.min(TIMELINE_BUCKETS - 1, Math.floor((t_ns / Math.max(1, this.end_ns)) * TIMELINE_BUCKETS));
  }

  /** Counts the decisions of events not counted yet. */
  add(log: readonly LogEntry[]): void {
    let last = this.counted_to;
    for (const e of log) {
      if (e.event <= this.counted_to) continue;
      last = Math.max(last, e.event);
      for (const f of e.d.mib) {
        if (!FOLLOWED.has(f)) continue;
        const bucket = this.bucketOf(e.t_ns);
        const key = `${bucket}:${f}`;
        const m = this.marks.get(key);
        if (m) m.moves++;
        else this.marks.set(key, { bucket, field: f, moves: 1, first_event: e.event });
        this.changed.add(key);
      }
    }
    this.counted_to = last;
  }

  /**
   * The run went back to (events, t_ns) and changed its future: forget what came after. The bucket the cut falls
   * in is dropped whole and counts again from the cut on (its moves before the cut in that 1/TIMELINE_BUCKETS of
   * the run are not recounted: their decisions were replayed without the log).
   */
  truncate(events: number, t_ns: number): void {
    const cut = this.bucketOf(t_ns);
    for (const [key, m] of this.marks) if (m.bucket >= cut) this.marks.delete(key);
    this.counted_to = Math.min(this.counted_to, events);
    this.all = true;
  }

  /** events counted so far: a replay beyond this point must keep the decision log on */
  get counted(): number {
    return this.counted_to;
  }

  /** The marks that changed since the last call (all of them after a truncate or the first call). */
  take(all: boolean): TimelineMark[] {
    const keys = all || this.all ? [...this.marks.keys()] : [...this.changed];
    this.all = false;
    this.changed.clear();
    return keys.flatMap((k) => {
      const m = this.marks.get(k);
      return m ? [{ ...m }] : [];
    });
  }
}
