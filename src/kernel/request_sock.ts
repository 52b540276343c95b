// include/net/request_sock.h + net/core/request_sock.c: the request-sock queue's bookkeeping (qlen, young)
// and the ehash linkage of a request (reqsk_queue_unlink). Kept apart so every path that adds or removes a
// request keeps qlen and young consistent in one place.
import type { Net } from './net_namespace.ts';
import { ehash_key } from './net_namespace.ts';
import type { Jiffies, ListenSock, RequestSock } from './types.ts';
import type { KCtx } from './effects.ts';

/** reqsk_queue_added(): a new request is young until its timer first fires. */
export function reqsk_queue_added(sk: ListenSock): void {
  sk.young++;
  sk.qlen++;
}

/** reqsk_queue_removed(). */
export function reqsk_queue_removed(sk: ListenSock, req: RequestSock): void {
  if (req.num_timeout === 0) sk.young--;
  sk.qlen--;
}

export function req_ehash_key(net: Net, req: RequestSock): number {
  return ehash_key(net, req.loc_addr, req.loc_port, req.rmt_addr, req.rmt_port);
}

/** reqsk_queue_unlink(): take the request out of ehash and cancel its timer. False if it was not linked. */
export function reqsk_queue_unlink(net: Net, req: RequestSock, k: KCtx): boolean {
  if (!net.reqs.has(req.id)) return false;
  net.reqs.delete(req.id);
  const key = req_ehash_key(net, req);
  const e = net.ehash.get(key);
  if (e && e.kind === 'req' && e.id === req.id) net.ehash.delete(key);
  k.out.push({ kind: 'timer_del', req: req.id });
  return true;
}

/** reqsk_timeout(): min(timeout << num_timeout, rto_max). */
export function reqsk_timeout(req: RequestSock, rto_max: Jiffies): number {
  return Math.min(req.timeout * 2 ** req.num_timeout, rto_max);
}
