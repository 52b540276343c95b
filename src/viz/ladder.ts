// The packet ladder: the server's lane on the left, one lane per watched client, one arrow per packet, time
// flowing down. d3 owns this subtree; arrows are joined on the packet's seq, so an arrow, once drawn, keeps its
// node and is only moved (when older packets leave the page's ring, the lanes change, or the width does).
// The host element is the scroll container: the view follows the present while the viewer stays at the bottom,
// and stops following (and offers a button back) when the viewer scrolls up to read.
import { select, type Selection } from 'd3';
import { GUTTER, layoutLadder, type ArrowRow, type Ladder, type LadderPacket, type LadderWords } from './ladder_layout.ts';
import type { View } from './queues.ts';

export interface LaneHead {
  readonly id: number;
  /** e.g. "#3" */
  readonly title: string;
  /** e.g. "stalled" */
  readonly sub: string;
  /** a class suffix the caller's styles colour (tone-stalled) */
  readonly tone: string;
}

export interface LadderInput {
  readonly packets: readonly LadderPacket[];
  /** the watched clients, in lane order */
  readonly lanes: readonly LaneHead[];
  readonly server: { readonly title: string; readonly sub: string };
  readonly words: LadderWords;
  /** the present, written on the line below the last arrow ("1.234 s"), with its caption ("now") */
  readonly now: { readonly time: string; readonly label: string } | null;
  /** said in the body when there is no arrow to draw */
  readonly empty: string;
  /** the button that goes back to following the present */
  readonly follow: string;
  /** the tooltip (and accessible name) of an arrow */
  readonly describe: (row: ArrowRow) => string;
  readonly aria_label: string;
  readonly duration_ms: number;
}

const HEAD_H = 38;
/** the cell width the ladder is drawn for at its natural size; a wider cell (1920×1080 on a projector) enlarges
 *  the whole drawing, text and rows alike, up to MAX_ZOOM */
const NATURAL_W = 640;
const MAX_ZOOM = 1.45;
/** a scroll this soon after the viewer's wheel, touch or key is the viewer's */
const USER_SCROLL_MS = 700;
const zoomFor = (width: number) => Math.min(MAX_ZOOM, Math.max(1, width / NATURAL_W));
/** closer than this to the bottom counts as "at the present" */
const FOLLOW_SLACK = 28;
const KINDS = ['syn', 'synack', 'ack', 'rst', 'other'] as const;
/** a cross where a dropped packet ends */
const DROP_PATH = 'M1.5,1.5 L8.5,8.5 M8.5,1.5 L1.5,8.5';

let views = 0;

/** the width of each arrow's label, in the drawing's units */
const labelWidth = new WeakMap<SVGTextElement, number>();
const LABEL_PAD = 6;
/** the row each arrow's node was last drawn from */
const drawnRow = new WeakMap<SVGGElement, ArrowRow>();

/** the packet's seq, plus what it is: after a reset with other settings, a seq may name another packet */
const rowKey = (d: ArrowRow) => `${d.seq}:${d.client}:${d.dir}:${d.flags}:${d.why ?? ''}:${d.dropped}`;

type RowSel = Selection<SVGGElement, ArrowRow, SVGGElement, unknown>;

