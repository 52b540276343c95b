// The simulation: a scenario stepped event by event over the kernel model. Pure and deterministic — integer
// nanoseconds, a (time, sequence) event queue, seeded random streams — so the same scenario and seed give the
// same bytes. Pacing against wall-clock time is the worker's business, never this file's.
import { finish_plan, type Net } from '../kernel/net_namespace.ts';
import type { Effect, Decision, XmitWhy } from '../kernel/effects.ts';
import type { ListenSock, Segment, SockId } from '../kernel/types.ts';
import { TCPHDR_ACK, TCPHDR_SYN } from '../kernel/types.ts';
import { __sys_accept4, __sys_bind, __sys_listen, __sys_socket } from '../kernel/socket.ts';
import { tcp_v4_rcv } from '../kernel/tcp_ipv4.ts';
import { reqsk_timer_handler } from '../kernel/inet_connection_sock.ts';
import { EvClass, Scheduler } from './scheduler.ts';
import { rng_stream, type Rng } from './rng.ts';
import { ms_to_ns, time_of_jiffy, us_to_ns } from './time.ts';
import { kctx, new_kernel_host, type KernelHost } from './kernel_host.ts';
import { MAX_CLIENTS, SERVER_ADDR, client_id_of, type ClientGroup, type Scenario } from './scenario.ts';
import type { SimEvent, UserAction } from './events.ts';
import {
  client_connect, client_receive, client_send_ack, client_syn_timer, flag_str, new_normal_client, spoofed_syn,
  type ClientAction, type NormalClient,
} from './clients.ts';
import type { BacklogResult, PacketRecord, Sample } from './result.ts';
import { build_result } from './result_builder.ts';

export interface SimOptions {
  /** record kernel decisions for the narrated log */
  trace?: boolean;
  /** record every packet at the server (the result's `packets`) */
  recordPackets?: boolean;
  /** keep per-client records for spoofed clients too (2 bytes each) */
  recordClients?: boolean;
}

export interface LogEntry {
  readonly t_ns: number;
  /** the event that took it (1 = the first): seeking to { events } shows the state right after it */
  readonly event: number;
  readonly d: Decision;
  /** the lab client the decision concerns (from its peer, request or child), null if none */
  readonly client: number | null;
}

/** A packet between the server and a tapped client (the page's ladder). */
export interface TapPacket {
  readonly t_ns: number;
  readonly dir: 'in' | 'out';
  readonly client: number;
  readonly flags: number;
  /** why the server sent it (out only) */
  readonly why: XmitWhy | null;
  /** the segment itself (for a packet capture) */
  readonly seg: Segment;
  /** the listener dropped it (in only): the accept queue was full, the SYN queue was full, or another reason */
  dropped: 'accept_full' | 'syn_full' | 'other' | null;
}

/** Which clients' packets to keep in `tap_packets` (the page's ladder follows a few clients; null: every packet). */
export interface PacketTap {
  readonly clients: ReadonlySet<number> | null;
}

export class Simulation {
  readonly scenario: Scenario;
  readonly end_ns: number;
  now_ns = 0;
  events = 0;
  readonly host: KernelHost;
  readonly fd: SockId;
  /** the port clients connect to (the bound or autobound one) */
  readonly port: number | null;
  /** sk_max_ack_backlog after the first listen(), null if it failed */
  readonly initial_backlog: number | null;
  readonly relisten_results: { at_ms: number; effective_backlog: number | null }[] = [];
  readonly clients = new Map<number, NormalClient>();
  readonly samples: Sample[] = [];
  readonly packets: PacketRecord[] = [];
  readonly log: LogEntry[] = [];
  readonly dmesg: { t_ns: number; text: string }[] = [];
  readonly user_actions: { t_ns: number; action: UserAction }[] = [];
  /** the client groups: the scenario's, then those a 'traffic' change added while running */
  readonly groups: ClientGroup[];
  /** the backlog argument of the last listen() call */
  listen_backlog: number;
  /** the application's accept() loop: interval (ns) or null when it does not call accept(); `plan` numbers it */
  accept_interval_ns: number | null = null;
  private accept_plan = 0;
  /** the traffic a 'traffic' change asked for (0 until one does) */
  traffic = { normal_per_s: 0, flood_per_s: 0 };
  /** packets of the tapped clients (null: no tap), for the caller to drain */
  tap: PacketTap | null = null;
  readonly tap_packets: TapPacket[] = [];
  /** SYN-ACKs received per spoofed client, per group (only with recordClients) */
  readonly spoofed_synacks: (Uint16Array | null)[];
  readonly group_base: number[];
  private readonly sched = new Scheduler<SimEvent>();
  /** zero-delay deliveries at the current instant: they run before anything else (class Net), in order */
  private readonly netq: SimEvent[] = [];
  private netq_head = 0;
  /** per client group: when its next client starts (Infinity when none is left) and which one */
  private readonly cursors: { t: number; i: number }[];
  private readonly req_armed = new Map<number, number>();
  private readonly group_rngs: Rng[];
  private readonly delay_ns: number;
  private readonly opts: Required<SimOptions>;

