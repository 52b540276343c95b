// net/ipv4/tcp_output.c: building and (re)sending SYN-ACKs. Every SYN-ACK, first or retransmitted, counts
// Tcp OutSegs (tcp_make_synack); a retransmission also counts RetransSegs and TCPSynRetrans (tcp_rtx_synack).
import type { Net } from './net_namespace.ts';
import { NET_INC } from './net_namespace.ts';
import type { KCtx, XmitWhy } from './effects.ts';
import { TCPHDR_ACK, TCPHDR_SYN, type RequestSock } from './types.ts';

/** tcp_v4_send_synack() -> tcp_make_synack(): one SYN-ACK for a request (or a cookie, with `isn` the cookie). */
export function tcp_v4_send_synack(
  net: Net,
  k: KCtx,
  to: { loc_addr: number; loc_port: number; rmt_addr: number; rmt_port: number; rcv_isn: number; ts: boolean },
  snt_isn: number,
  why: XmitWhy,
  req?: RequestSock,
): void {
  NET_INC(net, k, 'OutSegs');
  k.out.push({
    kind: 'xmit',
    why,
    req: req?.id,
    seg: {
      saddr: to.loc_addr, sport: to.loc_port, daddr: to.rmt_addr, dport: to.rmt_port,
      flags: TCPHDR_SYN | TCPHDR_ACK, seq: snt_isn, ack_seq: (to.rcv_isn + 1) >>> 0, len: 0, ts: to.ts,
    },
  });
}

/** tcp_rtx_synack(): resend a request's SYN-ACK (same ISN). Returns 0 on success, as the kernel does. */
export function tcp_rtx_synack(net: Net, req: RequestSock, k: KCtx, why: 'synack_rtx_timer' | 'synack_rtx_syn'): number {
  tcp_v4_send_synack(net, k, { ...req, ts: req.tstamp_ok }, req.snt_isn, why, req);
  NET_INC(net, k, 'RetransSegs');
  NET_INC(net, k, 'TCPSynRetrans');
  req.num_retrans++;
  return 0;
}
