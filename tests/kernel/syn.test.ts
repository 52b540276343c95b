// A SYN reaching a listener: kernel-notes.md §0 rules S2, S3, S5, S6, S7 and §3 (net/ipv4/tcp_input.c
// tcp_conn_request, tcp_syn_flood_action; net/ipv4/inet_connection_sock.c inet_csk_reqsk_queue_is_full).
import { describe, it, expect } from 'vitest';
import { Lab, SYNACK, SERVER, PORT, isn_of, peer, xmits } from './lab.ts';
import { TCPHDR_ACK, TCPHDR_FIN, TCPHDR_SYN } from '../../src/kernel/types.ts';

describe('S7 a request sock for an ordinary SYN', () => {
  it('S7: request hashed, qlen++ and young++, rsk_timer armed ~1 s out, one SYN-ACK (OutSegs)', () => {
    const lab = new Lab();
    const sk = lab.listener(8);
    const d = lab.delta(() => lab.syn(0));
    expect(d).toEqual({ InSegs: 1, OutSegs: 1 });
    expect(lab.codes()).toEqual(['syn_request_created']);
    expect(sk.qlen).toBe(1);
    expect(sk.young).toBe(1);
    const req = lab.req(0)!;
    expect(req).toBeDefined();
    expect(req.listener).toBe(sk.id);
    expect(req.rcv_isn).toBe(isn_of(0));
    expect(req.num_timeout).toBe(0);
    expect(req.timeout).toBe(250); // TCP_TIMEOUT_INIT = 1 s at HZ 250
    expect(req.timer_expires).toBe(lab.now + 250);
    const [x] = xmits(lab.out);
    expect(x.why).toBe('synack');
    expect(x.seg).toMatchObject({ flags: SYNACK, saddr: SERVER, sport: PORT, daddr: peer(0).addr, dport: peer(0).port, seq: req.snt_isn, ack_seq: isn_of(0) + 1 });
    expect(lab.out.some((e) => e.kind === 'timer' && e.req === req.id && e.fires === req.timer_fires)).toBe(true);
    // no accept-queue change, nothing counted as a drop
    expect(sk.sk_ack_backlog).toBe(0);
    expect(sk.sk_drops).toBe(0);
  });
});