  constructor(scenario: Scenario, opts: SimOptions = {}) {
    this.scenario = scenario;
    this.opts = { trace: false, recordPackets: true, recordClients: true, ...opts };
    this.end_ns = ms_to_ns(scenario.duration_ms);
    this.delay_ns = us_to_ns(scenario.link_delay_us);
    this.host = new_kernel_host(scenario, rng_stream(scenario.seed, 'kernel'), this.opts.trace);
    const net = this.server();
    for (const [name, value] of Object.entries(scenario.sysctl)) (net.sysctl as unknown as Record<string, unknown>)[name] = value;
    this.groups = [];
    this.group_base = [];
    this.group_rngs = [];
    this.spoofed_synacks = [];
    this.cursors = [];
    for (const g of scenario.clients) this.add_group(g);
    this.listen_backlog = scenario.server.backlog;
    // time 0: the listener is ready — socket(), bind() unless the port is null, listen()
    this.fd = __sys_socket(net);
    this.setup_listener();
    const sk = this.listener();
    const listening = sk?.sk_state === 'TCP_LISTEN';
    this.port = listening ? sk!.num : null;
    this.initial_backlog = listening ? sk!.sk_max_ack_backlog : null;
    this.schedule_initial();
  }

  /** The id the next added group starts at. */
  private next_client_id(): number {
    const last = this.groups.length - 1;
    return last < 0 ? 0 : this.group_base[last] + this.groups[last].count;
  }

  /** Adds a client group after the others (its ids follow theirs). */
  private add_group(g: ClientGroup): void {
    const gi = this.groups.length;
    const base = this.next_client_id();
    this.groups.push(g);
    this.group_base.push(base);
    this.group_rngs.push(rng_stream(this.scenario.seed, `group:${gi}`));
    this.spoofed_synacks.push(g.kind === 'spoofed' && this.opts.recordClients ? new Uint16Array(g.count) : null);
    // client starts are a timetable too, but kept out of the heap: a 1 M SYN/s flood would otherwise pay two
    // heap operations per client
    this.cursors.push({ t: this.client_start_ns(g, 0), i: 0 });
  }

  private setup_listener(): void {
    const net = this.server();
    const sc = this.scenario;
    if (sc.server.port !== null) this.kernel(0, false, (k) => __sys_bind(net, this.fd, SERVER_ADDR, sc.server.port!, k));
    else this.listener()!.rcv_saddr = SERVER_ADDR; // listen() without bind(): the address is set, the port is not
    this.kernel(0, false, (k) => __sys_listen(net, this.fd, sc.server.backlog, k));
  }

  private schedule_initial(): void {
    const sc = this.scenario;
    this.sched.at(0, { k: 'sample' }, EvClass.Sample, 0);
    sc.server.relisten.forEach((r, i) => this.at_if_in_run(ms_to_ns(r.at_ms), { k: 'relisten', i }, EvClass.Timetable, i));
    sc.sysctl_changes.forEach((c, i) => this.at_if_in_run(ms_to_ns(c.at_ms), { k: 'sysctl', i }, EvClass.Timetable, sc.server.relisten.length + i));
    const acc = sc.server.accept;
    if (acc.mode === 'every') {
      this.accept_interval_ns = ms_to_ns(acc.interval_ms);
      this.at_if_in_run(ms_to_ns(acc.start_ms), { k: 'accept', n: 0, plan: 0 }, EvClass.Accept, 0);
    }
  }

  private at_if_in_run(t: number, ev: SimEvent, cls: EvClass, order: number): void {
    if (t <= this.end_ns) this.sched.at(t, ev, cls, order);
  }

