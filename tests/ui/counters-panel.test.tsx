// @vitest-environment happy-dom
// The counters panel in a DOM: every counter's data-value follows the frames (the result's at the end), the rate
// and the flash follow the history, and a click toggles the counter that filters the log.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createBridge } from '../../src/store/bridge.ts';
import { createAppStore } from '../../src/store/store.ts';
import { AppContext } from '../../src/ui/context.ts';
import { CountersPanel } from '../../src/ui/counters/CountersPanel.tsx';
import { KEY_COUNTERS } from '../../src/ui/counters/counters.ts';
import { PROTOCOL_VERSION as v, type Counters, type FromWorker, type ResultView } from '../../src/worker/protocol.ts';
import { META } from '../worker/fake.ts';
import { makeFrame } from '../fixtures/frames.ts';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

let root: Root | null = null;
let host: HTMLElement | null = null;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = null;
});

function mount(lang: 'en' | 'zh-CN' = 'en') {
  const store = createAppStore(lang);
  let reply: (m: FromWorker) => void = () => {};
  const bridge = createBridge({ store, baseUrl: 'http://host/', connect: (on) => ((reply = on), { send: () => {}, terminate: () => {} }), fetchText: async () => '' });
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(<AppContext value={{ store, bridge }}><CountersPanel /></AppContext>));
  const send = (m: FromWorker) => act(() => reply(m));
  const frame = (t_ms: number, counters: Counters, replace = false) => makeFrame({ t_ms, counters, replace });
  return {
    store,
    loaded: (counters: Counters = {}) => send({ v, type: 'loaded', gen: 0, meta: META, frame: frame(0, counters, true) }),
    frame: (t_ms: number, counters: Counters, replace = false) => send({ v, type: 'frame', gen: 0, frame: frame(t_ms, counters, replace) }),
    result: (t_ms: number, counters: Counters, result: Counters) =>
      send({ v, type: 'result', gen: 0, frame: { ...frame(t_ms, counters), done: true }, result: { counters: result } as ResultView }),
  };
}

const tile = (f: string) => document.querySelector<HTMLButtonElement>(`[data-testid="counter-${f}"]`)!;
const val = (f: string) => tile(f).getAttribute('data-value');

