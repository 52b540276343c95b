// One run as the worker holds it: the Simulation, plus what the page needs on top of it — the changes made while
// running (kept with the event count they followed, so the run can be replayed exactly for step back and seek),
// the terminal's nstat history, which clients the ladder follows, and cursors into the simulation's log and
// packet tap so each frame carries only what is new. Everything here is deterministic: no clocks.
import { Simulation, type TapPacket } from '../sim/run.ts';
import { clone_simulation } from '../sim/snapshot.ts';
import type { Scenario } from '../sim/scenario.ts';
import type { UserAction } from '../sim/events.ts';
import { kernel_jiffies } from '../sim/kernel_host.ts';
import { run_command } from '../kernel/proc/shell.ts';
import type { NstatHistory } from '../kernel/proc/nstat.ts';
import { isSysctlName, sysctl_check_write } from '../kernel/sysctl.ts';
import { frameOf, type Drained } from './frame.ts';
import { Timeline } from './timeline.ts';
import type { CapturedPacket } from './pcap.ts';
import { resultView } from './result_view.ts';
import { KNOB_NAMES, MAX_LOG, MAX_PACKETS, MAX_WATCHED, type KnobName, type RecordedChange, type ActNote, type Issue, type LiveAction, type ResultView, type SeekTarget, type SimFrame } from './protocol.ts';

export type ActOutcome = { readonly ok: true; readonly notes: readonly ActNote[] } | { readonly ok: false; readonly issues: readonly Issue[] };

export interface ShellAnswer {
  readonly stdout: string;
  readonly stderr: string;
  readonly exit: number;
  /** the knobs `sysctl -w` changed, as the knob panel would have changed them, with what to say about each */
  readonly acted: readonly { readonly action: LiveAction; readonly notes: readonly ActNote[] }[];
}

/** A change while running, with the moment it was made: after `events` kernel events, at simulated time t_ns. */
interface Act {
  readonly events: number;
  readonly t_ns: number;
  readonly action: UserAction;
}

const isKnob = (name: string): name is KnobName => (KNOB_NAMES as readonly string[]).includes(name);

/** A change as a link carries it (sysctl values as `sysctl -w` takes them). */
function recorded(a: UserAction): RecordedChange['action'] {
  return a.kind === 'sysctl' ? { kind: 'sysctl', name: a.name, value: Array.isArray(a.value) ? a.value.join(' ') : String(a.value) } : a;
}

/** Replay in slices of this many events, trimming the log and the tap between slices (bounded memory). */
const REPLAY_SLICE = 4096;
/** Checkpoints: one every CHECKPOINT_EVERY events at first; past MAX_CHECKPOINTS every other one goes and the
 *  spacing doubles, so memory stays bounded and a seek replays at most a few spacings' worth of events. */
const CHECKPOINT_EVERY = 2000;
const MAX_CHECKPOINTS = 48;
/** After a seek, the log shows the decisions of the last stretch before the target: that stretch is replayed with
 *  the decision log on, the rest without (it is discarded anyway, and recording it costs more than running). */
const TRACED_TAIL_EVENTS = 400;
const TRACED_TAIL_NS = 200e6;

/** A copy of the run at one moment, and the worker's bookkeeping at that moment. */
interface Checkpoint {
  readonly events: number;
  readonly t_ns: number;
  readonly sim: Simulation;
  /** how many of the recorded changes had been applied */
  readonly acts: number;
  readonly log_seq: number;
  readonly packet_seq: number;
  /** the last watched packets before it (so a seek shows the packets that led there, not only what it replays) */
  readonly recent: readonly TapPacket[];
}

/**
 * The worker's default choice of clients for the ladder: normal clients spread over the scenario's arrivals (the
 * first and the last, and evenly between: early clients often all fare alike, later ones meet the full queues),
 * then one spoofed client if there is a flood.
 */
function defaultWatch(sim: Simulation): number[] {
  const normal: number[] = [];
  let spoofed: number | null = null;
  sim.groups.forEach((g, gi) => {
    if (g.kind === 'spoofed') spoofed ??= g.count > 0 ? sim.group_base[gi] : null;
    else for (let i = 0; i < g.count && normal.length < 100_000; i++) normal.push(sim.group_base[gi] + i);
  });
  const k = Math.min(normal.length, spoofed === null ? MAX_WATCHED - 2 : MAX_WATCHED - 3);
  const ids = k <= 1 ? normal.slice(0, k) : Array.from({ length: k }, (_, i) => normal[Math.round((i * (normal.length - 1)) / (k - 1))]);
  if (spoofed !== null) ids.push(spoofed);
  return ids;
}

