// @vitest-environment happy-dom
// The clients' view in a DOM: the live tally follows frame.clients, each watched client gets a row (a RST after
// its ACK reads ECONNRESET, before it ECONNREFUSED), and the result file's outcomes appear at the end with their
// stable test ids.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createBridge } from '../../src/store/bridge.ts';
import { createAppStore } from '../../src/store/store.ts';
import { AppContext } from '../../src/ui/context.ts';
import { ClientsPanel } from '../../src/ui/clients/ClientsPanel.tsx';
import { EXPERIENCES } from '../../src/ui/clients/experience.ts';
import { PROTOCOL_VERSION as v, type ClientsView, type FromWorker, type ResultView, type WatchedClient } from '../../src/worker/protocol.ts';
import { META } from '../worker/fake.ts';
import { NO_CLIENTS, makeFrame } from '../fixtures/frames.ts';

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
  act(() => root!.render(<AppContext value={{ store, bridge }}><ClientsPanel /></AppContext>));
  const send = (m: FromWorker) => act(() => reply(m));
  return {
    loaded: (clients: ClientsView) => send({ v, type: 'loaded', gen: 0, meta: META, frame: makeFrame({ replace: true, clients }) }),
    frame: (clients: ClientsView) => send({ v, type: 'frame', gen: 0, frame: makeFrame({ t_ms: 5, clients }) }),
    result: (clients: ClientsView, outcomes: ResultView['outcomes']) =>
      send({ v, type: 'result', gen: 0, frame: makeFrame({ t_ms: 10, done: true, clients }), result: { outcomes } as ResultView }),
  };
}

const el = (testid: string) => document.querySelector<HTMLElement>(`[data-testid="${testid}"]`);
const w = (id: number, experience: WatchedClient['experience'], syn_sent: number, synack_received: number, acks_sent: number): WatchedClient =>
  ({ id, kind: 'normal', experience, syn_sent, synack_received, acks_sent });

describe('ClientsPanel', () => {
  it('shows nothing of the tally before a run', () => {
    mount();
    expect(el('experience-accepted')).toBeNull();
  });

  it('shows the live tally, one row per experience, with what connect() returned', () => {
    const p = mount();
    p.loaded({ tally: { ...NO_CLIENTS, waiting: 6 }, spoofed_sent: 0, watched: [] });
    expect(EXPERIENCES.map((e) => el(`experience-${e}`)?.dataset.value)).toEqual(['0', '0', '0', '0', '0', '0', '6']);
    p.frame({ tally: { accepted: 1, queued: 1, stalled: 2, refused: 0, timed_out: 0, retrying: 1, waiting: 1 }, spoofed_sent: 0, watched: [] });
    expect(EXPERIENCES.map((e) => el(`experience-${e}`)?.dataset.value)).toEqual(['1', '1', '2', '0', '0', '1', '1']);
    const stalled = el('experience-stalled')!;
    expect(stalled.textContent).toContain('stalled');
    expect(stalled.textContent).toContain('returned 0');
    expect(stalled.getAttribute('title')).toContain('accept queue was full');
    expect(el('experience-timed_out')!.textContent).toContain('ETIMEDOUT');
    expect(el('experience-refused')!.classList.contains('dim')).toBe(true);
    expect(document.querySelector('.exp-table')?.getAttribute('aria-label')).toBe('6 clients');
    // the bar has a part per experience that has clients, sized by its count
    const segs = [...document.querySelectorAll<HTMLElement>('.exp-bar .seg')];
    expect(segs.map((s) => [s.className, s.style.flexGrow])).toEqual([
      ['seg tone-accepted', '1'], ['seg tone-queued', '1'], ['seg tone-stalled', '2'], ['seg tone-retrying', '1'], ['seg tone-waiting', '1'],
    ]);
  });

  it('explains every experience when asked', () => {
    const p = mount();
    p.loaded({ tally: NO_CLIENTS, spoofed_sent: 0, watched: [] });
    expect(document.querySelectorAll('tr.why').length).toBe(0);
    const toggle = document.querySelector<HTMLButtonElement>('.explain-toggle')!;
    act(() => toggle.click());
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(document.querySelectorAll('tr.why').length).toBe(EXPERIENCES.length);
  });

  it('lists the watched clients with their packets, ECONNRESET for a reset after the ACK', () => {
    const p = mount();
    p.loaded({ tally: NO_CLIENTS, spoofed_sent: 0, watched: [] });
    p.frame({
      tally: { ...NO_CLIENTS, refused: 2, stalled: 1 }, spoofed_sent: 40,
      watched: [w(0, 'stalled', 1, 2, 2), w(1, 'refused', 1, 1, 1), w(2, 'refused', 1, 0, 0)],
    });
    const row = (id: number) => el(`watched-${id}`)!;
    expect(row(0).dataset.experience).toBe('stalled');
    expect([...row(0).querySelectorAll('td.num')].map((c) => c.textContent)).toEqual(['1', '2', '2']);
    expect(row(1).textContent).toContain('ECONNRESET');
    expect(row(2).textContent).toContain('ECONNREFUSED');
    expect(el('spoofed-sent')?.dataset.value).toBe('40');
  });

  it('adds the result file’s outcomes at the end of the run, under their stable test ids', () => {
    const p = mount();
    const clients = { tally: { ...NO_CLIENTS, accepted: 4, stalled: 2 }, spoofed_sent: 0, watched: [] };
    p.loaded(clients);
    expect(el('outcome-accepted')).toBeNull();
    p.result(clients, { accepted: 4, established: 2, reset: 0, timed_out: 0, pending: 0, spoofed: 0 });
    expect(el('outcome-accepted')?.dataset.value).toBe('4');
    expect(el('outcome-established')?.dataset.value).toBe('2');
    expect(el('outcome-spoofed')?.dataset.value).toBe('0');
  });

  it('speaks Chinese with the kernel’s names kept', () => {
    const p = mount('zh-CN');
    p.loaded({ tally: NO_CLIENTS, spoofed_sent: 0, watched: [] });
    expect(el('experience-stalled')!.textContent).toContain('假连接');
    expect(el('experience-timed_out')!.textContent).toContain('ETIMEDOUT');
    expect(el('experience-stalled')!.getAttribute('title')).toContain('全连接队列');
  });
});
