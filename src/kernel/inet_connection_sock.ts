// net/ipv4/inet_connection_sock.c: the listener's two queues. inet_csk_listen_start(), the SYN-queue limit
// (inet_csk_reqsk_queue_is_full), adding a request (inet_csk_reqsk_queue_hash_add), the request timer
// (reqsk_timer_handler: SYN-ACK retransmission, the young-based pruning, silent expiry), moving a child to
// the accept queue (inet_csk_complete_hashdance, inet_csk_reqsk_queue_add) and accept() (inet_csk_accept).
import type { Net } from './net_namespace.ts';
import { BUG_ON, NET_INC, decide } from './net_namespace.ts';
import type { KCtx } from './effects.ts';
import { jiffies, type ChildSock, type Jiffies, type ListenSock, type RequestSock } from './types.ts';
import { mod_timer } from './timer.ts';
import { req_ehash_key, reqsk_queue_added, reqsk_queue_removed, reqsk_queue_unlink, reqsk_timeout } from './request_sock.ts';
import { tcp_rtx_synack } from './tcp_output.ts';
import { inet_csk_get_port } from './inet_connection_sock_port.ts';

/** TCP_RTO_MAX (120 s) in jiffies. */
export const TCP_RTO_MAX = (HZ: number): Jiffies => jiffies(120 * HZ);
/** TCP_TIMEOUT_INIT (1 s) in jiffies: tcp_timeout_init() without a BPF override. */
export const TCP_TIMEOUT_INIT = (HZ: number): Jiffies => jiffies(HZ);

/** inet_csk_listen_start(): 0, or the errno; the state goes back to CLOSE on failure. */
export function inet_csk_listen_start(net: Net, sk: ListenSock, k: KCtx): 0 | 'EADDRINUSE' {
  sk.accept_queue = [];
  sk.sk_ack_backlog = 0;
  sk.sk_state = 'TCP_LISTEN';
  const err = inet_csk_get_port(net, sk, sk.num, k);
  if (err) {
    sk.sk_state = 'TCP_CLOSE';
    return err;
  }
  return 0;
}

/** inet_csk_reqsk_queue_is_full(): the SYN-queue limit; `>` in 6.18, `>=` before (profile). */
export function inet_csk_reqsk_queue_is_full(sk: ListenSock, k: KCtx): boolean {
  return k.profile.reqsk_queue_full === 'gt' ? sk.qlen > sk.sk_max_ack_backlog : sk.qlen >= sk.sk_max_ack_backlog;
}

/** sk_acceptq_is_full() (include/net/sock.h): `>` in every release, so the queue holds N + 1 children. */
export function sk_acceptq_is_full(sk: ListenSock): boolean {
  return sk.sk_ack_backlog > sk.sk_max_ack_backlog;
}

/** Arms (or re-arms) a request's rsk_timer through the timer wheel. */
function req_mod_timer(req: RequestSock, expires: number, k: KCtx): void {
  req.timer_expires = jiffies(expires);
  req.timer_fires = mod_timer(req.timer_expires, k.timer_clk, k.profile.HZ);
  k.out.push({ kind: 'timer', req: req.id, fires: req.timer_fires });
}

/** mod_timer_pending(): push a pending timer back (a retransmitted SYN answered with a SYN-ACK). */
export function req_mod_timer_pending(net: Net, req: RequestSock, k: KCtx): void {
  if (net.reqs.has(req.id)) req_mod_timer(req, k.now + reqsk_timeout(req, TCP_RTO_MAX(k.profile.HZ)), k);
}

/** inet_csk_reqsk_queue_hash_add(): hash the request into ehash, start its timer, qlen++ and young++. */
export function inet_csk_reqsk_queue_hash_add(net: Net, sk: ListenSock, req: RequestSock, k: KCtx): void {
  net.reqs.set(req.id, req);
  net.ehash.set(req_ehash_key(net, req), { kind: 'req', id: req.id });
  req_mod_timer(req, k.now + req.timeout, k);
  reqsk_queue_added(sk);
}

/** inet_csk_reqsk_queue_drop(): unlink the request and account for it. True if it was still linked. */
export function inet_csk_reqsk_queue_drop(net: Net, sk: ListenSock, req: RequestSock, k: KCtx): boolean {
  const unlinked = reqsk_queue_unlink(net, req, k);
  if (unlinked) reqsk_queue_removed(sk, req);
  return unlinked;
}

/** The listener a request belongs to. */
export function req_listener(net: Net, req: RequestSock): ListenSock {
  const sk = net.socks.get(req.listener);
  BUG_ON(!sk, `request ${req.id} has no listener`);
  return sk!;
}

/**
 * reqsk_timer_handler(): a request's timer fired. Retries come from TCP_SYNCNT on the listener or
 * tcp_synack_retries, reduced (not below 2) while the queue is more than half full of old requests.
 */