export class LiveRun {
  sim: Simulation;
  /** changes applied so far, in order */
  private acts: Act[] = [];
  /** changes recorded after the present (the run went back in time): re-applied when it gets there again */
  private future: Act[] = [];
  private nstat_history: NstatHistory | null = null;
  /** the page's choice ([] = the default) */
  private watch_asked: readonly number[] = [];
  private log_seq = 0;
  private packet_seq = 0;
  /** the last MAX_PACKETS watched packets handed out (numbered packet_seq - recent.length …) */
  private recent: TapPacket[] = [];
  private log_skipped = 0;
  /** the next frame replaces the page's log and packets (after load, reset, seek) */
  private replace = true;
  private result_cache: ResultView | null = null;
  private checkpoints: Checkpoint[] = [];
  private checkpoint_every = CHECKPOINT_EVERY;

  /** a copy that replays the run to capture its packets: no checkpoints, no decision log, every packet kept */
  private readonly capturing: boolean;

  constructor(readonly scenario: Scenario, opts: { capture?: boolean } = {}) {
    this.capturing = opts.capture ?? false;
    this.timeline = new Timeline(Math.round(scenario.duration_ms * 1e6));
    this.sim = this.fresh();
    if (this.capturing) {
      this.sim.host.trace = false;
      this.sim.tap = { clients: null };
    } else {
      this.checkpoint();
    }
  }

  /**
   * Every packet of the run so far, for a capture file: a separate replay from the start with the same changes
   * (the run itself is not touched). At most `limit` packets; `truncated` says when there were more.
   */
  capture(limit: number): { packets: CapturedPacket[]; truncated: boolean } {
    const copy = new LiveRun(this.scenario, { capture: true });
    copy.future = [...this.acts];
    copy.capture_limit = limit;
    copy.forward(this.sim.events, this.sim.now_ns);
    const tap = copy.sim.tap_packets;
    return { packets: tap.slice(0, limit).map((p) => ({ t_ns: p.t_ns, seg: p.seg })), truncated: tap.length > limit };
  }

  private capture_limit = Infinity;
  private readonly timeline: Timeline;

  private fresh(): Simulation {
    const sim = new Simulation(this.scenario, { trace: true, recordPackets: false, recordClients: false });
    this.sim = sim;
    this.applyWatch();
    return sim;
  }

  get now_ns(): number {
    return this.sim.now_ns;
  }
  get end_ns(): number {
    return this.sim.end_ns;
  }
  get events(): number {
    return this.sim.events;
  }
  done(): boolean {
    return this.sim.done() && this.future.length === 0;
  }
  /** One kernel event (a change recorded at this point of the run is re-applied first). */
  step(): boolean {
    this.applyDueChanges();
    const stepped = this.sim.step();
    if (stepped) this.maybeCheckpoint();
    return stepped;
  }
  runUntil(t_ns: number): void {
    this.forward(Infinity, Math.min(t_ns, this.end_ns));
  }
  runToEnd(): void {
    this.runUntil(this.end_ns);
  }

  /** The frame for now: the state, and the log lines and packets since the previous frame. */
  frame(playing: boolean): SimFrame {
    const drained = this.drain();
    const replace = this.replace;
    this.replace = false;
    return frameOf(this.sim, { playing, done: this.done(), replace, drained, timeline: this.timeline.take(replace) });
  }

  result(): ResultView {
    this.result_cache ??= resultView(this.sim.result({ summary: true }));
    return this.result_cache;
  }

  private drain(): Drained {
    const sim = this.sim;
    const log = sim.log;
    this.timeline.add(log);
    const keep = log.length > MAX_LOG ? log.length - MAX_LOG : 0;
    const skipped = this.log_skipped + keep;
    this.log_seq += skipped;
    const lines = log.slice(keep).map((e, i) => ({ seq: this.log_seq + i, e }));
    this.log_seq += log.length - keep;
    this.log_skipped = 0;
    log.length = 0;
    const tap = sim.tap_packets;
    const pkeep = tap.length > MAX_PACKETS ? tap.length - MAX_PACKETS : 0;
    const packets = tap.slice(pkeep).map((p, i) => ({ seq: this.packet_seq + pkeep + i, p }));
    this.packet_seq += tap.length;
    this.remember(tap);
    tap.length = 0;
    sim.dmesg.length = Math.min(sim.dmesg.length, 1000);
    return { lines, skipped, packets };
  }

