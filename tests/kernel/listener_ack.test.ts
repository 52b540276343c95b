// Non-SYN segments that reach the listener itself, and accept(): kernel-notes.md §0 rules C1–C3 and A1, §6–§7
// (net/ipv4/syncookies.c cookie_v4_check, include/net/tcp.h tcp_synq_no_recent_overflow, net/ipv4/tcp_ipv4.c
// tcp_v4_do_rcv, net/ipv4/inet_connection_sock.c inet_csk_accept).
import { describe, it, expect } from 'vitest';
import { Lab, HZ, PORT, SYNACK, isn_of, peer, xmits } from './lab.ts';
import { TCPHDR_ACK, TCPHDR_FIN, TCPHDR_PSH, TCPHDR_RST } from '../../src/kernel/types.ts';
import { jiffies } from '../../src/kernel/types.ts';

/** syncookies = 2: every SYN is a cookie. Returns the cookie ISN of client i's SYN-ACK. */
function cookie_for(lab: Lab, i: number): number {
  const [x] = xmits(lab.syn(i));
  expect(x.why).toBe('synack_cookie');
  expect(x.seg.flags).toBe(SYNACK);
  return x.seg.seq;
}

describe('C1 an ACK carrying a SYN cookie', () => {
  it('C1: a valid cookie makes the child at once: SyncookiesRecv + PassiveOpens, appended to the accept queue', () => {
    const lab = new Lab({ sysctl: { 'net.ipv4.tcp_syncookies': 2 } });
    const sk = lab.listener(8);
    const cookie = cookie_for(lab, 0);
    const d = lab.delta(() => lab.ack(0, cookie));
    expect(lab.codes()).toEqual(['cookie_valid_child']);
    expect(d).toEqual({ InSegs: 1, SyncookiesRecv: 1, PassiveOpens: 1, CurrEstab: 1, TCPPureAcks: 1 });
    expect(xmits(lab.out)).toEqual([]);
    expect(sk.sk_ack_backlog).toBe(1);
    expect(sk.qlen).toBe(0);
    const child = lab.net.children.get(sk.accept_queue[0])!;
    expect(child).toMatchObject({ syncookie: true, rmt_addr: peer(0).addr, rmt_port: peer(0).port, snt_isn: cookie, rcv_isn: isn_of(0) });
    expect(lab.out.some((e) => e.kind === 'wake' && e.sock === sk.id)).toBe(true);
  });

  it('C1: a cookie from a SYN-queue overflow (syncookies = 1) is accepted the same way', () => {
    const lab = new Lab();
    const sk = lab.listener(0);
    lab.syn(5); // the one request
    const [x] = xmits(lab.syn(0));
    expect(x.why).toBe('synack_cookie');
    lab.ack(0, x.seg.seq);
    expect(lab.codes()).toEqual(['cookie_valid_child']);
    expect(sk.sk_ack_backlog).toBe(1);
  });

  it('C1: an invalid cookie ⇒ SyncookiesFailed and RST (seq = ack_seq)', () => {
    const lab = new Lab({ sysctl: { 'net.ipv4.tcp_syncookies': 2 } });
    const sk = lab.listener(8);
    const cookie = cookie_for(lab, 0);
    const bad = cookie + 0x10; // a wrong MSS index / hash
    const d = lab.delta(() => lab.ack(0, bad));
    expect(d).toEqual({ InSegs: 1, SyncookiesFailed: 1, OutSegs: 1, OutRsts: 1 });
    expect(lab.codes()).toEqual(['cookie_invalid_rst', 'listener_ack_rst']);
    const [x] = xmits(lab.out);
    expect(x.seg).toMatchObject({ flags: TCPHDR_RST, seq: bad + 1 });
    expect(sk.sk_ack_backlog).toBe(0);
    // a cookie is bound to the 4-tuple: client 1 cannot use client 0's
    const d1 = lab.delta(() => lab.ack(1, cookie, isn_of(0)));
    expect(d1).toEqual({ InSegs: 1, SyncookiesFailed: 1, OutSegs: 1, OutRsts: 1 });
  });

  it('C1: a valid cookie behind a full accept queue is dropped silently — no RST even with tcp_abort_on_overflow = 1', () => {
    const lab = new Lab({ sysctl: { 'net.ipv4.tcp_syncookies': 2, 'net.ipv4.tcp_abort_on_overflow': 1 } });
    const sk = lab.listener(0);
    const c0 = cookie_for(lab, 0);
    const c1 = cookie_for(lab, 1); // both sent while the accept queue is empty
    lab.ack(0, c0);
    expect(sk.sk_ack_backlog).toBe(1);
    const d = lab.delta(() => lab.ack(1, c1));
    expect(lab.codes()).toEqual(['cookie_valid_overflow']);
    expect(d).toEqual({ InSegs: 1, SyncookiesRecv: 1, ListenOverflows: 1, ListenDrops: 1 });
    expect(xmits(lab.out)).toEqual([]);
    expect(sk.sk_ack_backlog).toBe(1);
    expect(lab.net.children.size).toBe(1);
    // nothing is kept: every later segment of that client is checked (and counted) again
    expect(lab.delta(() => lab.ack(1, c1))).toEqual({ InSegs: 1, SyncookiesRecv: 1, ListenOverflows: 1, ListenDrops: 1 });
  });

  it('C1: the cookie is valid while the minute counter moved by < 2 (60 to 120 s), and only after a recent overflow', () => {
    const minute = 60 * HZ;
    const fresh = (): Lab => {
      const lab = new Lab({ sysctl: { 'net.ipv4.tcp_syncookies': 2 } });
      lab.listener(8);
      return lab;
    };
    // made at the start of a minute: still valid 119 s later, not at 120 s (counter + 2)
    {
      const lab = fresh();
      lab.now = jiffies(1000 * minute);
      const c = cookie_for(lab, 0);
      lab.now = jiffies(1000 * minute + 119 * HZ);
      lab.ack(0, c);
      expect(lab.codes()).toEqual(['cookie_valid_child']);
    }
    {
      const lab = fresh();
      lab.now = jiffies(1000 * minute);
      const c = cookie_for(lab, 0);
      lab.now = jiffies(1000 * minute + 120 * HZ); // still a recent overflow (≤ 120 s), but the cookie is too old
      expect(lab.delta(() => lab.ack(0, c))).toEqual({ InSegs: 1, SyncookiesFailed: 1, OutSegs: 1, OutRsts: 1 });
    }
    // made at the end of a minute: invalid just over 60 s later
    {
      const lab = fresh();
      lab.now = jiffies(1001 * minute - 1);
      const c = cookie_for(lab, 0);
      lab.now = jiffies(1002 * minute + 1);
      lab.ack(0, c);
      expect(lab.codes()).toEqual(['cookie_invalid_rst', 'listener_ack_rst']);
    }
    // past last overflow + 120 s: the cookie is not even checked (no SyncookiesFailed), plain RST
    {
      const lab = fresh();
      lab.now = jiffies(1000 * minute);
      const c = cookie_for(lab, 0);
      lab.now = jiffies(1000 * minute + 120 * HZ + 1);
      expect(lab.delta(() => lab.ack(0, c))).toEqual({ InSegs: 1, OutSegs: 1, OutRsts: 1 });
      expect(lab.codes()).toEqual(['cookie_no_recent_overflow_rst', 'listener_ack_rst']);
    }
  });

  it('C1: with tcp_syncookies = 0 a cookie ACK is never validated: RST, no cookie counter', () => {
    const lab = new Lab({ sysctl: { 'net.ipv4.tcp_syncookies': 2 } });
    lab.listener(8);
    const c = cookie_for(lab, 0);
    lab.net.sysctl['net.ipv4.tcp_syncookies'] = 0;
    expect(lab.delta(() => lab.ack(0, c))).toEqual({ InSegs: 1, OutSegs: 1, OutRsts: 1 });
  });
});

