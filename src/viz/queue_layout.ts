// Geometry of the two-queues picture, in logical units (the SVG's viewBox), pure so it can be tested.
//
// The picture is a U: SYNs enter the SYN queue at the top left and its requests pile up toward its right end,
// where the final ACK carries them down into the accept queue; the accept queue's head waits at its left end,
// next to accept(). Both rows end at the same x (the ACK connector), so a token moving from one queue to the
// other slides straight down-left. A row draws one slot per entry the kernel allows; when the slots would be
// too thin to see, it becomes a fill bar with tick marks plus a strip of the few tokens the frame carries.

/** the size the picture is designed at; it scales up (projector) or slightly down to fit its host */
export const BASE_W = 500;
export const BASE_H = 148;
const MIN_SCALE = 0.8;
const MAX_SCALE = 1.9;

/** label column (queue name, count) and gutter (SYN in / accept() out): narrower in a narrow picture */
const LABEL_W = [96, 122] as const;
const GUTTER_W = [50, 64] as const;
/** right margin: the ACK connector */
export const RIGHT_W = 46;
const clamp = (v: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, v));
const ROW_H = 40;
/** height of a slot (the row minus a margin) */
export const SLOT_H = 34;
/** marker band above the SYN queue, channel between the queues (cookie bypass, ACK markers) */
const BAND_A = 24;
const BAND_B = 42;

/** widest slot; above MAX_SLOTS slots (or thinner than MIN_PITCH) a row becomes a bar (backlog 128 + 1 keeps slots) */
export const SLOT_MAX_W = 40;
export const MAX_SLOTS = 129;
const MIN_PITCH = 2;
/** token pitch in bar mode */
export const STRIP_PITCH = 18;

export interface Band {
  readonly top: number;
  readonly h: number;
}
export interface RowBox extends Band {
  readonly mid: number;
}

export interface Layout {
  /** pixels per logical unit */
  readonly scale: number;
  /** logical size */
  readonly W: number;
  readonly H: number;
  /** where the queues may draw: from the gutter's right edge to the connector */
  readonly xa: number;
  readonly xr: number;
  /** the vertical line of the ACK connector */
  readonly connX: number;
  /** x of the SYN entrance / accept() exit arrows' outer end */
  readonly gutterX: number;
  readonly bandA: Band;
  readonly syn: RowBox;
  readonly bandB: Band;
  readonly accept: RowBox;
}

/** The layout for a host of this size in CSS pixels (0 × 0 before the first layout: the base size). */
export function layoutFor(widthPx: number, heightPx: number): Layout {
  const w = widthPx > 0 ? widthPx : BASE_W;
  const h = heightPx > 0 ? heightPx : BASE_H;
  const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, Math.min(w / BASE_W, h / BASE_H)));
  const W = w / scale;
  const H = Math.max(BASE_H, h / scale);
  // spare height goes to the bands (markers, cookie channel), not to the rows, so tokens keep their size
  const extra = H - BASE_H;
  const a = BAND_A + extra * 0.45;
  const b = BAND_B + extra * 0.45;
  const row = (top: number): RowBox => ({ top, h: ROW_H, mid: top + ROW_H / 2 });
  const syn = row(a);
  const accept = row(a + ROW_H + b);
  const xr = W - RIGHT_W;
  const labelW = clamp(W * 0.22, LABEL_W);
  const gutterW = clamp(W * 0.115, GUTTER_W);
  return {
    scale, W, H,
    xa: labelW + gutterW, xr, connX: xr + RIGHT_W / 2, gutterX: labelW + 4,
    bandA: { top: 0, h: a }, syn, bandB: { top: syn.top + ROW_H, h: b }, accept,
  };
}

export type Side = 'syn' | 'accept';

export interface RowGeom {
  readonly side: Side;
  /** nothing listens: no slots */
  readonly mode: 'none' | 'slots' | 'bar';
  /** slots drawn (limit, or len when a smaller listen() left more entries than the new limit allows) */
  readonly n: number;
  readonly limit: number;
  readonly len: number;
  /** left edge of the slots (or the bar) */
  readonly x0: number;
  /** width of one slot (slots) or of a strip token (bar) */
  readonly pitch: number;
  /** how many tokens can be drawn */
  readonly maxTokens: number;
  /** token size: big tokens have a countdown ring, a label and a badge */
  readonly tokenR: number;
}

