// net/socket.c: the system calls the server application makes — socket(), bind(), listen(), accept().
// __sys_listen() caps the backlog at net.core.somaxconn with an *unsigned* comparison, so a negative backlog
// becomes somaxconn and 0 stays 0.
import type { Net } from './net_namespace.ts';
import { decide } from './net_namespace.ts';
import type { KCtx } from './effects.ts';
import type { ListenSock, SockId } from './types.ts';
import { inet_bind, inet_listen } from './af_inet.ts';
import { inet_csk_accept, type AcceptResult } from './inet_connection_sock.ts';

export type Errno = 'EINVAL' | 'EADDRINUSE' | 'EBADF' | 'EAGAIN' | 'EOPNOTSUPP';
export type SyscallResult = { ok: true } | { ok: false; errno: Errno };

/** socket(AF_INET, SOCK_STREAM, 0) */
export function __sys_socket(net: Net): SockId {
  const id = net.next_id++;
  const sk: ListenSock = {
    id, sock_state: 'SS_UNCONNECTED', sk_state: 'TCP_CLOSE', rcv_saddr: 0, num: 0, reuse: false,
    sk_max_ack_backlog: 0, sk_ack_backlog: 0, qlen: 0, young: 0, accept_queue: [], synflood_warned: false,
    synq_overflow_ts: null, icsk_syn_retries: 0, rskq_defer_accept: 0, sk_drops: 0, uid: 0, inode: net.next_inode++,
  };
  net.socks.set(id, sk);
  return id;
}

function sockfd_lookup(net: Net, fd: SockId): ListenSock | null {
  return net.socks.get(fd) ?? null;
}

/** bind(fd, addr:port) */
export function __sys_bind(net: Net, fd: SockId, addr: number, port: number, k: KCtx): SyscallResult {
  const sk = sockfd_lookup(net, fd);
  if (!sk) return { ok: false, errno: 'EBADF' };
  return inet_bind(net, sk, addr, port, k);
}

/** __sys_listen(): cap the backlog at somaxconn, then inet_listen(). */
export function __sys_listen(net: Net, fd: SockId, backlog: number, k: KCtx): SyscallResult {
  const sk = sockfd_lookup(net, fd);
  if (!sk) return { ok: false, errno: 'EBADF' };
  const somaxconn = net.sysctl['net.core.somaxconn'];
  const requested = backlog;
  // (unsigned int)backlog > somaxconn: a negative int is a huge unsigned value
  if (backlog >>> 0 > somaxconn) backlog = somaxconn;
  if (backlog !== requested) decide(k, { fn: '__sys_listen', code: 'listen_capped', sock: fd, args: { requested, somaxconn, backlog } });
  return inet_listen(net, sk, backlog, k);
}

/** accept4(fd, …, SOCK_NONBLOCK) */
export function __sys_accept4(net: Net, fd: SockId, k: KCtx): AcceptResult | { ok: false; errno: 'EBADF' } {
  const sk = sockfd_lookup(net, fd);
  if (!sk) return { ok: false, errno: 'EBADF' };
  return inet_csk_accept(net, sk, k);
}