describe('S2 the SYN-queue limit: qlen > N on 6.18, qlen >= N on 6.1', () => {
  it("S2: listen(0) with syncookies=0 takes exactly one request on linux-6.18 ('gt')", () => {
    const lab = new Lab({ sysctl: { 'net.ipv4.tcp_syncookies': 0 } });
    const sk = lab.listener(0);
    expect(lab.profile.reqsk_queue_full).toBe('gt');
    lab.syn(0);
    expect(lab.codes()).toEqual(['syn_request_created']);
    const d = lab.delta(() => lab.syn(1));
    expect(lab.codes()).toEqual(['syn_queue_full_drop']);
    expect(d).toEqual({ InSegs: 1, TCPReqQFullDrop: 1, ListenDrops: 1 });
    expect(xmits(lab.out)).toEqual([]);
    expect(sk.qlen).toBe(1);
    expect(sk.sk_drops).toBe(1);
  });

  it("S2: listen(0) with syncookies=0 takes no request at all on linux-6.1 ('ge')", () => {
    const lab = new Lab({ profile: 'linux-6.1', sysctl: { 'net.ipv4.tcp_syncookies': 0 } });
    const sk = lab.listener(0);
    expect(lab.profile.reqsk_queue_full).toBe('ge');
    const d = lab.delta(() => lab.syn(0));
    expect(lab.codes()).toEqual(['syn_queue_full_drop']);
    expect(d).toEqual({ InSegs: 1, TCPReqQFullDrop: 1, ListenDrops: 1 });
    expect(sk.qlen).toBe(0);
  });

  it('S2: listen(0) with syncookies=1: one request on 6.18, every SYN a cookie on 6.1', () => {
    const a = new Lab();
    a.listener(0);
    a.syn(0);
    a.syn(1);
    expect(a.decisions.filter((d) => d.fn === 'tcp_conn_request').map((d) => d.code)).toEqual(['syn_request_created', 'syn_queue_full_cookie']);
    const b = new Lab({ profile: 'linux-6.1' });
    b.listener(0);
    b.syn(0);
    b.syn(1);
    expect(b.decisions.filter((d) => d.fn === 'tcp_conn_request').map((d) => d.code)).toEqual(['syn_queue_full_cookie', 'syn_queue_full_cookie']);
  });

  it('S2: listen(1), four SYNs ⇒ two requests, two cookies, one flood log line (observed 6.18.44 example)', () => {
    const lab = new Lab();
    const sk = lab.listener(1);
    const printk: string[] = [];
    const d = lab.delta(() => {
      for (let i = 0; i < 4; i++) {
        lab.syn(i);
        for (const e of lab.out) if (e.kind === 'printk') printk.push(e.text);
      }
    });
    expect(sk.qlen).toBe(2);
    expect(d).toEqual({ InSegs: 4, OutSegs: 4, TCPReqQFullDoCookies: 2, SyncookiesSent: 2 });
    expect(printk).toEqual(['TCP: request_sock_TCP: Possible SYN flooding on port 192.0.2.1:8080. Sending cookies.']);
    expect(sk.synflood_warned).toBe(true);
  });

  it('S2: the flood line says "Dropping request" with syncookies=0 and is printed once per listener, even across listen() again', () => {
    const lab = new Lab({ sysctl: { 'net.ipv4.tcp_syncookies': 0 } });
    const sk = lab.listener(0);
    const printk: string[] = [];
    const grab = () => { for (const e of lab.out) if (e.kind === 'printk') printk.push(e.text); };
    for (let i = 0; i < 3; i++) { lab.syn(i); grab(); }
    lab.listen(sk.id, 0);
    for (let i = 3; i < 5; i++) { lab.syn(i); grab(); }
    expect(printk).toEqual(['TCP: request_sock_TCP: Possible SYN flooding on port 192.0.2.1:8080. Dropping request.']);
    expect(lab.net.mib.TCPReqQFullDrop).toBe(4);
  });

  it('S2: linux-6.1 prints the port-only text with "Check SNMP counters."', () => {
    const lab = new Lab({ profile: 'linux-6.1' });
    lab.listener(0);
    lab.syn(0);
    const texts = lab.out.flatMap((e) => (e.kind === 'printk' ? [e.text] : []));
    expect(texts).toEqual(['TCP: request_sock_TCP: Possible SYN flooding on port 8080. Sending cookies.  Check SNMP counters.']);
  });

  it('S2: syncookies=2 answers every SYN with a cookie (TCPReqQFullDoCookies each time) and never logs', () => {
    const lab = new Lab({ sysctl: { 'net.ipv4.tcp_syncookies': 2 } });
    const sk = lab.listener(128);
    const d = lab.delta(() => {
      for (let i = 0; i < 5; i++) {
        lab.syn(i);
        expect(lab.codes()).toEqual(['syn_cookie_sent']);
        expect(lab.out.some((e) => e.kind === 'printk')).toBe(false);
      }
    });
    expect(d).toEqual({ InSegs: 5, OutSegs: 5, TCPReqQFullDoCookies: 5, SyncookiesSent: 5 });
    expect(sk.qlen).toBe(0);
    expect(lab.net.reqs.size).toBe(0);
    expect(sk.synflood_warned).toBe(false);
  });
});

