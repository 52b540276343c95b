// net/ipv4/tcp_ipv4.c: the receive path. tcp_v4_rcv() demultiplexes a segment — to a request sock
// (tcp_check_req), to an established child, or to the listener (tcp_v4_do_rcv: cookie check for non-SYNs, then
// tcp_rcv_state_process) — and tcp_v4_syn_recv_sock() makes the child unless the accept queue is full.
import type { Net } from './net_namespace.ts';
import { ehash_key, NET_INC, decide, finish_plan } from './net_namespace.ts';
import type { KCtx } from './effects.ts';
import { TCPHDR_ACK, TCPHDR_RST, TCPHDR_SYN, type ChildSock, type ListenSock, type RequestSock, type Segment } from './types.ts';
import { inet_csk_reqsk_queue_drop, sk_acceptq_is_full } from './inet_connection_sock.ts';
import { tcp_listendrop, tcp_rcv_state_process_listen } from './tcp_input.ts';
import { tcp_check_req, tcp_child_process, tcp_create_openreq_child, end_seq, type ChildOrigin } from './tcp_minisocks.ts';
import { cookie_v4_check } from './syncookies_check.ts';

/** __inet_lookup_listener(): a LISTEN socket on the destination port and address (or INADDR_ANY). */
export function __inet_lookup_listener(net: Net, daddr: number, dport: number): ListenSock | null {
  const last = net.socks.get(net.last_listener_hit);
  if (last && listener_matches(last, daddr, dport)) return last; // one listener takes almost every packet
  for (const sk of net.socks.values()) {
    if (listener_matches(sk, daddr, dport)) {
      net.last_listener_hit = sk.id;
      return sk;
    }
  }
  return null;
}

function listener_matches(sk: ListenSock, daddr: number, dport: number): boolean {
  return sk.sk_state === 'TCP_LISTEN' && sk.num === dport && (sk.rcv_saddr === daddr || sk.rcv_saddr === 0);
}

/** tcp_v4_send_reset(): RST for a segment (seq = its ack_seq if it had ACK, else an RST|ACK). */
export function tcp_v4_send_reset(net: Net, seg: Segment, k: KCtx): void {
  if (seg.flags & TCPHDR_RST) return;
  const has_ack = (seg.flags & TCPHDR_ACK) !== 0;
  NET_INC(net, k, 'OutSegs');
  NET_INC(net, k, 'OutRsts');
  k.out.push({
    kind: 'xmit', why: 'rst',
    seg: {
      saddr: seg.daddr, sport: seg.dport, daddr: seg.saddr, dport: seg.sport,
      flags: has_ack ? TCPHDR_RST : TCPHDR_RST | TCPHDR_ACK, seq: has_ack ? seg.ack_seq : 0,
      ack_seq: has_ack ? 0 : end_seq(seg), len: 0, ts: false,
    },
  });
}

/** tcp_v4_reqsk_send_ack(): the ACK a request sends to an out-of-window segment. */
export function tcp_v4_reqsk_send_ack(net: Net, req: RequestSock, k: KCtx): void {
  NET_INC(net, k, 'OutSegs');
  k.out.push({
    kind: 'xmit', why: 'ack', req: req.id,
    seg: {
      saddr: req.loc_addr, sport: req.loc_port, daddr: req.rmt_addr, dport: req.rmt_port, flags: TCPHDR_ACK,
      seq: (req.snt_isn + 1) >>> 0, ack_seq: (req.rcv_isn + 1) >>> 0, len: 0, ts: req.tstamp_ok,
    },
  });
}

/** tcp_v4_syn_recv_sock(): the child, or null when the accept queue is full (ListenOverflows + ListenDrops). */
export function tcp_v4_syn_recv_sock(
  net: Net, sk: ListenSock, req: ChildOrigin, syncookie: boolean, k: KCtx,
): ChildSock | null {
  if (sk_acceptq_is_full(sk)) {
    NET_INC(net, k, 'ListenOverflows'); // exit_overflow
    tcp_listendrop(net, sk, k);
    return null;
  }
  const child = tcp_create_openreq_child(net, sk, req, syncookie, k);
  net.children.set(child.id, child);
  // inet_ehash_nolisten(): the child takes the request's place in ehash
  net.ehash.set(ehash_key(net, child.loc_addr, child.loc_port, child.rmt_addr, child.rmt_port), { kind: 'child', id: child.id });
  return child;
}

