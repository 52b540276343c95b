// A bench for the kernel rules of kernel-notes.md §0: one network namespace (setup_net), a kernel context per call
// (KCtx, with a seeded random stream and the trace on), a listener made through the system calls of socket.ts, and
// segments fed to tcp_v4_rcv() from hand-made clients. Time is in jiffies and only moves when a test moves it.
import { setup_net, type Net } from '../../src/kernel/net_namespace.ts';
import { PROFILES, type KernelProfile, type ProfileId } from '../../src/kernel/profiles.ts';
import type { Decision, DecisionCode, Effect, KCtx, XmitWhy } from '../../src/kernel/effects.ts';
import { MIB_FIELDS, type MibField } from '../../src/kernel/mib.ts';
import type { Sysctls } from '../../src/kernel/sysctl.ts';
import {
  jiffies, TCPHDR_ACK, TCPHDR_SYN, type Jiffies, type ListenSock, type RequestSock, type Segment, type SockId,
} from '../../src/kernel/types.ts';
import { __sys_accept4, __sys_bind, __sys_listen, __sys_socket, type SyscallResult } from '../../src/kernel/socket.ts';
import { tcp_v4_rcv } from '../../src/kernel/tcp_ipv4.ts';
import { reqsk_timer_handler } from '../../src/kernel/inet_connection_sock.ts';
import { rng_stream } from '../../src/sim/rng.ts';

export const HZ = 250;
export const SERVER = 0xc0000201; // 192.0.2.1
export const PORT = 8080;
/** a jiffies value well past boot, not aligned to anything */
export const T0 = 3_600 * HZ + 1_234;

/** Client i of the bench: 198.51.100.(10 + i), port 40000 + i. */
export function peer(i: number): { addr: number; port: number } {
  return { addr: 0xc6336400 + 10 + i, port: 40000 + i };
}

export type Deltas = Partial<Record<MibField, number>>;

export interface LabOptions {
  profile?: ProfileId;
  seed?: number;
  sysctl?: Partial<Sysctls>;
}

export class Lab {
  readonly profile: KernelProfile;
  readonly net: Net;
  now: Jiffies = jiffies(T0);
  /** the plan of the last kernel call */
  out: Effect[] = [];
  /** every decision so far */
  readonly decisions: Decision[] = [];
  private readonly rng;

  constructor(opts: LabOptions = {}) {
    this.profile = PROFILES[opts.profile ?? 'linux-6.18'];
    this.net = setup_net('lab', this.profile);
    Object.assign(this.net.sysctl, opts.sysctl ?? {});
    this.rng = rng_stream(opts.seed ?? 7, 'lab');
  }

  ctx(in_timer = false): KCtx {
    return {
      now: this.now,
      timer_clk: in_timer ? jiffies(this.now + 1) : this.now,
      profile: this.profile,
      random_u32: () => this.rng.u32(),
      out: [],
      mib_moved: [],
      trace: true,
    };
  }

  /** Runs one kernel entry point now; its plan is kept in `out`. */
  call<R>(fn: (k: KCtx) => R, in_timer = false): R {
    const k = this.ctx(in_timer);
    const r = fn(k);
    this.out = k.out;
    for (const e of k.out) if (e.kind === 'decision') this.decisions.push(e);
    return r;
  }

  advance_ms(ms: number): void {
    this.now = jiffies(this.now + Math.round((ms * HZ) / 1000));
  }

  socket(): SockId {
    return __sys_socket(this.net);
  }

  bind(fd: SockId, port = PORT, addr = SERVER): SyscallResult {
    return this.call((k) => __sys_bind(this.net, fd, addr, port, k));
  }

  listen(fd: SockId, backlog: number): SyscallResult {
    return this.call((k) => __sys_listen(this.net, fd, backlog, k));
  }

  /** socket(), bind(SERVER:PORT), listen(backlog): the listener. */
  listener(backlog: number, port = PORT): ListenSock {
    const fd = this.socket();
    const b = this.bind(fd, port);
    if (!b.ok) throw new Error(`bind: ${b.errno}`);
    const r = this.listen(fd, backlog);
    if (!r.ok) throw new Error(`listen: ${r.errno}`);
    return this.sk(fd);
  }

  sk(fd: SockId): ListenSock {
    const sk = this.net.socks.get(fd);
    if (!sk) throw new Error(`no socket ${fd}`);
    return sk;
  }

  accept(fd: SockId) {
    return this.call((k) => __sys_accept4(this.net, fd, k));
  }

  rcv(seg: Segment): Effect[] {
    this.call((k) => tcp_v4_rcv(this.net, seg, k));
    return this.out;
  }

  /** A segment from client i to the listener's port. */
  seg(i: number, flags: number, seq: number, ack_seq = 0, len = 0, dport = PORT): Segment {
    const p = peer(i);
    return { saddr: p.addr, sport: p.port, daddr: SERVER, dport, flags, seq: seq >>> 0, ack_seq: ack_seq >>> 0, len, ts: true };
  }

  /** Client i's SYN (ISN 1000·(i+1) unless given). */
  syn(i: number, isn = isn_of(i), dport = PORT): Effect[] {
    return this.rcv(this.seg(i, TCPHDR_SYN, isn, 0, 0, dport));
  }

  /** Client i's handshake ACK for a SYN-ACK whose sequence number was `server_isn`. */
  ack(i: number, server_isn: number, isn = isn_of(i)): Effect[] {
    return this.rcv(this.seg(i, TCPHDR_ACK, isn + 1, server_isn + 1));
  }

  /** The request sock of client i, if any. */
  req(i: number): RequestSock | undefined {
    const p = peer(i);
    for (const r of this.net.reqs.values()) if (r.rmt_addr === p.addr && r.rmt_port === p.port) return r;
    return undefined;
  }

  /** Client i connects: SYN, then ACK of the SYN-ACK (request or cookie). Returns the server ISN. */
  connect(i: number): number {
    const synack = xmits(this.syn(i)).find((x) => x.seg.flags === (TCPHDR_SYN | TCPHDR_ACK));
    if (!synack) throw new Error(`client ${i}: no SYN-ACK`);
    this.ack(i, synack.seg.seq);
    return synack.seg.seq;
  }

  /** Runs a request's rsk_timer at the jiffy the timer wheel runs it (base->clk = jiffies + 1). */
  fire(req: RequestSock): void {
    this.now = req.timer_fires;
    this.call((k) => reqsk_timer_handler(this.net, req, k), true);
  }

  mib(): Record<MibField, number> {
    return { ...this.net.mib };
  }

  /** The counters that moved while `fn` ran, by how much (CurrEstab, a gauge, included). */
  delta(fn: () => void): Deltas {
    const before = this.mib();
    fn();
    const out: Deltas = {};
    for (const f of MIB_FIELDS) if (this.net.mib[f] !== before[f]) out[f] = this.net.mib[f] - before[f];
    return out;
  }

  /** The codes of the decisions the last call took. */
  codes(): DecisionCode[] {
    return this.out.flatMap((e) => (e.kind === 'decision' ? [e.code] : []));
  }
}

export function isn_of(i: number): number {
  return 1000 * (i + 1);
}

export type Xmit = Extract<Effect, { kind: 'xmit' }>;

export function xmits(out: Effect[], why?: XmitWhy): Xmit[] {
  return out.filter((e): e is Xmit => e.kind === 'xmit' && (why === undefined || e.why === why));
}

export const SYNACK = TCPHDR_SYN | TCPHDR_ACK;