describe('C2 any other ACK to the listener', () => {
  it('C2: no request, no recent cookie ⇒ RST with seq = ack_seq and no ACK bit (syncookies 1 and 0)', () => {
    for (const sc of [1, 0]) {
      const lab = new Lab({ sysctl: { 'net.ipv4.tcp_syncookies': sc } });
      const sk = lab.listener(8);
      const d = lab.delta(() => lab.rcv(lab.seg(3, TCPHDR_ACK, 777, 4242)));
      expect(d).toEqual({ InSegs: 1, OutSegs: 1, OutRsts: 1 });
      const [x] = xmits(lab.out);
      expect(x.why).toBe('rst');
      expect(x.seg).toMatchObject({ flags: TCPHDR_RST, seq: 4242, sport: PORT, daddr: peer(3).addr, dport: peer(3).port });
      expect(sk.sk_drops).toBe(0);
    }
  });

  it('C2: an ACK after the request expired is answered with RST (the client learns only when it sends)', () => {
    const lab = new Lab({ sysctl: { 'net.ipv4.tcp_synack_retries': 0 } });
    lab.listener(8);
    lab.syn(0);
    const req = lab.req(0)!;
    lab.fire(req);
    expect(lab.net.reqs.size).toBe(0);
    expect(lab.delta(() => lab.ack(0, req.snt_isn))).toEqual({ InSegs: 1, OutSegs: 1, OutRsts: 1 });
  });

  it('C2 (no socket): a segment to a port nobody listens on is reset (RST|ACK for a SYN)', () => {
    const lab = new Lab();
    lab.listener(8);
    const d = lab.delta(() => lab.syn(0, 5000, PORT + 1));
    expect(d).toEqual({ InSegs: 1, OutSegs: 1, OutRsts: 1 });
    expect(xmits(lab.out)[0].seg).toMatchObject({ flags: TCPHDR_RST | TCPHDR_ACK, ack_seq: 5001 });
  });
});

