// @vitest-environment happy-dom
// The log panel with the real store and bridge and a fake worker: frames' decisions show as narrated lines with a
// link to the function's v6.18 source and counter chips; a chip (or the counters panel) filters the log and the
// filter bar clears it; left-out decisions are said, and the list follows new lines unless scrolled up.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { createBridge, type Bridge } from '../../src/store/bridge.ts';
import { createAppStore, type AppStore } from '../../src/store/store.ts';
import { PROTOCOL_VERSION as v, type FromWorker, type LogLine, type ScenarioMeta, type SimFrame, type ToWorkerBody } from '../../src/worker/protocol.ts';
import { AppContext } from '../../src/ui/context.ts';
import { LogPanel } from '../../src/ui/log/LogPanel.tsx';
import type { Lang } from '../../src/store/prefs.ts';
import { makeFrame } from '../fixtures/frames.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const META: ScenarioMeta = {
  name: 'fake', description: '', title: null, title_zh: null, explain: null, explain_zh: null, duration_ms: 10_000,
  backlog: 8, port: 8080, clients: { normal: 20, spoofed: 0 }, sysctl: {},
};

function line(seq: number, code: string, fn: string, over: Partial<LogLine> = {}): LogLine {
  return { seq, t_ms: seq * 10, event: seq, fn, code, mib: [], client: seq, req: 100 + seq, sock: null, args: {}, ...over };
}

const LINES: LogLine[] = [
  line(0, 'listen_started', 'inet_csk_listen_start', { client: null, req: null, args: { backlog: 8, port: 8080 } }),
  line(1, 'syn_request_created', 'tcp_conn_request', { mib: ['InSegs', 'OutSegs'], args: { qlen: 1, backlog: 8 } }),
  line(2, 'req_overflow_acked', 'tcp_check_req', { t_ms: 210, mib: ['InSegs', 'ListenOverflows', 'ListenDrops'], args: { acc: 9, backlog: 8 } }),
  line(3, 'req_overflow_acked', 'tcp_check_req', { t_ms: 220, mib: ['InSegs', 'ListenOverflows', 'ListenDrops'], args: { acc: 9, backlog: 8 } }),
  line(4, 'req_timer_rtx', 'reqsk_timer_handler', { t_ms: 1133, mib: ['TCPTimeouts', 'OutSegs', 'RetransSegs', 'TCPSynRetrans'], args: { retries: 2, configured: 2, qlen: 9, young: 0, num_timeout: 0 } }),
];

interface Page {
  store: AppStore;
  sent: ToWorkerBody[];
  bridge: Bridge;
  frame(over: Partial<SimFrame>): void;
  /** a new run (another scenario) */
  load(): void;
  lines(): HTMLElement[];
  el(testid: string): HTMLElement | null;
  click(el: Element): void;
}

let root: Root | null = null;
let host: HTMLElement | null = null;

afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = null;
  host = null;
});

function mount(lang: Lang = 'en'): Page {
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
  const load = () => {
    act(() => bridge.loadText('scenario', 'test'));
    reply({ v, type: 'loaded', gen: store.getState().gen, meta: META, frame: makeFrame({ replace: true }) });
  };
  load();
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root!.render(<AppContext value={{ store, bridge }}><LogPanel /></AppContext>));
  return {
    store,
    sent,
    bridge,
    load,
    frame: (over) => reply({ v, type: 'frame', gen: store.getState().gen, frame: makeFrame(over) }),
    lines: () => [...host!.querySelectorAll<HTMLElement>('[data-testid="log-line"]')],
    el: (testid) => host!.querySelector<HTMLElement>(`[data-testid="${testid}"]`),
    click: (el) => act(() => void el.dispatchEvent(new MouseEvent('click', { bubbles: true }))),
  };
}

const chips = (li: Element) => [...li.querySelectorAll('.log-chip')].map((c) => c.textContent);