export function createLadderView(host: HTMLElement): View<LadderInput> {
  const uid = `ladder${++views}`;
  const root = select(host);
  const head = root.append('div').attr('class', 'ladder-head').append('svg').attr('class', 'ladder-head-svg').attr('height', HEAD_H);
  const body = root.append('svg').attr('class', 'ladder-body').attr('data-testid', 'ladder').attr('role', 'group');
  const defs = body.append('defs');
  for (const k of KINDS) {
    defs.append('marker').attr('id', `${uid}-${k}`).attr('class', `head-${k}`).attr('viewBox', '0 0 10 10').attr('refX', 9).attr('refY', 5)
      .attr('markerWidth', 11).attr('markerHeight', 11).attr('markerUnits', 'userSpaceOnUse').attr('orient', 'auto-start-reverse')
      .append('path').attr('d', 'M0,0 L10,5 L0,10 z');
  }
  defs.append('marker').attr('id', `${uid}-drop`).attr('class', 'head-drop').attr('viewBox', '0 0 10 10').attr('refX', 5).attr('refY', 5)
    .attr('markerWidth', 9).attr('markerHeight', 9).attr('markerUnits', 'userSpaceOnUse').attr('orient', '0')
    .append('path').attr('d', DROP_PATH);
  const laneG = body.append('g').attr('class', 'lanes');
  const rowsG = body.append('g').attr('class', 'rows');
  const nowG = body.append('g').attr('class', 'now');
  nowG.append('line').attr('x1', GUTTER - 4);
  nowG.append('text').attr('class', 'now-time').attr('x', GUTTER - 8).attr('y', 4).attr('text-anchor', 'end');
  nowG.append('text').attr('class', 'now-label').attr('y', -4).attr('text-anchor', 'end');
  const empty = body.append('text').attr('class', 'empty').attr('y', 40);
  const followBtn = root.append('button').attr('type', 'button').attr('class', 'ladder-follow').attr('hidden', '');

  let last: LadderInput | null = null;
  let drawn: Ladder | null = null;
  /** the lanes and width the drawn arrows' x were computed for */
  let geometryKey = '';
  let following = true;

  const atBottom = () => host.scrollHeight - host.scrollTop - host.clientHeight < FOLLOW_SLACK;
  const toPresent = () => {
    host.scrollTop = host.scrollHeight;
  };
  /** at the next animation frame, when the browser lays the page out anyway (several frames may arrive per paint) */
  let scrollPending = 0;
  const toPresentSoon = () => {
    scrollPending ||= requestAnimationFrame(() => {
      scrollPending = 0;
      if (following) toPresent();
    });
  };
  // Only the viewer stops the following. Scroll events also come from the view's own scrolling and from the cell
  // resizing, dispatched late, when more arrows may have come: "not at the bottom" alone means nothing then.
  let userAt = Number.NEGATIVE_INFINITY;
  let pressed = false;
  const byViewer = () => pressed || performance.now() - userAt < USER_SCROLL_MS;
  const markViewer = () => {
    userAt = performance.now();
  };
  const onPress = () => {
    pressed = true;
    markViewer();
  };
  const onRelease = () => {
    pressed = false;
  };
  const onScroll = () => {
    if (atBottom()) following = true;
    else if (byViewer()) following = false;
    followBtn.attr('hidden', following ? '' : null);
  };
  const viewerEvents = ['wheel', 'touchmove', 'keydown'] as const;
  for (const e of viewerEvents) host.addEventListener(e, markViewer, { passive: true });
  host.addEventListener('pointerdown', onPress);
  window.addEventListener('pointerup', onRelease);
  host.addEventListener('scroll', onScroll);
  followBtn.on('click', () => {
    following = true;
    followBtn.attr('hidden', '');
    toPresent();
  });

  function drawHead(l: Ladder, input: LadderInput): void {
    head.attr('width', l.width * zoom).attr('height', HEAD_H * zoom).attr('viewBox', `0 0 ${l.width} ${HEAD_H}`);
    const server = head.selectAll<SVGGElement, null>('g.lane-server').data([null]).join((e) => {
      const g = e.append('g').attr('class', 'lane-head lane-server');
      g.append('text').attr('class', 'title').attr('y', 15).attr('text-anchor', 'middle');
      g.append('text').attr('class', 'sub').attr('y', 31).attr('text-anchor', 'middle');
      return g;
    });
    server.attr('transform', `translate(${l.server_x},0)`);
    server.select('text.title').text(input.server.title);
    server.select('text.sub').text(input.server.sub);
    const byId = new Map(input.lanes.map((h) => [h.id, h]));
    const heads = head
      .selectAll<SVGGElement, { id: number; x: number }>('g.lane-client')
      .data(l.lanes, (d) => d.id)
      .join((e) => {
        const g = e.append('g');
        g.append('text').attr('class', 'title').attr('y', 15).attr('text-anchor', 'middle');
        g.append('text').attr('class', 'sub').attr('y', 31).attr('text-anchor', 'middle');
        return g;
      })
      .attr('class', (d) => `lane-head lane-client tone-${byId.get(d.id)?.tone ?? 'none'}`)
      .attr('data-client', (d) => d.id)
      .attr('transform', (d) => `translate(${d.x},0)`);
    heads.select('text.title').text((d) => byId.get(d.id)?.title ?? `#${d.id}`);
    heads.select('text.sub').text((d) => byId.get(d.id)?.sub ?? '');
  }

  function drawLanes(l: Ladder): void {
    const all = [{ id: -1, x: l.server_x }, ...l.lanes];
    laneG
      .selectAll<SVGLineElement, { id: number; x: number }>('line')
      .data(all, (d) => d.id)
      .join('line')
      .attr('class', (d) => (d.id < 0 ? 'lane server' : 'lane'))
      .attr('x1', (d) => d.x)
      .attr('x2', (d) => d.x)
      .attr('y1', 0)
      .attr('y2', l.height);
  }

  /** the parts of a row that depend on the lanes and width */
  /** Centred on its arrow, a label longer than the arrow is slid right of the server's lane (so it never runs
   *  into the times in the gutter) and left of the drawing's edge. */
  function placeArrow(rows: RowSel, l: Ladder): void {
    rows.select('line.arrow')
      .attr('x1', (d) => d.x1)
      .attr('y1', (d) => d.y1 - d.y)
      .attr('x2', (d) => d.x2)
      .attr('y2', (d) => d.y2 - d.y);
    rows.select<SVGTextElement>('text.label').attr('x', function (d) {
      const half = (labelWidth.get(this) ?? 0) / 2;
      return Math.max(l.server_x + LABEL_PAD + half, Math.min(d.label_x, l.width - LABEL_PAD - half));
    });
    rows.select('line.sep').attr('x2', l.width - 4);
  }

  function drawRows(l: Ladder, input: LadderInput, relayout: boolean): void {
    const rows = rowsG
      .selectAll<SVGGElement, ArrowRow>('g.row')
      .data(l.rows, rowKey)
      .join((enter) => {
        const g = enter.append('g')
          .attr('class', (d) => `row kind-${d.kind}${d.rtx ? ' rtx' : ''}${d.cookie ? ' cookie' : ''}${d.dropped ? ' dropped' : ''} dir-${d.dir}`)
          .attr('data-testid', 'ladder-arrow')
          .attr('data-seq', (d) => d.seq)
          .attr('data-client', (d) => d.client)
          .attr('data-flags', (d) => d.flags)
          .attr('data-why', (d) => d.why ?? '')
          .attr('data-dropped', (d) => (d.dropped ? 'true' : null));
        g.append('title').text((d) => input.describe(d));
        g.append('line').attr('class', 'sep').attr('x1', GUTTER - 4).attr('y1', -6).attr('y2', -6);
        g.append('text').attr('class', 'time').attr('x', GUTTER - 8).attr('text-anchor', 'end').attr('y', (d) => d.y1 - d.y + 4);
        g.append('line').attr('class', 'arrow').attr('marker-end', (d) => `url(#${uid}-${d.dropped ? 'drop' : d.kind})`);
        const label = g.append('text').attr('class', 'label').attr('text-anchor', 'middle').attr('y', (d) => d.y1 - d.y - 3);
        label.append('tspan').attr('class', 'flag').text((d) => d.label);
        label.filter((d) => d.note !== null).append('tspan').attr('class', 'note').attr('dx', 4).text((d) => d.note ?? '');
        // measured once, when the arrow is drawn (its words never change)
        g.select<SVGTextElement>('text.label').each(function () {
          labelWidth.set(this, this.getComputedTextLength?.() ?? 0);
        });
        placeArrow(g, l);
        return g;
      });
    // touch an arrow that stays only where something changed: older packets leaving move it up, may give it a
    // time or take its gap; the lanes or the width moving shift it sideways
    rows.each(function (d) {
      const was = drawnRow.get(this);
      drawnRow.set(this, d);
      if (was === d) return;
      const g = select<SVGGElement, ArrowRow>(this);
      if (was?.y !== d.y) g.attr('transform', `translate(0,${d.y})`);
      if (was?.time !== d.time) g.select('text.time').text(d.time ?? '');
      if (was?.gap !== d.gap) g.select('line.sep').attr('display', d.gap ? null : 'none');
    });
    if (relayout) placeArrow(rows, l);
  }

  /** the lanes as drawn, for telling whether a new input changes them */
  const lanesKey = (input: LadderInput) => `${input.server.title}|${input.server.sub}|${input.lanes.map((h) => `${h.id}:${h.title}:${h.sub}:${h.tone}`).join(',')}`;

  function drawNow(input: LadderInput): void {
    nowG.attr('display', input.now ? null : 'none');
    nowG.select('text.now-time').text(input.now?.time ?? '');
    nowG.select('text.now-label').text(input.now?.label ?? '');
  }

  /** Lays the ladder out again: only when the packets, the lanes or the width changed (not for every frame). */
  function render(input: LadderInput): void {
    zoom = zoomFor(width);
    const l = layoutLadder(input.packets, input.lanes.map((h) => h.id), width / zoom, input.words);
    const key = `${l.width}|${l.lanes.map((x) => `${x.id}:${x.x}`).join(',')}`;
    // keep the arrow the viewer is reading where it is when older packets leave the ring above it
    const anchor = drawn?.rows.at(-1);
    const anchorNow = anchor && l.rows.find((r) => r.seq === anchor.seq);
    const shift = anchor && anchorNow ? anchorNow.y - anchor.y : 0;

    const h = Math.max(l.height, 60);
    body.attr('width', l.width * zoom).attr('height', h * zoom).attr('viewBox', `0 0 ${l.width} ${h}`).attr('aria-label', input.aria_label).style('--viz-ms', `${input.duration_ms}ms`);
    drawHead(l, input);
    drawLanes(l);
    drawRows(l, input, key !== geometryKey);
    geometryKey = key;
    nowG.attr('transform', `translate(0,${l.now_y + 8})`);
    nowG.select('line').attr('x2', l.width - 4);
    nowG.select('text.now-label').attr('x', l.width - 6);
    empty.attr('x', l.server_x + 12).text(l.rows.length === 0 ? input.empty : '');
    followBtn.text(input.follow);
    drawn = l;

    // a render is rare (new packets, lanes or width): keep the present in view after each
    if (following) toPresentSoon();
    else if (!following && shift !== 0) host.scrollTop += shift * zoom;
  }

  let width = host.clientWidth;
  /** how much the drawing is enlarged (a wide cell: a projector) */
  let zoom = 1;
  let drawnFrom: { packets: readonly LadderPacket[]; lanes: string; width: number } | null = null;
  function update(input: LadderInput): void {
    last = input;
    const lanes = lanesKey(input);
    if (!drawnFrom || drawnFrom.packets !== input.packets || drawnFrom.lanes !== lanes || drawnFrom.width !== width) {
      drawnFrom = { packets: input.packets, lanes, width };
      render(input);
    }
    drawNow(input);
  }

  const resize = new ResizeObserver(() => {
    if (host.clientWidth === width) return;
    width = host.clientWidth;
    if (last) update(last);
  });
  resize.observe(host);
  return {
    update,
    destroy() {
      resize.disconnect();
      cancelAnimationFrame(scrollPending);
      host.removeEventListener('scroll', onScroll);
      for (const e of viewerEvents) host.removeEventListener(e, markViewer);
      host.removeEventListener('pointerdown', onPress);
      window.removeEventListener('pointerup', onRelease);
      root.selectAll('.ladder-head, .ladder-body, .ladder-follow').remove();
    },
  };
}