describe('S3 accept queue full at SYN time', () => {
  it('S3: acc > N drops the SYN silently: ListenOverflows + ListenDrops, no SYN-ACK, no request', () => {
    const lab = new Lab();
    const sk = lab.listener(1);
    lab.connect(0);
    lab.connect(1);
    expect(sk.sk_ack_backlog).toBe(2); // N + 1 children
    const d = lab.delta(() => lab.syn(2));
    expect(lab.codes()).toEqual(['syn_accept_queue_full']);
    expect(d).toEqual({ InSegs: 1, ListenOverflows: 1, ListenDrops: 1 });
    expect(xmits(lab.out)).toEqual([]);
    expect(sk.qlen).toBe(0);
    expect(sk.sk_drops).toBe(1);
  });

  it('S3: acc == N still lets the SYN in (the test is >, so the queue holds N + 1)', () => {
    const lab = new Lab();
    const sk = lab.listener(1);
    lab.connect(0);
    expect(sk.sk_ack_backlog).toBe(1);
    lab.syn(1);
    expect(lab.codes()).toEqual(['syn_request_created']);
  });

  it('S3: the check runs after the SYN-queue check, so it also drops a cookie SYN (TCPReqQFullDoCookies is still counted)', () => {
    const lab = new Lab({ sysctl: { 'net.ipv4.tcp_syncookies': 2 } });
    const sk = lab.listener(0);
    lab.connect(0); // a cookie connection: child at once
    expect(sk.sk_ack_backlog).toBe(1);
    const d = lab.delta(() => lab.syn(1));
    expect(lab.codes()).toEqual(['syn_accept_queue_full']);
    expect(d).toEqual({ InSegs: 1, TCPReqQFullDoCookies: 1, ListenOverflows: 1, ListenDrops: 1 });
    expect(xmits(lab.out)).toEqual([]);
  });

  it('S3 does not apply to a retransmitted SYN of an existing request (it goes to tcp_check_req, R1)', () => {
    const lab = new Lab();
    const sk = lab.listener(0);
    lab.syn(1); // request for client 1
    lab.connect(0); // qlen 1 > 0: client 0 gets a cookie and a child; acc 1 > 0 now
    expect(sk.sk_ack_backlog).toBe(1);
    const d = lab.delta(() => lab.syn(1));
    expect(lab.codes()).toEqual(['req_dup_syn_synack']);
    expect(d).toEqual({ InSegs: 1, OutSegs: 1, RetransSegs: 1, TCPSynRetrans: 1 });
  });
});

describe('S5 the tcp_max_syn_backlog last-quarter rule (syncookies = 0 only)', () => {
  it('S5: msb = 8: requests are refused once msb − qlen < msb>>2, i.e. from qlen = 7, with ListenDrops only', () => {
    const lab = new Lab({ sysctl: { 'net.ipv4.tcp_syncookies': 0, 'net.ipv4.tcp_max_syn_backlog': 8 } });
    const sk = lab.listener(100);
    for (let i = 0; i < 7; i++) {
      lab.syn(i);
      expect(lab.codes()).toEqual(['syn_request_created']);
    }
    expect(sk.qlen).toBe(7);
    const d = lab.delta(() => lab.syn(7));
    expect(lab.codes()).toEqual(['syn_last_quarter_drop']);
    expect(d).toEqual({ InSegs: 1, ListenDrops: 1 });
    expect(xmits(lab.out)).toEqual([]);
    expect(sk.qlen).toBe(7);
  });

  it('S5: msb = 2048 (the default here) allows 1537 requests when N is larger', () => {
    const lab = new Lab({ sysctl: { 'net.ipv4.tcp_syncookies': 0 } });
    expect(lab.net.sysctl['net.ipv4.tcp_max_syn_backlog']).toBe(2048);
    const sk = lab.listener(4096);
    for (let i = 0; i < 1537; i++) lab.syn(i);
    expect(sk.qlen).toBe(1537);
    const d = lab.delta(() => lab.syn(1537));
    expect(lab.codes()).toEqual(['syn_last_quarter_drop']);
    expect(d).toEqual({ InSegs: 1, ListenDrops: 1 });
  });

  it('S5: a proven peer (RTT cached in tcp_metrics) passes the rule', () => {
    const lab = new Lab({ sysctl: { 'net.ipv4.tcp_syncookies': 0, 'net.ipv4.tcp_max_syn_backlog': 8 } });
    const sk = lab.listener(100);
    for (let i = 0; i < 7; i++) lab.syn(i);
    lab.net.tcp_metrics.push(peer(7).addr);
    lab.syn(7);
    expect(lab.codes()).toEqual(['syn_request_created']);
    expect(sk.qlen).toBe(8);
    lab.syn(8);
    expect(lab.codes()).toEqual(['syn_last_quarter_drop']);
  });

  it('S5 never runs with syncookies on: qlen may pass msb − msb/4', () => {
    const lab = new Lab({ sysctl: { 'net.ipv4.tcp_syncookies': 1, 'net.ipv4.tcp_max_syn_backlog': 8 } });
    const sk = lab.listener(100);
    for (let i = 0; i < 20; i++) lab.syn(i);
    expect(sk.qlen).toBe(20);
    expect(lab.net.mib.ListenDrops).toBe(0);
  });

  it('S5 comes after S2: with N small the SYN-queue limit (TCPReqQFullDrop) is what refuses', () => {
    const lab = new Lab({ sysctl: { 'net.ipv4.tcp_syncookies': 0, 'net.ipv4.tcp_max_syn_backlog': 8 } });
    lab.listener(2);
    for (let i = 0; i < 3; i++) lab.syn(i);
    lab.syn(3);
    expect(lab.codes()).toEqual(['syn_queue_full_drop']);
  });
});

