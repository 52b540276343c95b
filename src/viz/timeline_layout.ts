// Geometry of the timeline strip, apart from drawing so it can be tested: a legend of the lanes (two columns of
// coloured names) on the left, the lanes stacked above a row of time labels, and the track across the rest.
// Positions along the run are fractions (0 = start, 1 = end); the view turns them into pixels of its host.

/** room for the legend, left of the track */
export const GUTTER = 122;
/** room right of the track, so the end's cursor and label stay inside */
export const PAD_RIGHT = 12;
export const PAD_TOP = 2;
/** the time labels under the lanes */
export const AXIS_H = 12;
/** a pointer this close (px, along the run) to a tick picks the tick rather than the time under it */
export const PICK_PX = 5;
const LEGEND_X = 8;
const LEGEND_COL = 58;

export interface Geometry {
  readonly width: number;
  readonly height: number;
  readonly lanes: number;
  readonly trackW: number;
  readonly laneH: number;
}

export function geometry(width: number, height: number, lanes: number): Geometry {
  const trackW = Math.max(1, width - GUTTER - PAD_RIGHT);
  const laneH = Math.max(2, (height - PAD_TOP - AXIS_H) / Math.max(1, lanes));
  return { width, height, lanes, trackW, laneH };
}

/** x (px) of a fraction of the run */
export const xOf = (g: Geometry, f: number): number => GUTTER + Math.min(1, Math.max(0, f)) * g.trackW;

/** top (px) of a lane */
export const laneTop = (g: Geometry, lane: number): number => PAD_TOP + lane * g.laneH;

/** where a lane's name sits in the legend: two columns, lanes in reading order (its text's start, middle height) */
export function legendAt(g: Geometry, lane: number): { x: number; y: number } {
  const rows = Math.ceil(g.lanes / 2);
  const rowH = (g.height - AXIS_H - PAD_TOP) / rows;
  return { x: LEGEND_X + (lane % 2) * LEGEND_COL, y: PAD_TOP + (Math.floor(lane / 2) + 0.5) * rowH };
}

/** the fraction of the run under x (px), clamped to the track */
export const fractionAt = (g: Geometry, x: number): number => Math.min(1, Math.max(0, (x - GUTTER) / g.trackW));

/** the lane under y (px), or null above or below the lanes */
export function laneAt(g: Geometry, y: number): number | null {
  const lane = Math.floor((y - PAD_TOP) / g.laneH);
  return lane >= 0 && lane < g.lanes ? lane : null;
}

export interface Spanned {
  readonly lane: number;
  /** the bucket's start and end as fractions of the run */
  readonly x0: number;
  readonly x1: number;
}

/**
 * The tick under a point over the lanes: within PICK_PX along the run (a bucket of a long run is narrower than a
 * mouse's aim) and in the lane under the point or the next one (lanes are a few pixels high); the nearest lane
 * first, then the nearest along the run. Null over the track's time labels or where no tick is close.
 */
export function pick<T extends Spanned>(g: Geometry, ticks: readonly T[], x: number, y: number): T | null {
  const lane = laneAt(g, y);
  if (lane === null) return null;
  let best: T | null = null;
  let bestScore = Infinity;
  for (const t of ticks) {
    const dl = Math.abs(t.lane - lane);
    if (dl > 1) continue;
    // on the tick counts as 0; else the distance to its nearer edge
    const dx = Math.max(0, xOf(g, t.x0) - x, x - xOf(g, t.x1));
    if (dx > PICK_PX) continue;
    // the lane under the pointer wins over a neighbour's tick however close
    const score = dl * (PICK_PX + 1) + dx;
    if (score < bestScore) {
      best = t;
      bestScore = score;
    }
  }
  return best;
}
