// The listener's two queues: capacity as slots (a bar when there are too many to draw), request socks as
// tokens that enter the SYN queue on a SYN, count down to their next SYN-ACK retransmission, slide into the
// accept queue on the final ACK and leave by accept(); drops and cookies as short-lived markers, labelled with
// the counters they moved, where they happen; SYN cookies as an arc that bypasses the SYN queue.
//
// d3 owns this subtree; the caller hands in the frame and already-translated text, so the picture knows
// nothing of the store or of languages. Every update is bounded by the frame (≤ 64 items per queue, a few
// markers), never by the queue lengths. Moves animate with CSS transitions over --viz-ms (set from playback
// speed by the caller; 0 turns animation off), enters and exits with the Web Animations API.
import { select, type Selection } from 'd3';
import type { Counters, SimFrame } from '../worker/protocol.ts';
import {
  SLOT_H, THIN_PITCH, barFill, barTicks, isBig, layoutFor, rowGeom, slotsOf, textWidth, type Layout, type RowGeom, type Side, type Slot,
} from './queue_layout.ts';
import { exitsOf, frameEvents, usedCookies, type ExitHow, type Exits } from './queue_events.ts';
import { MarkerBoard, type Marker } from './queue_markers.ts';
import { packMarkers } from './queue_pack.ts';
import { TimerTrack, planTokens, tokensOf, type Token } from './queue_tokens.ts';

export interface View<T> {
  update(input: T): void;
  destroy(): void;
}

/** What the picture reads from a frame. */
export type QueueFrame = Pick<
  SimFrame,
  't_ms' | 'events' | 'playing' | 'replace' | 'syn_queue' | 'accept_queue' | 'syn_items' | 'accept_items' | 'log' | 'log_skipped' | 'counters'
>;

export interface QueuesLabels {
  readonly syn: string;
  readonly accept: string;
  readonly synHint: string;
  readonly acceptHint: string;
  /** "3 / 5" (limit 0: "not listening") */
  readonly status: (len: number, limit: number) => string;
  readonly full: string;
  /** "+N more" */
  readonly more: (n: number) => string;
  readonly synIn: string;
  readonly acceptOut: string;
  readonly ack: string;
  readonly cookieArc: string;
  readonly num: (n: number) => string;
  /** a marker's tooltip: what the decision was, and how many times it was taken */
  readonly caption: (code: string, times: number) => string;
  readonly reqTitle: (t: Token) => string;
  readonly childTitle: (t: Token) => string;
}

export interface QueuesInput {
  /** null before any run */
  readonly frame: QueueFrame | null;
  readonly labels: QueuesLabels;
  /** how long a move takes (0: no animation) */
  readonly duration_ms: number;
}

export interface QueuesOptions {
  /** wall clock (ms), injectable for tests */
  readonly now?: () => number;
}

type G<D = unknown> = Selection<SVGGElement, D, null, undefined>;

let instances = 0;
const FONT = { label: 13, status: 12, gutter: 11, marker: 11, token: 10 };
const MARKER_H = 16;
const MARKER_PREFIX: Readonly<Record<string, string>> = { drop: '✕ ', cookie: '↷ ', retrans: '↻ ' };

/** Web Animations where available (not in every test DOM); a no-op otherwise. */
function animate(el: Element, frames: Keyframe[], ms: number, done?: () => void): void {
  if (ms > 0 && typeof (el as HTMLElement).animate === 'function') {
    const a = (el as HTMLElement).animate(frames, { duration: ms, easing: 'ease-in-out', fill: done ? 'forwards' : 'none' });
    if (done) a.onfinish = done;
  } else done?.();
}

/**
 * Width of a marker's text, measured on a canvas (no layout: a frame must not wait for the DOM), cached: a
 * flood's markers repeat the same few strings with new numbers. Falls back to an estimate without a canvas.
 */
function markerTextWidth(): (text: string) => number {
  const ctx = typeof document !== 'undefined' ? document.createElement('canvas').getContext?.('2d') ?? null : null;
  const cache = new Map<string, number>();
  let family: string | undefined;
  return (text) => {
    // digits share one width in the picture's fonts: "+312" and "+987" measure alike, so the cache hits
    const key = text.replace(/\d/g, '0');
    let w = cache.get(key);
    if (w === undefined) {
      if (ctx) {
        if (family === undefined) {
          family = getComputedStyle(document.documentElement).fontFamily || 'sans-serif';
          ctx.font = `600 ${FONT.marker}px ${family}`;
        }
        w = ctx.measureText(key).width;
      } else w = textWidth(key, FONT.marker);
      if (cache.size > 500) cache.clear();
      cache.set(key, w);
    }
    return w;
  };
}