describe('S6 cookie mode keeps no state', () => {
  it('S6: the SYN-ACK carries the cookie as ISN; no request, no qlen; SyncookiesSent and OutSegs', () => {
    const lab = new Lab();
    const sk = lab.listener(0);
    lab.syn(0);
    const before = { reqs: lab.net.reqs.size, ehash: lab.net.ehash.size };
    const d = lab.delta(() => lab.syn(1));
    expect(lab.codes()).toEqual(['syn_queue_full_cookie']);
    expect(d).toEqual({ InSegs: 1, OutSegs: 1, TCPReqQFullDoCookies: 1, SyncookiesSent: 1 });
    expect({ reqs: lab.net.reqs.size, ehash: lab.net.ehash.size }).toEqual(before);
    expect(sk.qlen).toBe(1);
    const [x] = xmits(lab.out);
    expect(x.why).toBe('synack_cookie');
    expect(x.seg.flags).toBe(SYNACK);
    expect(x.seg.ack_seq).toBe(isn_of(1) + 1);
    expect(lab.out.some((e) => e.kind === 'timer')).toBe(false);
    expect(sk.synq_overflow_ts).toBe(lab.now);
  });

  it('S6: the cookie depends on the client (4-tuple and ISN)', () => {
    const lab = new Lab({ sysctl: { 'net.ipv4.tcp_syncookies': 2 } });
    lab.listener(8);
    const c0 = xmits(lab.syn(0))[0].seg.seq;
    const c1 = xmits(lab.syn(1))[0].seg.seq;
    const c0b = xmits(lab.syn(0, isn_of(0) + 77))[0].seg.seq;
    expect(new Set([c0, c1, c0b]).size).toBe(3);
  });
});

describe('C3 (SYN side): SYN+FIN to a listener is dropped', () => {
  it('C3: SYN|FIN makes no request and no reply', () => {
    const lab = new Lab();
    const sk = lab.listener(8);
    const d = lab.delta(() => lab.rcv(lab.seg(0, TCPHDR_SYN | TCPHDR_FIN, 5)));
    expect(d).toEqual({ InSegs: 1 });
    expect(xmits(lab.out)).toEqual([]);
    expect(sk.qlen).toBe(0);
  });

  it('C2: a SYN|ACK to a listener is answered with RST (the ACK flag wins in tcp_rcv_state_process)', () => {
    const lab = new Lab();
    lab.listener(8);
    const d = lab.delta(() => lab.rcv(lab.seg(0, TCPHDR_SYN | TCPHDR_ACK, 5, 999)));
    expect(d).toEqual({ InSegs: 1, OutSegs: 1, OutRsts: 1 });
  });
});