  // --- changes while running -----------------------------------------------------------------------------

  act(a: LiveAction): ActOutcome {
    const checked = this.toUserAction(a);
    if (!checked.ok) return checked;
    const before = this.sim.listener()?.sk_max_ack_backlog ?? null;
    this.apply(checked.action);
    return { ok: true, notes: this.notesFor(checked.action, before) };
  }

  private apply(action: UserAction): void {
    // a change made after going back in time rewrites the future: the changes recorded after this point are gone,
    // and so are the checkpoints taken after it
    this.future = [];
    const now = this.sim.events;
    this.checkpoints = this.checkpoints.filter((c) => c.events <= now);
    if (this.timeline.counted > now) this.timeline.truncate(now, this.sim.now_ns);
    this.acts.push({ events: this.sim.events, t_ns: this.sim.now_ns, action });
    this.sim.act(action);
    this.result_cache = null;
    if (action.kind === 'traffic' && this.watch_asked.length === 0) this.applyWatch();
  }

  private toUserAction(a: RecordedChange['action']): { ok: true; action: UserAction } | { ok: false; issues: Issue[] } {
    switch (a.kind) {
      case 'sysctl': {
        if (!isSysctlName(a.name)) return { ok: false, issues: [{ path: a.name, message: `sysctl: cannot stat /proc/sys/${a.name.replace(/\./g, '/')}: No such file or directory` }] };
        const w = sysctl_check_write(a.name, a.value);
        if (!w.ok) return { ok: false, issues: [{ path: a.name, message: `sysctl: setting key "${a.name}": Invalid argument — ${w.reason}` }] };
        return { ok: true, action: { kind: 'sysctl', name: a.name, value: w.value } };
      }
      case 'listen':
        return { ok: true, action: { kind: 'listen', backlog: a.backlog } };
      case 'accept':
        return { ok: true, action: { kind: 'accept', interval_ms: a.interval_ms } };
      case 'traffic':
        return { ok: true, action: { kind: 'traffic', normal_per_s: a.normal_per_s, flood_per_s: a.flood_per_s } };
    }
  }

  /** What the page should say: listen() reads somaxconn once, so a new somaxconn waits for the next listen(). */
  private notesFor(action: UserAction, before: number | null): ActNote[] {
    const sk = this.sim.listener();
    const net = this.sim.server();
    const somaxconn = net.sysctl['net.core.somaxconn'];
    const listening = sk !== null && sk.sk_state === 'TCP_LISTEN';
    if (action.kind === 'sysctl') {
      if (action.name === 'net.core.somaxconn' && listening) {
        // __sys_listen(): backlog = min((unsigned) backlog, somaxconn)
        const asked = this.sim.listen_backlog;
        const after = asked < 0 || asked > somaxconn ? somaxconn : asked;
        if (after !== sk.sk_max_ack_backlog) return [{ kind: 'next_listen', knob: action.name, backlog_now: sk.sk_max_ack_backlog, backlog_after_listen: after }];
      }
      if (action.name === 'net.ipv4.tcp_syn_retries') return [{ kind: 'client_side', knob: action.name }];
      return [];
    }
    if (action.kind !== 'listen' || !listening) return [];
    const notes: ActNote[] = [];
    if (action.backlog < 0 || action.backlog > somaxconn) notes.push({ kind: 'capped', requested: action.backlog, somaxconn });
    if (before !== null && before !== sk.sk_max_ack_backlog) notes.push({ kind: 'backlog_changed', from: before, to: sk.sk_max_ack_backlog });
    return notes;
  }

  /** The changes made so far while running, as a link can carry them. */
  moment(): RecordedChange[] {
    return this.acts.map(({ events, t_ns, action }) => ({ events, t_ns, action: recorded(action) }));
  }

  /**
   * Reopens a moment: the run from its start with these changes re-applied where they were made, stopped after
   * `events` events. Every change is checked first; one the kernel would refuse leaves the run as it was.
   */
  openMoment(events: number, changes: readonly RecordedChange[]): ActOutcome {
    const acts: Act[] = [];
    for (const c of changes) {
      const u = this.toUserAction(c.action);
      if (!u.ok) return u;
      acts.push({ events: c.events, t_ns: c.t_ns, action: u.action });
    }
    this.reset();
    this.future = acts;
    this.seek({ events });
    return { ok: true, notes: [] };
  }

