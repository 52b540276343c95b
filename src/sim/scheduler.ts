// The event queue: a binary heap ordered by (time, sequence). Time is integer ns. The sequence is made of a
// class and a number within it: at one instant, packets in flight are delivered first (a zero-delay network
// delivers at once), then the scenario's own timetable — samples, client starts, re-listens and knob changes,
// accept() ticks, each in its timetable order — and last everything the run armed on its way (kernel timers,
// client retransmissions, delayed ACKs) in the order it was armed. That is the recorder's order too: it
// schedules its timetable up front and reads the kernel's replies before its next event.
// Invariants: time never goes backwards; pop() returns events in non-decreasing (time, seq). Cancelling is done
// by the owner marking the event stale, never by searching the heap.

export interface Scheduled<E> {
  readonly t: number;
  readonly seq: number;
  readonly ev: E;
}

/** Event classes, in the order they run at one instant. */
export const EvClass = { Net: 0, Sample: 1, ClientStart: 2, Timetable: 3, Accept: 4, Armed: 5 } as const;
export type EvClass = (typeof EvClass)[keyof typeof EvClass];
const CLASS_SPAN = 2 ** 48;

export class Scheduler<E> {
  private heap: Scheduled<E>[] = [];
  private seq = 0;
  private now = 0;

  get size(): number {
    return this.heap.length;
  }

  /**
   * Schedules `ev` at time t. `order` places it within its class: timetable events pass their timetable
   * index (client id, sample number …); by default, insertion order.
   */
  at(t: number, ev: E, cls: EvClass = EvClass.Armed, order?: number): void {
    if (!Number.isInteger(t) || t < this.now) throw new Error(`scheduler: event at ${t} ns is before now (${this.now} ns)`);
    const n = order ?? this.seq++;
    if (n >= CLASS_SPAN) throw new Error('scheduler: sequence space exhausted');
    this.push({ t, seq: cls * CLASS_SPAN + n, ev });
  }

  peek_time(): number | null {
    return this.heap.length ? this.heap[0].t : null;
  }

  /** Whether the next event comes before (t, cls, order) — for event sources kept outside the heap. */
  next_is_before(t: number, cls: EvClass, order: number): boolean {
    if (!this.heap.length) return false;
    const top = this.heap[0];
    return top.t < t || (top.t === t && top.seq < cls * CLASS_SPAN + order);
  }

  pop(): Scheduled<E> | null {
    const h = this.heap;
    if (!h.length) return null;
    const top = h[0];
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      this.sift_down(0);
    }
    this.now = top.t;
    return top;
  }

  private static less<E>(a: Scheduled<E>, b: Scheduled<E>): boolean {
    return a.t < b.t || (a.t === b.t && a.seq < b.seq);
  }

  private push(x: Scheduled<E>): void {
    const h = this.heap;
    let i = h.length;
    h.push(x);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!Scheduler.less(x, h[p])) break;
      h[i] = h[p];
      i = p;
    }
    h[i] = x;
  }

  private sift_down(i: number): void {
    const h = this.heap;
    const x = h[i];
    const n = h.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const c = l + 1 < n && Scheduler.less(h[l + 1], h[l]) ? l + 1 : l;
      if (!Scheduler.less(h[c], x)) break;
      h[i] = h[c];
      i = c;
    }
    h[i] = x;
  }
}
