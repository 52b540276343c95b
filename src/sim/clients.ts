// The remote hosts of a scenario (scenario-format.md): "normal" clients behave like a Linux 6.18 client that sends
// no data (SYN retransmission per tcp_timer.c, an ACK for every SYN-ACK after ack_delay, silence after a RST or
// a give-up); "spoofed" clients send one SYN from an address that never answers. A client costs nothing until
// its start time: groups are launched lazily, one client at a time.
import { TCPHDR_ACK, TCPHDR_RST, TCPHDR_SYN, type Segment } from '../kernel/types.ts';
import { TCP_TIMEOUT_INIT_MS, tcp_syn_rto_after, tcp_write_timeout_syn } from '../kernel/tcp_timer.ts';
import { SERVER_ADDR, client_addr } from './scenario.ts';

export type NormalState = 'syn_sent' | 'established' | 'reset' | 'timed_out';

export interface NormalClient {
  readonly id: number;
  readonly isn: number;
  readonly start_ns: number;
  readonly ack_delay_ns: number;
  state: NormalState;
  /** SYN retransmissions sent (icsk_retransmits) */
  retrans: number;
  /** when the SYN retransmit timer fires next (ns), or null */
  rto_at: number | null;
  server_isn: number;
  syn_sent: number;
  synack_received: number;
  acks_sent: number;
  rst_received: boolean;
  first_synack_ns: number | null;
  accepted_at_ns: number | null;
}

/** What a client asks the simulator to do. */
export type ClientAction =
  | { readonly kind: 'send'; readonly seg: Segment }
  | { readonly kind: 'syn_timer'; readonly at_ns: number }
  | { readonly kind: 'ack_later'; readonly at_ns: number };

export interface ClientKnobs {
  readonly syn_retries: number;
  readonly linear_timeouts: number;
}

function seg_from(c: NormalClient, dport: number, flags: number, seq: number, ack_seq: number): Segment {
  const { addr, port } = client_addr(c.id);
  return { saddr: addr, sport: port, daddr: SERVER_ADDR, dport, flags, seq, ack_seq, len: 0, ts: true };
}

export function new_normal_client(id: number, isn: number, start_ns: number, ack_delay_ns: number): NormalClient {
  return {
    id, isn, start_ns, ack_delay_ns, state: 'syn_sent', retrans: 0, rto_at: null, server_isn: 0, syn_sent: 0,
    synack_received: 0, acks_sent: 0, rst_received: false, first_synack_ns: null, accepted_at_ns: null,
  };
}

function send_syn(c: NormalClient, dport: number, out: ClientAction[]): void {
  c.syn_sent++;
  out.push({ kind: 'send', seg: seg_from(c, dport, TCPHDR_SYN, c.isn, 0) });
}

/** connect(): the first SYN and the retransmit timer at +1 s (tcp_connect). */
export function client_connect(c: NormalClient, dport: number, now: number): ClientAction[] {
  const out: ClientAction[] = [];
  send_syn(c, dport, out);
  c.rto_at = now + TCP_TIMEOUT_INIT_MS * 1e6;
  out.push({ kind: 'syn_timer', at_ns: c.rto_at });
  return out;
}

/** tcp_retransmit_timer() in SYN_SENT: give up (ETIMEDOUT) or retransmit the SYN and back off. */
export function client_syn_timer(c: NormalClient, dport: number, now: number, knobs: ClientKnobs): ClientAction[] {
  if (c.state !== 'syn_sent' || c.rto_at !== now) return [];
  if (tcp_write_timeout_syn(c.retrans, (now - c.start_ns) / 1e6, knobs.syn_retries, knobs.linear_timeouts)) {
    c.state = 'timed_out';
    c.rto_at = null;
    return [];
  }
  const out: ClientAction[] = [];
  c.retrans++;
  send_syn(c, dport, out);
  c.rto_at = now + tcp_syn_rto_after(c.retrans, knobs.linear_timeouts) * 1e6;
  out.push({ kind: 'syn_timer', at_ns: c.rto_at });
  return out;
}

/** A segment from the server. */
export function client_receive(c: NormalClient, seg: Segment, now: number): ClientAction[] {
  if (seg.flags & TCPHDR_RST) {
    c.rst_received = true;
    if (c.state === 'syn_sent' || c.state === 'established') c.state = 'reset'; // ECONNREFUSED / ECONNRESET
    c.rto_at = null;
    return [];
  }
  if ((seg.flags & (TCPHDR_SYN | TCPHDR_ACK)) !== (TCPHDR_SYN | TCPHDR_ACK)) return [];
  c.synack_received++;
  if (c.first_synack_ns === null) c.first_synack_ns = now;
  if (c.state !== 'syn_sent' && c.state !== 'established') return [];
  if (seg.ack_seq !== ((c.isn + 1) >>> 0)) return [];
  c.server_isn = seg.seq;
  c.state = 'established'; // tcp_finish_connect(): connect() returns here, before the server has a child
  c.rto_at = null;
  // the ACK goes out at once (tcp_send_ack from tcp_rcv_synsent_state_process), or ack_delay later
  if (c.ack_delay_ns === 0) return client_send_ack(c, seg.sport);
  return [{ kind: 'ack_later', at_ns: now + c.ack_delay_ns }];
}

/** The (possibly delayed) ACK of a SYN-ACK; re-ACKs of retransmitted SYN-ACKs alike. */
export function client_send_ack(c: NormalClient, dport: number): ClientAction[] {
  if (c.state !== 'established') return [];
  c.acks_sent++;
  return [{ kind: 'send', seg: seg_from(c, dport, TCPHDR_ACK, (c.isn + 1) >>> 0, (c.server_isn + 1) >>> 0) }];
}

/** A spoofed client's single SYN. */
export function spoofed_syn(id: number, isn: number, dport: number): Segment {
  const { addr, port } = client_addr(id);
  return { saddr: addr, sport: port, daddr: SERVER_ADDR, dport, flags: TCPHDR_SYN, seq: isn, ack_seq: 0, len: 0, ts: true };
}

/** Flags as the result format spells them: S, A, R, F, P in that order. */
export function flag_str(flags: number): string {
  let s = '';
  if (flags & TCPHDR_SYN) s += 'S';
  if (flags & TCPHDR_ACK) s += 'A';
  if (flags & TCPHDR_RST) s += 'R';
  if (flags & 0x01) s += 'F';
  if (flags & 0x08) s += 'P';
  return s;
}
