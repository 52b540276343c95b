// The kernel's decisions as the log knows them: the decision codes and kernel functions of src/kernel/effects.ts
// (mirrored here because the page may not import the model; tests/ui/log-codes.test.ts checks that both lists
// are the same set), the branch each code stands for in the kernel's own terms, and where each function lives
// in the Linux 6.18 source.
import type { LogLine } from '../../worker/protocol.ts';

export const LOG_CODES = [
  // listen()
  'listen_capped', 'listen_started', 'listen_backlog_changed', 'listen_einval', 'listen_eaddrinuse', 'autobind_port',
  // a SYN to the listener
  'syn_broadcast_drop', 'syn_queue_full_cookie', 'syn_queue_full_drop', 'syn_accept_queue_full',
  'syn_last_quarter_drop', 'syn_cookie_sent', 'syn_request_created',
  // segments for a request sock
  'req_dup_syn_synack', 'req_dup_syn_ratelimited', 'req_bad_ack_rst', 'req_out_of_window', 'req_rst_or_syn',
  'req_no_ack', 'req_defer_accept_drop', 'req_overflow_acked', 'req_overflow_abort', 'req_child_created',
  // the listener itself
  'cookie_valid_child', 'cookie_valid_overflow', 'cookie_invalid_rst', 'cookie_no_recent_overflow_rst',
  'listener_ack_rst', 'listener_drop', 'child_segment',
  // the request timer
  'req_timer_rtx', 'req_timer_rtx_pruned', 'req_timer_expired', 'req_timer_expired_pruned',
  // accept()
  'accept_ok', 'accept_eagain', 'accept_einval',
] as const;
export type LogCode = (typeof LOG_CODES)[number];

/** The kernel functions a decision is attributed to, and the file each is defined in (Linux 6.18). */
export const FN_FILE = {
  __sys_listen: 'net/socket.c',
  inet_listen: 'net/ipv4/af_inet.c',
  inet_csk_listen_start: 'net/ipv4/inet_connection_sock.c',
  inet_csk_get_port: 'net/ipv4/inet_connection_sock.c',
  inet_csk_accept: 'net/ipv4/inet_connection_sock.c',
  tcp_v4_rcv: 'net/ipv4/tcp_ipv4.c',
  tcp_v4_conn_request: 'net/ipv4/tcp_ipv4.c',
  tcp_conn_request: 'net/ipv4/tcp_input.c',
  tcp_syn_flood_action: 'net/ipv4/tcp_input.c',
  tcp_check_req: 'net/ipv4/tcp_minisocks.c',
  tcp_v4_syn_recv_sock: 'net/ipv4/tcp_ipv4.c',
  cookie_v4_check: 'net/ipv4/syncookies.c',
  tcp_rcv_state_process: 'net/ipv4/tcp_input.c',
  tcp_v4_send_reset: 'net/ipv4/tcp_ipv4.c',
  reqsk_timer_handler: 'net/ipv4/inet_connection_sock.c',
  tcp_child_process: 'net/ipv4/tcp_minisocks.c',
} as const;
export type LogFn = keyof typeof FN_FILE;
export const LOG_FNS = Object.keys(FN_FILE) as LogFn[];

export function isLogCode(code: string): code is LogCode {
  return (LOG_CODES as readonly string[]).includes(code);
}

export function isLogFn(fn: string): fn is LogFn {
  return Object.hasOwn(FN_FILE, fn);
}

/**
 * Elixir's identifier page for the function in v6.18 (it lists the definition with its file and line). The
 * identifier form is used rather than file#line links: the kernel source this project can read is not the
 * exact v6.18 tag, and a guessed line number would point at the wrong code.
 */
export function elixirUrl(fn: string): string {
  return `https://elixir.bootlin.com/linux/v6.18/C/ident/${encodeURIComponent(fn)}`;
}

/** The branch each code stands for, in the kernel's own terms (conditions, labels and helpers of the C source). */
const BRANCH: Readonly<Record<LogCode, string>> = {
  listen_capped: '(unsigned int)backlog > somaxconn',
  listen_started: 'TCP_CLOSE → TCP_LISTEN',
  listen_backlog_changed: 'old_state == TCP_LISTEN',
  listen_einval: 'sk_state ∉ {TCP_CLOSE, TCP_LISTEN}',
  listen_eaddrinuse: 'get_port() → -EADDRINUSE',
  autobind_port: '!port → inet_csk_find_open_port()',
  syn_broadcast_drop: 'RTCF_BROADCAST | RTCF_MULTICAST',
  syn_queue_full_cookie: 'inet_csk_reqsk_queue_is_full()',
  syn_queue_full_drop: 'inet_csk_reqsk_queue_is_full(), !want_cookie',
  syn_accept_queue_full: 'sk_acceptq_is_full()',
  syn_last_quarter_drop: 'max_syn_backlog - qlen < max_syn_backlog >> 2',
  syn_cookie_sent: 'syncookies == 2',
  syn_request_created: 'inet_csk_reqsk_queue_hash_add()',
  req_dup_syn_synack: 'seq == rcv_isn, SYN → tcp_rtx_synack()',
  req_dup_syn_ratelimited: 'tcp_oow_rate_limited()',
  req_bad_ack_rst: 'ack_seq != snt_isn + 1',
  req_out_of_window: '!tcp_in_window()',
  req_rst_or_syn: 'RST or SYN → embryonic_reset',
  req_no_ack: '!(flg & TCP_FLAG_ACK)',
  req_defer_accept_drop: 'num_timeout < rskq_defer_accept',
  req_overflow_acked: 'listen_overflow, !tcp_abort_on_overflow',
  req_overflow_abort: 'listen_overflow → embryonic_reset',
  req_child_created: 'inet_csk_complete_hashdance()',
  cookie_valid_child: 'tcp_get_cookie_sock()',
  cookie_valid_overflow: 'tcp_get_cookie_sock() → NULL',
  cookie_invalid_rst: '!__cookie_v4_check()',
  cookie_no_recent_overflow_rst: 'tcp_synq_no_recent_overflow()',
  listener_ack_rst: 'th->ack in TCP_LISTEN → reset',
  listener_drop: 'TCP_LISTEN: discard',
  child_segment: 'full socket in ehash',
  req_timer_rtx: 'tcp_rtx_synack()',
  req_timer_rtx_pruned: 'qlen << 1 > max(8, backlog)',
  req_timer_expired: 'num_timeout >= max_syn_ack_retries',
  req_timer_expired_pruned: 'qlen << 1 > max(8, backlog), expire',
  accept_ok: 'reqsk_queue_remove()',
  accept_eagain: 'reqsk_queue_empty() → -EAGAIN',
  accept_einval: 'sk_state != TCP_LISTEN → -EINVAL',
};

/** The branch a line stands for; a few codes name a different branch depending on what the kernel saw. */
export function branchOf(line: Pick<LogLine, 'code' | 'args'>): string {
  if (!isLogCode(line.code)) return line.code;
  const a = line.args;
  if (line.code === 'listen_einval' && String(a.state ?? '').startsWith('SS_')) return 'sock->state != SS_UNCONNECTED';
  if (line.code === 'listener_ack_rst' && a.reason === 'no socket') return 'no_tcp_socket';
  if (line.code === 'req_timer_expired' && a.reason === 'listener closed') return 'sk_state != TCP_LISTEN → drop';
  return BRANCH[line.code];
}