  /** A terminal line in the server's namespace; `sysctl -w` writes are applied as knob changes. */
  shell(line: string): ShellAnswer {
    const sim = this.sim;
    const net = sim.server();
    const r = run_command(line, {
      net,
      now: kernel_jiffies(sim.host, sim.now_ns),
      profile: sim.host.profile,
      netns: [...sim.host.nets.keys()].filter((n) => n !== 'init_net'),
      nstat_history: this.nstat_history,
    });
    if (r.nstat_history !== undefined) this.nstat_history = r.nstat_history;
    const acted: { action: LiveAction; notes: ActNote[] }[] = [];
    for (const w of r.sysctl_write ?? []) {
      const before = sim.listener()?.sk_max_ack_backlog ?? null;
      const action: UserAction = { kind: 'sysctl', name: w.name, value: w.value };
      this.apply(action);
      if (isKnob(w.name)) acted.push({ action: { kind: 'sysctl', name: w.name, value: String(w.value) }, notes: this.notesFor(action, before) });
    }
    return { stdout: r.stdout, stderr: r.stderr ?? '', exit: r.exit, acted };
  }

  watch(ids: readonly number[]): void {
    this.watch_asked = ids.slice(0, MAX_WATCHED);
    this.applyWatch();
  }

  private applyWatch(): void {
    const ids = this.watch_asked.length > 0 ? this.watch_asked : defaultWatch(this.sim);
    this.sim.tap = { clients: new Set(ids) };
  }

  watched(): readonly number[] {
    return [...(this.sim.tap?.clients ?? [])];
  }

  // --- time travel ---------------------------------------------------------------------------------------

  /** Back to the start, with the changes made while running forgotten (a reset). */
  reset(): void {
    this.acts = [];
    this.future = [];
    this.checkpoints = [];
    this.checkpoint_every = CHECKPOINT_EVERY;
    this.fresh();
    this.nstat_history = null;
    this.log_seq = this.packet_seq = this.log_skipped = 0;
    this.recent = [];
    this.replace = true;
    this.result_cache = null;
    this.checkpoint();
  }

  /** Copies the run now (only between events: the copy must continue exactly as the run does). */
  private checkpoint(): void {
    const sim = this.sim;
    this.checkpoints.push({
      events: sim.events, t_ns: sim.now_ns, sim: clone_simulation(sim), acts: this.acts.length,
      log_seq: this.log_seq, packet_seq: this.packet_seq, recent: this.recent.slice(),
    });
    if (this.checkpoints.length > MAX_CHECKPOINTS) {
      this.checkpoints = this.checkpoints.filter((_, i) => i % 2 === 0);
      this.checkpoint_every *= 2;
    }
  }

  private maybeCheckpoint(): void {
    if (this.capturing) return;
    const last = this.checkpoints[this.checkpoints.length - 1];
    if (last && this.sim.events - last.events < this.checkpoint_every) return;
    // a copy costs about one step per socket or client it holds: space copies of a big state further apart, so
    // copying never costs more than about half of running
    const net = this.sim.server();
    const size = net.reqs.size + net.children.size + this.sim.clients.size;
    if (!last || this.sim.events - last.events >= 2 * size) this.checkpoint();
  }

  /** The latest checkpoint at or before (events, t_ns). */
  private checkpointBefore(events: number, t_ns: number): Checkpoint {
    let cp = this.checkpoints[0];
    for (const c of this.checkpoints) if (c.events <= events && c.t_ns <= t_ns) cp = c;
    return cp;
  }

  /** Goes back to a checkpoint; the changes recorded after it become the future. */
  private restore(cp: Checkpoint): void {
    const all = [...this.acts, ...this.future];
    this.acts = all.slice(0, cp.acts);
    this.future = all.slice(cp.acts);
    this.sim = clone_simulation(cp.sim); // the checkpoint itself stays as it was, for the next seek
    this.applyWatch();
    this.log_seq = cp.log_seq;
    // the packets that led to the checkpoint go first, so the frame after the seek shows the way there
    const watched = this.sim.tap?.clients ?? null;
    const before = cp.recent.filter((p) => watched === null || watched.has(p.client));
    this.sim.tap_packets.unshift(...before);
    this.packet_seq = cp.packet_seq - before.length;
    this.recent = [];
    this.log_skipped = 0;
    this.nstat_history = null;
    this.result_cache = null;
  }

