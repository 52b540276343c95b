// The timeline strip under the panels: one lane per counter family with a tick wherever its counters moved (a
// legend of coloured family names on the left), the part of the run already played shaded, and the cursor at the
// present. An SVG sized to its host (a resize observer
// redraws it); ticks are keyed, and redrawn only when the ticks, the emphasis or the size change — the cursor alone
// moves on every frame. Pointer and keyboard handling stay with the caller: `pick` tells it what is under a point.
import { select } from 'd3';
import type { View } from './queues.ts';
import { AXIS_H, GUTTER, fractionAt, geometry, laneTop, legendAt, pick, xOf, type Geometry, type Spanned } from './timeline_layout.ts';

export interface TimelineTick extends Spanned {
  readonly key: string;
  /** class of its lane's colour (the lane's family) */
  readonly cls: string;
  /** 0..1: how much it moved, relative to the busiest tick of its lane (drawn as the tick's opacity) */
  readonly weight: number;
  /** data-* for tests and the caller: the counter a click selects and the event it opens */
  readonly field: string;
  readonly event: number;
  /** the counters it stands for, space-separated */
  readonly fields: string;
  /** shown stronger (its counter is the selected one) or weaker (another one is) */
  readonly emphasis: 'sel' | 'dim' | null;
}

export interface TimelineLane {
  readonly label: string;
  readonly cls: string;
}

export interface TimelineInput {
  readonly lanes: readonly TimelineLane[];
  /** same array while nothing changed: the ticks are redrawn only for a new one */
  readonly ticks: readonly TimelineTick[];
  /** the present, as a fraction of the run */
  readonly cursor: number;
  readonly axis: readonly { readonly at: number; readonly label: string }[];
  /** key of the tick under the pointer or just opened */
  readonly hot: string | null;
}

export interface TimelineView extends View<TimelineInput> {
  /** what is under a point given in the host's CSS pixels: the fraction of the run, and the tick if one is close */
  pick(x: number, y: number): { fraction: number; tick: TimelineTick | null };
  /** a tick's middle in the host's CSS pixels (for a tooltip), null if it is not drawn */
  tickCenter(key: string): { x: number; y: number } | null;
}

const SVG = 'http://www.w3.org/2000/svg';