describe('log panel', () => {
  it('says how to start while there is nothing to show', () => {
    const p = mount();
    expect(p.lines()).toHaveLength(0);
    expect(host!.textContent).toContain('Nothing yet: press Play or Step');
  });

  it('shows one narrated line per decision, oldest first, with time, function link, branch and counter chips', () => {
    const p = mount();
    p.frame({ log: LINES.slice(0, 3) });
    p.frame({ log: LINES.slice(3) });
    const lines = p.lines();
    expect(lines.map((l) => l.dataset.code)).toEqual(['listen_started', 'syn_request_created', 'req_overflow_acked', 'req_overflow_acked', 'req_timer_rtx']);
    const overflow = lines[2];
    expect(overflow.querySelector('.log-t')!.textContent).toBe('0.210');
    expect(overflow.querySelector('.log-text')!.textContent).toBe('ACK from client 2 dropped: accept queue full (9 waiting, backlog 8).');
    const link = overflow.querySelector<HTMLAnchorElement>('a.log-fn')!;
    expect(link.textContent).toBe('tcp_check_req()');
    expect(link.getAttribute('href')).toBe('https://elixir.bootlin.com/linux/v6.18/C/ident/tcp_check_req');
    expect(link.getAttribute('aria-label')).toBe('tcp_check_req() in net/ipv4/tcp_minisocks.c: Linux v6.18 source on elixir.bootlin.com (opens in a new tab)');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    // the counters it moved, without the per-segment InSegs
    expect(chips(overflow)).toEqual(['ListenOverflows', 'ListenDrops']);
    expect(chips(lines[0])).toEqual([]);
    // the repeat reads "same as above", with the full sentence kept as its title
    const repeat = lines[3].querySelector('.log-text')!;
    expect(repeat.textContent).toBe('Same as above, for client 3.');
    expect(repeat.getAttribute('title')).toBe('ACK from client 3 dropped: accept queue full (9 waiting, backlog 8).');
    expect(lines[4].querySelector('.log-text')!.textContent).toBe('Timer: SYN-ACK to client 4 sent again (retry 1 of 2).');
    expect(host!.querySelector('ol[aria-label="Kernel decisions, oldest first"]')).not.toBeNull();
  });

  it('opens a line to say why, with the branch in the kernel’s terms; "Explain all" opens every line', () => {
    const p = mount();
    p.frame({ log: LINES });
    const toggle = () => p.lines()[2].querySelector<HTMLButtonElement>('button.log-text')!;
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    expect(p.lines()[2].querySelector('[data-testid="log-why"]')).toBeNull();
    p.click(toggle());
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
    const why = p.lines()[2].querySelector<HTMLElement>('[data-testid="log-why"]')!;
    expect(toggle().getAttribute('aria-controls')).toBe(why.id);
    expect(why.textContent).toContain('With tcp_abort_on_overflow = 0 the kernel drops the ACK and keeps the request in the SYN queue');
    expect(why.querySelector('.log-branch')!.textContent).toBe('listen_overflow, !tcp_abort_on_overflow');
    p.click(toggle());
    expect(p.lines()[2].querySelector('[data-testid="log-why"]')).toBeNull();
    // a repeat, opened, says the whole line too
    const all = host!.querySelector<HTMLButtonElement>('button.log-explain-all')!;
    p.click(all);
    expect(all.getAttribute('aria-pressed')).toBe('true');
    expect(host!.querySelectorAll('[data-testid="log-why"]')).toHaveLength(5);
    expect(p.lines()[3].querySelector('[data-testid="log-why"]')!.textContent).toContain('ACK from client 3 dropped: accept queue full');
    p.click(all);
    expect(host!.querySelectorAll('[data-testid="log-why"]')).toHaveLength(0);
  });

  it('folds a run of repeats into one row with the counters the run moved, and opens it into its lines', () => {
    const p = mount();
    const acked = (seq: number) => line(seq, 'req_overflow_acked', 'tcp_check_req', { mib: ['InSegs', 'ListenOverflows', 'ListenDrops'], args: { acc: 9, backlog: 8 } });
    p.frame({ log: [acked(0), acked(1), acked(2), acked(3), line(4, 'accept_eagain', 'inet_csk_accept', { client: null, req: null })] });
    expect(p.lines().map((l) => l.dataset.seq)).toEqual(['0', '4']);
    const fold = p.el('log-repeats')!;
    expect(fold.dataset.n).toBe('3');
    expect(fold.textContent).toContain('3 more like this, for clients 1–3, until 0.030 s');
    expect(chips(fold)).toEqual(['ListenOverflows×3', 'ListenDrops×3']);
    p.click(fold.querySelector('button.log-text')!);
    expect(p.lines().map((l) => l.dataset.seq)).toEqual(['0', '1', '2', '3', '4']);
    expect(p.lines()[2].querySelector('.log-text')!.textContent).toBe('Same as above, for client 2.');
    p.click(p.el('log-repeats')!.querySelector('button.log-text')!);
    expect(p.lines().map((l) => l.dataset.seq)).toEqual(['0', '4']);
  });

  it('never folds away a line the viewer opened, and forgets opened lines in a new run', () => {
    const p = mount();
    const acked = (seq: number) => line(seq, 'req_overflow_acked', 'tcp_check_req', { mib: ['ListenOverflows', 'ListenDrops'], args: { acc: 9, backlog: 8 } });
    p.frame({ log: [acked(0), acked(1)] });
    p.click(p.lines()[1].querySelector('button.log-text')!);
    p.frame({ log: [acked(2), acked(3)] });
    expect(p.lines().map((l) => l.dataset.seq)).toEqual(['0', '1']);
    expect(p.lines()[1].querySelector('[data-testid="log-why"]')).not.toBeNull();
    expect(p.el('log-repeats')!.dataset.first).toBe('2');
    // a new run: seq 1 is another decision, and comes up closed
    p.load();
    p.frame({ log: [acked(0), acked(1)], replace: true });
    expect(p.lines()).toHaveLength(2);
    expect(p.lines()[1].querySelector('[data-testid="log-why"]')).toBeNull();
  });

  it('keeps an open fold open while its run grows', () => {
    const p = mount();
    const acked = (seq: number) => line(seq, 'req_overflow_acked', 'tcp_check_req', { mib: ['ListenOverflows', 'ListenDrops'], args: { acc: 9, backlog: 8 } });
    p.frame({ log: [acked(0), acked(1), acked(2)] });
    p.click(p.el('log-repeats')!.querySelector('button.log-text')!);
    p.frame({ log: [acked(3)] });
    expect(p.el('log-repeats')!.dataset.n).toBe('3');
    expect(p.lines().map((l) => l.dataset.seq)).toEqual(['0', '1', '2', '3']);
  });

  it('filters to the decisions that moved the counter a chip names, and clears the filter', () => {
    const p = mount();
    p.frame({ log: LINES });
    const chip = [...p.lines()[2].querySelectorAll<HTMLButtonElement>('.log-chip')].find((c) => c.textContent === 'ListenOverflows')!;
    expect(chip.getAttribute('aria-label')).toBe('Show only decisions that moved ListenOverflows');
    p.click(chip);
    expect(p.store.getState().selectedCounter).toBe('ListenOverflows');
    expect(p.lines().map((l) => l.dataset.seq)).toEqual(['2', '3']);
    expect(p.lines().every((l) => l.dataset.mib!.split(' ').includes('ListenOverflows'))).toBe(true);
    const bar = p.el('log-filter')!;
    expect(bar.dataset.counter).toBe('ListenOverflows');
    expect(bar.textContent).toContain('Only ListenOverflows: 2 of 5 decisions');
    expect(p.lines()[0].querySelector('.log-chip[aria-pressed="true"]')!.textContent).toBe('ListenOverflows');
    p.click(bar.querySelector('button')!);
    expect(p.store.getState().selectedCounter).toBeNull();
    expect(p.el('log-filter')).toBeNull();
    expect(p.lines()).toHaveLength(5);
  });

  it('follows the counter the counters panel selects, and says when nothing shown moved it', () => {
    const p = mount();
    p.frame({ log: LINES });
    act(() => p.bridge.selectCounter('TCPSynRetrans'));
    expect(p.lines().map((l) => l.dataset.code)).toEqual(['req_timer_rtx']);
    act(() => p.bridge.selectCounter('EmbryonicRsts'));
    expect(p.lines()).toHaveLength(0);
    expect(host!.textContent).toContain('No decision shown here moved EmbryonicRsts.');
    // a per-segment counter shows its chip when it is the one selected
    act(() => p.bridge.selectCounter('InSegs'));
    expect(chips(p.lines()[0])).toEqual(['InSegs']);
  });

  it('says how many decisions were left out, where, and that the filter cannot see them', () => {
    const p = mount();
    p.frame({ log: [line(40, 'syn_queue_full_cookie', 'tcp_conn_request', { args: { qlen: 17, backlog: 16 } })], log_skipped: 40 });
    p.frame({ log: [line(1275, 'syn_queue_full_cookie', 'tcp_conn_request', { t_ms: 900, args: { qlen: 17, backlog: 16 } })], log_skipped: 1234 });
    const gaps = [...host!.querySelectorAll<HTMLElement>('[data-testid="log-gap"]')].map((g) => g.textContent);
    expect(gaps).toEqual(['… 40 earlier decisions not shown', '… 1,234 more decisions between 0.400 s and 0.900 s not shown']);
    expect(p.el('log-skipped')!.dataset.value).toBe('1274');
    expect(p.el('log-skipped')!.textContent).toBe('1,274 decisions not shown');
    // the line after a gap is never "same as above": something else may have happened in between
    expect(p.lines()[1].querySelector('.log-text')!.textContent).toBe('SYN from client 1275: SYN queue full (17 requests, backlog 16), answered with a SYN cookie.');
    act(() => p.bridge.selectCounter('SyncookiesSent'));
    expect(p.el('log-filter')!.textContent).toContain('Decisions left out during a flood cannot be filtered.');
    expect(host!.querySelectorAll('[data-testid="log-gap"]')).toHaveLength(0);
  });

  it('moves the run to right after a decision when its time is clicked, pausing a playing run first', () => {
    const p = mount();
    p.frame({ log: LINES.map((l) => ({ ...l, event: 40 + l.seq })) });
    const time = p.lines()[2].querySelector<HTMLButtonElement>('button.log-t')!;
    expect(time.getAttribute('aria-label')).toBe('Go to 0.210 s, right after this decision');
    p.click(time);
    expect(p.sent.at(-1)).toEqual({ type: 'seek', to: { events: 42 } });
    p.frame({ playing: true });
    const n = p.sent.length;
    p.click(p.lines()[4].querySelector('button.log-t')!);
    expect(p.sent.slice(n)).toEqual([{ type: 'pause' }, { type: 'seek', to: { events: 44 } }]);
  });

  it('starts again when a frame replaces the log (reset, seek)', () => {
    const p = mount();
    p.frame({ log: LINES });
    p.frame({ log: LINES.slice(0, 1), replace: true });
    expect(p.lines()).toHaveLength(1);
  });

  it('speaks Chinese, with kernel names untouched', () => {
    const p = mount('zh-CN');
    p.frame({ log: LINES });
    const [, syn, overflow] = p.lines();
    expect(syn.querySelector('.log-text')!.textContent).toBe('客户端 1 的 SYN：请求进入半连接队列（现有 1 个），回复 SYN-ACK。');
    expect(overflow.querySelector('.log-text')!.textContent).toBe('客户端 2 的 ACK 被丢弃：全连接队列已满（9 个等待，backlog 8）。');
    p.click(overflow.querySelector('button.log-text')!);
    expect(p.lines()[2].querySelector('[data-testid="log-why"]')!.textContent).toContain('tcp_abort_on_overflow = 0 时，内核丢弃 ACK，请求留在半连接队列');
    expect(overflow.querySelector('a.log-fn')!.textContent).toBe('tcp_check_req()');
    expect(host!.querySelector('h2')!.textContent).toBe('发生了什么');
  });
});