  server(): Net {
    return this.host.nets.get(this.host.server_net)!;
  }

  listener(): ListenSock | null {
    return this.server().socks.get(this.fd) ?? null;
  }

  /** When client i of group g starts (Infinity if it does not start within the run). */
  private client_start_ns(g: { count: number; start_ms: number; interval_ms: number }, i: number): number {
    if (i >= g.count) return Infinity;
    const t = ms_to_ns(g.start_ms + i * g.interval_ms);
    return t < this.end_ns ? t : Infinity;
  }

  /** Whether client i of group g has started (its start time came). */
  client_started(g: number, i: number): boolean {
    return i < this.cursors[g].i;
  }

  /** Clients of group g that have started so far. */
  started_in_group(g: number): number {
    return this.cursors[g].i;
  }

  /** Clients of group g that will start before the end (started or not). */
  in_run_in_group(g: number): number {
    const grp = this.groups[g];
    if (grp.count === 0) return 0;
    if (grp.interval_ms === 0) return this.client_start_ns(grp, 0) === Infinity ? 0 : grp.count;
    // client i starts at start + i × interval, and only if that is before the end
    let n = Math.min(grp.count, Math.max(0, Math.ceil((this.scenario.duration_ms - grp.start_ms) / grp.interval_ms)));
    while (n > 0 && this.client_start_ns(grp, n - 1) === Infinity) n--;
    while (n < grp.count && this.client_start_ns(grp, n) !== Infinity) n++;
    return n;
  }

  /** The group whose next client starts first (ties: the lower client id), or -1. */
  private next_cursor(): number {
    let best = -1;
    for (let g = 0; g < this.cursors.length; g++) {
      const c = this.cursors[g];
      if (c.t !== Infinity && (best < 0 || c.t < this.cursors[best].t)) best = g;
    }
    return best;
  }

  /** Time of the next event, or null when nothing is left. */
  next_time(): number | null {
    if (this.netq_head < this.netq.length) return this.now_ns;
    const g = this.next_cursor();
    const h = this.sched.peek_time();
    const c = g < 0 ? null : this.cursors[g].t;
    if (c === null) return h;
    return h === null ? c : Math.min(h, c);
  }

  done(): boolean {
    const t = this.next_time();
    return t === null || t > this.end_ns;
  }

  /** Runs one event. False when none is left before the end (the clock then stands at the end). */
  step(): boolean {
    if (this.netq_head < this.netq.length) {
      const ev = this.netq[this.netq_head++];
      if (this.netq_head === this.netq.length) this.netq.length = this.netq_head = 0;
      this.events++;
      this.dispatch(this.now_ns, ev);
      return true;
    }
    if (this.done()) {
      this.now_ns = this.end_ns;
      return false;
    }
    const g = this.next_cursor();
    if (g >= 0) {
      const c = this.cursors[g];
      if (!this.sched.next_is_before(c.t, EvClass.ClientStart, this.group_base[g] + c.i)) {
        const { t, i } = c;
        c.i = i + 1;
        c.t = this.client_start_ns(this.groups[g], i + 1);
        this.now_ns = t;
        this.events++;
        this.on_client_start(t, g, i);
        return true;
      }
    }
    const { t, ev } = this.sched.pop()!;
    this.now_ns = t;
    this.events++;
    this.dispatch(t, ev);
    return true;
  }

  runUntil(t_ns: number): void {
    const limit = Math.min(t_ns, this.end_ns);
    for (;;) {
      const t = this.next_time();
      if (t === null || t > limit) break;
      this.step();
    }
    this.now_ns = Math.max(this.now_ns, limit);
  }

  runToEnd(): void {
    this.runUntil(this.end_ns);
  }

  /** Moves the clock to t without running anything (a pause between events); t must not pass the next event. */
  advance_clock(t_ns: number): void {
    const next = this.next_time();
    if (t_ns < this.now_ns || t_ns > this.end_ns || (next !== null && t_ns > next)) throw new Error(`advance_clock(${t_ns}): outside [now ${this.now_ns}, next event ${next}]`);
    this.now_ns = t_ns;
  }

  /** Simulated time (ns) at which the kernel's jiffies counter reaches j. */
  ns_of_jiffies(j: number): number {
    return time_of_jiffy(this.host.clock, j);
  }

