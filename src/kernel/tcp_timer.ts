// net/ipv4/tcp_timer.c, the connecting side: when a Linux 6.18 client retransmits its SYN and when it gives up
// (tcp_retransmit_timer, tcp_write_timeout, retransmits_timed_out, tcp_model_timeout). The lab's "normal"
// clients follow it; the server side never uses it.

/** TCP_RTO_MAX in ms (120 s) and TCP_TIMEOUT_INIT (1 s). */
export const TCP_RTO_MAX_MS = 120_000;
export const TCP_TIMEOUT_INIT_MS = 1_000;

/**
 * tcp_model_timeout(): how long `boundary` exponential-backoff retransmissions take from a base RTO,
 * the time budget tcp_write_timeout() gives a SYN_SENT socket.
 */
export function tcp_model_timeout(boundary: number, rto_base_ms: number): number {
  const linear_backoff_thresh = Math.floor(Math.log2(TCP_RTO_MAX_MS / rto_base_ms));
  if (boundary <= linear_backoff_thresh) return ((2 ** boundary) * 2 - 1) * rto_base_ms;
  return ((2 ** linear_backoff_thresh) * 2 - 1) * rto_base_ms + (boundary - linear_backoff_thresh) * TCP_RTO_MAX_MS;
}

/** The RTO after the n-th retransmission (n = total_rto, 1-based): 1 s while n ≤ linear_timeouts, then doubling. */
export function tcp_syn_rto_after(n: number, linear_timeouts: number): number {
  if (n <= linear_timeouts) return TCP_TIMEOUT_INIT_MS;
  return Math.min(TCP_TIMEOUT_INIT_MS * 2 ** (n - linear_timeouts), TCP_RTO_MAX_MS);
}

/**
 * tcp_write_timeout() for a SYN_SENT socket, evaluated when the retransmit timer fires: give up (ETIMEDOUT)
 * when R + L retransmissions were sent, or the time since the first SYN reached tcp_model_timeout(R).
 */
export function tcp_write_timeout_syn(retransmits: number, elapsed_ms: number, syn_retries: number, linear_timeouts: number): boolean {
  if (retransmits >= syn_retries + linear_timeouts) return true;
  return retransmits > 0 && elapsed_ms >= tcp_model_timeout(syn_retries, TCP_TIMEOUT_INIT_MS);
}
