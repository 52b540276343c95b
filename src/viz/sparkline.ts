// A counter's recent history (one point per frame) as a tiny line over the area under it. The picture is drawn in a
// fixed viewBox stretched to its host by CSS (preserveAspectRatio none, non-scaling stroke), so it needs no
// measuring and no resize observer. The y axis spans the history's own min..max: the line shows *when* the counter
// moved; how much is the number beside it. A flat history is a flat line along the bottom.
import { select } from 'd3';
import type { View } from './queues.ts';

export interface SparkPoint {
  /** simulated ms */
  readonly t: number;
  readonly v: number;
}

export interface SparklineInput {
  /** oldest first */
  readonly points: readonly SparkPoint[];
}

export const SPARK_W = 100;
export const SPARK_H = 20;
/** keeps the stroke inside the box at the top and the bottom */
const INSET = 1.5;

export interface SparkPaths {
  readonly line: string;
  readonly area: string;
}

/**
 * The line and the filled area under it, in a w×h box; null for no points. Between two frames the counter moved
 * at some moment we do not know, so a move is a straight segment from one frame to the next (at 30 frames a
 * second it looks like a step; after a run to the end it is one honest ramp, not a jump at the wrong end).
 * Written by hand rather than with d3.line: only the ends of flat runs make vertices (a quiet counter is one
 * horizontal line), and eleven of these are redrawn on every frame.
 */
export function sparklinePaths(points: readonly SparkPoint[], w = SPARK_W, h = SPARK_H): SparkPaths | null {
  const n = points.length;
  if (n === 0) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of points) {
    lo = Math.min(lo, p.v);
    hi = Math.max(hi, p.v);
  }
  const t0 = points[0].t;
  // one point (just after a load or a reset) draws as a flat history over the whole width
  const sx = points[n - 1].t > t0 ? w / (points[n - 1].t - t0) : 0;
  // a flat history has no span: it sits on the bottom rather than dividing by zero
  const sy = hi > lo ? (h - 2 * INSET) / (hi - lo) : 0;
  const y = (v: number) => round(h - INSET - (v - lo) * sy);
  let line = `M0,${y(points[0].v)}`;
  for (let i = 1; i < n - 1; i++) {
    const v = points[i].v;
    if (v !== points[i - 1].v || v !== points[i + 1].v) line += `L${round((points[i].t - t0) * sx)},${y(v)}`;
  }
  line += `L${w},${y(points[n - 1].v)}`;
  return { line, area: `${line}V${h}H0Z` };
}

/** two decimals are plenty in a 100×20 box and keep the path strings short */
const round = (n: number) => Math.round(n * 100) / 100;

export function createSparklineView(el: HTMLElement): View<SparklineInput> {
  const svg = select(el)
    .append('svg')
    .attr('class', 'sparkline')
    .attr('viewBox', `0 0 ${SPARK_W} ${SPARK_H}`)
    .attr('preserveAspectRatio', 'none')
    .attr('aria-hidden', 'true')
    .attr('focusable', 'false');
  const fill = svg.append('path').attr('class', 'spark-area');
  const stroke = svg.append('path').attr('class', 'spark-line').attr('vector-effect', 'non-scaling-stroke');
  let drawn: string | undefined;
  return {
    update({ points }) {
      const p = sparklinePaths(points);
      // a quiet counter draws the same path frame after frame: leave the DOM alone then
      if (p?.line === drawn) return;
      drawn = p?.line;
      fill.attr('d', p?.area ?? null);
      stroke.attr('d', p?.line ?? null);
    },
    destroy() {
      svg.remove();
    },
  };
}
