// @vitest-environment happy-dom
// The scenario bar with the real store and bridge and a fake worker: the picker shows the presets in the page's
// language and what runs (a preset, an imported file, a link), choosing loads; the chips show the set-up (the host's
// sysctls apart, the port the kernel picked); the explanation is two lines; Export saves the running text under
// the scenario's name; a file dropped on the page is opened, other drags are left alone.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBridge } from '../../src/store/bridge.ts';
import { createAppStore } from '../../src/store/store.ts';
import type { Lang } from '../../src/store/prefs.ts';
import { AppContext } from '../../src/ui/context.ts';
import { ScenarioBar } from '../../src/ui/scenario/ScenarioBar.tsx';
import { PROTOCOL_VERSION as v, type FromWorker, type ScenarioMeta, type ToWorkerBody } from '../../src/worker/protocol.ts';
import { makeFrame } from '../fixtures/frames.ts';

const saved = vi.hoisted(() => [] as [string, unknown, string][]);
vi.mock('../../src/ui/save_file.ts', () => ({ saveFile: (name: string, bytes: unknown, mime: string) => saved.push([name, bytes, mime]) }));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const INDEX = JSON.stringify({
  format: 'backlog-presets/1',
  default: 'b',
  presets: [
    { id: 'a', file: 'a.json', title: 'Alpha', title_zh: '甲' },
    { id: 'b', file: 'b.json', title: 'Beta', title_zh: '乙' },
  ],
});
const FILES: Record<string, string> = { 'http://h/scenarios/index.json': INDEX, 'http://h/scenarios/a.json': 'A', 'http://h/scenarios/b.json': 'B' };

const META: ScenarioMeta = {
  name: 'b', description: 'the description', title: 'Beta', title_zh: '乙', explain: 'Set-up line.\nWhat happens.', explain_zh: '设置。\n结果。',
  duration_ms: 1000, backlog: 4, port: 8080, clients: { normal: 3, spoofed: 0 }, sysctl: { 'net.ipv4.tcp_syncookies': 0 },
};

let root: Root;
let host: HTMLElement;

async function mount(lang: Lang = 'en', files = FILES, opening?: { text: string; label: string }) {
  const store = createAppStore(lang);
  const sent: ToWorkerBody[] = [];
  let reply: (m: FromWorker) => void = () => {};
  const bridge = createBridge({
    store,
    baseUrl: 'http://h/',
    connect: (on) => ((reply = on), { send: (m) => sent.push(m), terminate: () => {} }),
    fetchText: async (url) => files[url] ?? Promise.reject(new Error(`404 ${url}`)),
  });
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  await act(async () => {
    root.render(
      <AppContext value={{ store, bridge }}>
        <ScenarioBar />
      </AppContext>,
    );
    await bridge.start(null, opening);
  });
  const lastGen = () => store.getState().gen;
  const loaded = (meta: Partial<ScenarioMeta> = {}, port: number | null = 8080) =>
    act(() => reply({ v, type: 'loaded', gen: lastGen(), meta: { ...META, ...meta }, frame: makeFrame({ port }) }));
  const $ = <E extends Element = HTMLElement>(sel: string) => host.querySelector<E>(sel)!;
  return { store, bridge, sent, loaded, $ };
}

