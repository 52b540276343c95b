// @vitest-environment happy-dom
// The queues panel with the real store: frames reach the picture through a subscription (data-len/data-limit
// follow them, token nodes persist), the language switch relabels it without losing the tokens, and the
// playback speed sets how long moves animate.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from '../../src/store/store.ts';
import type { Bridge } from '../../src/store/bridge.ts';
import type { ScenarioMeta, SimFrame } from '../../src/worker/protocol.ts';
import { AppContext } from '../../src/ui/context.ts';
import { QueuesPanel } from '../../src/ui/queues/QueuesPanel.tsx';
import { motionMs } from '../../src/ui/queues/motion.ts';
import { makeFrame } from '../fixtures/frames.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const META: ScenarioMeta = {
  name: 'fake', description: '', title: null, title_zh: null, explain: null, explain_zh: null, duration_ms: 10_000,
  backlog: 4, port: 8080, clients: { normal: 2, spoofed: 0 }, sysctl: {},
};

let root: Root | null = null;
let host: HTMLElement | null = null;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = host = null;
});

function mount(): AppStore {
  const store = createAppStore('en');
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(<AppContext value={{ store, bridge: {} as Bridge }}><QueuesPanel /></AppContext>));
  return store;
}
const show = (store: AppStore, over: Partial<SimFrame>) => act(() => store.setState({ run: { phase: 'live', meta: META, frame: makeFrame(over), result: null } }));
const q = (id: string) => host!.querySelector(`[data-testid="${id}"]`)!;

describe('QueuesPanel', () => {
  it('draws the frames the store receives, keeping token nodes across frames and languages', () => {
    const store = mount();
    expect(q('syn-queue').getAttribute('data-limit')).toBe('0');
    const item = { id: 7, client: 3, spoofed: false, retrans: 0, timeouts: 0, timer_ms: 1000, acked: false };
    show(store, { syn_queue: { len: 1, limit: 5 }, syn_items: [item] });
    expect(q('syn-queue').getAttribute('data-len')).toBe('1');
    expect(q('syn-queue').getAttribute('data-limit')).toBe('5');
    const token = host!.querySelector('g.tok')!;
    expect(token.querySelector('text.lbl')!.textContent).toBe('3');
    show(store, { t_ms: 5, syn_queue: { len: 1, limit: 5 }, syn_items: [item], accept_queue: { len: 2, limit: 5 } });
    expect(q('accept-queue').getAttribute('data-len')).toBe('2');
    expect(host!.querySelector('g.tok')).toBe(token);
    act(() => store.setState({ lang: 'zh-CN' }));
    expect(q('syn-queue').querySelector('text.label')!.textContent).toBe('半连接队列');
    expect(q('accept-queue').querySelector('text.label')!.textContent).toBe('全连接队列');
    expect(host!.querySelector('g.tok')).toBe(token);
  });

  it('animates over a time set by the playback speed', () => {
    const store = mount();
    show(store, {});
    const ms = () => (host!.querySelector('svg.queues-view') as SVGElement).style.getPropertyValue('--viz-ms');
    expect(ms()).toBe(`${motionMs(0.25, false)}ms`);
    act(() => store.setState({ speed: 1000 }));
    expect(ms()).toBe('0ms');
  });
});

describe('motionMs', () => {
  it('shortens with speed, stops past 100× and under reduced motion', () => {
    expect(motionMs(0.1, false)).toBe(420);
    expect(motionMs(1, false)).toBe(300);
    expect(motionMs(10, false)).toBeLessThan(100);
    expect(motionMs(100, false)).toBe(0);
    expect(motionMs(0.25, true)).toBe(0);
  });
});
