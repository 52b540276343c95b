// net/ipv4/syncookies.c + the tcp_synq_overflow helpers of include/net/tcp.h: SYN cookies. A cookie SYN-ACK
// keeps no state; its ISN encodes a keyed hash of the 4-tuple, the client's ISN, a minute counter and the MSS
// index, and the ACK that echoes it back is checked against the same formula.
import type { Net } from './net_namespace.ts';
import { NET_INC } from './net_namespace.ts';
import type { KCtx } from './effects.ts';
import type { Jiffies, ListenSock, Segment } from './types.ts';

const COOKIEBITS = 24;
const COOKIEMASK = (1 << COOKIEBITS) - 1;
const MAX_SYNCOOKIE_AGE = 2;
/** msstab: the MSS values a cookie can encode */
const msstab = [536, 1300, 1440, 1460];
/** Linux clients on the lab's Ethernet-sized link advertise MSS 1460. */
export const CLIENT_MSS = 1460;

/** TCP_SYNCOOKIE_PERIOD (60 s) in jiffies. */
const syncookie_period = (HZ: number): number => 60 * HZ;

/** tcp_cookie_time(): the minute counter, jiffies_64 / TCP_SYNCOOKIE_PERIOD. */
export function tcp_cookie_time(k: KCtx): number {
  return Math.floor(k.now / syncookie_period(k.profile.HZ)) >>> 0;
}

/**
 * cookie_hash(): the kernel uses siphash_4u32 with a random secret. Any keyed 32-bit mix serves the model:
 * what matters is that only the namespace that made a cookie can verify it.
 */
function cookie_hash(net: Net, k: KCtx, saddr: number, daddr: number, sport: number, dport: number, count: number, c: 0 | 1): number {
  if (!net.syncookie_secret) net.syncookie_secret = [k.random_u32(), k.random_u32()]; // net_get_random_once
  let h = net.syncookie_secret[c];
  h = mix(h, saddr);
  h = mix(h, daddr);
  h = mix(h, (sport << 16) | dport);
  return mix(h, count) >>> 0;
}

function mix(h: number, w: number): number {
  h = Math.imul(h ^ w, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca77);
  return h ^ (h >>> 13);
}

/** secure_tcp_syn_cookie() */
function secure_tcp_syn_cookie(net: Net, k: KCtx, seg: Segment, sseq: number, data: number): number {
  const count = tcp_cookie_time(k);
  const h0 = cookie_hash(net, k, seg.saddr, seg.daddr, seg.sport, seg.dport, 0, 0);
  const h1 = cookie_hash(net, k, seg.saddr, seg.daddr, seg.sport, seg.dport, count, 1);
  return (h0 + sseq + ((count << COOKIEBITS) >>> 0) + ((h1 + data) & COOKIEMASK)) >>> 0;
}

/** check_tcp_syn_cookie(): the MSS index, or 0xffffffff when the cookie is older than MAX_SYNCOOKIE_AGE. */
function check_tcp_syn_cookie(net: Net, k: KCtx, cookie: number, seg: Segment, sseq: number): number {
  const count = tcp_cookie_time(k);
  const h0 = cookie_hash(net, k, seg.saddr, seg.daddr, seg.sport, seg.dport, 0, 0);
  const c = (cookie - h0 - sseq) >>> 0;
  const diff = (count - (c >>> COOKIEBITS)) & (0xffffffff >>> COOKIEBITS);
  if (diff >= MAX_SYNCOOKIE_AGE) return 0xffffffff;
  const h1 = cookie_hash(net, k, seg.saddr, seg.daddr, seg.sport, seg.dport, (count - diff) >>> 0, 1);
  return ((c - h1) & COOKIEMASK) >>> 0;
}

/** tcp_synq_overflow(): remember when cookies were last sent (at most once a second). */
export function tcp_synq_overflow(sk: ListenSock, k: KCtx): void {
  const last = sk.synq_overflow_ts;
  if (last === null || !(k.now >= last && k.now <= last + k.profile.HZ)) sk.synq_overflow_ts = k.now as Jiffies;
}

/** tcp_synq_no_recent_overflow(): no cookie sent in [last - HZ, last + TCP_SYNCOOKIE_VALID]. */
export function tcp_synq_no_recent_overflow(sk: ListenSock, k: KCtx): boolean {
  const last = sk.synq_overflow_ts;
  if (last === null) return true;
  const valid = MAX_SYNCOOKIE_AGE * syncookie_period(k.profile.HZ);
  return !(k.now >= last - k.profile.HZ && k.now <= last + valid);
}

/** cookie_v4_init_sequence() as called from tcp_conn_request: the cookie ISN, plus tcp_synq_overflow and the count. */
export function cookie_v4_init_sequence(net: Net, sk: ListenSock, seg: Segment, k: KCtx): number {
  let mssind = msstab.length - 1;
  while (mssind > 0 && CLIENT_MSS < msstab[mssind]) mssind--;
  tcp_synq_overflow(sk, k);
  NET_INC(net, k, 'SyncookiesSent');
  return secure_tcp_syn_cookie(net, k, seg, seg.seq, mssind);
}

/** __cookie_v4_check(): the MSS the cookie in this ACK encodes, or 0 if it is not a valid cookie. */
export function __cookie_v4_check(net: Net, k: KCtx, seg: Segment): number {
  const cookie = (seg.ack_seq - 1) >>> 0;
  const mssind = check_tcp_syn_cookie(net, k, cookie, seg, (seg.seq - 1) >>> 0);
  return mssind < msstab.length ? msstab[mssind] : 0;
}
