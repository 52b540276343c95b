// @vitest-environment happy-dom
// The packets panel in a DOM: arrows come from the packets the store accumulates (the same node across frames),
// lanes from the clients the worker reports it watches, and the picker sends 'watch' with the ids the viewer wants.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createBridge } from '../../src/store/bridge.ts';
import { createAppStore } from '../../src/store/store.ts';
import { AppContext } from '../../src/ui/context.ts';
import { PacketsPanel } from '../../src/ui/packets/PacketsPanel.tsx';
import {
  MAX_WATCHED, PROTOCOL_VERSION as v, type FromWorker, type LogLine, type PacketView, type SimFrame, type ToWorkerBody, type WatchedClient,
} from '../../src/worker/protocol.ts';
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

const watching = (...ids: number[]): WatchedClient[] =>
  ids.map((id) => ({ id, kind: 'normal', experience: 'retrying', syn_sent: 1, synack_received: 0, acks_sent: 0 }));

function mount(lang: 'en' | 'zh-CN' = 'en') {
  const store = createAppStore(lang);
  const sent: ToWorkerBody[] = [];
  let reply: (m: FromWorker) => void = () => {};
  const bridge = createBridge({
    store, baseUrl: 'http://host/', fetchText: async () => '',
    connect: (on) => ((reply = on), { send: (m: ToWorkerBody) => sent.push(m), terminate: () => {} }),
  });
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(<AppContext value={{ store, bridge }}><PacketsPanel /></AppContext>));
  const send = (m: FromWorker) => act(() => reply(m));
  const frame = (over: Partial<SimFrame>, ids: number[]) => makeFrame({ ...over, clients: { tally: { ...NO_CLIENTS, waiting: 20 }, spoofed_sent: 0, watched: watching(...ids) } });
  return {
    store,
    sent,
    loaded: (ids: number[], packets: PacketView[] = []) => send({ v, type: 'loaded', gen: 0, meta: { ...META, clients: { normal: 20, spoofed: 0 } }, frame: frame({ replace: true, packets }, ids) }),
    frame: (ids: number[], packets: PacketView[], t_ms = 5, log: LogLine[] = []) => send({ v, type: 'frame', gen: 0, frame: frame({ t_ms, packets, log }, ids) }),
  };
}

// without `dropped` (as from a worker that did not say): the ladder reads the drops from the log
const P = (seq: number, client: number, dir: 'in' | 'out', flags: string, why: string | null = null): PacketView => ({ seq, t_ms: seq, dir, client, flags, why }) as unknown as PacketView;
const arrows = () => [...document.querySelectorAll<SVGGElement>('[data-testid="ladder-arrow"]')];
const bySeq = (seq: number) => document.querySelector(`[data-testid="ladder-arrow"][data-seq="${seq}"]`);
const chips = () => [...document.querySelectorAll<HTMLElement>('[data-testid^="watch-chip-"]')].map((c) => c.dataset.testid);
const input = () => document.querySelector<HTMLInputElement>('.watch-add input')!;

function typeAndSubmit(text: string): void {
  act(() => {
    const el = input();
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, text);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  act(() => document.querySelector<HTMLFormElement>('.watch-add')!.requestSubmit());
}

describe('PacketsPanel', () => {
  it('draws the accumulated packets of the watched clients, keeping each arrow’s node across frames', () => {
    const p = mount();
    p.loaded([0, 1], [P(1, 0, 'in', 'SYN')]);
    const first = bySeq(1);
    expect(first).not.toBeNull();
    p.frame([0, 1], [P(2, 0, 'out', 'SYN|ACK', 'synack'), P(3, 0, 'in', 'ACK'), P(4, 1, 'in', 'SYN')]);
    expect(arrows().map((a) => a.getAttribute('data-seq'))).toEqual(['1', '2', '3', '4']);
    expect(bySeq(1)).toBe(first);
    expect([...document.querySelectorAll('.lane-client')].map((l) => l.getAttribute('data-client'))).toEqual(['0', '1']);
    expect(document.querySelector('.lane-client .sub')?.textContent).toBe('retrying');
    expect(document.querySelector('.now-time')?.textContent).toBe('0.005 s');
  });

  it('marks the packets the listener dropped, from the decisions of the same frame', () => {
    const p = mount();
    p.loaded([11]);
    const log: LogLine[] = [{ seq: 1, t_ms: 4, event: 1, fn: 'tcp_check_req', code: 'req_overflow_acked', mib: ['ListenOverflows', 'ListenDrops'], client: 11, req: 1, sock: null, args: {} }];
    p.frame([11], [P(3, 11, 'out', 'SYN|ACK', 'synack'), P(4, 11, 'in', 'ACK')], 5, log);
    expect(bySeq(4)!.getAttribute('data-dropped')).toBe('true');
    expect(bySeq(4)!.querySelector('.note')?.textContent).toBe('dropped: accept queue full');
    expect(bySeq(3)!.getAttribute('data-dropped')).toBeNull();
  });

  it('shows the worker’s watched clients as chips and sends the viewer’s changes as watch', () => {
    const p = mount();
    p.loaded([0, 1, 2]);
    expect(chips()).toEqual(['watch-chip-0', 'watch-chip-1', 'watch-chip-2']);
    act(() => document.querySelector<HTMLButtonElement>('[data-testid="watch-chip-1"] button')!.click());
    expect(p.sent.at(-1)).toEqual({ type: 'watch', clients: [0, 2] });
    expect(p.store.getState().watch).toEqual([0, 2]);
    typeAndSubmit('12');
    expect(p.sent.at(-1)).toEqual({ type: 'watch', clients: [0, 1, 2, 12] });
    // once the viewer chose, "Default" gives the choice back to the worker
    act(() => document.querySelector<HTMLButtonElement>('.watch-picker .auto')!.click());
    expect(p.sent.at(-1)).toEqual({ type: 'watch', clients: [] });
  });

  it('refuses an id the run does not have, and more than MAX_WATCHED clients', () => {
    const p = mount();
    p.loaded([0]);
    const before = p.sent.length;
    typeAndSubmit('20');
    expect(p.sent.length).toBe(before);
    expect(document.querySelector('.watch-problem')?.textContent).toBe('Client ids go from 0 to 19');
    const full = Array.from({ length: MAX_WATCHED }, (_, i) => i);
    p.frame(full, []);
    typeAndSubmit('15');
    expect(p.sent.length).toBe(before);
    expect(document.querySelector('.watch-problem')?.textContent).toBe(`At most ${MAX_WATCHED} clients`);
  });

  it('does not let the last watched client go (an empty choice would mean the worker’s default)', () => {
    const p = mount();
    p.loaded([4]);
    expect(document.querySelector<HTMLButtonElement>('[data-testid="watch-chip-4"] button')!.disabled).toBe(true);
  });
});