describe('C3 segments the listener drops silently', () => {
  it('C3: RST, a segment with no ACK/SYN/RST flag, and FIN alone are dropped without any reply or counter', () => {
    const lab = new Lab();
    const sk = lab.listener(8);
    for (const flags of [TCPHDR_RST, TCPHDR_RST | TCPHDR_ACK, 0, TCPHDR_PSH, TCPHDR_FIN]) {
      const d = lab.delta(() => lab.rcv(lab.seg(0, flags, 100, 0, flags === TCPHDR_PSH ? 10 : 0)));
      expect(d).toEqual({ InSegs: 1 });
      expect(xmits(lab.out)).toEqual([]);
    }
    expect(sk.qlen).toBe(0);
    expect(sk.sk_drops).toBe(0);
  });
});

describe('A1 accept()', () => {
  it('A1: an empty queue gives EAGAIN (non-blocking) and changes nothing', () => {
    const lab = new Lab();
    const sk = lab.listener(8);
    expect(lab.accept(sk.id)).toEqual({ ok: false, errno: 'EAGAIN' });
    expect(lab.codes()).toEqual(['accept_eagain']);
    expect(sk.sk_ack_backlog).toBe(0);
  });

  it('A1: children come out in FIFO order, acc-- each time, then EAGAIN', () => {
    const lab = new Lab();
    const sk = lab.listener(8);
    const order = [3, 0, 2, 1];
    for (const i of order) lab.connect(i);
    expect(sk.sk_ack_backlog).toBe(4);
    const got: number[] = [];
    for (let n = 0; n < 4; n++) {
      const r = lab.accept(sk.id);
      expect(r.ok).toBe(true);
      if (r.ok) {
        got.push(r.child.rmt_port - peer(0).port);
        expect(r.child.in_accept_queue).toBe(false);
      }
      expect(sk.sk_ack_backlog).toBe(3 - n);
      expect(sk.accept_queue.length).toBe(3 - n);
    }
    expect(got).toEqual(order);
    expect(lab.accept(sk.id)).toEqual({ ok: false, errno: 'EAGAIN' });
  });

  it('A1: accept() on a socket that does not listen is EINVAL', () => {
    const lab = new Lab();
    const fd = lab.socket();
    expect(lab.accept(fd)).toEqual({ ok: false, errno: 'EINVAL' });
  });

  it('A1: an accept() frees a slot: the queue takes exactly N + 1 again', () => {
    const lab = new Lab();
    const sk = lab.listener(2);
    for (let i = 0; i < 3; i++) lab.connect(i);
    expect(sk.sk_ack_backlog).toBe(3);
    lab.syn(3);
    expect(lab.codes()).toEqual(['syn_accept_queue_full']);
    lab.accept(sk.id);
    lab.connect(3);
    expect(sk.sk_ack_backlog).toBe(3);
  });
});