  /** Undo the last kernel event. */
  stepBack(): void {
    if (this.sim.events > 0) this.seek({ events: this.sim.events - 1 });
  }

  /**
   * Moves the run to a moment. Forward: run on. Back: replay from the start — the model is deterministic, and
   * the changes made while running are re-applied after the same event count at the same time, so the state is
   * exactly the one the run had then. The frame after a seek replaces the page's log and packets.
   */
  seek(to: SeekTarget): void {
    const events = 'events' in to ? Math.max(0, Math.floor(to.events)) : Infinity;
    const t_ns = 't_ms' in to ? Math.min(this.end_ns, Math.max(0, Math.round(to.t_ms * 1e6))) : this.end_ns;
    const back = 'events' in to ? events < this.sim.events : t_ns < this.sim.now_ns;
    const cp = this.checkpointBefore(events, t_ns);
    // back: from the latest checkpoint before the target; forward: from it too when it is ahead of the present
    if (back || cp.events > this.sim.events) this.restore(cp);
    // the log only needs the decisions just before the target, and the timeline those of events it has not
    // counted yet: replay the rest without recording decisions
    const sim = this.sim;
    const counted = this.timeline.counted;
    sim.host.trace = false;
    if ('events' in to) this.forward(Math.min(counted, events - TRACED_TAIL_EVENTS), t_ns);
    else this.forward(counted, t_ns - TRACED_TAIL_NS);
    sim.host.trace = true;
    this.forward(events, t_ns);
    this.result_cache = null;
    this.replace = true;
  }

  /** Runs until `events` events have run or the next event is later than t_ns, re-applying recorded changes. */
  private forward(events: number, t_ns: number): void {
    for (;;) {
      const f = this.future[0];
      if (!f || f.events > events || f.t_ns > t_ns) break;
      this.replayTo(f.events, f.t_ns);
      this.applyDueChanges();
    }
    this.replayTo(events, t_ns);
  }

  /** Re-applies the recorded changes that were made at exactly this point of the run. */
  private applyDueChanges(): void {
    const sim = this.sim;
    while (this.future.length > 0 && this.future[0].events === sim.events) {
      const f = this.future.shift()!;
      if (sim.now_ns < f.t_ns) sim.advance_clock(f.t_ns);
      this.acts.push(f);
      sim.act(f.action);
      if (f.action.kind === 'traffic' && this.watch_asked.length === 0) this.applyWatch();
    }
  }

  /** Steps until `events` have run or the next event is later than t_ns; the clock then stands at t_ns. */
  private replayTo(events: number, t_ns: number): void {
    const sim = this.sim;
    let n = 0;
    while (sim.events < events && sim.tap_packets.length <= this.capture_limit) {
      const next = sim.next_time();
      if (next === null || next > t_ns) break;
      sim.step();
      this.maybeCheckpoint();
      if (++n % REPLAY_SLICE === 0) this.trim();
    }
    if (sim.events < events && sim.now_ns < t_ns) sim.advance_clock(Math.min(t_ns, sim.next_time() ?? t_ns));
    if (n >= REPLAY_SLICE) this.trim();
  }

  /** Adds packets that left the tap to the recent ones (the last MAX_PACKETS). */
  private remember(ps: readonly TapPacket[]): void {
    if (this.capturing || ps.length === 0) return;
    this.recent.push(...ps.slice(-MAX_PACKETS));
    if (this.recent.length > MAX_PACKETS) this.recent.splice(0, this.recent.length - MAX_PACKETS);
  }

  /** Keeps only what a frame can carry of the log and the tap (a replayed flood makes millions of each). */
  private trim(): void {
    const sim = this.sim;
    this.timeline.add(sim.log);
    if (sim.log.length > MAX_LOG) {
      const drop = sim.log.length - MAX_LOG;
      this.log_skipped += drop;
      sim.log.splice(0, drop);
    }
    if (sim.tap_packets.length > MAX_PACKETS && !this.capturing) {
      const drop = sim.tap_packets.length - MAX_PACKETS;
      this.packet_seq += drop;
      this.remember(sim.tap_packets.slice(0, drop));
      sim.tap_packets.splice(0, drop);
    }
  }
}
