// A page for the knobs panel and the controls bar: the real store and bridge, a fake worker that records what the
// page sends and lets a test answer as the worker would, and DOM helpers that find fields by accessible name.
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createBridge, type Bridge } from '../../src/store/bridge.ts';
import { createAppStore, type AppStore } from '../../src/store/store.ts';
import type { Lang } from '../../src/store/prefs.ts';
import { AppContext } from '../../src/ui/context.ts';
import { PROTOCOL_VERSION as v, type ActNote, type FromWorker, type Issue, type LiveAction, type ScenarioMeta, type SimFrame, type ToWorkerBody } from '../../src/worker/protocol.ts';
import { makeFrame } from '../fixtures/frames.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const META: ScenarioMeta = {
  name: 'fake', description: '', title: null, title_zh: null, explain: null, explain_zh: null, duration_ms: 10_000,
  backlog: 4, port: 8080, clients: { normal: 6, spoofed: 0 }, sysctl: {},
};

export interface Page {
  readonly store: AppStore;
  readonly bridge: Bridge;
  readonly host: HTMLElement;
  readonly sent: ToWorkerBody[];
  /** the 'act' actions sent, in order */
  acts(): LiveAction[];
  reply(m: FromWorker): void;
  /** the worker posts a frame of the current run */
  frame(f: SimFrame): void;
  /** the worker applied an act: 'acted' then a frame, in the order the worker posts them */
  acted(action: LiveAction, notes: readonly ActNote[], f?: SimFrame): void;
  refuse(issues: Issue[]): void;
  /** the element whose accessible name is `name` (label[for], aria-label, aria-labelledby) */
  byLabel<E extends HTMLElement = HTMLInputElement>(name: string): E;
  button(name: string): HTMLButtonElement;
  type(el: HTMLInputElement, text: string): void;
  key(el: HTMLElement, key: string): void;
  focus(el: HTMLElement): void;
  blur(el: HTMLElement): void;
  click(el: HTMLElement): void;
  all(sel: string): HTMLElement[];
}

const mounted: { root: Root; host: HTMLElement }[] = [];

export function unmountAll(): void {
  for (const { root, host } of mounted.splice(0)) {
    act(() => root.unmount());
    host.remove();
  }
}

function nameOf(el: Element): string {
  const aria = el.getAttribute('aria-label');
  if (aria) return aria;
  const by = el.getAttribute('aria-labelledby');
  if (by) return by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
  if (el.id) {
    const label = document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
    if (label) return label.textContent?.trim() ?? '';
  }
  return el.tagName === 'BUTTON' ? (el.textContent?.trim() ?? '') : '';
}

/** `ui` on a page whose worker has loaded a run (gen 1) with `first`, unless `loaded` is false */
export function mount(ui: ReactNode, { lang = 'en' as Lang, loaded = true, first = makeFrame() } = {}): Page {
  const store = createAppStore(lang);
  const sent: ToWorkerBody[] = [];
  let toPage: (m: FromWorker) => void = () => {};
  const bridge = createBridge({
    store,
    baseUrl: 'http://host/app/',
    connect: (onMessage) => ((toPage = onMessage), { send: (m) => sent.push(m), terminate: () => {} }),
    fetchText: async () => '',
  });
  const reply = (m: FromWorker) => act(() => toPage(m));
  const gen = () => store.getState().gen;
  if (loaded) {
    bridge.loadText('scenario', 'test');
    reply({ v, type: 'loaded', gen: gen(), meta: META, frame: first });
  }
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  mounted.push({ root, host });
  act(() => root.render(<AppContext value={{ store, bridge }}>{ui}</AppContext>));

  const page: Page = {
    store, bridge, host, sent, reply,
    acts: () => sent.flatMap((m) => (m.type === 'act' ? [m.action] : [])),
    frame: (f) => reply({ v, type: 'frame', gen: gen(), frame: f }),
    acted(action, notes, f) {
      reply({ v, type: 'acted', gen: gen(), action, notes });
      if (f) page.frame(f);
    },
    refuse: (issues) => reply({ v, type: 'error', gen: gen(), code: 'bad_action', issues }),
    byLabel<E extends HTMLElement>(name: string): E {
      const found = [...host.querySelectorAll<E>('input, select, button, [role="radiogroup"]')].filter((el) => nameOf(el) === name);
      if (found.length !== 1) throw new Error(`${found.length} elements named ${JSON.stringify(name)}`);
      return found[0];
    },
    button: (name) => page.byLabel<HTMLButtonElement>(name),
    type(el, text) {
      act(() => {
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, text);
        el.dispatchEvent(new Event('input', { bubbles: true }));
      });
    },
    key: (el, key) => act(() => void el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))),
    focus: (el) => act(() => el.focus()),
    blur: (el) => act(() => el.blur()),
    click: (el) => act(() => el.click()),
    all: (sel) => [...host.querySelectorAll<HTMLElement>(sel)],
  };
  return page;
}

/** makeFrame with some sysctls and knobs changed */
export function frameWith(sysctl: Partial<SimFrame['knobs']['sysctl']>, knobs: Partial<Omit<SimFrame['knobs'], 'sysctl'>> = {}, over: Partial<SimFrame> = {}): SimFrame {
  const base = makeFrame(over);
  return { ...base, knobs: { ...base.knobs, ...knobs, sysctl: { ...base.knobs.sysctl, ...sysctl } } };
}
