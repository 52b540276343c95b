// Segments for an existing request sock: kernel-notes.md §0 rules R1–R8 and §5 (net/ipv4/tcp_minisocks.c
// tcp_check_req, net/ipv4/tcp_ipv4.c tcp_v4_syn_recv_sock, net/ipv4/inet_connection_sock.c
// inet_csk_complete_hashdance).
import { describe, it, expect } from 'vitest';
import { Lab, HZ, SYNACK, isn_of, peer, xmits } from './lab.ts';
import { TCPHDR_ACK, TCPHDR_PSH, TCPHDR_RST, TCPHDR_SYN } from '../../src/kernel/types.ts';

const RTX_SYN = { InSegs: 1, OutSegs: 1, RetransSegs: 1, TCPSynRetrans: 1 };

/** A listener with one request from client 0; returns the lab and the request. */
function one_request(backlog = 8, sysctl = {}) {
  const lab = new Lab({ sysctl });
  const sk = lab.listener(backlog);
  lab.syn(0);
  const req = lab.req(0)!;
  return { lab, sk, req };
}

describe('R1 a retransmitted SYN for a live request', () => {
  it('R1: the first duplicate is answered with the same SYN-ACK and pushes the timer to now + 1 s', () => {
    const { lab, sk, req } = one_request();
    lab.advance_ms(100);
    const d = lab.delta(() => lab.syn(0));
    expect(lab.codes()).toEqual(['req_dup_syn_synack']);
    expect(d).toEqual(RTX_SYN);
    const [x] = xmits(lab.out);
    expect(x.why).toBe('synack_rtx_syn');
    expect(x.seg).toMatchObject({ flags: SYNACK, seq: req.snt_isn, ack_seq: isn_of(0) + 1 });
    expect(req.timer_expires).toBe(lab.now + HZ);
    expect(req.num_retrans).toBe(1);
    expect(req.num_timeout).toBe(0); // not a timeout
    expect(sk.young).toBe(1);
    expect(sk.qlen).toBe(1);
  });

  it('R1: a second duplicate within tcp_invalid_ratelimit (500 ms) is suppressed with TCPACKSkippedSynRecv', () => {
    const { lab, req } = one_request();
    lab.advance_ms(100);
    lab.syn(0);
    const timer = req.timer_expires;
    lab.advance_ms(496); // 124 jiffies later
    const d = lab.delta(() => lab.syn(0));
    expect(lab.codes()).toEqual(['req_dup_syn_ratelimited']);
    expect(d).toEqual({ InSegs: 1, TCPACKSkippedSynRecv: 1 });
    expect(xmits(lab.out)).toEqual([]);
    expect(req.timer_expires).toBe(timer);
    lab.advance_ms(4); // 125 jiffies after the answered one: answered again
    expect(lab.delta(() => lab.syn(0))).toEqual(RTX_SYN);
  });

  it('R1: tcp_invalid_ratelimit = 0 disables the limit', () => {
    const { lab } = one_request(8, { 'net.ipv4.tcp_invalid_ratelimit': 0 });
    lab.syn(0);
    expect(lab.delta(() => lab.syn(0))).toEqual(RTX_SYN);
  });

  it('R1: timer retransmissions do not arm the rate limiter; after one, the pushed timer uses num_timeout (now + 2 s)', () => {
    const { lab, req } = one_request();
    lab.fire(req);
    expect(req.num_timeout).toBe(1);
    lab.advance_ms(20);
    expect(lab.delta(() => lab.syn(0))).toEqual(RTX_SYN);
    expect(req.timer_expires).toBe(lab.now + 2 * HZ);
  });

  it('R1 bypasses both queue limits (nothing counted as a drop)', () => {
    const { lab, sk } = one_request(0, { 'net.ipv4.tcp_syncookies': 0 });
    expect(sk.qlen).toBe(1); // full: qlen > N for the next new SYN
    expect(lab.delta(() => lab.syn(0))).toEqual(RTX_SYN);
  });
});

describe('R2 an ACK that does not acknowledge our SYN-ACK', () => {
  it('R2: ack_seq ≠ snt_isn + 1 ⇒ RST (seq = ack_seq, no ACK bit) from the listener; the request stays', () => {
    const { lab, sk, req } = one_request();
    const bad = req.snt_isn + 100;
    const d = lab.delta(() => lab.rcv(lab.seg(0, TCPHDR_ACK, isn_of(0) + 1, bad)));
    expect(d).toEqual({ InSegs: 1, OutSegs: 1, OutRsts: 1 });
    const [x] = xmits(lab.out);
    expect(x.seg).toMatchObject({ flags: TCPHDR_RST, seq: bad, daddr: peer(0).addr, dport: peer(0).port });
    expect(lab.codes()[0]).toBe('req_bad_ack_rst');
    expect(sk.qlen).toBe(1);
    expect(lab.net.reqs.has(req.id)).toBe(true);
  });

  it('R2: after a recent cookie, the failed cookie check is counted too (SyncookiesFailed)', () => {
    const { lab, req } = one_request(0);
    lab.syn(1); // qlen 1 > 0: a cookie, so an overflow is recent
    const d = lab.delta(() => lab.rcv(lab.seg(0, TCPHDR_ACK, isn_of(0) + 1, req.snt_isn + 100)));
    expect(d).toEqual({ InSegs: 1, SyncookiesFailed: 1, OutSegs: 1, OutRsts: 1 });
  });
});

