// net/ipv4/tcp_output.c: building and (re)sending SYN-ACKs. Every SYN-ACK, first or retransmitted, counts
// Tcp OutSegs (tcp_make_synack); a retransmission also counts RetransSegs and TCPSynRetrans (tcp_rtx_synack).
import type { Net } from './net_namespace.ts';
import { NET_INC } from './net_namespace.ts';
import type { KCtx, XmitWhy } from './effects.ts';
import { TCPHDR_ACK, TCPHDR_SYN, type RequestSock, type Segment } from './types.ts';

/**
 * tcp_v4_send_synack() -> tcp_make_synack(): one SYN-ACK answering the SYN `syn` (its source is the peer), with
 * our ISN `snt_isn` (a request's, or a cookie).
 */
export function tcp_v4_send_synack(net: Net, k: KCtx, syn: Segment, snt_isn: number, why: XmitWhy, req?: RequestSock): void {
  NET_INC(net, k, 'OutSegs');
  k.out.push({
    kind: 'xmit',
    why,
    req: req?.id,
    seg: {
      saddr: syn.daddr, sport: syn.dport, daddr: syn.saddr, dport: syn.sport,
      flags: TCPHDR_SYN | TCPHDR_ACK, seq: snt_isn, ack_seq: (syn.seq + 1) >>> 0, len: 0, ts: syn.ts,
    },
  });
}

/** The SYN a request was made from, as far as a SYN-ACK needs it. */
export function req_syn(req: RequestSock): Segment {
  return { saddr: req.rmt_addr, sport: req.rmt_port, daddr: req.loc_addr, dport: req.loc_port, flags: TCPHDR_SYN, seq: req.rcv_isn, ack_seq: 0, len: 0, ts: req.tstamp_ok };
}

/** tcp_rtx_synack(): resend a request's SYN-ACK (same ISN). Returns 0 on success, as the kernel does. */
export function tcp_rtx_synack(net: Net, req: RequestSock, k: KCtx, why: 'synack_rtx_timer' | 'synack_rtx_syn'): number {
  tcp_v4_send_synack(net, k, req_syn(req), req.snt_isn, why, req);
  NET_INC(net, k, 'RetransSegs');
  NET_INC(net, k, 'TCPSynRetrans');
  req.num_retrans++;
  return 0;
}
