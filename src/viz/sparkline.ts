// A counter's recent history as a tiny step line (a counter jumps, it does not glide). The picture is drawn in a
// fixed viewBox stretched to its host by CSS (preserveAspectRatio none, non-scaling stroke), so it needs no
// measuring and no resize observer. The y axis spans the history's own min..max: the line shows *when* the counter
// moved; how much is the number beside it. A flat history is a flat line along the bottom.
import { area, curveStepAfter, line, scaleLinear, select } from 'd3';
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

/** The line and the filled area under it, in a w×h box; null for no points. */
export function sparklinePaths(points: readonly SparkPoint[], w = SPARK_W, h = SPARK_H): SparkPaths | null {
  if (points.length === 0) return null;
  // one point (just after a load or a reset) draws as a flat history over the whole width
  const pts = points.length === 1 ? [points[0], { t: points[0].t + 1, v: points[0].v }] : points;
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of pts) {
    lo = Math.min(lo, p.v);
    hi = Math.max(hi, p.v);
  }
  const x = scaleLinear().domain([pts[0].t, pts[pts.length - 1].t]).range([0, w]);
  // a flat history has no span: map it to the bottom rather than dividing by zero
  const y = hi > lo ? scaleLinear().domain([lo, hi]).range([h - INSET, INSET]) : () => h - INSET;
  const fx = (p: SparkPoint) => round(x(p.t));
  const fy = (p: SparkPoint) => round(y(p.v));
  return {
    line: line<SparkPoint>(fx, fy).curve(curveStepAfter)(pts) ?? '',
    area: area<SparkPoint>(fx, h, fy).curve(curveStepAfter)(pts) ?? '',
  };
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
  return {
    update({ points }) {
      const p = sparklinePaths(points);
      fill.attr('d', p?.area ?? null);
      stroke.attr('d', p?.line ?? null);
    },
    destroy() {
      svg.remove();
    },
  };
}
