// The event queue: a binary heap ordered by (time, sequence). Time is integer ns; the sequence is the insertion
// order, so events at the same time run in the order they were scheduled — except "early" events (samples),
// which run before every other event of their instant, as the recorder's samples do. Invariants: time never
// goes backwards; pop() returns events in non-decreasing (time, seq). Cancelling is done by the owner marking
// the event stale (a generation number), never by searching the heap.

export interface Scheduled<E> {
  readonly t: number;
  readonly seq: number;
  readonly ev: E;
}

const EARLY_BASE = -(2 ** 52);

export class Scheduler<E> {
  private heap: Scheduled<E>[] = [];
  private seq = 0;
  private early_seq = EARLY_BASE;
  private now = 0;

  get size(): number {
    return this.heap.length;
  }

  at(t: number, ev: E, early = false): void {
    if (!Number.isInteger(t) || t < this.now) throw new Error(`scheduler: event at ${t} ns is before now (${this.now} ns)`);
    this.push({ t, seq: early ? this.early_seq++ : this.seq++, ev });
  }

  peek_time(): number | null {
    return this.heap.length ? this.heap[0].t : null;
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
    h.push(x);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!Scheduler.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private sift_down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let m = i;
      if (l < h.length && Scheduler.less(h[l], h[m])) m = l;
      if (r < h.length && Scheduler.less(h[r], h[m])) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
  }
}
