// @vitest-environment happy-dom
// The terminal panel with the real store and bridge and a fake worker: a typed line goes to the worker as text,
// shows as pending, then shows exactly what the worker answered; history, clear, examples and refusals work.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { createBridge, type Bridge } from '../../src/store/bridge.ts';
import { createAppStore, type AppStore } from '../../src/store/store.ts';
import { PROTOCOL_VERSION as v, type FromWorker, type ScenarioMeta, type ToWorkerBody } from '../../src/worker/protocol.ts';
import { AppContext } from '../../src/ui/context.ts';
import { TerminalPanel } from '../../src/ui/terminal/TerminalPanel.tsx';
import { emptyHistory, HISTORY_MAX, moveHistory, pushHistory } from '../../src/ui/terminal/history.ts';
import { MAX_LINE } from '../../src/ui/terminal/commands.ts';
import type { Lang } from '../../src/store/prefs.ts';
import { makeFrame } from '../fixtures/frames.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const META: ScenarioMeta = {
  name: 'fake', description: '', title: null, title_zh: null, explain: null, explain_zh: null, duration_ms: 10,
  backlog: 4, port: 9090, clients: { normal: 6, spoofed: 0 }, sysctl: {},
};

interface Page {
  store: AppStore;
  bridge: Bridge;
  sent: ToWorkerBody[];
  reply(m: FromWorker): void;
  /** the shell lines sent to the worker, in order */
  shells(): string[];
  input(): HTMLInputElement;
  output(): HTMLElement;
  entries(): HTMLElement[];
  type(text: string): void;
  key(key: string, init?: KeyboardEventInit): void;
  run(line: string): void;
  answer(id: number, stdout: string, stderr?: string, exit?: number): void;
}

let root: Root | null = null;
let host: HTMLElement | null = null;

afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = null;
  host = null;
});

/** the panel on a page whose worker has loaded a run (gen 1), unless `loaded` is false */
function mount({ lang = 'en' as Lang, loaded = true } = {}): Page {
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
  if (loaded) {
    bridge.loadText('scenario', 'test');
    reply({ v, type: 'loaded', gen: store.getState().gen, meta: META, frame: makeFrame({ port: 9090 }) });
  }
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(<AppContext value={{ store, bridge }}><TerminalPanel /></AppContext>));

  const input = () => host!.querySelector<HTMLInputElement>('[data-testid="terminal-input"]')!;
  const page: Page = {
    store, bridge, sent, reply,
    shells: () => sent.flatMap((m) => (m.type === 'shell' ? [m.line] : [])),
    input,
    output: () => host!.querySelector<HTMLElement>('[data-testid="terminal-output"]')!,
    entries: () => [...host!.querySelectorAll<HTMLElement>('[data-testid="terminal-entry"]')],
    type(text) {
      const el = input();
      act(() => {
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, text);
        el.dispatchEvent(new Event('input', { bubbles: true }));
      });
    },
    key(key, init = {}) {
      act(() => void input().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init })));
    },
    run(line) {
      page.type(line);
      page.key('Enter');
    },
    answer(id, stdout, stderr = '', exit = 0) {
      reply({ v, type: 'shell_out', gen: store.getState().gen, id, line: '', stdout, stderr, exit });
    },
  };
  return page;
}

const text = (e: Element, sel: string) => e.querySelector(sel)?.textContent ?? null;

