// net/ipv4/inet_connection_sock.c, the port half: inet_csk_get_port(), inet_csk_find_open_port() and the bind
// conflict test. listen() without bind() autobinds here, preferring ports of the opposite parity to the low end
// of ip_local_port_range (odd ports with the default 32768–60999), leaving the other parity to connect().
import type { Net } from './net_namespace.ts';
import type { KCtx } from './effects.ts';
import type { ListenSock } from './types.ts';

/** get_random_u32_below(): uniform in [0, ceil) by multiply-shift, as the kernel does. */
function get_random_u32_below(k: KCtx, ceil: number): number {
  return Math.floor((k.random_u32() * ceil) / 2 ** 32);
}

/** Sockets of this namespace bound to `port` (the bind bucket's owners). */
function bind_bucket_owners(net: Net, port: number, except: ListenSock): ListenSock[] {
  return [...net.socks.values()].filter((s) => s !== except && s.num === port);
}

/** inet_bind_conflict() for IPv4 without SO_REUSEPORT or bound devices. */
function inet_bind_conflict(sk: ListenSock, sk2: ListenSock, relax: boolean): boolean {
  const addr_overlap = sk.rcv_saddr === 0 || sk2.rcv_saddr === 0 || sk.rcv_saddr === sk2.rcv_saddr;
  if (!addr_overlap) return false;
  if (sk.reuse && sk2.reuse && sk2.sk_state !== 'TCP_LISTEN') return !relax;
  return true;
}

/** inet_csk_bind_conflict() */
function inet_csk_bind_conflict(net: Net, sk: ListenSock, port: number, relax: boolean): boolean {
  return bind_bucket_owners(net, port, sk).some((sk2) => inet_bind_conflict(sk, sk2, relax));
}

/** inet_csk_find_open_port(): the autobind scan. Returns the port, or 0 when the range is exhausted. */
function inet_csk_find_open_port(net: Net, sk: ListenSock, k: KCtx): number {
  let attempt_half = sk.reuse ? 1 : 0;
  for (;;) {
    let [low, high] = net.sysctl['net.ipv4.ip_local_port_range'];
    high++; // exclusive bound
    if (high - low < 4) attempt_half = 0;
    if (attempt_half) {
      const half = low + (((high - low) >> 2) << 1);
      if (attempt_half === 1) high = half;
      else low = half;
    }
    let remaining = high - low;
    if (remaining > 1) remaining &= ~1;
    let offset = get_random_u32_below(k, remaining) | 1;
    // two passes: first the preferred parity, then (offset--) the other one
    for (;;) {
      let port = low + offset;
      for (let i = 0; i < remaining; i += 2, port += 2) {
        if (port >= high) port -= remaining;
        const owners = bind_bucket_owners(net, port, sk);
        if (owners.length === 0 || !inet_csk_bind_conflict(net, sk, port, false)) return port;
      }
      offset--;
      if (offset & 1) break; // back at odd: both parities were scanned
    }
    if (attempt_half === 1) {
      attempt_half = 2;
      continue;
    }
    return 0;
  }
}

/** inet_csk_get_port(): 0 on success (sk.num set), else the errno. */
export function inet_csk_get_port(net: Net, sk: ListenSock, snum: number, k: KCtx): 0 | 'EADDRINUSE' {
  if (snum === 0) {
    const port = inet_csk_find_open_port(net, sk, k);
    if (port === 0) return 'EADDRINUSE';
    sk.num = port;
    return 0;
  }
  if (inet_csk_bind_conflict(net, sk, snum, true)) return 'EADDRINUSE';
  sk.num = snum;
  return 0;
}
