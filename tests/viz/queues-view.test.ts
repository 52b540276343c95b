// @vitest-environment happy-dom
// The queues picture in a DOM: data-len/data-limit follow the frames, a token is one element for its whole life
// (the same node slides from the SYN queue to the accept queue), a huge queue draws a bounded picture, and
// drops show where they happen, labelled with the counters they moved.
import { afterEach, describe, expect, it } from 'vitest';
import { createQueuesView, type QueuesInput, type QueuesLabels, type View } from '../../src/viz/queues.ts';
import type { AcceptItem, CounterField, LogLine, SimFrame, SynItem } from '../../src/worker/protocol.ts';
import { makeFrame } from '../fixtures/frames.ts';

const LABELS: QueuesLabels = {
  syn: 'SYN queue', accept: 'Accept queue', synHint: 'h1', acceptHint: 'h2',
  status: (len, limit) => (limit === 0 ? 'not listening' : `${len} / ${limit}`), full: 'full', more: (n) => `+${n} more`,
  synIn: 'SYN', acceptOut: 'accept()', ack: 'ACK', cookieArc: 'SYN cookie', num: (n) => String(n),
  caption: (c) => c, reqTitle: (t) => `req ${t.req}`, childTitle: (t) => `sock ${t.sock}`,
};
const syn = (id: number, over: Partial<SynItem> = {}): SynItem => ({ id, client: id, spoofed: false, retrans: 0, timeouts: 0, timer_ms: 1000, acked: false, ...over });
const child = (id: number, from_req: number | null, over: Partial<AcceptItem> = {}): AcceptItem => ({ id, client: id, spoofed: false, cookie: false, from_req, ...over });
let seq = 0;
const line = (code: string, mib: CounterField[], over: Partial<LogLine> = {}): LogLine =>
  ({ seq: seq++, t_ms: 0, fn: 'f', code, mib, client: 1, req: null, sock: null, args: {}, ...over }) as LogLine;

let host: HTMLElement;
let view: View<QueuesInput> | null = null;
let clock = 0;

function mount(): (over: Partial<SimFrame>, ms?: number) => void {
  host = document.createElement('div');
  document.body.append(host);
  view = createQueuesView(host, { now: () => clock });
  let events = 0;
  // each frame is a new moment of the run (one more kernel event) unless the test says otherwise
  return (over, ms = 200) => view!.update({ frame: makeFrame({ playing: true, events: ++events, ...over }), labels: LABELS, duration_ms: ms });
}
afterEach(() => {
  view?.destroy();
  view = null;
  host.remove();
});

const row = (id: string) => host.querySelector(`[data-testid="${id}"]`)!;
const tokens = () => [...host.querySelectorAll<SVGGElement>('g.tok:not(.gone)')];
const keyed = () => new Map(tokens().map((n) => [n.getAttribute('data-key')!, n]));