describe('R3 a segment outside the window', () => {
  it('R3: answered with an ACK (seq = snt_isn + 1, ack = rcv_nxt), rate-limited like R1; the request stays', () => {
    const { lab, req } = one_request();
    const far = isn_of(0) + 1 + 200_000;
    const d = lab.delta(() => lab.rcv(lab.seg(0, TCPHDR_ACK, far, req.snt_isn + 1)));
    expect(lab.codes()).toEqual(['req_out_of_window']);
    expect(d).toEqual({ InSegs: 1, OutSegs: 1 });
    const [x] = xmits(lab.out);
    expect(x.seg).toMatchObject({ flags: TCPHDR_ACK, seq: req.snt_isn + 1, ack_seq: isn_of(0) + 1 });
    lab.advance_ms(100);
    expect(lab.delta(() => lab.rcv(lab.seg(0, TCPHDR_ACK, far, req.snt_isn + 1)))).toEqual({ InSegs: 1, TCPACKSkippedSynRecv: 1 });
    expect(lab.net.reqs.has(req.id)).toBe(true);
  });

  it('R3: an out-of-window RST gets no answer and removes nothing', () => {
    const { lab, req } = one_request();
    const d = lab.delta(() => lab.rcv(lab.seg(0, TCPHDR_RST, isn_of(0) + 1 + 200_000)));
    expect(d).toEqual({ InSegs: 1 });
    expect(lab.net.reqs.has(req.id)).toBe(true);
  });
});

describe('R4 RST, or a SYN inside the window', () => {
  it('R4: an in-window RST removes the request: AttemptFails + EmbryonicRsts, no RST sent back', () => {
    const { lab, sk, req } = one_request();
    const d = lab.delta(() => lab.rcv(lab.seg(0, TCPHDR_RST, isn_of(0) + 1)));
    expect(lab.codes()).toEqual(['req_rst_or_syn']);
    expect(d).toEqual({ InSegs: 1, AttemptFails: 1, EmbryonicRsts: 1 });
    expect(xmits(lab.out)).toEqual([]);
    expect(lab.net.reqs.has(req.id)).toBe(false);
    expect(lab.net.ehash.size).toBe(0);
    expect(sk.qlen).toBe(0);
    expect(sk.young).toBe(0);
    expect(lab.out.some((e) => e.kind === 'timer_del' && e.req === req.id)).toBe(true);
  });

  it('R4: an RST after the request got old keeps young consistent (young unchanged, qlen--)', () => {
    const { lab, sk, req } = one_request();
    lab.syn(1);
    lab.fire(req);
    expect(sk.young).toBe(1);
    lab.rcv(lab.seg(0, TCPHDR_RST, isn_of(0) + 1));
    expect(sk.qlen).toBe(1);
    expect(sk.young).toBe(1);
  });

  it('R4: a SYN with a new ISN inside the window is answered with RST|ACK and removes the request', () => {
    const { lab, sk, req } = one_request();
    const seq = isn_of(0) + 10;
    const d = lab.delta(() => lab.rcv(lab.seg(0, TCPHDR_SYN, seq)));
    expect(d).toEqual({ InSegs: 1, AttemptFails: 1, OutSegs: 1, OutRsts: 1, EmbryonicRsts: 1 });
    const [x] = xmits(lab.out);
    expect(x.seg).toMatchObject({ flags: TCPHDR_RST | TCPHDR_ACK, seq: 0, ack_seq: seq + 1 });
    expect(lab.net.reqs.has(req.id)).toBe(false);
    expect(sk.qlen).toBe(0);
  });
});

describe('R5 no ACK flag', () => {
  it('R5: an in-window segment without ACK (data, PSH) is dropped silently', () => {
    const { lab, req } = one_request();
    const d = lab.delta(() => lab.rcv(lab.seg(0, TCPHDR_PSH, isn_of(0) + 1, 0, 10)));
    expect(lab.codes()).toEqual(['req_no_ack']);
    expect(d).toEqual({ InSegs: 1 });
    expect(xmits(lab.out)).toEqual([]);
    expect(lab.net.reqs.has(req.id)).toBe(true);
  });
});