const tr = (x: number, y: number, s = 1) => `translate(${x.toFixed(1)}px, ${y.toFixed(1)}px)${s !== 1 ? ` scale(${s})` : ''}`;

export function createQueuesView(el: HTMLElement, opts: QueuesOptions = {}): View<QueuesInput> {
  const now = opts.now ?? (() => performance.now());
  const uid = `qv${++instances}`;
  const svg = select(el).append('svg').attr('class', 'queues-view').attr('role', 'group');
  const defs = svg.append('defs');
  for (const tone of ['plain', 'cookie']) {
    defs.append('marker').attr('id', `${uid}-arrow-${tone}`).attr('class', `arrowhead ${tone}`)
      .attr('viewBox', '0 0 10 10').attr('refX', 8).attr('refY', 5).attr('markerWidth', 6).attr('markerHeight', 6).attr('orient', 'auto-start-reverse')
      .append('path').attr('d', 'M0,0 L10,5 L0,10 z');
  }
  const paths = svg.append('g').attr('class', 'paths').attr('aria-hidden', 'true');
  const synIn = paths.append('path').attr('class', 'pipe').attr('marker-end', `url(#${uid}-arrow-plain)`);
  const accOut = paths.append('path').attr('class', 'pipe').attr('marker-end', `url(#${uid}-arrow-plain)`);
  const ack = paths.append('path').attr('class', 'pipe ack').attr('marker-end', `url(#${uid}-arrow-plain)`);
  const synInText = paths.append('text').attr('class', 'gutter');
  const accOutText = paths.append('text').attr('class', 'gutter');
  const ackText = paths.append('text').attr('class', 'gutter ack-label').attr('text-anchor', 'middle');
  const arc = paths.append('g').attr('class', 'cookie-arc');
  const arcPath = arc.append('path').attr('marker-end', `url(#${uid}-arrow-cookie)`);
  const arcText = arc.append('text');
  const rowsLayer = svg.append('g').attr('class', 'rows');
  const rows: Record<Side, G> = { syn: rowsLayer.append('g'), accept: rowsLayer.append('g') };
  for (const side of ['syn', 'accept'] as const) {
    const g = rows[side].attr('class', `row row-${side}`).attr('data-testid', `${side}-queue`).attr('role', 'img');
    g.append('title');
    g.append('g').attr('class', 'cells');
    g.append('text').attr('class', 'label');
    g.append('text').attr('class', 'status');
    g.append('text').attr('class', 'more');
  }
  const tokenLayer = svg.append('g').attr('class', 'tokens').attr('aria-hidden', 'true');
  const markerLayer = svg.append('g').attr('class', 'markers').attr('aria-hidden', 'true');

  const measure = markerTextWidth();
  const board = new MarkerBoard();
  const timers = new TimerTrack();
  let shown = new Map<string, Token>();
  let last: QueuesInput | null = null;
  let lastFrame: QueueFrame | null = null;
  let prevCounters: Counters | null = null;
  let size = { w: el.clientWidth, h: el.clientHeight };
  let sweep: ReturnType<typeof setTimeout> | null = null;
  let sweepAt = 0;

  /** Take a new frame's news: markers, the cookie arc, why tokens left. */
  function absorb(f: QueueFrame, t: number): Exits {
    const moved = !lastFrame || f.events !== lastFrame.events || f.t_ms !== lastFrame.t_ms || (f.log ?? []).length > 0;
    // the same moment with nothing new (the frame a pause sends): a paused picture stays as it is
    if (!f.replace && !moved) {
      if (!f.playing) board.freeze();
      return { req: new Map(), sock: new Map() };
    }
    if (f.replace) {
      board.clear();
      timers.clear();
      prevCounters = f.counters;
      return { req: new Map(), sock: new Map() };
    }
    board.beginFrame(t);
    const log = f.log ?? [];
    const events = frameEvents(log, f.log_skipped ?? 0, f.counters, prevCounters);
    const sticky = !f.playing;
    board.add(events, t, sticky);
    if (usedCookies(log)) board.add([{ place: 'arc', code: 'arc', tone: 'cookie', times: 1, counts: [] }], t, sticky);
    if (sticky) board.freeze();
    prevCounters = f.counters;
    return exitsOf(log);
  }

  function render(input: QueuesInput, news: { exits: Exits; fresh: boolean } | null): void {
    const L = layoutFor(size.w, size.h);
    const f = input.frame;
    const lab = input.labels;
    const ms = input.duration_ms;
    svg.attr('width', (L.W * L.scale).toFixed(0)).attr('height', (L.H * L.scale).toFixed(0)).attr('viewBox', `0 0 ${L.W.toFixed(1)} ${L.H.toFixed(1)}`)
      .style('--viz-ms', `${ms}ms`).classed('animated', ms > 0);
    const g: Record<Side, RowGeom> = {
      syn: rowGeom(L, 'syn', f?.syn_queue.len ?? 0, f?.syn_queue.limit ?? 0),
      accept: rowGeom(L, 'accept', f?.accept_queue.len ?? 0, f?.accept_queue.limit ?? 0),
    };
    drawPaths(L, g, lab);
    drawRow(L, g.syn, lab.syn, lab.synHint, lab);
    drawRow(L, g.accept, lab.accept, lab.acceptHint, lab);
    // the frame says which clients are spoofed sources (an address outside the lab's clients is one too)
    const spoofed = new Set<number>();
    for (const i of [...(f?.syn_items ?? []), ...(f?.accept_items ?? [])]) if (i.spoofed) spoofed.add(i.client);
    const tokens = f ? tokensOf(L, g.syn, g.accept, f.syn_items ?? [], f.accept_items ?? [], (c) => c < 0 || spoofed.has(c)) : [];
    drawTokens(L, g, tokens, f?.t_ms ?? 0, lab, news, ms);
    drawMoreText(L, g, tokens, lab);
    drawMarkers(L, lab);
  }

  /** what the static parts were last drawn for (they change with the size, the limits and the language only) */
  const drawnFor = { paths: '', syn: '', accept: '' };
  const slotGeom: Record<Side, string> = { syn: '', accept: '' };
  const slotClass: Record<Side, string[]> = { syn: [], accept: [] };
  const slotEls: Record<Side, SVGRectElement[]> = { syn: [], accept: [] };

  function drawPaths(L: Layout, g: Record<Side, RowGeom>, lab: QueuesLabels): void {
    arc.classed('lit', board.list().some((m) => m.place === 'arc' && m.closedAt === null));
    const sig = `${L.W}|${L.H}|${g.syn.mode}|${g.syn.x0}|${g.accept.mode}|${g.accept.x0}|${lab.synIn}|${lab.acceptOut}|${lab.ack}|${lab.cookieArc}`;
    if (drawnFor.paths === sig) return;
    drawnFor.paths = sig;
    const listening = g.syn.mode !== 'none' || g.accept.mode !== 'none';
    paths.classed('off', !listening);
    const synX0 = g.syn.mode === 'none' ? L.xa : g.syn.x0;
    const accX0 = g.accept.mode === 'none' ? L.xa : g.accept.x0;
    const sy = L.syn.mid;
    const ay = L.accept.mid;
    synIn.attr('d', `M${L.gutterX},${sy} H${synX0 - 3}`);
    accOut.attr('d', `M${accX0 - 3},${ay} H${L.gutterX}`);
    synInText.attr('x', L.gutterX + 1).attr('y', sy - 6).text(lab.synIn);
    accOutText.attr('x', L.gutterX + 1).attr('y', ay - 6).text(lab.acceptOut);
    const r = 8;
    ack.attr('d', `M${L.xr + 2},${sy} H${L.connX - r} Q${L.connX},${sy} ${L.connX},${sy + r} V${ay - r} Q${L.connX},${ay} ${L.connX - r},${ay} H${L.xr + 4}`);
    const ly = L.bandB.top + 12;
    // on the connector above the point where the cookie arc joins it
    ackText.attr('x', L.connX).attr('y', (sy + 8 + ly) / 2 + 4).text(lab.ack);
    arcPath.attr('d', arcD(L));
    arcText.attr('x', L.gutterX + 34).attr('y', ly - 4).text(lab.cookieArc);
  }

  function drawRow(L: Layout, g: RowGeom, name: string, hint: string, lab: QueuesLabels): void {
    const box = g.side === 'syn' ? L.syn : L.accept;
    const full = g.limit > 0 && g.len >= g.limit;
    const status = lab.status(g.len, g.limit) + (full ? ` · ${lab.full}` : '');
    const sig = `${L.W}|${L.H}|${g.mode}|${g.n}|${g.len}|${g.limit}|${name}|${hint}|${status}`;
    if (drawnFor[g.side] === sig) return;
    drawnFor[g.side] = sig;
    const row = rows[g.side]
      .classed('full', full)
      .classed('thin', g.mode === 'slots' && g.pitch < THIN_PITCH)
      .attr('data-len', g.len)
      .attr('data-limit', g.limit)
      .attr('data-mode', g.mode)
      .attr('aria-label', `${name}: ${status}`);
    row.select('title').text(`${name} — ${hint}`);
    row.select('text.label').attr('x', 0).attr('y', box.mid - 7).text(name);
    row.select('text.status').attr('x', 0).attr('y', box.mid + 10).text(status);
    const cells = row.select<SVGGElement>('g.cells');
    const slots = slotsOf(g);
    // the slots' geometry changes with the size and the limit; while a queue fills, only their classes change
    const geomSig = `${L.W}|${L.H}|${g.mode}|${g.n}`;
    if (slotGeom[g.side] !== geomSig) {
      slotGeom[g.side] = geomSig;
      cells.selectAll<SVGRectElement, Slot>('rect.slot')
        .data(slots, (s) => s.i)
        .join((enter) => enter.append('rect').attr('class', 'slot'))
        .attr('x', (s) => s.x).attr('y', box.mid - SLOT_H / 2).attr('width', (s) => s.w).attr('height', SLOT_H)
        .attr('rx', (s) => Math.min(4, s.w / 3));
      slotEls[g.side] = cells.selectAll<SVGRectElement, Slot>('rect.slot').nodes();
      slotClass[g.side] = [];
    }
    const els = slotEls[g.side];
    const classes = slotClass[g.side];
    for (const sl of slots) {
      const c = `slot${sl.used ? ' used' : ''}${sl.over ? ' over' : ''}`;
      if (classes[sl.i] !== c) els[sl.i].setAttribute('class', (classes[sl.i] = c));
    }
    const bar = g.mode === 'bar' ? [g] : [];
    const barY = box.top + box.h - 13;
    cells.selectAll<SVGRectElement, RowGeom>('rect.track').data(bar).join('rect').attr('class', 'track')
      .attr('x', g.x0).attr('y', barY).attr('width', Math.max(0, L.xr - g.x0)).attr('height', 10).attr('rx', 3);
    const fill = barFill(L, g);
    cells.selectAll<SVGRectElement, RowGeom>('rect.fill').data(bar).join('rect').attr('class', 'fill')
      .attr('x', fill.x).attr('y', barY).attr('width', fill.w).attr('height', 10).attr('rx', 3);
    const ticks = g.mode === 'bar' ? barTicks(g.limit) : [];
    const tickX = (v: number) => (g.side === 'syn' ? L.xr - ((L.xr - g.x0) * v) / g.limit : g.x0 + ((L.xr - g.x0) * v) / g.limit);
    cells.selectAll<SVGLineElement, number>('line.tick').data(ticks).join('line').attr('class', 'tick')
      .attr('x1', tickX).attr('x2', tickX).attr('y1', barY - 2).attr('y2', barY + 12);
  }

  function drawTokens(L: Layout, g: Record<Side, RowGeom>, tokens: Token[], t_ms: number, lab: QueuesLabels, news: { exits: Exits; fresh: boolean } | null, ms: number): void {
    const prev = shown;
    shown = new Map(tokens.map((t) => [t.key, t]));
    timers.keep(new Set(shown.keys()));
    const plan = news?.fresh ? planTokens(prev, tokens) : null;
    const sel = tokenLayer.selectAll<SVGGElement, Token>('g.tok:not(.gone)').data(tokens, (d) => d.key);
    const entered = sel.enter().append('g').attr('class', 'tok').attr('data-key', (d) => d.key).each(function () {
      const n = select(this);
      n.append('title');
      n.append('circle').attr('class', 'ring').attr('pathLength', 100);
      n.append('rect').attr('class', 'body');
      n.append('text').attr('class', 'lbl').attr('text-anchor', 'middle');
      const b = n.append('g').attr('class', 'badge');
      b.append('circle');
      b.append('text').attr('text-anchor', 'middle');
    });
    sel.exit<Token>().each(function (d) {
      leave(this as SVGGElement, d, news?.fresh ? news.exits : null, L, ms);
    });
    const all = entered.merge(sel);
    all.each(function (d) {
      const geom = g[d.side];
      paintToken(this, d, geom, d.timer_ms === null ? null : timers.fraction(d.key, d.timer_ms, t_ms), lab);
    });
    if (!plan || ms === 0) return;
    entered.each(function (d) {
      animate(this, enterFrames(L, g, d), d.cookie ? ms * 2 : ms);
    });
    if (plan.retransmitted.size > 0) {
      all.filter((d) => plan.retransmitted.has(d.key)).select<SVGRectElement>('rect.body').each(function () {
        animate(this, [{ transform: 'scale(1.45)' }, { transform: 'scale(1)' }], Math.max(250, ms));
      });
    }
  }

  /** Where a new token comes from: the SYN arrow, the cookie arc, or down the ACK connector. */
  function enterFrames(L: Layout, g: Record<Side, RowGeom>, d: Token): Keyframe[] {
    const to = { transform: tr(d.x, d.y), opacity: 1 };
    if (d.side === 'syn') {
      const x0 = g.syn.mode === 'none' ? L.xa : g.syn.x0;
      return [{ transform: tr(Math.min(x0, d.x) - 18, d.y, 0.6), opacity: 0 }, to];
    }
    if (d.cookie) {
      // along the bypass arc: never through the SYN queue
      const ly = L.bandB.top + 12;
      return [
        { transform: tr(L.gutterX + 10, L.syn.mid, 0.6), opacity: 0, offset: 0 },
        { transform: tr(L.gutterX + 40, ly), opacity: 1, offset: 0.25 },
        { transform: tr(L.connX, ly), offset: 0.6 },
        { transform: tr(L.connX, L.accept.mid), offset: 0.8 },
        { ...to, offset: 1 },
      ];
    }
    return [{ transform: tr(L.connX, L.syn.mid, 0.6), opacity: 0, offset: 0 }, { transform: tr(L.connX, L.accept.mid), opacity: 1, offset: 0.5 }, { ...to, offset: 1 }];
  }

  function leave(node: SVGGElement, d: Token, exits: Exits | null, L: Layout, ms: number): void {
    const how: ExitHow | undefined = d.sock !== null ? exits?.sock.get(d.sock) : d.req !== null ? exits?.req.get(d.req) : undefined;
    if (ms === 0 || !exits) {
      node.remove();
      return;
    }
    node.classList.add('gone');
    if (how) node.classList.add(`gone-${how}`);
    const from = tr(d.x, d.y);
    const to =
      how === 'accepted' ? { transform: tr(L.gutterX, L.accept.mid, 0.7), opacity: 0 }
        : how === 'to_accept' ? { transform: tr(L.connX, L.accept.mid, 0.6), opacity: 0 }
          : how === 'expired' || how === 'reset' ? { transform: tr(d.x, d.y, 0.2), opacity: 0 }
            : { transform: from, opacity: 0 };
    animate(node, [{ transform: from, opacity: 1 }, to], how === 'expired' || how === 'reset' ? Math.max(ms, 350) : ms, () => node.remove());
  }

  /** What a token node shows, so a frame that changes nothing about it touches nothing in the DOM. */
  const painted = new WeakMap<SVGGElement, { look: string; at: string; ring: string; ringEl: SVGCircleElement }>();
  const markerMemo = new WeakMap<SVGGElement, { cls: string; at: string; w: number; text: string; title: string }>();

  function paintToken(node: SVGGElement, d: Token, geom: RowGeom, left: number | null, lab: QueuesLabels): void {
    let memo = painted.get(node);
    if (!memo) painted.set(node, (memo = { look: '', at: '', ring: '', ringEl: node.querySelector<SVGCircleElement>('circle.ring')! }));
    const at = tr(d.x, d.y);
    if (memo.at !== at) node.style.transform = memo.at = at;
    const big = isBig(geom);
    const ring = big && left !== null ? (100 * (1 - left)).toFixed(1) : 'none';
    const r = geom.tokenR;
    const title = d.side === 'syn' ? lab.reqTitle(d) : lab.childTitle(d);
    const look = `${d.side}|${d.spoofed}|${d.cookie}|${d.acked}|${d.client}|${d.retrans}|${geom.mode}|${geom.pitch}|${r}|${title}`;
    if (memo.ring !== ring) {
      const el = memo.ringEl;
      el.style.display = ring === 'none' ? 'none' : '';
      if (ring !== 'none') el.style.strokeDashoffset = ring;
      memo.ring = ring;
    }
    if (memo.look === look) return;
    memo.look = look;
    const slotMode = geom.mode === 'slots';
    // thin slots: the token is the slot's own shape; else a circle (request) or a rounded square (child)
    const w = big || !slotMode ? 2 * r : geom.pitch < THIN_PITCH ? geom.pitch + 0.2 : geom.pitch * 0.7;
    const h = big || !slotMode ? 2 * r : SLOT_H - 8;
    const rx = d.side === 'syn' ? Math.min(w, h) / 2 : Math.min(4, w / 3);
    const n = select(node).attr('class', `tok ${d.side}${d.spoofed ? ' spoofed' : ''}${d.cookie ? ' cookie' : ''}${d.acked ? ' acked' : ''}${big ? ' big' : slotMode ? ' thin' : ''}`);
    n.select('rect.body').attr('x', -w / 2).attr('y', -h / 2).attr('width', w).attr('height', h).style('rx', `${rx}px`);
    n.select('circle.ring').attr('r', r + 2.4);
    const label = big && r >= 9 && d.client >= 0 && !d.spoofed ? String(d.client) : '';
    n.select('text.lbl').attr('y', 3.5).style('font-size', `${label.length > 3 ? 8 : FONT.token}px`).text(label.length > 5 ? '' : label);
    const badge = big && d.retrans > 0 ? String(d.retrans) : '';
    const br = Math.min(5.5, Math.max(4.2, r * 0.6));
    n.select('g.badge').style('display', badge ? '' : 'none').attr('transform', `translate(${(r * 0.8).toFixed(1)},${(-r * 0.8).toFixed(1)})`)
      .call((b) => b.select('circle').attr('r', br))
      .call((b) => b.select('text').attr('y', br * 0.52).style('font-size', `${(br * 1.5).toFixed(1)}px`).text(badge));
    n.select('title').text(title);
  }

  /** "+N more": the entries a frame does not carry (or the rows cannot draw), after the last token. */
  function drawMoreText(L: Layout, g: Record<Side, RowGeom>, tokens: Token[], lab: QueuesLabels): void {
    for (const side of ['syn', 'accept'] as const) {
      const geom = g[side];
      const drawn = tokens.filter((t) => t.side === side);
      const more = geom.len - drawn.length;
      const text = rows[side].select('text.more');
      if (more <= 0 || geom.mode === 'none') {
        text.text('');
        continue;
      }
      const box = side === 'syn' ? L.syn : L.accept;
      const lastTok = drawn[drawn.length - 1];
      // bar: right after the strip; slots: centred over the entries without a token
      let x: number;
      let anchor: string;
      if (geom.mode === 'bar') {
        const edge = lastTok ? lastTok.x + (side === 'syn' ? -1 : 1) * (geom.pitch / 2 + 4) : side === 'syn' ? L.xr : geom.x0;
        x = edge;
        anchor = side === 'syn' ? 'end' : 'start';
      } else {
        const first = side === 'syn' ? geom.n - geom.len : drawn.length;
        const last = side === 'syn' ? geom.n - 1 - drawn.length : geom.len - 1;
        x = geom.x0 + ((first + last + 1) / 2) * geom.pitch;
        anchor = 'middle';
      }
      text.attr('x', x).attr('y', geom.mode === 'bar' ? box.top + 14 : box.mid + 4).attr('text-anchor', anchor).text(lab.more(more));
    }
  }

  function drawMarkers(L: Layout, lab: QueuesLabels): void {
    const list = board.list().filter((m) => m.place !== 'arc');
    const textOf = (m: Marker) => (MARKER_PREFIX[m.tone] ?? '') + [...m.counts].map(([f, n]) => `${f} +${lab.num(n)}`).join(' · ');
    const items = list.map((m) => {
      const text = textOf(m);
      return { m, text, w: Math.ceil(measure(text)) + 13 };
    });
    const pitch = MARKER_H + 2;
    // band A (above the SYN queue): entrance markers from the SYN arrow, timer markers from the oldest requests
    const widthA = L.xr - L.gutterX;
    const placedA = packMarkers(
      items.filter((i) => i.m.place !== 'acc_in').map((i) => ({ id: i.m.id, side: i.m.place === 'syn_in' ? 'left' : 'right', w: i.w })),
      Math.max(1, Math.floor((L.bandA.h - 2) / pitch)), widthA,
    );
    // band B (between the queues, under the cookie arc): final-ACK markers right-aligned at the connector
    const placedB = packMarkers(
      items.filter((i) => i.m.place === 'acc_in').map((i) => ({ id: i.m.id, side: 'right' as const, w: i.w })),
      Math.max(1, Math.floor((L.bandB.h - 22) / pitch)), widthA,
    );
    const pos = new Map<number, { x: number; y: number }>();
    for (const [id, p] of placedA) pos.set(id, { x: p.side === 'left' ? L.gutterX + p.x : L.xr - p.x - p.w, y: L.syn.top - 1 - (p.line + 1) * pitch });
    for (const [id, p] of placedB) pos.set(id, { x: L.xr - p.x - p.w, y: L.accept.top - 1 - (p.line + 1) * pitch });
    const shownItems = items.filter((i) => pos.has(i.m.id));
    markerLayer.selectAll<SVGGElement, (typeof items)[number]>('g.mk')
      .data(shownItems, (i) => i.m.id)
      .join((enter) => {
        const n = enter.append('g');
        n.append('title');
        n.append('rect').attr('class', 'pill').attr('rx', 4).attr('height', MARKER_H);
        n.append('text').attr('x', 6).attr('y', MARKER_H - 4.5);
        return n;
      })
      .each(function (i) {
        // a marker's numbers change every frame of a flood; the rest of it rarely does
        const memo = markerMemo.get(this) ?? { cls: '', at: '', w: -1, text: '', title: '' };
        markerMemo.set(this, memo);
        const cls = `mk ${i.m.tone}${i.m.closedAt !== null ? ' closing' : ''}`;
        if (memo.cls !== cls) this.setAttribute('class', (memo.cls = cls));
        const p = pos.get(i.m.id)!;
        const at = tr(p.x, p.y - (i.m.closedAt !== null ? 6 : 0));
        if (memo.at !== at) this.style.transform = memo.at = at;
        if (memo.w !== i.w) (this.querySelector('rect.pill') as SVGRectElement).setAttribute('width', String((memo.w = i.w)));
        if (memo.text !== i.text) this.querySelector('text')!.textContent = memo.text = i.text;
        const title = lab.caption(i.m.code, i.m.times);
        if (memo.title !== title) this.querySelector('title')!.textContent = memo.title = title;
      });
  }

  function arcD(L: Layout): string {
    const sy = L.syn.mid;
    const ly = L.bandB.top + 12;
    const x1 = L.gutterX + 10;
    return `M${x1},${sy} C${x1},${ly} ${x1},${ly} ${x1 + 26},${ly} H${L.connX - 10} Q${L.connX},${ly} ${L.connX},${ly + 10} V${L.accept.mid - 8} Q${L.connX},${L.accept.mid} ${L.connX - 8},${L.accept.mid} H${L.xr + 6}`;
  }

  /** Markers age on the wall clock between frames. */
  function schedule(): void {
    const t = now();
    const due = board.nextDue(t);
    if (due === null) return;
    // one timer at a time: keep the armed one if it fires early enough (a tick that changes nothing is cheap)
    if (sweep !== null && sweepAt <= t + due + 5) return;
    if (sweep !== null) clearTimeout(sweep);
    sweepAt = t + due + 5;
    sweep = setTimeout(() => {
      sweep = null;
      if (board.tick(now()) && last) render(last, null);
      schedule();
    }, due + 5);
  }

  const resize = typeof ResizeObserver === 'function'
    ? new ResizeObserver(() => {
      const w = el.clientWidth;
      const h = el.clientHeight;
      if (w === size.w && h === size.h) return;
      size = { w, h };
      if (last) render(last, null);
    })
    : null;
  resize?.observe(el);

  return {
    update(input) {
      last = input;
      const f = input.frame;
      let news: { exits: Exits; fresh: boolean } | null = null;
      if (f !== lastFrame) {
        const t = now();
        if (f) news = { exits: absorb(f, t), fresh: !f.replace && lastFrame !== null };
        else {
          board.clear();
          timers.clear();
        }
        lastFrame = f;
        board.tick(t);
      }
      render(input, news);
      schedule();
    },
    destroy() {
      resize?.disconnect();
      if (sweep !== null) clearTimeout(sweep);
      svg.remove();
    },
  };
}
