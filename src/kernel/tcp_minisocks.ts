// net/ipv4/tcp_minisocks.c: a segment for an existing request sock (tcp_check_req) and the child socket it may
// become (tcp_create_openreq_child, tcp_child_process). A full accept queue at this point (R7) either keeps the
// request and drops the ACK (tcp_abort_on_overflow = 0: the client believes it is connected) or resets it.
import type { Net } from './net_namespace.ts';
import { NET_ADD, NET_INC, decide } from './net_namespace.ts';
import type { KCtx } from './effects.ts';
import { TCPHDR_ACK, TCPHDR_FIN, TCPHDR_RST, TCPHDR_SYN, type ChildSock, type ListenSock, type ReqId, type RequestSock, type Segment } from './types.ts';
import { inet_csk_complete_hashdance, inet_csk_reqsk_queue_drop, req_mod_timer_pending } from './inet_connection_sock.ts';
import { tcp_rtx_synack } from './tcp_output.ts';
import { tcp_v4_reqsk_send_ack, tcp_v4_send_reset, tcp_v4_syn_recv_sock } from './tcp_ipv4.ts';

const before = (a: number, b: number): boolean => ((a - b) | 0) < 0;
const after = (a: number, b: number): boolean => before(b, a);

/** tcp_in_window() */
function tcp_in_window(seq: number, end_seq: number, s_win: number, e_win: number): boolean {
  if (seq === s_win) return true;
  if (after(end_seq, s_win) && before(seq, e_win)) return true;
  return seq === e_win && seq === end_seq;
}

/** TCP_SKB_CB(skb)->end_seq */
export function end_seq(seg: Segment): number {
  return (seg.seq + seg.len + (seg.flags & TCPHDR_SYN ? 1 : 0) + (seg.flags & TCPHDR_FIN ? 1 : 0)) >>> 0;
}

/** tcp_oow_rate_limited(): at most one out-of-window answer per tcp_invalid_ratelimit; true = suppressed. */
function tcp_oow_rate_limited(net: Net, seg: Segment, req: RequestSock, k: KCtx): boolean {
  if (seg.seq !== end_seq(seg) && !(seg.flags & TCPHDR_SYN)) return false; // data is never part of an ACK loop
  const limit = Math.floor((net.sysctl['net.ipv4.tcp_invalid_ratelimit'] * k.profile.HZ) / 1000);
  if (req.last_oow_ack_time !== 0) {
    const elapsed = k.now - req.last_oow_ack_time;
    if (elapsed >= 0 && elapsed < limit) {
      NET_INC(net, k, 'TCPACKSkippedSynRecv');
      return true;
    }
  }
  req.last_oow_ack_time = k.now;
  return false;
}

/** What a child is made from: a request sock, or (SYN cookie) the fields decoded from the ACK. */
export type ChildOrigin = Pick<RequestSock, 'loc_addr' | 'loc_port' | 'rmt_addr' | 'rmt_port' | 'snt_isn' | 'rcv_isn'> & { readonly id?: ReqId };

/** tcp_create_openreq_child(): the full socket, counted as a passive open. */
export function tcp_create_openreq_child(net: Net, sk: ListenSock, req: ChildOrigin, syncookie: boolean, k: KCtx): ChildSock {
  NET_INC(net, k, 'PassiveOpens');
  return {
    id: net.next_id++, listener: sk.id, loc_addr: req.loc_addr, loc_port: req.loc_port, rmt_addr: req.rmt_addr,
    rmt_port: req.rmt_port, sk_state: 'TCP_ESTABLISHED', in_accept_queue: false, syncookie, inode: 0,
    snt_isn: req.snt_isn, rcv_isn: req.rcv_isn, req: req.id ?? null,
  };
}

/** tcp_child_process(): the child handles the segment that created it (SYN_RECV → ESTABLISHED) and wakes the listener. */
export function tcp_child_process(net: Net, sk: ListenSock, child: ChildSock, seg: Segment, k: KCtx): void {
  if (seg.len === 0) NET_INC(net, k, 'TCPPureAcks'); // tcp_ack() slow path: an ACK without data
  NET_ADD(net, 'CurrEstab', 1); // tcp_set_state(TCP_ESTABLISHED)
  k.out.push({ kind: 'wake', sock: sk.id });
}

export type CheckReqResult = { kind: 'none' } | { kind: 'listener' } | { kind: 'child'; child: ChildSock };