describe('R6 TCP_DEFER_ACCEPT', () => {
  it('R6: a bare ACK is dropped (acked = 1, TCPDeferAcceptDrop); an ACK with data completes the handshake', () => {
    const { lab, sk, req } = one_request();
    sk.rskq_defer_accept = 3;
    const d = lab.delta(() => lab.ack(0, req.snt_isn));
    expect(lab.codes()).toEqual(['req_defer_accept_drop']);
    expect(d).toEqual({ InSegs: 1, TCPDeferAcceptDrop: 1 });
    expect(req.acked).toBe(true);
    expect(sk.sk_ack_backlog).toBe(0);
    const d2 = lab.delta(() => lab.rcv(lab.seg(0, TCPHDR_ACK | TCPHDR_PSH, isn_of(0) + 1, req.snt_isn + 1, 6)));
    expect(d2).toEqual({ InSegs: 1, PassiveOpens: 1, CurrEstab: 1 });
    expect(sk.sk_ack_backlog).toBe(1);
  });
});

describe('R7 accept queue full when the handshake completes', () => {
  /** N = 1: requests for clients 0, 1, 2; children for 0 and 1 (acc = 2 = N + 1); client 2's ACK then overflows */
  function full(abort: 0 | 1) {
    const lab = new Lab({ sysctl: { 'net.ipv4.tcp_abort_on_overflow': abort } });
    const sk = lab.listener(1);
    const isn0 = xmits(lab.syn(0))[0].seg.seq;
    const isn1 = xmits(lab.syn(1))[0].seg.seq;
    lab.ack(0, isn0);
    const isn2 = xmits(lab.syn(2))[0].seg.seq; // qlen 1, acc 1: admitted
    lab.ack(1, isn1);
    expect(sk.sk_ack_backlog).toBe(2);
    expect(sk.qlen).toBe(1);
    return { lab, sk, req: lab.req(2)!, isn2 };
  }

  it('R7 abort_on_overflow = 0: ListenOverflows + ListenDrops, acked = 1, ACK dropped, the request and its timer stay', () => {
    const { lab, sk, req, isn2 } = full(0);
    const d = lab.delta(() => lab.ack(2, isn2));
    expect(lab.codes()).toEqual(['req_overflow_acked']);
    expect(d).toEqual({ InSegs: 1, ListenOverflows: 1, ListenDrops: 1 });
    expect(xmits(lab.out)).toEqual([]);
    expect(req.acked).toBe(true);
    expect(lab.net.reqs.has(req.id)).toBe(true);
    expect(sk.qlen).toBe(1);
    expect(sk.sk_ack_backlog).toBe(2);
    expect(sk.sk_drops).toBe(1);
    // the timer still retransmits the SYN-ACK (acked only matters when a send fails)
    expect(lab.delta(() => lab.fire(req))).toEqual({ TCPTimeouts: 1, TCPSynRetrans: 1, RetransSegs: 1, OutSegs: 1 });
    // each retried ACK while full counts again …
    expect(lab.delta(() => lab.ack(2, isn2))).toEqual({ InSegs: 1, ListenOverflows: 1, ListenDrops: 1 });
    // … and once accept() made room, the next one completes the handshake
    expect(lab.accept(sk.id).ok).toBe(true);
    expect(lab.delta(() => lab.ack(2, isn2))).toEqual({ InSegs: 1, PassiveOpens: 1, CurrEstab: 1, TCPPureAcks: 1 });
    expect(lab.net.reqs.has(req.id)).toBe(false);
    expect(sk.sk_ack_backlog).toBe(2);
  });

  it('R7 abort_on_overflow = 1: RST (seq = ack_seq, no ACK bit), request dropped, + EmbryonicRsts + OutRsts; no AttemptFails', () => {
    const { lab, sk, req, isn2 } = full(1);
    const d = lab.delta(() => lab.ack(2, isn2));
    expect(lab.codes()).toEqual(['req_overflow_abort']);
    expect(d).toEqual({ InSegs: 1, ListenOverflows: 1, ListenDrops: 1, OutSegs: 1, OutRsts: 1, EmbryonicRsts: 1 });
    const [x] = xmits(lab.out);
    expect(x.seg).toMatchObject({ flags: TCPHDR_RST, seq: isn2 + 1, daddr: peer(2).addr, dport: peer(2).port });
    expect(lab.net.reqs.has(req.id)).toBe(false);
    expect(sk.qlen).toBe(0);
    expect(sk.young).toBe(0);
    expect(sk.sk_ack_backlog).toBe(2);
  });
});

