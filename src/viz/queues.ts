// The listener's two queues as rows of slots, one slot per entry the kernel allows (a bar when there are too
// many to draw). d3 owns this subtree; the caller hands in numbers and already-translated text, so the picture
// knows nothing of the model or of languages. Changes animate with CSS transitions over --viz-ms, which the
// caller derives from playback speed, never from the model.
import { range, select, type Selection } from 'd3';

export interface QueueRow {
  readonly key: string;
  /** stable test id: syn-queue, accept-queue */
  readonly testid: string;
  readonly label: string;
  readonly hint: string;
  readonly len: number;
  /** entries allowed; 0 while nothing listens */
  readonly limit: number;
  /** e.g. "5 of 5 · full" */
  readonly status: string;
}

export interface QueuesInput {
  readonly rows: readonly QueueRow[];
  /** how long a change takes to animate */
  readonly duration_ms: number;
}

export interface View<T> {
  update(input: T): void;
  destroy(): void;
}

/** above this many slots, a row becomes a bar */
const MAX_SLOTS = 48;
const ROW_H = 50;
const PAD = 4;
const LABEL_W = 210;
const STATUS_W = 150;
const SLOT_H = 26;
const SLOT_MAX_W = 34;

type G = Selection<SVGGElement, QueueRow, null, undefined>;

/** Width one row's slots or bar take, so its status text can sit right after them. */
function drawnWidth(d: QueueRow, width: number): number {
  if (d.limit > MAX_SLOTS) return width;
  return d.limit * Math.min(SLOT_MAX_W, width / Math.max(1, d.limit));
}

function drawSlots(g: G, d: QueueRow, width: number): void {
  const cells = d.limit <= MAX_SLOTS ? range(d.limit) : [];
  const pitch = cells.length > 0 ? Math.min(SLOT_MAX_W, width / cells.length) : 0;
  const gap = Math.max(1, Math.min(4, pitch * 0.15));
  g.selectAll<SVGRectElement, number>('rect.slot')
    .data(cells, (i) => i)
    .join('rect')
    .attr('class', 'slot')
    .attr('x', (i) => i * pitch)
    .attr('y', 0)
    .attr('rx', 3)
    .attr('width', Math.max(1, pitch - gap))
    .attr('height', SLOT_H)
    .classed('used', (i) => i < d.len);
}

/** The fill is scaled rather than resized, so the CSS transition (--viz-ms) animates it. */
function drawBar(g: G, d: QueueRow, width: number): void {
  const bars = d.limit > MAX_SLOTS ? [d] : [];
  g.selectAll<SVGRectElement, QueueRow>('rect.track').data(bars).join('rect').attr('class', 'track').attr('rx', 3).attr('width', width).attr('height', SLOT_H);
  g.selectAll<SVGRectElement, QueueRow>('rect.fill')
    .data(bars)
    .join('rect')
    .attr('class', 'fill')
    .attr('rx', 3)
    .attr('height', SLOT_H)
    .attr('width', width)
    .style('transform', (b) => `scaleX(${Math.min(b.len, b.limit) / b.limit})`);
}

export function createQueuesView(el: HTMLElement): View<QueuesInput> {
  const svg = select(el).append('svg').attr('class', 'queues-view');
  let last: QueuesInput | null = null;

  function render(input: QueuesInput): void {
    const width = Math.max(el.clientWidth, LABEL_W + STATUS_W + 100);
    const slotsW = width - LABEL_W - STATUS_W;
    svg.attr('width', width).attr('height', PAD * 2 + ROW_H * input.rows.length).style('--viz-ms', `${input.duration_ms}ms`);
    const rows = svg
      .selectAll<SVGGElement, QueueRow>('g.row')
      .data(input.rows, (d) => d.key)
      .join((enter) => {
        const g = enter.append('g').attr('role', 'group');
        g.append('text').attr('class', 'label').attr('y', 12);
        g.append('text').attr('class', 'hint').attr('y', 30);
        g.append('g').attr('class', 'cells').attr('transform', `translate(${LABEL_W},0)`);
        g.append('text').attr('class', 'status').attr('y', 18);
        return g;
      });
    rows
      .attr('class', (d) => `row row-${d.key}`)
      .classed('full', (d) => d.limit > 0 && d.len >= d.limit)
      .attr('transform', (_, i) => `translate(0,${PAD + i * ROW_H})`)
      .attr('data-testid', (d) => d.testid)
      .attr('data-len', (d) => d.len)
      .attr('data-limit', (d) => d.limit)
      .attr('aria-label', (d) => `${d.label}: ${d.status}`);
    rows.select('text.label').text((d) => d.label);
    rows.select('text.hint').text((d) => d.hint);
    rows.select('text.status').attr('x', (d) => LABEL_W + drawnWidth(d, slotsW) + 12).text((d) => d.status);
    rows.select<SVGGElement>('g.cells').each(function (d) {
      const g = select<SVGGElement, QueueRow>(this);
      drawSlots(g, d, slotsW);
      drawBar(g, d, slotsW);
    });
  }

  const resize = new ResizeObserver(() => last && render(last));
  resize.observe(el);
  return {
    update(input) {
      last = input;
      render(input);
    },
    destroy() {
      resize.disconnect();
      svg.remove();
    },
  };
}
