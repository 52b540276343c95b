// struct net: one network namespace with its own sysctls, SNMP counters and socket tables
// (net/core/net_namespace.c setup_net / preinit_net_sysctl). A new namespace starts from the kernel's
// defaults, never from the creating namespace's values (somaxconn 4096 in a container even if the host has 128).
import type { ChildSock, EhashEntry, ListenSock, RequestSock, ReqId, SockId } from './types.ts';
import { default_sysctls, type Sysctls } from './sysctl.ts';
import { new_mib, type Mib, type MibField } from './mib.ts';
import type { KernelProfile, ProfileId } from './profiles.ts';
import type { Decision, KCtx } from './effects.ts';

export interface Net {
  readonly name: string;
  readonly profile: ProfileId;
  sysctl: Sysctls;
  mib: Mib;
  /** listening (and not yet listening) server sockets */
  socks: Map<SockId, ListenSock>;
  /** request socks (TCP_NEW_SYN_RECV), by id */
  reqs: Map<ReqId, RequestSock>;
  /** full sockets created by the listener, by id */
  children: Map<SockId, ChildSock>;
  /** the established hash: 4-tuple key (ehash_key) -> request or child */
  ehash: Map<number, EhashEntry>;
  /** local endpoints (laddr·65536 + lport) seen by ehash_key, so a 4-tuple packs into one exact number */
  ehash_locals: number[];
  /** tcp_metrics: peers with a cached RTT (tcp_peer_is_proven). Filled by tcp_update_metrics() when a
   *  connection closes; the lab's connections never close, so it stays as the scenario sets it. */
  tcp_metrics: number[];
  /** syncookie_secret (net/ipv4/syncookies.c), from get_random_bytes at first use */
  syncookie_secret: [number, number] | null;
  next_id: number;
  next_inode: number;
  /** the listener the last lookup found (a lookup cache, not kernel state) */
  last_listener_hit: number;
}

export function setup_net(name: string, profile: KernelProfile): Net {
  return {
    name,
    profile: profile.id,
    sysctl: default_sysctls(profile),
    mib: new_mib(),
    socks: new Map(),
    reqs: new Map(),
    children: new Map(),
    ehash: new Map(),
    ehash_locals: [],
    tcp_metrics: [],
    syncookie_secret: null,
    next_id: 1,
    next_inode: 40000,
    last_listener_hit: 0,
  };
}

/** Local endpoints one namespace may have in its ehash (32 keeps keys below 2^53). */
const MAX_LOCALS = 32;

/**
 * The ehash key of a connection seen from the server: the remote addr:port (48 bits) and the index of the local
 * addr:port, packed into one exact integer — a string key per packet would dominate a 1 M SYN/s flood.
 */
export function ehash_key(net: Net, laddr: number, lport: number, raddr: number, rport: number): number {
  const local = laddr * 65536 + lport;
  let i = net.ehash_locals.indexOf(local);
  if (i < 0) {
    BUG_ON(net.ehash_locals.length >= MAX_LOCALS, 'more local endpoints than the ehash key can hold');
    i = net.ehash_locals.push(local) - 1;
  }
  return (raddr * 65536 + rport) * MAX_LOCALS + i;
}

/** NET_INC_STATS / TCP_INC_STATS: count, and remember it for the next decision of the narrated log. */
export function NET_INC(net: Net, k: KCtx, field: MibField, by = 1): void {
  net.mib[field] += by;
  if (k.trace) for (let i = 0; i < by; i++) k.mib_moved.push(field);
}

/** Gauge update (Tcp CurrEstab). */
export function NET_ADD(net: Net, field: MibField, delta: number): void {
  net.mib[field] += delta;
}

/** Records one kernel decision in the plan, with the counters moved since the previous one. */
export function decide(k: KCtx, d: Omit<Decision, 'kind' | 'mib'>): void {
  if (!k.trace) return;
  k.out.push({ kind: 'decision', mib: k.mib_moved, ...d });
  k.mib_moved = [];
}

/**
 * End of a kernel entry point: counters moved after its last decision (a child counting TCPPureAcks while it
 * processes the segment that made it) belong to that decision.
 */
export function finish_plan(k: KCtx): void {
  if (!k.trace || k.mib_moved.length === 0) return;
  for (let i = k.out.length - 1; i >= 0; i--) {
    const e = k.out[i];
    if (e.kind === 'decision') {
      e.mib.push(...k.mib_moved);
      k.mib_moved = [];
      return;
    }
  }
}

/** BUG_ON(): a broken invariant inside the model is a bug, never a silent fix-up. */
export function BUG_ON(cond: boolean, what: string): void {
  if (cond) throw new Error(`kernel model invariant broken: ${what}`);
}
