// The narrated log (effects.ts Decision.mib: "counters this decision moved"): every counter a kernel call moves
// must be attributed to one of the decisions that call records, so the log explains each counter the tools show.
import { describe, it, expect } from 'vitest';
import { Lab, isn_of, xmits } from './lab.ts';
import { GAUGES, MIB_FIELDS, type MibField } from '../../src/kernel/mib.ts';
import { TCPHDR_ACK, TCPHDR_RST } from '../../src/kernel/types.ts';

/** Runs `fn` and returns [what the counters moved, what the decisions of that call say they moved]. */
function attribution(lab: Lab, fn: () => void): [Partial<Record<MibField, number>>, Partial<Record<MibField, number>>] {
  const d = lab.delta(fn);
  const moved: Partial<Record<MibField, number>> = {};
  for (const f of MIB_FIELDS) if (!GAUGES.has(f) && d[f]) moved[f] = d[f];
  const said: Partial<Record<MibField, number>> = {};
  for (const e of lab.out) if (e.kind === 'decision') for (const f of e.mib) said[f] = (said[f] ?? 0) + 1;
  return [moved, said];
}

describe('decision log: counters are attributed to decisions', () => {
  const checker = (lab: Lab) => (fn: () => void): void => {
    const [moved, said] = attribution(lab, fn);
    expect(said).toEqual(moved);
  };

  it('S2, S5, S6, S7, T2, T3, R1, R2, R4 and C1 (invalid cookie) attribute every counter they move', () => {
    const lab = new Lab();
    const sk = lab.listener(1);
    const check = checker(lab);
    check(() => lab.syn(0)); // S7
    check(() => lab.syn(0)); // R1
    check(() => lab.syn(0)); // R1 rate-limited
    check(() => lab.syn(1)); // S7
    check(() => lab.syn(2)); // S2 → cookie (S6)
    check(() => lab.fire(lab.req(1)!)); // T2
    check(() => lab.rcv(lab.seg(1, TCPHDR_ACK, isn_of(1) + 1, 12345))); // R2 → RST (+ SyncookiesFailed)
    check(() => lab.rcv(lab.seg(1, TCPHDR_RST, isn_of(1) + 1))); // R4
    check(() => lab.rcv(lab.seg(7, TCPHDR_ACK, 1, 1))); // C1: invalid cookie, SyncookiesFailed + RST
    lab.listen(sk.id, 0);
    check(() => lab.syn(3)); // S2 → cookie
    const req0 = lab.req(0)!;
    for (let n = 0; n < 6; n++) check(() => lab.fire(req0)); // T2 … T3
    expect(lab.net.reqs.size).toBe(0);
    lab.net.sysctl['net.ipv4.tcp_syncookies'] = 0;
    lab.net.sysctl['net.ipv4.tcp_max_syn_backlog'] = 1;
    lab.listen(sk.id, 8);
    check(() => lab.syn(4)); // S7
    check(() => lab.syn(5)); // S7
    check(() => lab.syn(6)); // S5
    expect(lab.codes()).toEqual(['syn_last_quarter_drop']);
    lab.listen(sk.id, 0);
    check(() => lab.syn(8)); // S2 → drop
    expect(lab.codes()).toEqual(['syn_queue_full_drop']);
  });

  it('S3, R7 (both modes) and C2 attribute every counter they move', () => {
    for (const abort of [0, 1]) {
      const lab = new Lab({ sysctl: { 'net.ipv4.tcp_abort_on_overflow': abort, 'net.ipv4.tcp_syncookies': 0 } });
      const sk = lab.listener(0);
      const check = checker(lab);
      const s0 = xmits(lab.syn(0))[0].seg.seq;
      lab.listen(sk.id, 1);
      const s1 = xmits(lab.syn(1))[0].seg.seq;
      lab.listen(sk.id, 0);
      lab.ack(0, s0); // acc 1 > 0 from now on
      check(() => lab.ack(1, s1)); // R7
      expect(lab.codes()).toEqual([abort ? 'req_overflow_abort' : 'req_overflow_acked']);
      lab.net.sysctl['net.ipv4.tcp_syncookies'] = 1; // with abort = 0 the request stays: qlen 1 > 0, a cookie SYN
      check(() => lab.syn(2)); // S3
      expect(lab.codes()).toEqual(['syn_accept_queue_full']);
      check(() => lab.rcv(lab.seg(3, TCPHDR_ACK, 5, 5))); // C2
    }
  });

  it('R8: the handshake ACK that makes a child attributes TCPPureAcks to a decision', () => {
    const lab = new Lab();
    lab.listener(8);
    const synack = xmits(lab.syn(0))[0].seg;
    const [moved, said] = attribution(lab, () => lab.ack(0, synack.seq));
    expect(lab.codes()).toEqual(['req_child_created']);
    expect(moved).toEqual({ InSegs: 1, PassiveOpens: 1, TCPPureAcks: 1 });
    // tcp_child_process() counts TCPPureAcks after the call's last decision: it still belongs to that decision
    expect(said).toEqual(moved);
  });

  it('C1: a valid cookie ACK attributes TCPPureAcks to a decision', () => {
    const lab = new Lab({ sysctl: { 'net.ipv4.tcp_syncookies': 2 } });
    lab.listener(8);
    const cookie = xmits(lab.syn(0))[0].seg.seq;
    const [moved, said] = attribution(lab, () => lab.ack(0, cookie));
    expect(lab.codes()).toEqual(['cookie_valid_child']);
    expect(moved).toEqual({ InSegs: 1, SyncookiesRecv: 1, PassiveOpens: 1, TCPPureAcks: 1 });
    expect(said).toEqual(moved);
  });
});

describe('decision log: a decision that says RST is recorded only when a RST leaves', () => {
  const SAYS_RST = ['listener_ack_rst', 'req_bad_ack_rst', 'cookie_invalid_rst', 'cookie_no_recent_overflow_rst'];

  it('C3: an RST|ACK to the listener is dropped silently, and the log does not narrate a RST', () => {
    const lab = new Lab();
    lab.listener(8);
    const d = lab.delta(() => lab.rcv(lab.seg(3, TCPHDR_ACK | TCPHDR_RST, 5, 5)));
    expect(d).toEqual({ InSegs: 1 });
    expect(xmits(lab.out)).toEqual([]);
    expect(lab.codes().filter((c) => SAYS_RST.includes(c))).toEqual([]);
  });

  it('R2 + C3: an RST|ACK with a wrong ack for a request is dropped silently, and the log does not narrate a RST', () => {
    const lab = new Lab();
    lab.listener(8);
    const synack = xmits(lab.syn(0))[0].seg;
    const d = lab.delta(() => lab.rcv(lab.seg(0, TCPHDR_ACK | TCPHDR_RST, isn_of(0) + 1, synack.seq + 50)));
    expect(d).toEqual({ InSegs: 1 });
    expect(xmits(lab.out)).toEqual([]);
    expect(lab.net.reqs.size).toBe(1);
    expect(lab.codes().filter((c) => SAYS_RST.includes(c))).toEqual([]);
  });
});
