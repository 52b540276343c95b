// Where the markers of a band go: lines counted from the queue outward (line 0 touches the queue), markers
// anchored to the band's left edge (the SYN entrance) or its right edge (the ACK side), newest nearest the
// queue. A marker that fits no line is not drawn (the counters panel still has the numbers). Pure.

export interface PackItem {
  readonly id: number;
  readonly side: 'left' | 'right';
  readonly w: number;
}

export interface Packed {
  readonly line: number;
  readonly side: 'left' | 'right';
  /** distance from the band's edge on its side */
  readonly x: number;
  readonly w: number;
}

/** items oldest first (as the board lists them); the newest get the lines nearest the queue */
export function packMarkers(items: readonly PackItem[], lines: number, width: number, gap = 6): Map<number, Packed> {
  const used = Array.from({ length: lines }, () => ({ left: 0, right: 0 }));
  const out = new Map<number, Packed>();
  for (let k = items.length - 1; k >= 0; k--) {
    const it = items[k];
    const line = used.findIndex((u) => u.left + u.right + it.w <= width);
    if (line < 0) continue;
    const u = used[line];
    out.set(it.id, { line, side: it.side, x: u[it.side], w: it.w });
    u[it.side] += it.w + gap;
  }
  return out;
}