/** tcp_check_req(): returns nothing (segment consumed), the listener (handle it there), or a new child. */
export function tcp_check_req(net: Net, sk: ListenSock, req: RequestSock, seg: Segment, k: KCtx): CheckReqResult {
  const peer = { addr: seg.saddr, port: seg.sport };
  let flg = seg.flags & (TCPHDR_RST | TCPHDR_SYN | TCPHDR_ACK);
  if (seg.seq === req.rcv_isn && flg === TCPHDR_SYN) {
    // R1: a retransmitted SYN — answer with the SYN-ACK again, unless one went out < tcp_invalid_ratelimit ago
    if (!tcp_oow_rate_limited(net, seg, req, k) && tcp_rtx_synack(net, req, k, 'synack_rtx_syn') === 0) {
      req_mod_timer_pending(net, req, k);
      if (k.trace) decide(k, { fn: 'tcp_check_req', code: 'req_dup_syn_synack', req: req.id, peer });
    } else {
      if (k.trace) decide(k, { fn: 'tcp_check_req', code: 'req_dup_syn_ratelimited', req: req.id, peer });
    }
    return { kind: 'none' };
  }
  if (flg & TCPHDR_ACK && seg.ack_seq !== ((req.snt_isn + 1) >>> 0)) {
    // R2: the listener handles it (a RST is answered with nothing, anything else with a RST)
    if (k.trace && !(seg.flags & TCPHDR_RST)) decide(k, { fn: 'tcp_check_req', code: 'req_bad_ack_rst', req: req.id, peer });
    return { kind: 'listener' };
  }
  const rcv_nxt = (req.rcv_isn + 1) >>> 0;
  if (!tcp_in_window(seg.seq, end_seq(seg), rcv_nxt, (rcv_nxt + 65535) >>> 0)) {
    if (!(flg & TCPHDR_RST) && !tcp_oow_rate_limited(net, seg, req, k)) tcp_v4_reqsk_send_ack(net, req, k); // R3
    if (k.trace) decide(k, { fn: 'tcp_check_req', code: 'req_out_of_window', req: req.id, peer });
    return { kind: 'none' };
  }
  if (seg.seq === req.rcv_isn) flg &= ~TCPHDR_SYN;
  if (flg & (TCPHDR_RST | TCPHDR_SYN)) {
    NET_INC(net, k, 'AttemptFails'); // R4
    embryonic_reset(net, sk, req, seg, k, 'req_rst_or_syn');
    return { kind: 'none' };
  }
  if (!(flg & TCPHDR_ACK)) {
    if (k.trace) decide(k, { fn: 'tcp_check_req', code: 'req_no_ack', req: req.id, peer }); // R5
    return { kind: 'none' };
  }
  if (req.num_timeout < sk.rskq_defer_accept && end_seq(seg) === rcv_nxt) {
    req.acked = true; // R6
    NET_INC(net, k, 'TCPDeferAcceptDrop');
    if (k.trace) decide(k, { fn: 'tcp_check_req', code: 'req_defer_accept_drop', req: req.id, peer });
    return { kind: 'none' };
  }
  const child = tcp_v4_syn_recv_sock(net, sk, req, false, k);
  if (!child) {
    // R7: listen_overflow
    if (net.sysctl['net.ipv4.tcp_abort_on_overflow'] === 0) {
      req.acked = true;
      if (k.trace) decide(k, { fn: 'tcp_check_req', code: 'req_overflow_acked', req: req.id, peer, args: { acc: sk.sk_ack_backlog, backlog: sk.sk_max_ack_backlog } });
      return { kind: 'none' };
    }
    embryonic_reset(net, sk, req, seg, k, 'req_overflow_abort');
    return { kind: 'none' };
  }
  inet_csk_complete_hashdance(net, sk, child, req, k); // R8
  if (k.trace) decide(k, { fn: 'tcp_check_req', code: 'req_child_created', req: req.id, sock: child.id, peer, args: { acc: sk.sk_ack_backlog, backlog: sk.sk_max_ack_backlog } });
  return { kind: 'child', child };
}

/** tcp_check_req()'s embryonic_reset: RST unless the segment was one, unlink the request, EmbryonicRsts. */
function embryonic_reset(net: Net, sk: ListenSock, req: RequestSock, seg: Segment, k: KCtx, code: 'req_rst_or_syn' | 'req_overflow_abort'): void {
  if (!(seg.flags & TCPHDR_RST)) tcp_v4_send_reset(net, seg, k);
  if (inet_csk_reqsk_queue_drop(net, sk, req, k)) NET_INC(net, k, 'EmbryonicRsts');
  if (k.trace) decide(k, { fn: 'tcp_check_req', code, req: req.id, peer: { addr: seg.saddr, port: seg.sport } });
}