describe('queues view', () => {
  it('shows each queue’s length and limit on the stable hooks', () => {
    const show = mount();
    show({ syn_queue: { len: 3, limit: 5 }, accept_queue: { len: 5, limit: 5 } });
    expect(row('syn-queue').getAttribute('data-len')).toBe('3');
    expect(row('syn-queue').getAttribute('data-limit')).toBe('5');
    expect(row('accept-queue').getAttribute('data-len')).toBe('5');
    expect(row('accept-queue').getAttribute('aria-label')).toBe('Accept queue: 5 / 5 · full');
    expect(row('syn-queue').querySelectorAll('rect.slot').length).toBe(5);
    show({ syn_queue: { len: 0, limit: 0 }, accept_queue: { len: 0, limit: 0 }, backlog: null });
    expect(row('syn-queue').getAttribute('data-limit')).toBe('0');
    expect(row('syn-queue').querySelectorAll('rect.slot').length).toBe(0);
  });

  it('keeps one element per token: the request’s node becomes the child’s and leaves on accept()', () => {
    const show = mount();
    show({ replace: true });
    show({ syn_queue: { len: 2, limit: 5 }, syn_items: [syn(7), syn(8)] });
    const first = keyed();
    expect([...first.keys()]).toEqual(['r7', 'r8']);
    show({ syn_queue: { len: 1, limit: 5 }, accept_queue: { len: 1, limit: 5 }, syn_items: [syn(8)], accept_items: [child(40, 7)] });
    const second = keyed();
    expect(second.get('r7')).toBe(first.get('r7'));
    expect(second.get('r8')).toBe(first.get('r8'));
    expect(second.get('r7')!.getAttribute('class')).toContain('accept');
    expect(second.get('r7')!.querySelector('title')!.textContent).toBe('sock 40');
    show({ accept_queue: { len: 0, limit: 5 }, syn_queue: { len: 1, limit: 5 }, syn_items: [syn(8)], log: [line('accept_ok', [], { sock: 40 })] });
    // happy-dom has no Web Animations: the leaving token is removed at once
    expect([...keyed().keys()]).toEqual(['r8']);
    expect(keyed().get('r8')).toBe(first.get('r8'));
  });

  it('shows a retransmission badge and a countdown ring', () => {
    const show = mount();
    show({ t_ms: 0, syn_queue: { len: 1, limit: 5 }, syn_items: [syn(1, { timer_ms: 1000 })] });
    const ring = () => tokens()[0].querySelector('circle.ring') as SVGElement;
    expect(ring().style.strokeDashoffset).toBe('0.0');
    show({ t_ms: 750, syn_queue: { len: 1, limit: 5 }, syn_items: [syn(1, { timer_ms: 1000 })] });
    expect(ring().style.strokeDashoffset).toBe('75.0');
    show({ t_ms: 1000, syn_queue: { len: 1, limit: 5 }, syn_items: [syn(1, { timer_ms: 3000, retrans: 1 })] });
    expect(tokens()[0].querySelector('g.badge text')!.textContent).toBe('1');
    expect(ring().style.strokeDashoffset).toBe('0.0');
  });

  it('draws a small picture for a queue of 50,000: a bar, a strip of tokens and "+N more"', () => {
    const show = mount();
    const items = Array.from({ length: 64 }, (_, i) => syn(i, { client: -1 }));
    show({ syn_queue: { len: 50_000, limit: 65_536 }, accept_queue: { len: 0, limit: 65_536 }, syn_items: items });
    expect(row('syn-queue').getAttribute('data-mode')).toBe('bar');
    expect(row('syn-queue').querySelectorAll('rect.slot').length).toBe(0);
    const drawn = tokens().length;
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(64);
    expect(row('syn-queue').querySelector('text.more')!.textContent).toBe(`+${50_000 - drawn} more`);
    expect(tokens()[0].getAttribute('class')).toContain('spoofed');
    expect(host.querySelectorAll('svg *').length).toBeLessThan(800);
  });

  it('labels a drop with the counters it moved, where it happened, and fades it later', () => {
    const show = mount();
    show({ counters: { TCPReqQFullDrop: 0, ListenDrops: 0 } });
    const drops = Array.from({ length: 100 }, () => line('syn_queue_full_drop', ['InSegs', 'TCPReqQFullDrop', 'ListenDrops']));
    show({ counters: { TCPReqQFullDrop: 312, ListenDrops: 312 }, log: drops, log_skipped: 212 });
    const mk = host.querySelector('g.mk')!;
    expect(mk.textContent).toContain('TCPReqQFullDrop +312 · ListenDrops +312');
    expect(mk.getAttribute('class')).toBe('mk drop');
    clock = 5000;
    show({ counters: { TCPReqQFullDrop: 312, ListenDrops: 312 } });
    // still there: a marker also lives a few frames (a page that falls behind must not lose it)
    expect(host.querySelector('g.mk')!.getAttribute('class')).toBe('mk drop');
    for (let i = 0; i < 8; i++) show({ counters: { TCPReqQFullDrop: 312, ListenDrops: 312 } });
    expect(host.querySelector('g.mk')?.getAttribute('class') ?? 'gone').not.toBe('mk drop');
  });

  it('lights the cookie arc and brings a cookie child into the accept queue', () => {
    const show = mount();
    show({});
    expect(host.querySelector('.cookie-arc')!.getAttribute('class')).not.toContain('lit');
    show({
      accept_queue: { len: 1, limit: 5 }, accept_items: [child(90, null, { cookie: true })],
      log: [line('cookie_valid_child', ['InSegs', 'SyncookiesRecv', 'PassiveOpens'], { sock: 90 })],
    });
    expect(host.querySelector('.cookie-arc')!.getAttribute('class')).toContain('lit');
    expect(tokens()[0].getAttribute('class')).toContain('cookie');
    expect(host.querySelector('g.mk')!.textContent).toContain('SyncookiesRecv +1');
  });

  it('keeps a paused picture as it is: the pause frame (same moment, nothing new) freezes the markers', () => {
    const show = mount();
    show({ events: 1 });
    const drop = [line('syn_accept_queue_full', ['ListenOverflows', 'ListenDrops'])];
    show({ events: 2, log: drop });
    show({ events: 2, playing: false });
    expect(host.querySelector('g.mk')!.textContent).toContain('ListenOverflows +1 · ListenDrops +1');
    clock = 60_000;
    show({ events: 2, playing: false });
    expect(host.querySelector('g.mk')!.getAttribute('class')).toBe('mk drop');
    show({ events: 3, playing: false });
    expect(host.querySelector('g.mk')!.getAttribute('class')).toBe('mk drop closing');
  });

  it('forgets everything on a replace frame (load, reset, seek): no markers carried over', () => {
    const show = mount();
    show({});
    show({ log: [line('syn_accept_queue_full', ['ListenOverflows', 'ListenDrops'])] });
    expect(host.querySelectorAll('g.mk').length).toBe(1);
    show({ replace: true, log: [line('syn_accept_queue_full', ['ListenOverflows', 'ListenDrops'])] });
    expect(host.querySelectorAll('g.mk').length).toBe(0);
  });

  it('keeps the picture bounded through a flood: the DOM does not grow with the queue or the frames', () => {
    const show = mount();
    const frame = (k: number): Partial<SimFrame> => ({
      t_ms: k * 33, syn_queue: { len: 4097, limit: 4097 }, accept_queue: { len: 64, limit: 4097 },
      syn_items: Array.from({ length: 64 }, (_, i) => syn(k + i, { client: -1, timer_ms: 1000 + k * 33 })),
      accept_items: Array.from({ length: 64 }, (_, i) => child(100_000 + k + i, null)),
      log: Array.from({ length: 100 }, () => line('syn_queue_full_cookie', ['InSegs', 'TCPReqQFullDoCookies', 'SyncookiesSent'])),
      log_skipped: 230,
    });
    // elements drawn, not counting tokens on their way out (removed when their exit animation ends, which
    // happy-dom never runs)
    const drawn = () => host.querySelectorAll('*').length - [...host.querySelectorAll('.gone')].reduce((n, g) => n + 1 + g.querySelectorAll('*').length, 0);
    for (let k = 0; k < 5; k++) show(frame(k));
    const after5 = drawn();
    for (let k = 5; k < 65; k++) show(frame(k));
    // speed is measured by `npm run bench` (page bench); here: a 4097-entry queue draws a bounded picture, and
    // 60 more flood frames add no elements (markers aggregate, tokens are reused)
    expect(after5).toBeLessThan(800);
    expect(drawn()).toBeLessThanOrEqual(after5 + 10);
  });
});
