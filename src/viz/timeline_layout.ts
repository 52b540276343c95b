// Geometry of the timeline strip, apart from drawing so it can be tested: a gutter of lane names on the left, the
// lanes stacked above a row of time labels, and the track across the rest. Positions along the run are fractions
// (0 = start, 1 = end); the view turns them into pixels of its host.

/** width of the lane names, left of the track */
export const GUTTER = 66;
/** room right of the track, so the end's cursor and label stay inside */
export const PAD_RIGHT = 12;
export const PAD_TOP = 3;
/** the time labels under the lanes */
export const AXIS_H = 13;
/** a pointer this close (px) to a tick's middle picks the tick rather than the time under it */
export const PICK_PX = 5;

export interface Geometry {
  readonly width: number;
  readonly height: number;
  readonly lanes: number;
  readonly trackW: number;
  readonly laneH: number;
}

export function geometry(width: number, height: number, lanes: number): Geometry {
  const trackW = Math.max(1, width - GUTTER - PAD_RIGHT);
  const laneH = Math.max(3, (height - PAD_TOP - AXIS_H) / Math.max(1, lanes));
  return { width, height, lanes, trackW, laneH };
}

/** x (px) of a fraction of the run */
export const xOf = (g: Geometry, f: number): number => GUTTER + Math.min(1, Math.max(0, f)) * g.trackW;

/** top (px) of a lane */
export const laneTop = (g: Geometry, lane: number): number => PAD_TOP + lane * g.laneH;

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
 * The tick under a point: in the lane under it, the one whose middle is nearest, if within PICK_PX (a bucket of a
 * long run is narrower than a finger or a mouse's aim). Null when the point is over no lane or no tick is close.
 */
export function pick<T extends Spanned>(g: Geometry, ticks: readonly T[], x: number, y: number): T | null {
  const lane = laneAt(g, y);
  if (lane === null) return null;
  let best: T | null = null;
  let bestD = Infinity;
  for (const t of ticks) {
    if (t.lane !== lane) continue;
    // on the tick counts as 0; else the distance to its nearer edge
    const d = Math.max(0, xOf(g, t.x0) - x, x - xOf(g, t.x1));
    if (d < bestD) {
      best = t;
      bestD = d;
    }
  }
  return bestD <= PICK_PX ? best : null;
}
