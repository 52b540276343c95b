// The kernel model's plain data: sockets, request socks, segments and a network namespace (struct net).
// Everything here is plain, structured-cloneable data (Maps included); no classes, no closures, no time source.
// Kernel functions mutate the Net they are handed (the simulator owns it) and return a plan of effects
// (see effects.ts): copying a 65 535-entry SYN queue per packet would make big floods unaffordable.

/** Kernel time: jiffies (CONFIG_HZ ticks). Absolute, like the kernel's `jiffies`. */
export type Jiffies = number & { readonly __unit: 'jiffies' };
export const jiffies = (n: number): Jiffies => n as Jiffies;

/** TCP header flag bits, as in include/net/tcp.h (TCPHDR_*). */
export const TCPHDR_FIN = 0x01;
export const TCPHDR_SYN = 0x02;
export const TCPHDR_RST = 0x04;
export const TCPHDR_PSH = 0x08;
export const TCPHDR_ACK = 0x10;

/** An IPv4 TCP segment on the wire. Addresses are host-order u32, sequence numbers u32. */
export interface Segment {
  readonly saddr: number;
  readonly sport: number;
  readonly daddr: number;
  readonly dport: number;
  readonly flags: number;
  readonly seq: number;
  readonly ack_seq: number;
  /** Payload bytes (0 for the handshake). */
  readonly len: number;
  /** The segment carries the TCP timestamp option (Linux clients send it). */
  readonly ts: boolean;
}

export type SockId = number;
export type ReqId = number;

/** struct socket state (include/uapi/linux/net.h). */
export type SocketState = 'SS_UNCONNECTED' | 'SS_CONNECTING' | 'SS_CONNECTED';
/** sk_state of the sockets we model (include/net/tcp_states.h). */
export type TcpState = 'TCP_CLOSE' | 'TCP_LISTEN' | 'TCP_ESTABLISHED' | 'TCP_SYN_SENT';

/** A server-side TCP socket: the listener (struct tcp_sock / inet_connection_sock fields we need). */
export interface ListenSock {
  readonly id: SockId;
  /** struct socket ->state */
  sock_state: SocketState;
  /** sk->sk_state */
  sk_state: TcpState;
  /** inet_rcv_saddr (0 = INADDR_ANY) */
  rcv_saddr: number;
  /** inet_num: local port, 0 until bound */
  num: number;
  /** sk_reuse: SO_REUSEADDR set */
  reuse: boolean;
  /** N: sk_max_ack_backlog */
  sk_max_ack_backlog: number;
  /** acc: sk_ack_backlog, children in the accept queue */
  sk_ack_backlog: number;
  /** icsk_accept_queue.qlen: live request socks */
  qlen: number;
  /** icsk_accept_queue.young: requests whose timer has not fired yet */
  young: number;
  /** icsk_accept_queue.rskq_accept_head..tail: child ids, FIFO */
  accept_queue: SockId[];
  /** icsk_accept_queue.synflood_warned */
  synflood_warned: boolean;
  /** rx_opt.ts_recent_stamp as used by tcp_synq_overflow(): last cookie overflow, null = never */
  synq_overflow_ts: Jiffies | null;
  /** icsk_syn_retries (TCP_SYNCNT on the listener), 0 = unset */
  icsk_syn_retries: number;
  /** icsk_accept_queue.rskq_defer_accept (TCP_DEFER_ACCEPT, in retransmissions) */
  rskq_defer_accept: number;
  /** sk->sk_drops (tcp_listendrop) */
  sk_drops: number;
  uid: number;
  inode: number;
}

/** A request sock in TCP_NEW_SYN_RECV (struct tcp_request_sock). */
export interface RequestSock {
  readonly id: ReqId;
  /** rsk_listener */
  readonly listener: SockId;
  readonly loc_addr: number;
  readonly loc_port: number;
  readonly rmt_addr: number;
  readonly rmt_port: number;
  /** the client's ISN */
  readonly rcv_isn: number;
  /** our ISN (snt_isn) */
  readonly snt_isn: number;
  num_timeout: number;
  num_retrans: number;
  acked: boolean;
  /** last_oow_ack_time, 0 = never (tcp_oow_rate_limited) */
  last_oow_ack_time: Jiffies;
  /** req->timeout: the initial RTO (tcp_timeout_init) */
  readonly timeout: Jiffies;
  /** rsk_timer.expires as passed to mod_timer */
  timer_expires: Jiffies;
  /** when the timer wheel will run it (bucket expiry, see timer.ts) */
  timer_fires: Jiffies;
  /** the peer sent the timestamp option */
  readonly tstamp_ok: boolean;
}

/** A full socket created from a request (tcp_create_openreq_child) or a valid cookie. */
export interface ChildSock {
  readonly id: SockId;
  readonly listener: SockId;
  readonly loc_addr: number;
  readonly loc_port: number;
  readonly rmt_addr: number;
  readonly rmt_port: number;
  sk_state: 'TCP_ESTABLISHED' | 'TCP_CLOSE';
  /** still in the listener's accept queue (not yet returned by accept()) */
  in_accept_queue: boolean;
  /** made from a SYN cookie */
  readonly syncookie: boolean;
  /** the request sock it was made from (the accept queue links request socks whose ->sk is the child,
   *  inet_csk_reqsk_queue_add); null for a SYN-cookie child, whose request sock is built on the fly */
  readonly req: ReqId | null;
  inode: number;
  readonly snt_isn: number;
  readonly rcv_isn: number;
}

/** What an ehash lookup finds for a 4-tuple. */
export type EhashEntry = { readonly kind: 'req'; readonly id: ReqId } | { readonly kind: 'child'; readonly id: SockId };