  /** A change made while running (a knob, listen() again): applied now, and remembered for replay. */
  act(action: UserAction): void {
    this.user_actions.push({ t_ns: this.now_ns, action });
    this.apply_user(this.now_ns, action);
  }

  result(opts: { summary?: boolean } = {}): BacklogResult {
    return build_result(this, opts.summary ?? false);
  }

  /** The kind of client id (by its group). */
  group_of(id: number): number {
    let g = this.group_base.length - 1;
    while (g > 0 && this.group_base[g] > id) g--;
    return g;
  }

  // --- event dispatch ---------------------------------------------------------------------------------

  private dispatch(t: number, ev: SimEvent): void {
    switch (ev.k) {
      case 'to_server': return this.on_to_server(t, ev.seg);
      case 'to_client': return this.client_actions(t, ev.client, (c) => client_receive(c, ev.seg, t));
      case 'client_syn_timer': return this.client_actions(t, ev.client, (c) => client_syn_timer(c, this.port!, t, this.client_knobs()));
      case 'client_ack': return this.client_actions(t, ev.client, (c) => client_send_ack(c, this.port!));
      case 'req_timer': return this.on_req_timer(t, ev.req, ev.fires);
      case 'accept': return ev.plan === this.accept_plan ? this.on_accept(t, ev.n) : undefined;
      case 'relisten': return this.on_relisten(t, ev.i);
      case 'sysctl': {
        const c = this.scenario.sysctl_changes[ev.i];
        return this.apply_user(t, { kind: 'sysctl', name: c.name, value: c.value });
      }
      case 'sample': return this.on_sample(t);
      case 'user': return this.apply_user(t, ev.action);
      default: {
        const never: never = ev;
        throw new Error(`unknown event ${JSON.stringify(never)}`);
      }
    }
  }

  private client_knobs() {
    const s = this.server().sysctl;
    return { syn_retries: s['net.ipv4.tcp_syn_retries'], linear_timeouts: s['net.ipv4.tcp_syn_linear_timeouts'] };
  }

  private on_client_start(t: number, g: number, i: number): void {
    const grp = this.groups[g];
    const id = this.group_base[g] + i;
    if (this.port !== null) {
      if (grp.kind === 'normal') {
        const c = new_normal_client(id, rng_stream(this.scenario.seed, `client:${id}`).u32(), t, ms_to_ns(grp.ack_delay_ms));
        this.clients.set(id, c);
        this.client_actions(t, id, () => client_connect(c, this.port!, t));
      } else {
        this.send_to_server(t, spoofed_syn(id, this.group_rngs[g].u32(), this.port));
      }
    }
  }

  private client_actions(t: number, id: number, f: (c: NormalClient) => ClientAction[]): void {
    const c = this.clients.get(id);
    if (!c) return;
    for (const a of f(c)) {
      if (a.kind === 'send') this.send_to_server(t, a.seg);
      else if (a.kind === 'syn_timer') this.sched.at(a.at_ns, { k: 'client_syn_timer', client: id });
      else this.sched.at(a.at_ns, { k: 'client_ack', client: id });
    }
  }

  private send_to_server(t: number, seg: Segment): void {
    this.deliver(t, { k: 'to_server', seg });
  }

  /** A segment on the wire: at once when the link has no delay, else after it. */
  private deliver(t: number, ev: SimEvent): void {
    if (this.delay_ns === 0) this.netq.push(ev);
    else this.sched.at(t + this.delay_ns, ev, EvClass.Net);
  }

  private on_to_server(t: number, seg: Segment): void {
    if (this.opts.recordPackets) this.record_packet(t, 'in', seg.saddr, seg.sport, seg.flags);
    const tapped = this.tap ? this.tap_packet(t, 'in', seg, null) : null;
    const net = this.server();
    const before = tapped ? { drops: net.mib.ListenDrops + net.mib.TCPDeferAcceptDrop, overflows: net.mib.ListenOverflows, reqq: net.mib.TCPReqQFullDrop } : null;
    const k = kctx(this.host, t, false);
    tcp_v4_rcv(net, seg, k);
    finish_plan(k);
    this.carry_out(t, k.out);
    // the listener dropped it (tcp_listendrop): say why, from the counters the drop moved
    if (tapped && before && net.mib.ListenDrops + net.mib.TCPDeferAcceptDrop > before.drops) {
      tapped.dropped = net.mib.ListenOverflows > before.overflows ? 'accept_full' : net.mib.TCPReqQFullDrop > before.reqq ? 'syn_full' : 'other';
    }
  }

