// Markers from a frame's decisions: place, counters (without segment noise), and the real counter increase
// when a flood made more decisions than the frame carries.
import { describe, expect, it } from 'vitest';
import { exitsOf, frameEvents, usedCookies } from '../../src/viz/queue_events.ts';
import type { CounterField, LogLine } from '../../src/worker/protocol.ts';

let seq = 0;
const line = (code: string, mib: CounterField[], over: Partial<LogLine> = {}): LogLine =>
  ({ seq: seq++, t_ms: 0, fn: 'f', code, mib, client: 1, req: null, sock: null, args: {}, ...over }) as LogLine;
const QFULL: CounterField[] = ['InSegs', 'TCPReqQFullDrop', 'ListenDrops'];

describe('frameEvents', () => {
  it('groups marked decisions by code at their place, with the counters they moved', () => {
    const log = [
      line('syn_request_created', ['InSegs', 'OutSegs']),
      line('syn_accept_queue_full', ['InSegs', 'ListenOverflows', 'ListenDrops']),
      line('syn_accept_queue_full', ['InSegs', 'ListenOverflows', 'ListenDrops']),
      line('req_overflow_acked', ['InSegs', 'ListenOverflows', 'ListenDrops']),
      line('cookie_valid_child', ['InSegs', 'SyncookiesRecv', 'PassiveOpens', 'TCPPureAcks']),
    ];
    expect(frameEvents(log, 0, {}, null)).toEqual([
      { place: 'syn_in', tone: 'drop', code: 'syn_accept_queue_full', times: 2, counts: [['ListenOverflows', 2], ['ListenDrops', 2]] },
      { place: 'acc_in', tone: 'drop', code: 'req_overflow_acked', times: 1, counts: [['ListenOverflows', 1], ['ListenDrops', 1]] },
      { place: 'acc_in', tone: 'cookie', code: 'cookie_valid_child', times: 1, counts: [['SyncookiesRecv', 1]] },
    ]);
  });
  it('takes the real increase from the counters when the frame left decisions out', () => {
    const log = Array.from({ length: 100 }, () => line('syn_queue_full_drop', QFULL));
    const prev = { TCPReqQFullDrop: 1000, ListenDrops: 1000, InSegs: 5000 };
    const now = { TCPReqQFullDrop: 1312, ListenDrops: 1312, InSegs: 5312 };
    const [e] = frameEvents(log, 212, now, prev);
    expect(e.counts).toEqual([['TCPReqQFullDrop', 312], ['ListenDrops', 312]]);
    expect(e.times).toBe(312);
  });
  it('scales each group by its own counters, not by the flood next to it', () => {
    const log = [
      ...Array.from({ length: 99 }, () => line('syn_queue_full_cookie', ['InSegs', 'TCPReqQFullDoCookies', 'SyncookiesSent'])),
      line('cookie_valid_child', ['InSegs', 'SyncookiesRecv']),
    ];
    const ev = frameEvents(log, 198, { TCPReqQFullDoCookies: 297, SyncookiesSent: 297, SyncookiesRecv: 1 }, { SyncookiesRecv: 0 });
    expect(ev.map((e) => [e.code, e.times])).toEqual([['syn_queue_full_cookie', 297], ['cookie_valid_child', 1]]);
  });
  it('shares an increase between two places in proportion to the decisions carried', () => {
    const log = [
      ...Array.from({ length: 30 }, () => line('syn_accept_queue_full', ['ListenOverflows', 'ListenDrops'])),
      ...Array.from({ length: 10 }, () => line('req_overflow_acked', ['ListenOverflows', 'ListenDrops'])),
    ];
    const ev = frameEvents(log, 40, { ListenOverflows: 80, ListenDrops: 80 }, { ListenOverflows: 0, ListenDrops: 0 });
    expect(ev.map((e) => e.counts[0])).toEqual([['ListenOverflows', 60], ['ListenOverflows', 20]]);
  });
  it('still shows a counter whose decisions the frame left out, where that counter is moved', () => {
    const log = Array.from({ length: 100 }, () => line('accept_eagain', []));
    const ev = frameEvents(log, 40, { SyncookiesRecv: 3, ListenOverflows: 9, TCPSynRetrans: 2 }, { SyncookiesRecv: 1, ListenOverflows: 0 });
    expect(ev).toEqual([
      { place: 'acc_in', tone: 'cookie', code: 'uncarried_acc_in_cookie', times: 2, counts: [['SyncookiesRecv', 2]] },
      { place: 'syn_q', tone: 'retrans', code: 'uncarried_syn_q_retrans', times: 2, counts: [['TCPSynRetrans', 2]] },
    ]);
    expect(frameEvents(log, 0, { SyncookiesRecv: 3 }, { SyncookiesRecv: 1 })).toEqual([]);
  });
  it('does not scale without the previous counters (after a load, reset or seek)', () => {
    const log = [line('syn_queue_full_drop', QFULL)];
    expect(frameEvents(log, 50, { TCPReqQFullDrop: 99 }, null)[0].counts).toEqual([['TCPReqQFullDrop', 1], ['ListenDrops', 1]]);
  });
  it('marks SYN-ACK retransmissions and expiry on the SYN queue', () => {
    const ev = frameEvents([
      line('req_timer_rtx', ['TCPTimeouts', 'OutSegs', 'RetransSegs', 'TCPSynRetrans']),
      line('req_timer_expired_pruned', ['TCPTimeouts']),
    ], 0, {}, null);
    expect(ev.map((e) => [e.place, e.tone, e.counts])).toEqual([
      ['syn_q', 'retrans', [['TCPTimeouts', 1], ['TCPSynRetrans', 1]]],
      ['syn_q', 'drop', [['TCPTimeouts', 1]]],
    ]);
  });
});

describe('exitsOf and usedCookies', () => {
  it('says why requests and children left', () => {
    const ex = exitsOf([
      line('req_timer_expired', ['TCPTimeouts'], { req: 3 }),
      line('req_overflow_abort', ['ListenOverflows'], { req: 4 }),
      line('req_child_created', ['PassiveOpens'], { req: 5, sock: 50 }),
      line('accept_ok', [], { sock: 60 }),
    ]);
    expect([...ex.req]).toEqual([[3, 'expired'], [4, 'reset'], [5, 'to_accept']]);
    expect([...ex.sock]).toEqual([[60, 'accepted']]);
  });
  it('lights the cookie arc for cookie SYN-ACKs and cookie children only', () => {
    expect(usedCookies([line('syn_queue_full_cookie', [])])).toBe(true);
    expect(usedCookies([line('cookie_valid_child', [])])).toBe(true);
    expect(usedCookies([line('syn_queue_full_drop', QFULL), line('cookie_invalid_rst', [])])).toBe(false);
  });
});