export function reqsk_timer_handler(net: Net, req: RequestSock, k: KCtx): void {
  const sk = req_listener(net, req);
  if (sk.sk_state !== 'TCP_LISTEN') {
    inet_csk_reqsk_queue_drop(net, sk, req, k);
    if (k.trace) decide(k, { fn: 'reqsk_timer_handler', code: 'req_timer_expired', req: req.id, peer: { addr: req.rmt_addr, port: req.rmt_port }, args: { reason: 'listener closed' } });
    return;
  }
  const configured = sk.icsk_syn_retries || net.sysctl['net.ipv4.tcp_synack_retries'];
  let max_syn_ack_retries = configured;
  const qlen = sk.qlen;
  if (qlen * 2 > Math.max(8, sk.sk_max_ack_backlog)) {
    let young = sk.young * 2;
    while (max_syn_ack_retries > 2) {
      if (qlen < young) break;
      max_syn_ack_retries--;
      young *= 2;
    }
  }
  // syn_ack_recalc()
  const defer = sk.rskq_defer_accept;
  let expire: boolean;
  let resend: boolean;
  if (defer === 0) {
    expire = req.num_timeout >= max_syn_ack_retries;
    resend = true;
  } else {
    expire = req.num_timeout >= max_syn_ack_retries && (!req.acked || req.num_timeout >= defer);
    resend = !req.acked || req.num_timeout >= defer - 1;
  }
  NET_INC(net, k, 'TCPTimeouts'); // tcp_syn_ack_timeout()
  const pruned = max_syn_ack_retries < configured;
  const args = { retries: max_syn_ack_retries, configured, qlen, young: sk.young, num_timeout: req.num_timeout };
  if (!expire && (!resend || tcp_rtx_synack(net, req, k, 'synack_rtx_timer') === 0 || req.acked)) {
    if (req.num_timeout++ === 0) sk.young--;
    req_mod_timer(req, k.now + reqsk_timeout(req, TCP_RTO_MAX(k.profile.HZ)), k);
    if (k.trace) decide(k, { fn: 'reqsk_timer_handler', code: pruned ? 'req_timer_rtx_pruned' : 'req_timer_rtx', req: req.id, peer: { addr: req.rmt_addr, port: req.rmt_port }, args });
    return;
  }
  inet_csk_reqsk_queue_drop(net, sk, req, k);
  // the peer is named here: once dropped, the request can no longer be looked up
  if (k.trace) decide(k, { fn: 'reqsk_timer_handler', code: pruned ? 'req_timer_expired_pruned' : 'req_timer_expired', req: req.id, peer: { addr: req.rmt_addr, port: req.rmt_port }, args });
}

/** inet_csk_reqsk_queue_add(): append the child to the accept queue (acc++), unless the listener closed. */
export function inet_csk_reqsk_queue_add(sk: ListenSock, child: ChildSock): boolean {
  if (sk.sk_state !== 'TCP_LISTEN') return false;
  sk.accept_queue.push(child.id);
  child.in_accept_queue = true;
  sk.sk_ack_backlog++; // sk_acceptq_added()
  return true;
}

/** inet_csk_complete_hashdance(): the request is replaced by its child; the child joins the accept queue. */
export function inet_csk_complete_hashdance(net: Net, sk: ListenSock, child: ChildSock, req: RequestSock, k: KCtx): boolean {
  inet_csk_reqsk_queue_drop(net, sk, req, k);
  return inet_csk_reqsk_queue_add(sk, child);
}

export type AcceptResult = { ok: true; child: ChildSock } | { ok: false; errno: 'EAGAIN' | 'EINVAL' };

/** inet_csk_accept() for a non-blocking socket: the head of the accept queue (FIFO). */
export function inet_csk_accept(net: Net, sk: ListenSock, k: KCtx): AcceptResult {
  if (sk.sk_state !== 'TCP_LISTEN') {
    if (k.trace) decide(k, { fn: 'inet_csk_accept', code: 'accept_einval', sock: sk.id });
    return { ok: false, errno: 'EINVAL' };
  }
  const id = sk.accept_queue.shift();
  if (id === undefined) {
    if (k.trace) decide(k, { fn: 'inet_csk_accept', code: 'accept_eagain', sock: sk.id });
    return { ok: false, errno: 'EAGAIN' };
  }
  const child = net.children.get(id);
  BUG_ON(!child, `accept queue holds unknown child ${id}`);
  sk.sk_ack_backlog--; // sk_acceptq_removed()
  child!.in_accept_queue = false;
  child!.inode = net.next_inode++; // sock_graft(): the accepted socket gets a file and an inode
  if (k.trace) decide(k, { fn: 'inet_csk_accept', code: 'accept_ok', sock: child!.id, peer: { addr: child!.rmt_addr, port: child!.rmt_port } });
  return { ok: true, child: child! };
}