export function createTimelineView(host: HTMLElement): TimelineView {
  const svg = select(host).append(() => document.createElementNS(SVG, 'svg')).attr('class', 'tl-svg').attr('aria-hidden', 'true');
  const gAxis = svg.append('g').attr('class', 'tl-axis');
  const played = svg.append('rect').attr('class', 'tl-played');
  const gLanes = svg.append('g').attr('class', 'tl-lanes');
  const gTicks = svg.append('g').attr('class', 'tl-ticks');
  // a ring around the tick under the pointer or just opened (a stroke on a 3 px tick would hide its colour)
  const hotRing = svg.append('rect').attr('class', 'tl-hot').attr('rx', 2).style('display', 'none');
  const cursor = svg.append('g').attr('class', 'tl-cursor');
  cursor.append('line');
  cursor.append('path');

  let g: Geometry = geometry(host.clientWidth, host.clientHeight, 1);
  let last: TimelineInput | null = null;
  let drawn: { ticks: readonly TimelineTick[]; lanes: readonly TimelineLane[]; axis: TimelineInput['axis']; hot: string | null; g: Geometry } | null = null;

  function drawStatic(input: TimelineInput): void {
    svg.attr('width', g.width).attr('height', g.height).attr('viewBox', `0 0 ${g.width} ${g.height}`);
    gLanes
      .selectAll<SVGGElement, TimelineLane>('g.tl-lane')
      .data(input.lanes, (d) => d.cls)
      .join((enter) => {
        const lane = enter.append('g');
        lane.append('rect').attr('class', 'tl-lane-bg');
        lane.append('text').attr('class', 'tl-lane-label');
        return lane;
      })
      .attr('class', (d) => `tl-lane ${d.cls}`)
      .each(function (d, i) {
        const lane = select(this);
        const y = laneTop(g, i);
        lane.select('rect').attr('x', GUTTER).attr('y', y + 0.5).attr('width', g.trackW).attr('height', Math.max(1, g.laneH - 1));
        const at = legendAt(g, i);
        lane.select('text').attr('x', at.x).attr('y', at.y).text(d.label);
      });
    const axisY = g.height - AXIS_H;
    gAxis
      .selectAll<SVGGElement, TimelineInput['axis'][number]>('g.tl-mark')
      .data(input.axis, (d) => d.label)
      .join((enter) => {
        const m = enter.append('g').attr('class', 'tl-mark');
        m.append('line');
        m.append('text');
        return m;
      })
      .each(function (d) {
        const m = select(this);
        const x = xOf(g, d.at);
        m.select('line').attr('x1', x).attr('x2', x).attr('y1', 0).attr('y2', axisY + 2);
        // the last label ends at its mark, the others start there: none runs off the strip
        m.select('text').attr('x', x).attr('y', g.height - 2).attr('text-anchor', d.at >= 0.999 ? 'end' : d.at <= 0.001 ? 'start' : 'middle').text(d.label);
      });
  }

  function drawTicks(input: TimelineInput): void {
    const h = g.laneH;
    const size = `${g.width}x${g.height}x${g.lanes}`;
    gTicks
      .selectAll<SVGRectElement, TimelineTick>('rect')
      .data(input.ticks, (d) => d.key)
      .join((enter) => enter.append('rect').attr('data-testid', 'timeline-tick'))
      // during a flood the marks change on every frame but most ticks do not: the caller hands an unchanged tick
      // over as the same object, and only the others (or all, after a resize) are touched
      .filter(function (d) {
        const el = this as SVGRectElement & { __tl?: TimelineTick; __size?: string };
        if (el.__tl === d && el.__size === size) return false;
        el.__tl = d;
        el.__size = size;
        return true;
      })
      .attr('class', (d) => `tl-tick ${d.cls}${d.emphasis ? ` ${d.emphasis}` : ''}`)
      .attr('data-key', (d) => d.key)
      .attr('data-field', (d) => d.field)
      .attr('data-fields', (d) => d.fields)
      .attr('data-event', (d) => d.event)
      .attr('x', (d) => xOf(g, d.x0))
      // at least 2 px wide: a bucket of a long run is narrower than a pixel
      .attr('width', (d) => Math.max(2, xOf(g, d.x1) - xOf(g, d.x0) - 0.5))
      .attr('y', (d) => laneTop(g, d.lane) + 0.5)
      .attr('height', Math.max(1, h - 1))
      // a busier tick is darker; the quietest still shows
      .attr('fill-opacity', (d) => 0.45 + 0.55 * d.weight);
    const hot = input.ticks.find((d) => d.key === input.hot);
    hotRing.style('display', hot ? '' : 'none');
    if (hot) {
      const x0 = xOf(g, hot.x0);
      const w = Math.max(2, xOf(g, hot.x1) - x0 - 0.5);
      hotRing.attr('x', x0 - 2).attr('y', laneTop(g, hot.lane) - 1.5).attr('width', w + 4).attr('height', h + 2);
    }
  }

  function drawCursor(input: TimelineInput): void {
    const x = xOf(g, input.cursor);
    const bottom = g.height - AXIS_H;
    played.attr('x', GUTTER).attr('y', 0).attr('width', Math.max(0, x - GUTTER)).attr('height', bottom);
    cursor.attr('transform', `translate(${x},0)`);
    cursor.select('line').attr('y1', 0).attr('y2', bottom);
    cursor.select('path').attr('d', 'M-5,0H5L0,6Z');
  }

  function update(input: TimelineInput): void {
    last = input;
    const lanes = input.lanes.length;
    if (g.lanes !== lanes) g = geometry(g.width, g.height, lanes);
    if (!drawn || drawn.g !== g || drawn.lanes !== input.lanes || drawn.axis !== input.axis) drawStatic(input);
    if (!drawn || drawn.g !== g || drawn.ticks !== input.ticks || drawn.hot !== input.hot) drawTicks(input);
    drawn = { ticks: input.ticks, lanes: input.lanes, axis: input.axis, hot: input.hot, g };
    drawCursor(input);
  }

  const resize =
    typeof ResizeObserver === 'function'
      ? new ResizeObserver(() => {
          if (host.clientWidth === g.width && host.clientHeight === g.height) return;
          g = geometry(host.clientWidth, host.clientHeight, g.lanes);
          if (last) update(last);
        })
      : null;
  resize?.observe(host);

  return {
    update,
    pick(x, y) {
      return { fraction: fractionAt(g, x), tick: last ? pick(g, last.ticks, x, y) : null };
    },
    tickCenter(key) {
      const t = last?.ticks.find((d) => d.key === key);
      return t ? { x: (xOf(g, t.x0) + xOf(g, t.x1)) / 2, y: laneTop(g, t.lane) } : null;
    },
    destroy() {
      resize?.disconnect();
      svg.remove();
    },
  };
}
