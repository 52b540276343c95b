// The plan a kernel function returns: what must happen outside the model (a segment leaves, a timer is armed,
// the kernel log prints a line) and, for the narrated log, which decision the kernel took and which counters
// it moved. The simulator carries the plan out; kernel code never schedules or reads time itself.
import type { Jiffies, ReqId, Segment, SockId } from './types.ts';
import type { MibField } from './mib.ts';
import type { KernelProfile } from './profiles.ts';

/** Why a segment leaves the server (for the packet ladder and the log). */
export type XmitWhy = 'synack' | 'synack_cookie' | 'synack_rtx_timer' | 'synack_rtx_syn' | 'rst' | 'ack';

/** Kernel functions that take a decision the log names (one per branch family). */
export type KernelFn =
  | '__sys_listen' | 'inet_listen' | 'inet_csk_listen_start' | 'inet_csk_get_port' | 'inet_csk_accept'
  | 'tcp_v4_rcv' | 'tcp_v4_conn_request' | 'tcp_conn_request' | 'tcp_syn_flood_action'
  | 'tcp_check_req' | 'tcp_v4_syn_recv_sock' | 'cookie_v4_check' | 'tcp_rcv_state_process' | 'tcp_v4_send_reset'
  | 'reqsk_timer_handler' | 'tcp_child_process';

/** One kernel decision, in data: the UI turns `code` into a sentence (en, zh-CN). */
export type DecisionCode =
  // listen()
  | 'listen_capped' | 'listen_started' | 'listen_backlog_changed' | 'listen_einval' | 'listen_eaddrinuse' | 'autobind_port'
  // SYN to the listener
  | 'syn_broadcast_drop' | 'syn_queue_full_cookie' | 'syn_queue_full_drop' | 'syn_accept_queue_full'
  | 'syn_last_quarter_drop' | 'syn_cookie_sent' | 'syn_request_created'
  // segments for a request
  | 'req_dup_syn_synack' | 'req_dup_syn_ratelimited' | 'req_bad_ack_rst' | 'req_out_of_window' | 'req_rst_or_syn'
  | 'req_no_ack' | 'req_defer_accept_drop' | 'req_overflow_acked' | 'req_overflow_abort' | 'req_child_created'
  // the listener itself
  | 'cookie_valid_child' | 'cookie_valid_overflow' | 'cookie_invalid_rst' | 'cookie_no_recent_overflow_rst'
  | 'listener_ack_rst' | 'listener_drop' | 'child_segment'
  // timers
  | 'req_timer_rtx' | 'req_timer_rtx_pruned' | 'req_timer_expired' | 'req_timer_expired_pruned'
  // accept()
  | 'accept_ok' | 'accept_eagain' | 'accept_einval';

export interface Decision {
  readonly kind: 'decision';
  readonly fn: KernelFn;
  readonly code: DecisionCode;
  /** counters this decision moved, in order (a field may repeat) */
  readonly mib: MibField[];
  readonly req?: ReqId;
  readonly sock?: SockId;
  readonly peer?: { readonly addr: number; readonly port: number };
  /** small numbers the sentence needs (qlen, backlog, retries …) */
  readonly args?: Readonly<Record<string, number | string>>;
}

export type Effect =
  | { readonly kind: 'xmit'; readonly seg: Segment; readonly why: XmitWhy; readonly req?: ReqId }
  /** (re)arm a request's rsk_timer; `fires` is when the timer wheel runs it */
  | { readonly kind: 'timer'; readonly req: ReqId; readonly fires: Jiffies }
  | { readonly kind: 'timer_del'; readonly req: ReqId }
  | { readonly kind: 'printk'; readonly text: string }
  /** sk_data_ready on the listener: a child is waiting in the accept queue */
  | { readonly kind: 'wake'; readonly sock: SockId }
  | Decision;

/** What every kernel entry point is handed: the time, the profile, an injected random source, the plan. */
export interface KCtx {
  /** jiffies now */
  readonly now: Jiffies;
  /** the timer base's clk: jiffies, or jiffies + 1 while timers run (kernel/time/timer.c __run_timers) */
  readonly timer_clk: Jiffies;
  readonly profile: KernelProfile;
  /** get_random_u32(): a seeded stream owned by the simulator */
  readonly random_u32: () => number;
  readonly out: Effect[];
  /** counters moved since the last decision */
  mib_moved: MibField[];
  /** record decisions (the narrated log); off for benchmarks and summary runs */
  readonly trace: boolean;
}