/** How one queue is drawn: slots while they stay readable, else a bar with a token strip. */
export function rowGeom(L: Layout, side: Side, len: number, limit: number): RowGeom {
  const avail = L.xr - L.xa;
  if (limit <= 0) return { side, mode: 'none', n: 0, limit, len, x0: L.xr, pitch: 0, maxTokens: 0, tokenR: 0 };
  const n = Math.max(limit, len);
  const pitch = Math.min(SLOT_MAX_W, avail / n);
  if (n <= MAX_SLOTS && pitch >= MIN_PITCH) {
    return { side, mode: 'slots', n, limit, len, x0: L.xr - n * pitch, pitch, maxTokens: n, tokenR: tokenRadius(pitch) };
  }
  // a strip of tokens over the bar, leaving room for "+N more" after it
  const maxTokens = Math.max(0, Math.floor(avail / STRIP_PITCH) - 4);
  return { side, mode: 'bar', n, limit, len, x0: L.xa, pitch: STRIP_PITCH, maxTokens, tokenR: tokenRadius(STRIP_PITCH) };
}

/** half the token's size in a slot this wide: room left for the countdown ring around it */
export function tokenRadius(pitch: number): number {
  return Math.max(0.75, Math.min(15, pitch / 2 - 3.5));
}

/** A token drawn big enough for a countdown ring and a retransmission badge (a label inside from r ≥ 9). */
export const isBig = (g: RowGeom): boolean => g.tokenR >= 4.5;

/** below this slot width, slots and tokens lose their outlines and gaps */
export const THIN_PITCH = 8;

/**
 * Centre of the i-th item of a queue (SYN: oldest first, drawn from the right end; accept: head first, drawn
 * from the left end of its slots, next to accept()).
 */
export function tokenAt(L: Layout, g: RowGeom, i: number): { x: number; y: number } {
  const row = g.side === 'syn' ? L.syn : L.accept;
  if (g.mode === 'bar') {
    const x = g.side === 'syn' ? L.xr - (i + 0.5) * g.pitch : g.x0 + (i + 0.5) * g.pitch;
    return { x, y: row.top + 11 };
  }
  const slot = g.side === 'syn' ? g.n - 1 - i : i;
  return { x: g.x0 + (slot + 0.5) * g.pitch, y: row.mid };
}

export interface Slot {
  readonly i: number;
  readonly x: number;
  readonly w: number;
  /** holds an entry */
  readonly used: boolean;
  /** beyond the limit (the queue holds more than a later, smaller listen() allows) */
  readonly over: boolean;
}

/** The slots of a row in slot mode, left to right. */
export function slotsOf(g: RowGeom): Slot[] {
  if (g.mode !== 'slots') return [];
  // thin slots touch: a run of entries reads as one block, not as stripes
  const gap = g.pitch < THIN_PITCH ? 0 : Math.min(4, g.pitch * 0.15);
  const out: Slot[] = [];
  for (let i = 0; i < g.n; i++) {
    // position in the queue counted from its exit end
    const k = g.side === 'syn' ? g.n - 1 - i : i;
    out.push({ i, x: g.x0 + i * g.pitch + gap / 2, w: g.pitch - gap, used: k < g.len, over: k >= g.limit });
  }
  return out;
}

/** Bar mode: the filled width, anchored at the queue's exit end. */
export function barFill(L: Layout, g: RowGeom): { x: number; w: number } {
  const w = ((L.xr - g.x0) * Math.min(g.len, g.limit)) / Math.max(1, g.limit);
  return { x: g.side === 'syn' ? L.xr - w : g.x0, w };
}

/** Tick values for a bar of this capacity: 4 to 10 ticks on a round step (a power of two for 2^k and 2^k + 1). */
export function barTicks(limit: number): number[] {
  if (limit <= 2) return [];
  const pow2 = (v: number) => (v & (v - 1)) === 0;
  let step = 1;
  if (pow2(limit) || pow2(limit - 1)) {
    const base = pow2(limit) ? limit : limit - 1;
    while (base / step > 8) step *= 2;
  } else {
    for (let p = 1; step === 1 || limit / step > 10; p *= 10) {
      step = [1, 2, 5].map((m) => m * p).find((s) => limit / s <= 10) ?? 10 * p;
      if (limit / step <= 10) break;
    }
  }
  const out: number[] = [];
  for (let v = step; v < limit; v += step) out.push(v);
  return out;
}

/** Rough text width, for when no canvas is at hand: average glyph widths of the picture's fonts. */
export function textWidth(s: string, fontPx: number, mono = false): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += c > 0x2e80 ? 1 : mono ? 0.6 : /[A-Z]/.test(ch) ? 0.7 : /[il.,:;'|!() ]/.test(ch) ? 0.32 : 0.6;
  }
  return w * fontPx;
}