describe('CountersPanel', () => {
  it('shows every key counter as a button, blank before a run and 0 for a field the frame leaves out', () => {
    const p = mount();
    for (const f of KEY_COUNTERS) {
      expect(tile(f).tagName).toBe('BUTTON');
      expect(val(f)).toBe('');
    }
    p.loaded({ ListenOverflows: 0 });
    for (const f of KEY_COUNTERS) expect(val(f), f).toBe('0');
  });

  it("data-value follows the frames; at the end it is the result's", () => {
    const p = mount();
    p.loaded();
    p.frame(100, { ListenOverflows: 3, ListenDrops: 3 });
    expect(val('ListenOverflows')).toBe('3');
    p.frame(200, { ListenOverflows: 1234, ListenDrops: 1240 });
    expect(val('ListenOverflows')).toBe('1234');
    expect(tile('ListenOverflows').querySelector('.value')!.textContent).toBe('1,234');
    p.result(300, { ListenOverflows: 1300 }, { ListenOverflows: 1301, PassiveOpens: 7 });
    expect(val('ListenOverflows')).toBe('1301');
    expect(val('PassiveOpens')).toBe('7');
  });

  it('shows the rate per simulated second and the nstat name in the tooltip', () => {
    const p = mount();
    p.loaded();
    p.frame(500, { TCPSynRetrans: 2 });
    p.frame(1000, { TCPSynRetrans: 5 });
    expect(tile('TCPSynRetrans').querySelector('.rate')!.textContent).toBe('5.0/s');
    expect(tile('TCPSynRetrans').getAttribute('data-rate')).toBe('5');
    expect(tile('TCPSynRetrans').title).toMatch(/^TcpExtTCPSynRetrans\nSYN-ACKs sent again\n.*1\.0 s/);
    expect(tile('PassiveOpens').title).toMatch(/^TcpPassiveOpens\n/);
    // a reset restarts the history: no rate until simulated time passes again
    p.frame(0, {}, true);
    expect(tile('TCPSynRetrans').querySelector('.rate')!.textContent).toBe('');
  });

  it('flashes when a frame moves the counter, not on a reset or when nothing moved', () => {
    const p = mount();
    p.loaded();
    expect(tile('ListenDrops').querySelector('.flash')).toBeNull();
    p.frame(100, { ListenDrops: 1 });
    const first = tile('ListenDrops').querySelector('.flash');
    expect(first).not.toBeNull();
    expect(tile('ListenOverflows').querySelector('.flash')).toBeNull();
    p.frame(200, { ListenDrops: 1 });
    expect(tile('ListenDrops').querySelector('.flash')).toBe(first); // not restarted
    p.frame(300, { ListenDrops: 2 });
    const second = tile('ListenDrops').querySelector('.flash');
    expect(second).not.toBeNull();
    expect(second).not.toBe(first); // a new element: the animation starts again
    p.frame(0, {}, true);
    expect(tile('ListenDrops').querySelector('.flash')).toBeNull();
  });

  it('draws a sparkline per key counter from the history', () => {
    const p = mount();
    p.loaded();
    p.frame(100, { ListenOverflows: 1 });
    const d = tile('ListenOverflows').querySelector('path.spark-line')!.getAttribute('d');
    expect(d).toMatch(/^M0,/);
    p.frame(200, { ListenOverflows: 1 });
    expect(tile('ListenOverflows').querySelector('path.spark-line')!.getAttribute('d')).not.toBe(d);
  });

  it('a click selects the counter that filters the log, a second click (or the chip) clears it', () => {
    const p = mount();
    p.loaded();
    const b = tile('ListenOverflows');
    expect(b.getAttribute('aria-pressed')).toBe('false');
    act(() => b.click());
    expect(p.store.getState().selectedCounter).toBe('ListenOverflows');
    expect(tile('ListenOverflows').getAttribute('aria-pressed')).toBe('true');
    expect(document.querySelector('[data-testid="counter-filter"]')!.getAttribute('data-field')).toBe('ListenOverflows');
    act(() => tile('ListenDrops').click());
    expect(p.store.getState().selectedCounter).toBe('ListenDrops');
    expect(tile('ListenOverflows').getAttribute('aria-pressed')).toBe('false');
    act(() => tile('ListenDrops').click());
    expect(p.store.getState().selectedCounter).toBeNull();
    expect(document.querySelector('[data-testid="counter-filter"]')).toBeNull();
    act(() => tile('SyncookiesSent').click());
    act(() => document.querySelector<HTMLButtonElement>('[data-testid="counter-filter"]')!.click());
    expect(p.store.getState().selectedCounter).toBeNull();
  });

  it('lists other counters when they move, selectable too', () => {
    const p = mount();
    p.loaded({ InSegs: 0 });
    expect(document.querySelector('[data-testid="counter-InSegs"]')).toBeNull();
    expect(document.querySelector('.others-jump')).toBeNull();
    p.frame(100, { InSegs: 12, OutSegs: 3 });
    expect(val('InSegs')).toBe('12');
    expect(document.querySelector('.others-jump')!.textContent).toBe('2 more moved ↓');
    act(() => tile('InSegs').click());
    expect(p.store.getState().selectedCounter).toBe('InSegs');
  });

  it('speaks Chinese with the kernel names untranslated', () => {
    const p = mount('zh-CN');
    p.loaded();
    expect(document.querySelector('h2')!.textContent).toBe('计数器（nstat -az）');
    expect(tile('ListenOverflows').textContent).toContain('ListenOverflows');
    expect(tile('ListenOverflows').textContent).toContain('全连接队列');
  });
});