  private on_req_timer(t: number, req_id: number, fires: number): void {
    if (this.req_armed.get(req_id) !== fires) return; // re-armed or deleted since: a stale event
    this.req_armed.delete(req_id);
    const net = this.server();
    const req = net.reqs.get(req_id);
    if (req) this.kernel(t, true, (k) => reqsk_timer_handler(net, req, k));
  }

  private on_accept(t: number, n: number): void {
    const net = this.server();
    const r = this.kernel(t, false, (k) => __sys_accept4(net, this.fd, k));
    if (r && r.ok) {
      const id = client_id_of(r.child.rmt_addr, r.child.rmt_port);
      const c = id === null ? undefined : this.clients.get(id);
      if (c) c.accepted_at_ns = t;
    }
    // the scenario's own plan keeps its exact timetable (start + n × interval); a plan set while running counts
    // from when it was set
    let next: number;
    let stop = this.end_ns;
    if (this.accept_plan === 0) {
      const acc = this.scenario.server.accept;
      if (acc.mode !== 'every') return;
      next = ms_to_ns(acc.start_ms + (n + 1) * acc.interval_ms);
      if (acc.stop_ms !== null) stop = Math.min(stop, ms_to_ns(acc.stop_ms));
    } else {
      if (this.accept_interval_ns === null) return;
      next = t + this.accept_interval_ns;
    }
    if (next <= stop) this.sched.at(next, { k: 'accept', n: n + 1, plan: this.accept_plan }, EvClass.Accept, n + 1);
  }

  private on_relisten(t: number, i: number): void {
    const r = this.scenario.server.relisten[i];
    const net = this.server();
    this.listen_backlog = r.backlog;
    const res = this.kernel(t, false, (k) => __sys_listen(net, this.fd, r.backlog, k));
    const sk = this.listener();
    this.relisten_results.push({ at_ms: r.at_ms, effective_backlog: res?.ok && sk ? sk.sk_max_ack_backlog : null });
  }

  private apply_user(t: number, a: UserAction): void {
    const net = this.server();
    switch (a.kind) {
      case 'sysctl':
        (net.sysctl as unknown as Record<string, unknown>)[a.name] = a.value;
        return;
      case 'listen':
        this.listen_backlog = a.backlog;
        this.kernel(t, false, (k) => __sys_listen(net, this.fd, a.backlog, k));
        return;
      case 'accept':
        return this.set_accept(t, a.interval_ms);
      case 'traffic':
        return this.set_traffic(t, a.normal_per_s, a.flood_per_s);
      default: {
        const never: never = a;
        throw new Error(`unknown user action ${JSON.stringify(never)}`);
      }
    }
  }

  /** A new accept() loop: the first call one interval from now; the old plan's pending call becomes stale. */
  private set_accept(t: number, interval_ms: number | null): void {
    this.accept_plan++;
    this.accept_interval_ns = interval_ms === null ? null : Math.max(1, ms_to_ns(interval_ms));
    if (this.accept_interval_ns !== null) this.at_if_in_run(t + this.accept_interval_ns, { k: 'accept', n: 0, plan: this.accept_plan }, EvClass.Accept, 0);
  }

  /**
   * New traffic from now on: groups added after the others, one client every 1/rate s until the end. Earlier
   * 'traffic' groups stop (their clients not yet started never start); the scenario's own groups go on.
   */
  private set_traffic(t: number, normal_per_s: number, flood_per_s: number): void {
    for (let g = this.scenario.clients.length; g < this.groups.length; g++) {
      const c = this.cursors[g];
      this.groups[g] = { ...this.groups[g], count: c.i };
      c.t = Infinity;
    }
    this.traffic = { normal_per_s, flood_per_s };
    const start_ms = t / 1e6;
    const left_ms = (this.end_ns - t) / 1e6;
    const add = (kind: 'normal' | 'spoofed', per_s: number) => {
      if (per_s <= 0) return;
      const interval_ms = 1000 / per_s;
      const room = MAX_CLIENTS - this.next_client_id();
      const count = Math.min(room, Math.floor(left_ms / interval_ms) + 1);
      if (count > 0) this.add_group({ kind, count, start_ms, interval_ms, ack_delay_ms: 0 });
    };
    add('normal', normal_per_s);
    add('spoofed', flood_per_s);
  }