describe('terminal panel', () => {
  it('sends the typed line as text, shows it pending, then shows the answer exactly as printed', () => {
    const p = mount();
    const line = 'ss -lnt "$(rm -rf /)" <b>x</b> ; alert(1)';
    p.run(line);
    expect(p.sent.at(-1)).toEqual({ type: 'shell', id: 1, line });
    expect(p.input().value).toBe('');
    const [e] = p.entries();
    expect(e.dataset.state).toBe('pending');
    expect(text(e, '.term-line')).toBe(line);
    expect(e.querySelector('.term-pending')).not.toBeNull();
    expect(e.querySelector('b')).toBeNull();

    const stdout = 'State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\nLISTEN 0      4          192.0.2.1:8080      0.0.0.0:*          \n';
    p.answer(1, stdout);
    expect(e.dataset.state).toBe('done');
    expect(e.querySelector('.term-pending')).toBeNull();
    expect(text(e, 'pre.term-stdout')).toBe(stdout); // trailing blanks and newline kept
    expect(e.querySelector('.term-stderr')).toBeNull();
    expect(e.querySelector('.term-exit')).toBeNull();
  });

  it('styles stderr apart and marks a non-zero exit status', () => {
    const p = mount();
    p.run('foo');
    p.answer(1, '', 'foo: command not found\n', 127);
    const [e] = p.entries();
    expect(e.dataset.exit).toBe('127');
    expect(e.querySelector('.term-stdout')).toBeNull();
    expect(text(e, 'pre.term-stderr')).toBe('foo: command not found\n');
    expect(text(e, '.term-exit')).toBe('exit 127');
  });

  it('walks the history with ↑ and ↓ and gives the draft back', () => {
    const p = mount();
    p.run('ss -lnt');
    p.run('nstat -az');
    p.run('nstat -az'); // a repeat is remembered once, as bash's ignoredups does
    p.type('sys');
    p.key('ArrowUp');
    expect(p.input().value).toBe('nstat -az');
    p.key('ArrowUp');
    expect(p.input().value).toBe('ss -lnt');
    p.key('ArrowUp');
    expect(p.input().value).toBe('ss -lnt');
    p.key('ArrowDown');
    expect(p.input().value).toBe('nstat -az');
    p.key('ArrowDown');
    expect(p.input().value).toBe('sys');
    p.key('ArrowDown');
    expect(p.input().value).toBe('sys');
    p.key('ArrowUp');
    p.key('Enter');
    expect(p.shells()).toEqual(['ss -lnt', 'nstat -az', 'nstat -az', 'nstat -az']);
  });

  it('clear (and Ctrl+L) empties the screen page-side; later answers still show', () => {
    const p = mount();
    p.run('ss -lnt');
    p.run('netstat -s');
    p.answer(1, 'a\n');
    expect(p.entries()).toHaveLength(2);
    p.run('clear');
    expect(p.entries()).toHaveLength(0);
    expect(p.shells()).toEqual(['ss -lnt', 'netstat -s']); // never sent
    p.answer(2, 'late\n'); // the answer to a cleared line stays cleared
    expect(p.entries()).toHaveLength(0);
    p.run('nstat');
    expect(p.entries().map((e) => text(e, '.term-line'))).toEqual(['nstat']);
    p.key('l', { ctrlKey: true });
    expect(p.entries()).toHaveLength(0);
    p.key('ArrowUp');
    p.key('ArrowUp');
    expect(p.input().value).toBe('clear'); // clear is in the history, like any line
  });

  it('example chips run their command, with the scenario port', () => {
    const p = mount();
    const chips = [...document.querySelectorAll<HTMLButtonElement>('.term-examples button')];
    expect(chips.map((b) => b.textContent)).toContain('ss -tn state syn-recv sport = :9090');
    const ss = chips.find((b) => b.textContent === 'ss -lnt')!;
    act(() => ss.click());
    expect(p.shells()).toEqual(['ss -lnt']);
    expect(document.activeElement).toBe(p.input());
    p.key('ArrowUp');
    expect(p.input().value).toBe('ss -lnt');
  });

  it('refuses an over-long line with a message and keeps it for editing', () => {
    const p = mount();
    const long = `grep ${'x'.repeat(MAX_LINE)}`;
    p.type(long);
    expect(document.querySelector('[role="alert"]')?.textContent).toContain(`${long.length} characters`);
    p.key('Enter');
    expect(p.shells()).toEqual([]);
    expect(p.input().value).toBe(long);
    p.type('x'.repeat(MAX_LINE));
    expect(document.querySelector('[role="alert"]')).toBeNull();
    p.key('Enter');
    expect(p.shells()).toEqual(['x'.repeat(MAX_LINE)]);
  });

  it('says so when no run is loaded yet, and sends nothing', () => {
    const p = mount({ loaded: false });
    p.run('ss -lnt');
    expect(p.shells()).toEqual([]);
    expect(document.querySelector('[role="alert"]')?.textContent).toMatch(/No scenario is running/);
    expect(p.input().value).toBe('ss -lnt');
  });

  it('a line whose run was reset shows it got no answer, and the next run starts below a divider', () => {
    const p = mount();
    p.run('ss -lnt');
    act(() => p.bridge.reset());
    expect(p.entries()[0].dataset.state).toBe('lost');
    expect(p.entries()[0].querySelector('.term-lost')).not.toBeNull();
    p.reply({ v, type: 'loaded', gen: p.store.getState().gen, meta: META, frame: makeFrame() });
    p.run('nstat');
    const [, second] = p.entries();
    expect(second.querySelector('[role="separator"]')).not.toBeNull();
    expect(p.entries()[0].querySelector('[role="separator"]')).toBeNull();
  });

  it('Enlarge floats the panel over the page; Esc or the button brings it back', () => {
    const p = mount();
    const panel = () => document.querySelector<HTMLElement>('section.terminal')!;
    const button = () => document.querySelector<HTMLButtonElement>('button.term-large')!;
    expect(panel().classList.contains('large')).toBe(false);
    act(() => button().click());
    expect(panel().classList.contains('large')).toBe(true);
    expect(button().getAttribute('aria-pressed')).toBe('true');
    expect(document.activeElement).toBe(p.input());
    p.key('Escape');
    expect(panel().classList.contains('large')).toBe(false);
    act(() => button().click());
    act(() => button().click());
    expect(panel().classList.contains('large')).toBe(false);
  });

  it('speaks Chinese around the commands, which stay as Linux spells them', () => {
    mount({ lang: 'zh-CN' });
    expect(document.querySelector('h2')?.textContent).toBe('终端');
    expect(document.querySelector('.term-welcome')?.textContent).toMatch(/help/);
    expect([...document.querySelectorAll('.term-examples button')].map((b) => b.textContent)).toContain('nstat -az TcpExtListen*');
  });
});

describe('history', () => {
  it('skips empty lines and immediate repeats, and keeps the newest HISTORY_MAX lines', () => {
    let h = pushHistory(pushHistory(pushHistory(emptyHistory, 'a'), '  '), 'a');
    expect(h.lines).toEqual(['a']);
    for (let i = 0; i < HISTORY_MAX + 5; i++) h = pushHistory(h, `c${i}`);
    expect(h.lines).toHaveLength(HISTORY_MAX);
    expect(h.lines.at(-1)).toBe(`c${HISTORY_MAX + 4}`);
    expect(h.at).toBe(HISTORY_MAX);
    expect(moveHistory(h, 1, 'x')).toBeNull();
  });
});
