// Narration: every decision code has a sentence in English and Chinese, every placeholder is filled from the
// decision's args (as the kernel model really emits them: sample lines per code, and every decision of the
// presets' runs), variants follow what the kernel saw, and the counter filter and the left-out markers are right.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LogLine } from '../../src/worker/protocol.ts';
import { MESSAGES, translator } from '../../src/ui/i18n/index.ts';
import { LOG_CODES, branchOf, elixirUrl, type LogCode } from '../../src/ui/log/codes.ts';
import { chipsOf, formatTime, narrate, sameAsAbove, sentenceKey } from '../../src/ui/log/narrate.ts';
import { clientSpan, logRows, type LogRow } from '../../src/ui/log/rows.ts';
import { Simulation } from '../../src/sim/run.ts';
import { parseScenarioText } from '../../src/sim/validate.ts';
import { LANGS, type Lang } from '../../src/store/prefs.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function line(code: string, args: LogLine['args'] = {}, over: Partial<LogLine> = {}): LogLine {
  return { seq: 0, t_ms: 0, event: 0, fn: 'tcp_check_req', code, mib: [], client: 3, req: 7, sock: null, args, ...over };
}

/** The args each code carries, as the decide() call sites in src/kernel pass them. */
const SAMPLE_ARGS: Readonly<Record<LogCode, LogLine['args']>> = {
  listen_capped: { requested: 128, somaxconn: 8, backlog: 8 },
  listen_started: { backlog: 8, port: 8080 },
  listen_backlog_changed: { old: 8, backlog: 32 },
  listen_einval: { state: 'TCP_SYN_SENT' },
  listen_eaddrinuse: { port: 8080 },
  autobind_port: { port: 40001 },
  syn_broadcast_drop: {},
  syn_queue_full_cookie: { qlen: 17, backlog: 16 },
  syn_queue_full_drop: { qlen: 17, backlog: 16 },
  syn_accept_queue_full: { acc: 9, backlog: 8, cookie: 0 },
  syn_last_quarter_drop: { qlen: 385, max_syn_backlog: 512 },
  syn_cookie_sent: { qlen: 0, backlog: 16 },
  syn_request_created: { qlen: 3, backlog: 16 },
  req_dup_syn_synack: {},
  req_dup_syn_ratelimited: {},
  req_bad_ack_rst: {},
  req_out_of_window: {},
  req_rst_or_syn: {},
  req_no_ack: {},
  req_defer_accept_drop: {},
  req_overflow_acked: { acc: 9, backlog: 8 },
  req_overflow_abort: {},
  req_child_created: { acc: 4, backlog: 8 },
  cookie_valid_child: { acc: 2, backlog: 8 },
  cookie_valid_overflow: { acc: 9, backlog: 8 },
  cookie_invalid_rst: {},
  cookie_no_recent_overflow_rst: {},
  listener_ack_rst: {},
  listener_drop: {},
  child_segment: {},
  req_timer_rtx: { retries: 5, configured: 5, qlen: 3, young: 1, num_timeout: 0 },
  req_timer_rtx_pruned: { retries: 2, configured: 5, qlen: 17, young: 1, num_timeout: 1 },
  req_timer_expired: { retries: 5, configured: 5, qlen: 3, young: 0, num_timeout: 5 },
  req_timer_expired_pruned: { retries: 2, configured: 5, qlen: 17, young: 1, num_timeout: 2 },
  accept_ok: {},
  accept_eagain: {},
  accept_einval: {},
};

/** Lines that take a code's variant sentence. */
const VARIANTS: readonly LogLine[] = [
  line('listen_capped', { requested: -1, somaxconn: 4096, backlog: 4096 }),
  line('syn_accept_queue_full', { acc: 9, backlog: 8, cookie: 1 }),
  line('listener_ack_rst', { reason: 'no socket' }),
  line('req_timer_expired', { reason: 'listener closed' }),
];

const UNFILLED = /\{\w+\}/;

function expectNarrated(l: LogLine, lang: Lang): string {
  const n = narrate(l, translator(lang), lang);
  for (const text of [n.text, n.why]) {
    expect(text, `${lang} ${l.code}`).toBeTruthy();
    expect(text, `${lang} ${l.code} ${JSON.stringify(l.args)}`).not.toMatch(UNFILLED);
    expect(text).not.toContain('undefined');
    expect(text).not.toContain('NaN');
  }
  return n.text;
}

const why = (l: LogLine, lang: Lang = 'en') => narrate(l, translator(lang), lang).why;