describe('R8 the handshake completes', () => {
  it('R8: child created and appended to the accept queue; request removed; PassiveOpens; listener woken', () => {
    const { lab, sk, req } = one_request();
    const d = lab.delta(() => lab.ack(0, req.snt_isn));
    expect(lab.codes()).toEqual(['req_child_created']);
    expect(d).toEqual({ InSegs: 1, PassiveOpens: 1, CurrEstab: 1, TCPPureAcks: 1 });
    expect(sk.qlen).toBe(0);
    expect(sk.young).toBe(0);
    expect(sk.sk_ack_backlog).toBe(1);
    expect(sk.accept_queue.length).toBe(1);
    const child = lab.net.children.get(sk.accept_queue[0])!;
    expect(child).toMatchObject({ sk_state: 'TCP_ESTABLISHED', in_accept_queue: true, syncookie: false, listener: sk.id, rmt_addr: peer(0).addr, rmt_port: peer(0).port, snt_isn: req.snt_isn, rcv_isn: isn_of(0) });
    expect(lab.net.reqs.has(req.id)).toBe(false);
    expect([...lab.net.ehash.values()]).toEqual([{ kind: 'child', id: child.id }]);
    expect(lab.out.some((e) => e.kind === 'wake' && e.sock === sk.id)).toBe(true);
    expect(lab.out.some((e) => e.kind === 'timer_del' && e.req === req.id)).toBe(true);
    expect(xmits(lab.out)).toEqual([]);
  });

  it('R8: an ACK carrying data completes the handshake too (not a pure ACK)', () => {
    const { lab, sk, req } = one_request();
    const d = lab.delta(() => lab.rcv(lab.seg(0, TCPHDR_ACK | TCPHDR_PSH, isn_of(0) + 1, req.snt_isn + 1, 6)));
    expect(d).toEqual({ InSegs: 1, PassiveOpens: 1, CurrEstab: 1 });
    expect(sk.sk_ack_backlog).toBe(1);
  });

  it('R8: later segments of the connection go to the child, not to the listener', () => {
    const { lab, sk, req } = one_request();
    lab.ack(0, req.snt_isn);
    const d = lab.delta(() => lab.ack(0, req.snt_isn));
    expect(lab.codes()).toEqual(['child_segment']);
    expect(d).toEqual({ InSegs: 1 });
    expect(sk.sk_ack_backlog).toBe(1);
  });

  it('R8 after an old request: young is not decremented twice', () => {
    const { lab, sk, req } = one_request();
    lab.syn(1);
    lab.fire(req);
    expect(sk.young).toBe(1);
    lab.ack(0, req.snt_isn);
    expect(sk.young).toBe(1);
    expect(sk.qlen).toBe(1);
  });
});

describe('R6 with the request timer (syn_ack_recalc under TCP_DEFER_ACCEPT)', () => {
  it('R6/T1: an acked request gets no SYN-ACK until num_timeout ≥ defer − 1 and expires only once num_timeout ≥ defer', () => {
    const { lab, sk, req } = one_request(8, { 'net.ipv4.tcp_synack_retries': 1 });
    sk.rskq_defer_accept = 3;
    lab.ack(0, req.snt_isn); // bare ACK: acked
    expect(req.acked).toBe(true);
    const per_firing = [];
    while (lab.net.reqs.has(req.id)) per_firing.push(lab.delta(() => lab.fire(req)));
    expect(per_firing).toEqual([
      { TCPTimeouts: 1 }, // num_timeout 0: no resend (acked, 0 < defer − 1)
      { TCPTimeouts: 1 }, // 1: still waiting for data
      { TCPTimeouts: 1, TCPSynRetrans: 1, RetransSegs: 1, OutSegs: 1 }, // 2 = defer − 1: a last SYN-ACK
      { TCPTimeouts: 1 }, // 3 ≥ max_retries and ≥ defer: expired
    ]);
    expect(sk.qlen).toBe(0);
  });

  it('R6: once num_timeout reaches the defer count, a bare ACK completes the handshake', () => {
    const { lab, sk, req } = one_request(8);
    sk.rskq_defer_accept = 2;
    lab.ack(0, req.snt_isn);
    expect(lab.codes()).toEqual(['req_defer_accept_drop']);
    lab.fire(req);
    lab.ack(0, req.snt_isn);
    expect(lab.codes()).toEqual(['req_defer_accept_drop']);
    lab.fire(req);
    expect(req.num_timeout).toBe(2);
    expect(lab.delta(() => lab.ack(0, req.snt_isn))).toEqual({ InSegs: 1, PassiveOpens: 1, CurrEstab: 1, TCPPureAcks: 1 });
    expect(sk.sk_ack_backlog).toBe(1);
  });
});