  private on_sample(t: number): void {
    const sk = this.listener();
    this.samples.push({ t_ms: t / 1e6, syn_recv: sk?.qlen ?? 0, accept_queue: sk?.sk_ack_backlog ?? 0 });
    const next = ms_to_ns(this.samples.length * this.scenario.sample_every_ms);
    if (next <= this.end_ns) this.sched.at(next, { k: 'sample' }, EvClass.Sample, this.samples.length);
  }

  // --- the kernel boundary ----------------------------------------------------------------------------

  /** Runs a kernel entry point at time t and carries out its plan. */
  private kernel<R>(t: number, in_timer: boolean, fn: (k: import('../kernel/effects.ts').KCtx) => R): R | undefined {
    const k = kctx(this.host, t, in_timer);
    const r = fn(k);
    finish_plan(k);
    this.carry_out(t, k.out);
    return r;
  }

  private carry_out(t: number, effects: Effect[]): void {
    for (const e of effects) {
      switch (e.kind) {
        case 'xmit': this.on_xmit(t, e.seg, e.why); break;
        case 'timer':
          if (this.req_armed.get(e.req) !== e.fires) {
            this.req_armed.set(e.req, e.fires);
            this.sched.at(Math.max(t, time_of_jiffy(this.host.clock, e.fires)), { k: 'req_timer', req: e.req, fires: e.fires });
          }
          break;
        case 'timer_del': this.req_armed.delete(e.req); break;
        case 'printk': this.dmesg.push({ t_ns: t, text: e.text }); break;
        case 'decision': this.log.push({ t_ns: t, event: this.events, d: e, client: this.client_of_decision(e) }); break;
        case 'wake': break;
        default: {
          const never: never = e;
          throw new Error(`unknown effect ${JSON.stringify(never)}`);
        }
      }
    }
  }

  /** Which lab client a decision is about: its peer, else its request's or child's remote end. */
  private client_of_decision(d: Decision): number | null {
    const net = this.server();
    const peer = d.peer ?? (d.req !== undefined ? net.reqs.get(d.req) : undefined) ?? (d.sock !== undefined ? net.children.get(d.sock) : undefined);
    if (!peer) return null;
    return 'addr' in peer ? client_id_of(peer.addr, peer.port) : client_id_of(peer.rmt_addr, peer.rmt_port);
  }

  /** Keeps the packet if its client is tapped; returns the record (to add what becomes of it), else null. */
  private tap_packet(t: number, dir: 'in' | 'out', seg: Segment, why: XmitWhy | null): TapPacket | null {
    const id = dir === 'in' ? client_id_of(seg.saddr, seg.sport) : client_id_of(seg.daddr, seg.dport);
    const clients = this.tap!.clients;
    if (clients !== null && (id === null || !clients.has(id))) return null;
    const p: TapPacket = { t_ns: t, dir, client: id ?? -1, flags: seg.flags, why, seg, dropped: null };
    this.tap_packets.push(p);
    return p;
  }

  private on_xmit(t: number, seg: Segment, why: XmitWhy): void {
    if (this.opts.recordPackets) this.record_packet(t, 'out', seg.daddr, seg.dport, seg.flags);
    if (this.tap) this.tap_packet(t, 'out', seg, why);
    const id = client_id_of(seg.daddr, seg.dport);
    if (id === null) return;
    if (this.clients.has(id)) {
      this.deliver(t, { k: 'to_client', seg, client: id });
      return;
    }
    const g = this.group_of(id);
    const counts = this.spoofed_synacks[g];
    const both = TCPHDR_SYN | TCPHDR_ACK;
    if (counts && (seg.flags & both) === both) counts[id - this.group_base[g]]++;
  }

  private record_packet(t: number, dir: 'in' | 'out', addr: number, port: number, flags: number): void {
    this.packets.push({ t_ms: t / 1e6, dir, client: client_id_of(addr, port) ?? -1, flags: flag_str(flags) });
  }
}

/** Runs a validated scenario to its end and returns the result. */
export function runScenario(scenario: Scenario, opts: { summary?: boolean } = {}): BacklogResult {
  const summary = opts.summary ?? false;
  const sim = new Simulation(scenario, { recordPackets: !summary, recordClients: !summary });
  sim.runToEnd();
  return sim.result({ summary });
}
