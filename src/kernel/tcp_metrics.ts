// net/ipv4/tcp_metrics.c: tcp_peer_is_proven() — does the namespace's metrics cache hold an RTT for this peer?
// Used only by the tcp_max_syn_backlog "last quarter" rule when SYN cookies are off.
import type { Net } from './net_namespace.ts';

export function tcp_peer_is_proven(net: Net, rmt_addr: number): boolean {
  return net.tcp_metrics.includes(rmt_addr);
}