describe('narration', () => {
  it('has an English and a Chinese line and explanation for every decision code, and they differ', () => {
    for (const code of LOG_CODES) {
      for (const key of [`log.code.${code}`, `log.why.${code}`] as const) {
        expect(MESSAGES.en[key], key).toBeTruthy();
        expect(MESSAGES['zh-CN'][key], key).toBeTruthy();
        expect(MESSAGES['zh-CN'][key]).not.toBe(MESSAGES.en[key]);
        expect(MESSAGES['zh-CN'][key], key).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    // every line text has its explanation, variants included
    const keys = Object.keys(MESSAGES.en);
    const suffixes = (kind: string) => keys.filter((k) => k.startsWith(`log.${kind}.`)).map((k) => k.slice(kind.length + 5)).sort();
    expect(suffixes('code')).toEqual(suffixes('why'));
  });

  it('keeps a line short enough for a small panel (the explanation says the rest)', () => {
    for (const [k, text] of Object.entries(MESSAGES.en)) if (k.startsWith('log.code.')) expect(text.length, k).toBeLessThanOrEqual(100);
  });

  it('fills every placeholder from the args, in both languages', () => {
    for (const code of LOG_CODES) for (const lang of LANGS) expectNarrated(line(code, SAMPLE_ARGS[code]), lang);
    for (const l of VARIANTS) for (const lang of LANGS) expectNarrated(l, lang);
  });

  it('puts the numbers the kernel saw into the sentence', () => {
    const l = line('req_overflow_acked', { acc: 9, backlog: 8 }, { client: 12 });
    expect(expectNarrated(l, 'en')).toContain('client 12');
    expect(expectNarrated(l, 'en')).toContain('9 waiting, backlog 8');
    expect(expectNarrated(l, 'zh-CN')).toContain('客户端 12');
    expect(expectNarrated(l, 'zh-CN')).toContain('全连接队列已满（9 个等待，backlog 8）');
    expect(expectNarrated(line('syn_queue_full_drop', { qlen: 17, backlog: 16 }), 'zh-CN')).toBe('客户端 3 的 SYN 被丢弃：半连接队列已满（17 个请求，backlog 16）。');
    expect(why(line('listen_capped', { requested: 128, somaxconn: 8, backlog: 8 }))).toContain('larger than net.core.somaxconn (8)');
    expect(expectNarrated(line('req_child_created', { acc: 1, backlog: 8 }, { client: null }), 'en')).toContain('an unknown peer');
  });

  it('counts the timer retry from num_timeout before the firing', () => {
    expect(expectNarrated(line('req_timer_rtx', SAMPLE_ARGS.req_timer_rtx), 'en')).toContain('retry 1 of 5');
    expect(expectNarrated(line('req_timer_rtx_pruned', SAMPLE_ARGS.req_timer_rtx_pruned), 'en')).toBe('Timer: SYN-ACK to client 3 sent again (retry 2; retries cut to 2).');
    expect(why(line('req_timer_rtx_pruned', SAMPLE_ARGS.req_timer_rtx_pruned))).toContain('only 1 of 17 requests have never timed out, so the kernel allows 2 retries instead of 5');
  });

  it('formats quantities per language but never a port or the argument of a call', () => {
    expect(expectNarrated(line('listen_capped', { requested: 100000, somaxconn: 4096, backlog: 4096 }), 'en')).toBe('listen(100000) is capped: the backlog becomes 4,096.');
    expect(expectNarrated(line('listen_started', { backlog: 4096, port: 8080 }), 'en')).toBe('Listening on port 8080, backlog 4,096.');
  });

  it('picks the variant for what the kernel saw', () => {
    expect(sentenceKey(VARIANTS[0])).toBe('log.code.listen_capped.negative');
    expect(sentenceKey(line('listen_capped', { requested: 128, somaxconn: 8, backlog: 8 }))).toBe('log.code.listen_capped');
    expect(sentenceKey(VARIANTS[1])).toBe('log.code.syn_accept_queue_full.cookie');
    expect(sentenceKey(line('syn_accept_queue_full', { acc: 9, backlog: 8, cookie: 0 }))).toBe('log.code.syn_accept_queue_full');
    expect(sentenceKey(VARIANTS[2])).toBe('log.code.listener_ack_rst.no_socket');
    expect(sentenceKey(VARIANTS[3])).toBe('log.code.req_timer_expired.listener_closed');
    expect(branchOf(VARIANTS[2])).toBe('no_tcp_socket');
    expect(branchOf(line('listen_einval', { state: 'SS_CONNECTED' }))).toBe('sock->state != SS_UNCONNECTED');
  });

  it('names the function with a link to its v6.18 definition on elixir', () => {
    const n = narrate(line('req_overflow_acked', { acc: 9, backlog: 8 }), translator('en'), 'en');
    expect(n.fn).toBe('tcp_check_req');
    expect(n.url).toBe('https://elixir.bootlin.com/linux/v6.18/C/ident/tcp_check_req');
    expect(n.file).toBe('net/ipv4/tcp_minisocks.c');
    expect(n.branch).toBe('listen_overflow, !tcp_abort_on_overflow');
    expect(elixirUrl('__sys_listen')).toBe('https://elixir.bootlin.com/linux/v6.18/C/ident/__sys_listen');
  });

  it('says so when a code is new to the page instead of failing', () => {
    const n = narrate(line('brand_new_code', {}, { fn: 'tcp_v4_rcv' }), translator('en'), 'en');
    expect(n.text).toBe('tcp_v4_rcv() took a decision this page does not know yet: brand_new_code.');
  });

  it('shows time as seconds with milliseconds', () => {
    expect(formatTime(0)).toBe('0.000');
    expect(formatTime(1234.9)).toBe('1.234');
    expect(formatTime(63_012)).toBe('63.012');
  });
});

describe('every decision the presets make is narrated with all placeholders filled', () => {
  const index = JSON.parse(readFileSync(join(ROOT, 'public/scenarios/index.json'), 'utf8')) as { presets: { id: string; file: string }[] };
  it.each(index.presets.map((p) => [p.id, p.file]))('%s', (_id, file) => {
    const v = parseScenarioText(readFileSync(join(ROOT, 'public/scenarios', file), 'utf8'));
    if (!v.ok) throw new Error(JSON.stringify(v.errors));
    const sim = new Simulation(v.scenario, { trace: true });
    const seen = new Map<string, LogLine>();
    // step in slices and keep one line per code and arg shape: a flood makes millions of decisions
    for (let t = 0; !sim.done(); t += 250e6) {
      sim.runUntil(Math.min(t, sim.end_ns));
      for (const e of sim.log) {
        const shape = `${e.d.code}:${Object.keys(e.d.args ?? {}).join(',')}:${e.client === null}`;
        if (!seen.has(shape)) seen.set(shape, { seq: 0, t_ms: e.t_ns / 1e6, event: 0, fn: e.d.fn, code: e.d.code, mib: e.d.mib, client: e.client, req: e.d.req ?? null, sock: e.d.sock ?? null, args: e.d.args ?? {} });
      }
      sim.log.length = 0;
      if (sim.now_ns >= sim.end_ns) break;
    }
    expect(seen.size).toBeGreaterThan(0);
    for (const l of seen.values()) {
      expect(sentenceKey(l), l.code).not.toBeNull();
      for (const lang of LANGS) expectNarrated(l, lang);
    }
  });
});

describe('the counter filter and the left-out decisions', () => {
  const log: LogLine[] = [
    line('syn_request_created', { qlen: 1, backlog: 8 }, { seq: 5, t_ms: 10, mib: ['InSegs', 'OutSegs'] }),
    line('req_overflow_acked', { acc: 9, backlog: 8 }, { seq: 6, t_ms: 20, mib: ['InSegs', 'ListenOverflows', 'ListenDrops'] }),
    line('syn_accept_queue_full', { acc: 9, backlog: 8, cookie: 0 }, { seq: 40, t_ms: 900, mib: ['InSegs', 'ListenOverflows', 'ListenDrops'] }),
    line('req_timer_rtx', SAMPLE_ARGS.req_timer_rtx, { seq: 41, t_ms: 1000, mib: ['TCPTimeouts', 'TCPSynRetrans', 'OutSegs'] }),
  ];

  it('keeps only the decisions that moved the selected counter', () => {
    const rows = logRows(log, 'ListenOverflows');
    expect(rows.map((r) => (r.kind === 'line' ? r.line.seq : r.kind))).toEqual([6, 40]);
    expect(logRows(log, 'TCPSynRetrans').map((r) => (r.kind === 'line' ? r.line.seq : r.kind))).toEqual([41]);
    expect(logRows(log, 'EmbryonicRsts')).toEqual([]);
  });

  it('marks decisions left out before and between lines, from the jumps in seq', () => {
    const rows = logRows(log, null);
    expect(rows.map((r) => (r.kind === 'line' ? r.line.seq : r.kind === 'repeats' ? 'repeats' : `${r.kind}:${r.n}`))).toEqual(['earlier:5', 5, 6, 'gap:33', 40, 41]);
    const gap = rows[3];
    expect(gap).toMatchObject({ kind: 'gap', n: 33, from_ms: 20, to_ms: 900 });
    expect(logRows(log.slice(0, 1).map((l) => ({ ...l, seq: 0 })), null)).toHaveLength(1);
  });

  it('marks a repeat of the decision above (same code and args, any client) as the same, never across a gap', () => {
    const run: LogLine[] = [
      line('req_overflow_acked', { acc: 9, backlog: 8 }, { seq: 1, client: 11 }),
      line('req_overflow_acked', { acc: 9, backlog: 8 }, { seq: 2, client: 12 }),
      line('req_overflow_acked', { acc: 9, backlog: 7 }, { seq: 3, client: 13 }),
      line('req_overflow_acked', { acc: 9, backlog: 7 }, { seq: 5, client: 14 }),
      line('syn_accept_queue_full', { acc: 9, backlog: 7, cookie: 0 }, { seq: 6, client: 14 }),
    ];
    const same = logRows(run, null).flatMap((r) => (r.kind === 'line' ? [r.same] : []));
    expect(same).toEqual([false, true, false, false, false]);
    expect(sameAsAbove(run[1], 12, translator('en'))).toBe('Same as above, for client 12.');
    expect(sameAsAbove(run[1], 12, translator('zh-CN'))).toBe('同上，这次是客户端 12。');
    // a text that names no one is just the same again
    expect(sameAsAbove(line('accept_eagain'), null, translator('en'))).toBe('Same as above.');
    expect(sameAsAbove(line('accept_eagain'), null, translator('zh-CN'))).toBe('同上。');
  });

  it('compares only what the sentence shows: a timer expiry with another qlen is the same, a SYN with another qlen is not', () => {
    const timer = SAMPLE_ARGS.req_timer_expired;
    const expired = [
      line('req_timer_expired', timer, { seq: 1, req: 31, client: 4 }),
      line('req_timer_expired', { ...timer, qlen: 2 }, { seq: 2, req: 32, client: 5 }),
      line('syn_request_created', { qlen: 1, backlog: 8 }, { seq: 3 }),
      line('syn_request_created', { qlen: 2, backlog: 8 }, { seq: 4 }),
    ];
    expect(logRows(expired, null).flatMap((r) => (r.kind === 'line' ? [r.same] : []))).toEqual([false, true, false, false]);
  });

  it('names the client of a request from an earlier line when the line itself cannot', () => {
    const rows = logRows([
      line('syn_request_created', { qlen: 1, backlog: 8 }, { seq: 0, req: 31, client: 4 }),
      line('req_timer_expired', SAMPLE_ARGS.req_timer_expired, { seq: 1, req: 31, client: null }),
      line('req_timer_expired', SAMPLE_ARGS.req_timer_expired, { seq: 2, req: 99, client: null }),
    ], null);
    expect(rows.map((r) => (r.kind === 'line' ? r.client : r.kind))).toEqual([4, 4, null]);
    const l = (rows[1] as { line: LogLine }).line;
    expect(narrate(l, translator('en'), 'en', 4).text).toBe('Timer: request of client 4 dropped after 5 retries.');
  });

  it('folds a run of repeats into one row, and names its clients compactly', () => {
    const acked = (seq: number, client: number | null) => line('req_overflow_acked', { acc: 9, backlog: 8 }, { seq, client });
    const rows = logRows([acked(0, 11), acked(1, 12), acked(2, 13), acked(3, 14), line('req_timer_rtx', SAMPLE_ARGS.req_timer_rtx, { seq: 4 }), acked(5, 15), acked(6, 16)], null);
    expect(rows.map((r) => (r.kind === 'repeats' ? r.rows.map((x) => x.line.seq) : r.kind === 'line' ? r.line.seq : r.kind))).toEqual([0, [1, 2, 3], 4, 5, 6]);
    const fold = rows[1] as Extract<LogRow, { kind: 'repeats' }>;
    expect(fold.rows.every((r) => r.same)).toBe(true);
    expect(clientSpan(fold.rows)).toEqual({ text: '12–14', one: false });
    const some = (ids: (number | null)[]) => ids.map((c, i) => ({ kind: 'line', line: acked(i, c), same: true, client: c }) as const);
    expect(clientSpan(some([3, 9]))?.text).toBe('3, 9');
    expect(clientSpan(some([3, 9, 12, 14, 20]))?.text).toBe('3, 9, 12, 14, …');
    expect(clientSpan(some([null, null]))).toBeNull();
    expect(clientSpan(some([5, 5, 6, 7]))?.text).toBe('5–7');
    expect(clientSpan(some([19, 19, 19]))).toEqual({ text: '19', one: true });
  });

  it('shows the counters a decision moved once each, with repeats counted, and hides per-segment ones unless selected', () => {
    expect(chipsOf(['InSegs', 'ListenOverflows', 'ListenDrops', 'ListenOverflows'], null)).toEqual([
      { field: 'ListenOverflows', times: 2 },
      { field: 'ListenDrops', times: 1 },
    ]);
    expect(chipsOf(['InSegs', 'OutSegs'], 'InSegs')).toEqual([{ field: 'InSegs', times: 1 }]);
  });
});
