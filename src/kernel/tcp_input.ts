// net/ipv4/tcp_input.c: a SYN reaching a listener. tcp_conn_request() runs the checks in the kernel's order —
// SYN queue full (→ cookies or drop), accept queue full (drop), the tcp_max_syn_backlog last-quarter rule
// (cookies off) — then either keeps a request sock or answers with a stateless cookie SYN-ACK.
import type { Net } from './net_namespace.ts';
import { NET_INC, decide } from './net_namespace.ts';
import type { KCtx } from './effects.ts';
import { jiffies, TCPHDR_ACK, TCPHDR_FIN, TCPHDR_RST, TCPHDR_SYN, type ListenSock, type RequestSock, type Segment } from './types.ts';
import { TCP_TIMEOUT_INIT, inet_csk_reqsk_queue_hash_add, inet_csk_reqsk_queue_is_full, sk_acceptq_is_full } from './inet_connection_sock.ts';
import { tcp_peer_is_proven } from './tcp_metrics.ts';
import { cookie_v4_init_sequence } from './syncookies.ts';
import { tcp_v4_send_synack } from './tcp_output.ts';
import { ipv4_str } from './ipv4.ts';

/** tcp_listendrop(): sk_drops++ and ListenDrops. */
export function tcp_listendrop(net: Net, sk: ListenSock, k: KCtx): void {
  sk.sk_drops++;
  NET_INC(net, k, 'ListenDrops');
}

/** tcp_syn_flood_action(): the SYN queue is full — cookies (tcp_syncookies ≠ 0) or drop, logged once per listener. */
export function tcp_syn_flood_action(net: Net, sk: ListenSock, k: KCtx): boolean {
  const syncookies = net.sysctl['net.ipv4.tcp_syncookies'];
  const want_cookie = syncookies !== 0;
  NET_INC(net, k, want_cookie ? 'TCPReqQFullDoCookies' : 'TCPReqQFullDrop');
  if (!sk.synflood_warned && syncookies !== 2) {
    sk.synflood_warned = true;
    const msg = want_cookie ? 'Sending cookies' : 'Dropping request';
    const text = k.profile.synflood_msg === 'addr'
      ? `TCP: request_sock_TCP: Possible SYN flooding on port ${ipv4_str(sk.rcv_saddr)}:${sk.num}. ${msg}.`
      : `TCP: request_sock_TCP: Possible SYN flooding on port ${sk.num}. ${msg}.  Check SNMP counters.`;
    k.out.push({ kind: 'printk', text });
  }
  return want_cookie;
}

/** tcp_conn_request() (with tcp_v4_conn_request()'s unicast check done by the caller). */
export function tcp_conn_request(net: Net, sk: ListenSock, seg: Segment, k: KCtx): void {
  const peer = k.trace ? { addr: seg.saddr, port: seg.sport } : undefined;
  const syncookies = net.sysctl['net.ipv4.tcp_syncookies'];
  let want_cookie = false;
  if (syncookies === 2 || inet_csk_reqsk_queue_is_full(sk, k)) {
    want_cookie = tcp_syn_flood_action(net, sk, k);
    if (!want_cookie) {
      tcp_listendrop(net, sk, k);
      if (k.trace) decide(k, { fn: 'tcp_conn_request', code: 'syn_queue_full_drop', sock: sk.id, peer, args: { qlen: sk.qlen, backlog: sk.sk_max_ack_backlog } });
      return;
    }
  }
  if (sk_acceptq_is_full(sk)) {
    NET_INC(net, k, 'ListenOverflows');
    tcp_listendrop(net, sk, k);
    if (k.trace) decide(k, { fn: 'tcp_conn_request', code: 'syn_accept_queue_full', sock: sk.id, peer, args: { acc: sk.sk_ack_backlog, backlog: sk.sk_max_ack_backlog, cookie: want_cookie ? 1 : 0 } });
    return;
  }
  const ts = seg.ts;
  if (want_cookie) {
    const cookie = cookie_v4_init_sequence(net, sk, seg, k);
    tcp_v4_send_synack(net, k, seg, cookie, 'synack_cookie');
    if (k.trace) decide(k, { fn: 'tcp_conn_request', code: syncookies === 2 ? 'syn_cookie_sent' : 'syn_queue_full_cookie', sock: sk.id, peer, args: { qlen: sk.qlen, backlog: sk.sk_max_ack_backlog } });
    return;
  }
  const msb = net.sysctl['net.ipv4.tcp_max_syn_backlog'];
  if (syncookies === 0 && msb - sk.qlen < msb >> 2 && !tcp_peer_is_proven(net, seg.saddr)) {
    // net_dbg_ratelimited("drop open request from %pI4/%u\n")
    tcp_listendrop(net, sk, k);
    if (k.trace) decide(k, { fn: 'tcp_conn_request', code: 'syn_last_quarter_drop', sock: sk.id, peer, args: { qlen: sk.qlen, max_syn_backlog: msb } });
    return;
  }
  const req: RequestSock = {
    id: net.next_id++, listener: sk.id, loc_addr: seg.daddr, loc_port: seg.dport, rmt_addr: seg.saddr, rmt_port: seg.sport,
    rcv_isn: seg.seq, snt_isn: k.random_u32(), num_timeout: 0, num_retrans: 0, acked: false,
    last_oow_ack_time: jiffies(0), timeout: TCP_TIMEOUT_INIT(k.profile.HZ), timer_expires: jiffies(0), timer_fires: jiffies(0), tstamp_ok: ts,
  };
  inet_csk_reqsk_queue_hash_add(net, sk, req, k);
  tcp_v4_send_synack(net, k, seg, req.snt_isn, 'synack', req);
  if (k.trace) decide(k, { fn: 'tcp_conn_request', code: 'syn_request_created', sock: sk.id, req: req.id, peer, args: { qlen: sk.qlen, backlog: sk.sk_max_ack_backlog } });
}

/** tcp_rcv_state_process() for a LISTEN socket: 1 means "send a reset" (the caller does it). */
export function tcp_rcv_state_process_listen(net: Net, sk: ListenSock, seg: Segment, k: KCtx): 0 | 1 {
  if (seg.flags & TCPHDR_ACK) return 1;
  if (seg.flags & TCPHDR_RST) return 0;
  if (seg.flags & TCPHDR_SYN) {
    if (seg.flags & TCPHDR_FIN) return 0;
    tcp_conn_request(net, sk, seg, k);
    return 0;
  }
  return 0;
}