/** tcp_v4_do_rcv() for a LISTEN socket. */
export function tcp_v4_do_rcv_listen(net: Net, sk: ListenSock, seg: Segment, k: KCtx): void {
  if (!(seg.flags & TCPHDR_SYN)) {
    // tcp_v4_cookie_check()
    const r = cookie_v4_check(net, sk, seg, k);
    if (r.kind === 'none') return;
    if (r.kind === 'child') {
      tcp_child_process(net, sk, r.child, seg, k);
      return;
    }
  }
  if (tcp_rcv_state_process_listen(net, sk, seg, k) && !(seg.flags & TCPHDR_RST)) {
    tcp_v4_send_reset(net, seg, k);
    if (k.trace) decide(k, { fn: 'tcp_v4_send_reset', code: 'listener_ack_rst', sock: sk.id, peer: { addr: seg.saddr, port: seg.sport } });
  } else if (!(seg.flags & TCPHDR_SYN) || seg.flags & (TCPHDR_ACK | TCPHDR_RST)) {
    if (k.trace) decide(k, { fn: 'tcp_rcv_state_process', code: 'listener_drop', sock: sk.id, peer: { addr: seg.saddr, port: seg.sport } });
  }
}

/** A segment for an established child (tcp_rcv_established): the handshake is over, nothing here moves the queues. */
function tcp_rcv_established(net: Net, child: ChildSock, seg: Segment, k: KCtx): void {
  if (k.trace) decide(k, { fn: 'tcp_v4_rcv', code: 'child_segment', sock: child.id, peer: { addr: seg.saddr, port: seg.sport } });
}

/** tcp_v4_rcv(): every segment that reaches this namespace's TCP. */
export function tcp_v4_rcv(net: Net, seg: Segment, k: KCtx): void {
  tcp_v4_rcv_demux(net, seg, k);
  finish_plan(k);
}

function tcp_v4_rcv_demux(net: Net, seg: Segment, k: KCtx): void {
  NET_INC(net, k, 'InSegs');
  const e = net.ehash.get(ehash_key(net, seg.daddr, seg.dport, seg.saddr, seg.sport));
  if (e?.kind === 'req') {
    const req = net.reqs.get(e.id)!;
    const sk = net.socks.get(req.listener)!;
    if (sk.sk_state !== 'TCP_LISTEN') {
      inet_csk_reqsk_queue_drop(net, sk, req, k); // listener gone: drop the request and look up again
      tcp_v4_rcv_lookup_listener(net, seg, k);
      return;
    }
    const r = tcp_check_req(net, sk, req, seg, k);
    if (r.kind === 'child') tcp_child_process(net, sk, r.child, seg, k);
    else if (r.kind === 'listener') tcp_v4_do_rcv_listen(net, sk, seg, k);
    return;
  }
  if (e?.kind === 'child') {
    tcp_rcv_established(net, net.children.get(e.id)!, seg, k);
    return;
  }
  tcp_v4_rcv_lookup_listener(net, seg, k);
}

function tcp_v4_rcv_lookup_listener(net: Net, seg: Segment, k: KCtx): void {
  const sk = __inet_lookup_listener(net, seg.daddr, seg.dport);
  if (sk) {
    tcp_v4_do_rcv_listen(net, sk, seg, k);
    return;
  }
  // no_tcp_socket: nothing listens on this port (tcp_v4_send_reset never answers a RST)
  if (seg.flags & TCPHDR_RST) return;
  tcp_v4_send_reset(net, seg, k);
  if (k.trace) decide(k, { fn: 'tcp_v4_send_reset', code: 'listener_ack_rst', peer: { addr: seg.saddr, port: seg.sport }, args: { reason: 'no socket' } });
}
