// net/ipv4/syncookies.c, the receiving half: cookie_v4_check() and tcp_get_cookie_sock(). An ACK that reaches
// the listener itself (no request sock) may carry a cookie; a valid one builds the child directly — and when
// the accept queue is full the ACK is dropped silently, with no RST even under tcp_abort_on_overflow = 1.
import type { Net } from './net_namespace.ts';
import { NET_INC, decide } from './net_namespace.ts';
import type { KCtx } from './effects.ts';
import { TCPHDR_ACK, TCPHDR_RST, type ListenSock, type Segment } from './types.ts';
import { __cookie_v4_check, tcp_synq_no_recent_overflow } from './syncookies.ts';
import { tcp_v4_syn_recv_sock } from './tcp_ipv4.ts';
import { inet_csk_reqsk_queue_add } from './inet_connection_sock.ts';
import type { CheckReqResult } from './tcp_minisocks.ts';

/** cookie_v4_check(): `listener` = not a cookie (the caller goes on, usually to a RST), `none` = dropped, or the child. */
export function cookie_v4_check(net: Net, sk: ListenSock, seg: Segment, k: KCtx): CheckReqResult {
  const peer = { addr: seg.saddr, port: seg.sport };
  if (net.sysctl['net.ipv4.tcp_syncookies'] === 0 || !(seg.flags & TCPHDR_ACK) || seg.flags & TCPHDR_RST) return { kind: 'listener' };
  if (tcp_synq_no_recent_overflow(sk, k)) {
    if (k.trace) decide(k, { fn: 'cookie_v4_check', code: 'cookie_no_recent_overflow_rst', sock: sk.id, peer });
    return { kind: 'listener' };
  }
  if (__cookie_v4_check(net, k, seg) === 0) {
    NET_INC(net, k, 'SyncookiesFailed');
    if (k.trace) decide(k, { fn: 'cookie_v4_check', code: 'cookie_invalid_rst', sock: sk.id, peer });
    return { kind: 'listener' };
  }
  NET_INC(net, k, 'SyncookiesRecv');
  // tcp_get_cookie_sock(): the request is rebuilt from the ACK and turned into a child at once
  const req = { loc_addr: seg.daddr, loc_port: seg.dport, rmt_addr: seg.saddr, rmt_port: seg.sport, snt_isn: (seg.ack_seq - 1) >>> 0, rcv_isn: (seg.seq - 1) >>> 0 };
  const child = tcp_v4_syn_recv_sock(net, sk, req, true, k);
  if (!child) {
    if (k.trace) decide(k, { fn: 'cookie_v4_check', code: 'cookie_valid_overflow', sock: sk.id, peer, args: { acc: sk.sk_ack_backlog, backlog: sk.sk_max_ack_backlog } });
    return { kind: 'none' };
  }
  inet_csk_reqsk_queue_add(sk, child);
  if (k.trace) decide(k, { fn: 'cookie_v4_check', code: 'cookie_valid_child', sock: child.id, peer, args: { acc: sk.sk_ack_backlog, backlog: sk.sk_max_ack_backlog } });
  return { kind: 'child', child };
}
