// net/ipv4/af_inet.c: inet_bind() and inet_listen()/__inet_listen_sk(). listen() on a socket that already
// listens only rewrites sk_max_ack_backlog, which both queue limits read at run time, so it applies at once.
import type { Net } from './net_namespace.ts';
import { decide } from './net_namespace.ts';
import type { KCtx } from './effects.ts';
import type { ListenSock } from './types.ts';
import { inet_csk_listen_start } from './inet_connection_sock.ts';
import { inet_csk_get_port } from './inet_connection_sock_port.ts';
import type { SyscallResult } from './socket.ts';

/** inet_bind() → __inet_bind(): set the local address and reserve the port. */
export function inet_bind(net: Net, sk: ListenSock, addr: number, port: number, k: KCtx): SyscallResult {
  if (sk.sk_state !== 'TCP_CLOSE' || sk.num !== 0) return { ok: false, errno: 'EINVAL' };
  sk.rcv_saddr = addr;
  const err = inet_csk_get_port(net, sk, port, k);
  if (err) {
    sk.rcv_saddr = 0;
    return { ok: false, errno: err };
  }
  return { ok: true };
}

/** inet_listen() → __inet_listen_sk() */
export function inet_listen(net: Net, sk: ListenSock, backlog: number, k: KCtx): SyscallResult {
  if (sk.sock_state !== 'SS_UNCONNECTED') {
    if (k.trace) decide(k, { fn: 'inet_listen', code: 'listen_einval', sock: sk.id, args: { state: sk.sock_state } });
    return { ok: false, errno: 'EINVAL' };
  }
  if (sk.sk_state !== 'TCP_CLOSE' && sk.sk_state !== 'TCP_LISTEN') {
    if (k.trace) decide(k, { fn: 'inet_listen', code: 'listen_einval', sock: sk.id, args: { state: sk.sk_state } });
    return { ok: false, errno: 'EINVAL' };
  }
  const old = sk.sk_max_ack_backlog;
  sk.sk_max_ack_backlog = backlog; // written even if the start below fails
  if (sk.sk_state === 'TCP_LISTEN') {
    if (k.trace) decide(k, { fn: 'inet_listen', code: 'listen_backlog_changed', sock: sk.id, args: { old, backlog } });
    return { ok: true };
  }
  const autobind = sk.num === 0;
  const err = inet_csk_listen_start(net, sk, k);
  if (err) {
    if (k.trace) decide(k, { fn: 'inet_csk_listen_start', code: 'listen_eaddrinuse', sock: sk.id, args: { port: sk.num } });
    return { ok: false, errno: err };
  }
  if (autobind) decide(k, { fn: 'inet_csk_get_port', code: 'autobind_port', sock: sk.id, args: { port: sk.num } });
  if (k.trace) decide(k, { fn: 'inet_csk_listen_start', code: 'listen_started', sock: sk.id, args: { backlog, port: sk.num } });
  return { ok: true };
}
