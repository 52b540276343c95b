// The life of the picture's markers ("TCPReqQFullDrop +312"), kept apart from drawing so it can be tested with
// a hand-driven clock. A marker is one burst: it opens on a decision, adds up every later decision of the same
// code at the same place for HOLD ms of wall time, then fades; the next decision opens a new one. So a flood
// reads as a counter ticking up for a moment at the spot where it happens, not 30 labels a second. A marker
// also waits a few frames before it fades, so a page that falls behind its frames does not lose it unseen.
// A marker made while the run is not playing (Step), or open when it pauses, stays until the next frame, so it
// can be pointed at.

export interface MarkerInput {
  readonly place: string;
  readonly code: string;
  readonly tone: string;
  readonly times: number;
  readonly counts: readonly (readonly [string, number])[];
}

export interface Marker {
  /** unique for the board's life: the key of its element */
  readonly id: number;
  readonly place: string;
  readonly code: string;
  readonly tone: string;
  times: number;
  /** counter → increase, in first-seen order */
  readonly counts: Map<string, number>;
  readonly born: number;
  /** the frame it opened in */
  readonly bornFrame: number;
  sticky: boolean;
  /** wall time it started fading, null while open */
  closedAt: number | null;
}

export const HOLD_MS = 1400;
/** …and for at least this many frames, so a page that falls behind still shows it */
export const HOLD_FRAMES = 8;
export const FADE_MS = 700;
/** markers kept per place (the oldest fading ones go first) */
export const PER_PLACE = 3;

export class MarkerBoard {
  private markers: Marker[] = [];
  private nextId = 1;
  private frame = 0;

  constructor(
    private readonly hold = HOLD_MS,
    private readonly fade = FADE_MS,
    private readonly holdFrames = HOLD_FRAMES,
  ) {}

  /** A new frame arrived: markers kept for a paused step start fading. */
  beginFrame(now: number): void {
    this.frame++;
    for (const m of this.markers) {
      if (m.sticky && m.closedAt === null) {
        m.sticky = false;
        m.closedAt = now;
      }
    }
  }

  /** The run paused: open markers stay as they are until the next frame (a paused picture does not change). */
  freeze(): void {
    for (const m of this.markers) if (m.closedAt === null) m.sticky = true;
  }

  add(events: readonly MarkerInput[], now: number, sticky: boolean): void {
    for (const e of events) {
      let m = this.markers.find((x) => x.closedAt === null && x.place === e.place && x.code === e.code);
      // counted from the counters (the frame left its decisions out): joins the open marker of those counters
      if (!m && e.code.startsWith('uncarried_')) {
        m = this.markers.find((x) => x.closedAt === null && x.place === e.place && e.counts.every(([f]) => x.counts.has(f)));
      }
      if (!m) {
        m = { id: this.nextId++, place: e.place, code: e.code, tone: e.tone, times: 0, counts: new Map(), born: now, bornFrame: this.frame, sticky, closedAt: null };
        this.markers.push(m);
        this.trim(e.place);
      }
      m.sticky ||= sticky;
      m.times += e.times;
      for (const [f, n] of e.counts) m.counts.set(f, (m.counts.get(f) ?? 0) + n);
    }
  }

  /** Advance the clock: open markers past HOLD start fading, faded ones go. True if anything changed. */
  tick(now: number): boolean {
    let changed = false;
    for (const m of this.markers) {
      if (m.closedAt === null && !m.sticky && now - m.born >= this.hold && this.frame - m.bornFrame >= this.holdFrames) {
        m.closedAt = now;
        changed = true;
      }
    }
    const kept = this.markers.filter((m) => m.closedAt === null || now - m.closedAt < this.fade);
    if (kept.length !== this.markers.length) changed = true;
    this.markers = kept;
    return changed;
  }

  /** ms until the next tick that changes something, null when nothing will change without new events */
  nextDue(now: number): number | null {
    let due = Infinity;
    for (const m of this.markers) {
      if (m.closedAt !== null) due = Math.min(due, m.closedAt + this.fade - now);
      // once its time is up, a marker waiting for frames is closed by the next frame's tick, not by a timer
      else if (!m.sticky && this.frame - m.bornFrame >= this.holdFrames) due = Math.min(due, m.born + this.hold - now);
    }
    return due === Infinity ? null : Math.max(0, due);
  }

  /** markers oldest first */
  list(): readonly Marker[] {
    return this.markers;
  }

  clear(): void {
    this.markers = [];
  }

  private trim(place: string): void {
    const here = this.markers.filter((m) => m.place === place);
    for (let extra = here.length - PER_PLACE; extra > 0; extra--) {
      const victim = here.find((m) => m.closedAt !== null) ?? here[0];
      here.splice(here.indexOf(victim), 1);
      this.markers.splice(this.markers.indexOf(victim), 1);
    }
  }
}