beforeEach(() => {
  saved.length = 0;
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

const picker = (h: HTMLElement) => h.querySelector<HTMLSelectElement>('[data-testid="preset-select"]')!;
const shown = (h: HTMLElement) => picker(h).selectedOptions[0]?.textContent;

describe('ScenarioBar', () => {
  it('lists the presets in the page language, shows the running one, and loads the one chosen', async () => {
    const { sent, loaded, $ } = await mount('zh-CN');
    await loaded();
    expect([...picker(host).options].map((o) => [o.value, o.textContent, o.dataset.testid])).toEqual([
      ['a', '甲', 'preset-a'],
      ['b', '乙', 'preset-b'],
    ]);
    expect(picker(host).value).toBe('b');
    expect(picker(host).getAttribute('aria-label')).toBe('场景');
    expect($('[data-testid="scenario-title"]').textContent).toBe('乙');
    expect([...$('[data-testid="scenario-explain"]').querySelectorAll('p')].map((p) => p.textContent)).toEqual(['设置。', '结果。']);
    await act(async () => {
      picker(host).value = 'a';
      picker(host).dispatchEvent(new Event('change', { bubbles: true }));
      await Promise.resolve();
    });
    expect(sent.at(-1)).toEqual({ type: 'load', gen: 2, text: 'A' });
  });

  it('shows an imported scenario or a link as the first entry while it runs', async () => {
    const { bridge, loaded } = await mount();
    await loaded();
    act(() => bridge.loadText('{}', 'mine.json'));
    expect(shown(host)).toBe('Loading the scenario…');
    await loaded({ name: 'mine', title: 'My own', explain: null, description: 'Only a description.' });
    expect(picker(host).value).toBe('');
    expect(shown(host)).toBe('My own · from mine.json');
    expect(host.querySelector('[data-testid="scenario-explain"]')!.textContent).toBe('My ownOnly a description.');
    act(() => bridge.loadText('{}', 'link'));
    await loaded({ name: 'linked', title: null });
    expect(shown(host)).toBe('linked · from a link');
    expect(picker(host).options).toHaveLength(3);
  });

  it('shows a link’s scenario even when the preset list failed, with nothing else to choose', async () => {
    const { loaded } = await mount('en', {}, { text: '{}', label: 'link' });
    expect(picker(host).disabled).toBe(true);
    expect(shown(host)).toBe('Loading the scenario…');
    await loaded({ name: 'linked', title: 'Linked one' });
    expect(shown(host)).toBe('Linked one · from a link');
    expect(picker(host).options).toHaveLength(1);
  });

  it('keeps two explanation lines and offers the rest in a tooltip', async () => {
    const { loaded, $ } = await mount();
    await loaded({ explain: 'one\ntwo\n\nthree\nfour' });
    const box = $('[data-testid="scenario-explain"]');
    expect([...box.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['one', 'two']);
    expect(box.getAttribute('title')).toBe('one\ntwo\n\nthree\nfour');
  });

  it('shows the set-up, the host’s sysctls apart, and the port the kernel picked', async () => {
    const { loaded, $ } = await mount();
    await loaded({ host_sysctl: { 'net.core.somaxconn': 128 } });
    const chips = [...$('[data-testid="scenario-facts"]').querySelectorAll('li')].map((li) => li.textContent);
    expect(chips).toEqual(['listen(fd, 4)', '3 clients', 'tcp_syncookies=0', 'host: somaxconn=128']);
    expect($('[data-testid="host-sysctl"]').getAttribute('title')).toMatch(/net\.core\.somaxconn = 128 in the host’s namespace \(init_net\)/);
    expect(host.querySelector('[data-testid="port"]')).toBeNull();
    await loaded({ port: null }, 40123);
    expect($('[data-testid="port"]').textContent).toBe('no bind(): the kernel picked port 40123');
    expect($('[data-testid="port"]').dataset.value).toBe('40123');
  });

  it('exports the running scenario’s text as <name>.json, and nothing before one runs', async () => {
    const { loaded, $ } = await mount();
    const button = $<HTMLButtonElement>('[data-testid="export"]');
    expect(button.disabled).toBe(true);
    await loaded({ name: 'beta-run' });
    expect(button.disabled).toBe(false);
    expect(button.title).toBe('Download the running scenario as beta-run.json');
    act(() => button.click());
    expect(saved).toEqual([['beta-run.json', 'B', 'application/json']]);
  });

  it('opens a file dropped anywhere, with an overlay while it is dragged; ignores drags without files', async () => {
    const { sent, loaded } = await mount();
    await loaded();
    const drag = (type: string, types: string[], files: File[] = []) => {
      const e = new Event(type, { bubbles: true, cancelable: true });
      Object.defineProperty(e, 'dataTransfer', { value: { types, files, dropEffect: 'none' } });
      act(() => window.dispatchEvent(e));
      return e;
    };
    expect(drag('dragenter', ['text/plain']).defaultPrevented).toBe(false);
    expect(host.querySelector('[data-testid="drop-overlay"]')).toBeNull();
    expect(drag('dragenter', ['Files']).defaultPrevented).toBe(true);
    expect(host.querySelector('[data-testid="drop-overlay"]')).not.toBeNull();
    drag('dragleave', ['Files']);
    expect(host.querySelector('[data-testid="drop-overlay"]')).toBeNull();
    drag('dragenter', ['Files']);
    const file = new File(['{"dropped":1}'], 'dropped.json');
    await act(async () => {
      const e = new Event('drop', { bubbles: true, cancelable: true });
      Object.defineProperty(e, 'dataTransfer', { value: { types: ['Files'], files: [file] } });
      window.dispatchEvent(e);
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(host.querySelector('[data-testid="drop-overlay"]')).toBeNull();
    expect(sent.at(-1)).toEqual({ type: 'load', gen: 2, text: '{"dropped":1}' });
  });
});
