// @vitest-environment happy-dom
// The Export menu in the packets panel, on the real store and bridge: closed until asked, disabled before a run,
// 'pcap' asks the worker (and the bridge saves its answer), 'SVG' saves the drawn ladder under the scenario's
// name and moment; Escape closes the list and gives focus back to its button.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createBridge } from '../../src/store/bridge.ts';
import { createAppStore } from '../../src/store/store.ts';
import { AppContext } from '../../src/ui/context.ts';
import { PacketsPanel } from '../../src/ui/packets/PacketsPanel.tsx';
import { PROTOCOL_VERSION as v, type FromWorker, type PacketView, type ToWorkerBody } from '../../src/worker/protocol.ts';
import { META } from '../worker/fake.ts';
import { NO_CLIENTS, makeFrame } from '../fixtures/frames.ts';

const saved = vi.hoisted(() => [] as { name: string; bytes: Uint8Array | string; mime: string }[]);
vi.mock('../../src/ui/save_file.ts', () => ({
  saveFile: (name: string, bytes: Uint8Array | string, mime: string) => saved.push({ name, bytes, mime }),
}));

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

let root: Root | null = null;
let host: HTMLElement | null = null;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = null;
  saved.length = 0;
});

function mount(lang: 'en' | 'zh-CN' = 'en') {
  const store = createAppStore(lang);
  const sent: ToWorkerBody[] = [];
  let reply: (m: FromWorker) => void = () => {};
  const bridge = createBridge({
    store, baseUrl: 'http://host/', fetchText: async () => '',
    connect: (on) => ((reply = on), { send: (m: ToWorkerBody) => sent.push(m), terminate: () => {} }),
    saveFile: (name, bytes, mime) => saved.push({ name, bytes, mime }),
  });
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(<AppContext value={{ store, bridge }}><PacketsPanel /></AppContext>));
  const send = (m: FromWorker) => act(() => reply(m));
  const watched = [{ id: 0, kind: 'normal' as const, experience: 'queued' as const, syn_sent: 1, synack_received: 1, acks_sent: 1 }];
  const packets: PacketView[] = [
    { seq: 1, t_ms: 0, dir: 'in', client: 0, flags: 'SYN', why: null, dropped: null },
    { seq: 2, t_ms: 0, dir: 'out', client: 0, flags: 'SYN|ACK', why: 'synack', dropped: null },
  ];
  return {
    sent,
    send,
    loaded: () => send({ v, type: 'loaded', gen: 0, meta: { ...META, name: 'slow-accept', clients: { normal: 20, spoofed: 0 } }, frame: makeFrame({ replace: true, t_ms: 1250, packets, clients: { tally: { ...NO_CLIENTS, waiting: 19 }, spoofed_sent: 0, watched } }) }),
  };
}

const toggle = () => document.querySelector<HTMLButtonElement>('[data-testid="export-menu"]')!;
const list = () => document.querySelector<HTMLUListElement>('.export-list')!;
const item = (c: string) => document.querySelector<HTMLButtonElement>(`[data-testid="export-${c}"]`)!;
const press = (el: Element, key: string) => act(() => void el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })));

describe('ExportMenu', () => {
  it('is disabled until a run is loaded, closed until asked, and names its entries', () => {
    const app = mount();
    expect(toggle().disabled).toBe(true);
    app.loaded();
    expect(toggle().disabled).toBe(false);
    expect(toggle().getAttribute('aria-label')).toBe('Export packets');
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    expect(list().hidden).toBe(true);
    act(() => toggle().click());
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
    expect(list().hidden).toBe(false);
    // each entry is named by its label and described by its hint
    const pcap = item('pcap');
    expect(document.getElementById(pcap.getAttribute('aria-labelledby')!)?.textContent).toBe('Packets (.pcap)');
    expect(document.getElementById(pcap.getAttribute('aria-describedby')!)?.textContent).toMatch(/Wireshark/);
  });

  it('pcap asks the worker, and the bridge saves its answer under the scenario and moment', () => {
    const app = mount();
    app.loaded();
    act(() => toggle().click());
    act(() => item('pcap').click());
    expect(app.sent.at(-1)).toMatchObject({ type: 'export_pcap' });
    expect(list().hidden).toBe(true);
    app.send({ v, type: 'pcap', gen: 0, bytes: new Uint8Array([0xd4, 0xc3, 0xb2, 0xa1]), packets: 0, truncated: false });
    expect(saved).toEqual([{ name: 'slow-accept-1250ms.pcap', bytes: new Uint8Array([0xd4, 0xc3, 0xb2, 0xa1]), mime: 'application/vnd.tcpdump.pcap' }]);
  });

  it('SVG saves the drawn ladder, titled with the scenario and the moment', async () => {
    const app = mount();
    app.loaded();
    act(() => toggle().click());
    await act(async () => item('svg').click());
    expect(saved).toHaveLength(1);
    const [file] = saved;
    expect(file.name).toBe('slow-accept-1250ms-ladder.svg');
    expect(file.mime).toBe('image/svg+xml');
    const doc = new DOMParser().parseFromString(file.bytes as string, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.querySelector('svg > title')?.textContent).toBe('Backlog Lab · slow-accept · 1.250 s');
    expect(doc.querySelectorAll('g.row')).toHaveLength(2);
  });

  it('Escape closes the list and gives focus back; the arrows move between entries', () => {
    const app = mount();
    app.loaded();
    act(() => toggle().click());
    press(toggle(), 'ArrowDown');
    expect(document.activeElement).toBe(item('pcap'));
    press(item('pcap'), 'ArrowUp');
    expect(document.activeElement).toBe(item('png'));
    press(item('png'), 'Escape');
    expect(list().hidden).toBe(true);
    expect(document.activeElement).toBe(toggle());
  });

  it('speaks Chinese', () => {
    const app = mount('zh-CN');
    app.loaded();
    expect(toggle().textContent).toContain('导出');
    expect(toggle().getAttribute('aria-label')).toBe('导出数据包');
    expect(item('png').textContent).toContain('时序图（.png）');
  });
});
