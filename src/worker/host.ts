// The worker's state machine: one loaded run, driven by checked messages from the page, paced by an injected
// clock. Stepping is the simulator's (step / runUntil / runToEnd); this file only decides *when* to step, from
// wall time × speed. It never reads time itself, so tests drive it with a fake clock and a fake simulation.
import { parseToWorker } from './check.ts';
import { pcapFile } from './pcap.ts';
import {
  MAX_PCAP_PACKETS,
  MAX_UNACKED,
  PROTOCOL_VERSION,
  assertNever,
  type ErrorCode,
  type FromWorker,
  type FromWorkerBody,
  type Issue,
  type ScenarioMeta,
  type ToWorker,
} from './protocol.ts';
import type { OpenScenario, RunPort } from './port.ts';

export interface HostEnv {
  post(msg: FromWorker): void;
  /** wall-clock milliseconds */
  now_ms(): number;
  /** calls fn every `ms` wall-clock milliseconds until the returned function is called */
  every(ms: number, fn: () => void): () => void;
  open: OpenScenario;
}

/** ~30 frames a second: smooth enough for the pictures, cheap to clone */
export const TICK_MS = 33;
/** a throttled tab can stall a timer for seconds; never jump the simulation by more than this much wall time */
const MAX_TICK_MS = 250;

interface Run {
  readonly gen: number;
  readonly text: string;
  readonly sim: RunPort;
  readonly meta: ScenarioMeta;
  /** the model threw: only a reset (or a new load) continues */
  broken: boolean;
}

interface Pacing {
  speed: number;
  last_ms: number;
  /** simulated time the wall clock has reached */
  t_ns: number;
  readonly stop: () => void;
}

export class SimHost {
  private run: Run | null = null;
  /** frames posted that the page has not acknowledged yet */
  private unacked = 0;
  private pacing: Pacing | null = null;

  constructor(private readonly env: HostEnv) {}

  /** Entry point for every message from the page: checked first, so a malformed one changes nothing. */
  handle(data: unknown): void {
    const checked = parseToWorker(data);
    if (!checked.ok) return this.error(null, 'bad_message', checked.issues);
    try {
      this.dispatch(checked.msg);
    } catch (e) {
      this.fail(e);
    }
  }

  private dispatch(msg: ToWorker): void {
    switch (msg.type) {
      case 'load':
        return this.load(msg.gen, msg.text);
      case 'reset': {
        const r = this.run;
        if (!r) return this.error(msg.gen, 'no_scenario', [{ path: 'type', message: 'reset before any scenario was loaded' }]);
        // a reset forgets the changes made while running, and recovers from a model error
        this.stopPacing();
        if (r.broken) return this.load(msg.gen, r.text);
        this.run = { ...r, gen: msg.gen };
        r.sim.reset();
        return this.post({ type: 'loaded', gen: msg.gen, meta: r.meta, frame: r.sim.frame(false) });
      }
      case 'run_to_end':
        return this.withRun(msg.type, (r) => {
          this.stopPacing();
          r.sim.runToEnd();
          this.finish(r);
        });
      case 'step':
        return this.withRun(msg.type, (r) => {
          // step() is false when no event is left before the end: then close the run at end_ns
          if (!r.sim.step()) r.sim.runToEnd();
          if (!r.sim.done()) return this.frame(r);
          this.stopPacing();
          this.finish(r);
        });
      case 'play':
        return this.withRun(msg.type, (r) => this.play(r, msg.speed));
      case 'pause':
        return this.withRun(msg.type, (r) => {
          this.stopPacing();
          this.frame(r);
        });
      case 'act':
        return this.withRun(msg.type, (r) => {
          const out = r.sim.act(msg.action);
          if (!out.ok) return this.error(r.gen, 'bad_action', [...out.issues]);
          this.post({ type: 'acted', gen: r.gen, action: msg.action, notes: out.notes });
          this.frame(r);
        });
      case 'shell':
        return this.withRun(msg.type, (r) => {
          const a = r.sim.shell(msg.line);
          this.post({ type: 'shell_out', gen: r.gen, id: msg.id, line: msg.line, stdout: a.stdout, stderr: a.stderr, exit: a.exit });
          for (const x of a.acted) this.post({ type: 'acted', gen: r.gen, action: x.action, notes: x.notes });
          this.frame(r);
        });
      case 'watch':
        return this.withRun(msg.type, (r) => {
          r.sim.watch(msg.clients);
          this.frame(r);
        });
      case 'frame_ack':
        this.unacked = Math.max(0, this.unacked - 1);
        return;
      case 'export_pcap':
        return this.withRun(msg.type, (r) => {
          const c = r.sim.capture(MAX_PCAP_PACKETS);
          this.post({ type: 'pcap', gen: r.gen, bytes: pcapFile(c.packets), packets: c.packets.length, truncated: c.truncated });
        });
      case 'moment_get':
        return this.withRun(msg.type, (r) => {
          this.post({ type: 'moment', gen: r.gen, events: r.sim.events, t_ms: r.sim.now_ns / 1e6, changes: r.sim.moment() });
        });
      case 'moment_open':
        return this.withRun(msg.type, (r) => {
          this.stopPacing();
          const out = r.sim.openMoment(msg.events, msg.changes);
          if (!out.ok) return this.error(r.gen, 'bad_action', [...out.issues]);
          if (r.sim.done()) return this.finish(r);
          this.frame(r);
        });
      case 'step_back':
        return this.withRun(msg.type, (r) => {
          this.stopPacing();
          r.sim.stepBack();
          this.frame(r);
        });
      case 'seek':
        return this.withRun(msg.type, (r) => {
          const playing = this.pacing !== null;
          r.sim.seek(msg.to);
          if (this.pacing) this.pacing.t_ns = r.sim.now_ns;
          if (r.sim.done()) {
            this.stopPacing();
            return this.finish(r);
          }
          this.post({ type: 'frame', gen: r.gen, frame: r.sim.frame(playing) });
        });
      default:
        return assertNever(msg);
    }
  }

  /** Opens a scenario; on failure the current run stays as it was (an input is applied whole or not at all). */
  private load(gen: number, text: string): void {
    const opened = this.env.open(text);
    // refused: the current run goes on untouched (the page shows it again)
    if (!opened.ok) return this.error(gen, opened.code, opened.issues);
    this.stopPacing();
    this.run = { gen, text, sim: opened.sim, meta: opened.meta, broken: false };
    this.post({ type: 'loaded', gen, meta: opened.meta, frame: opened.sim.frame(false) });
  }

  private play(r: Run, speed: number): void {
    if (r.sim.done()) return this.finish(r);
    if (this.pacing) {
      this.pacing.speed = speed;
    } else {
      const stop = this.env.every(TICK_MS, () => this.guard(() => this.tick()));
      this.pacing = { speed, last_ms: this.env.now_ms(), t_ns: r.sim.now_ns, stop };
    }
    this.frame(r);
  }

  private tick(): void {
    const p = this.pacing;
    const r = this.run;
    if (!p || !r) return;
    const now = this.env.now_ms();
    const dt = Math.min(Math.max(now - p.last_ms, 0), MAX_TICK_MS);
    p.last_ms = now;
    // a Step while playing may have moved the simulation past the paced time
    p.t_ns = Math.min(r.sim.end_ns, Math.max(p.t_ns, r.sim.now_ns) + Math.round(dt * p.speed * 1e6));
    r.sim.runUntil(p.t_ns);
    if (r.sim.done() || p.t_ns >= r.sim.end_ns) {
      if (!r.sim.done()) r.sim.runToEnd();
      this.stopPacing();
      this.finish(r);
    } else if (this.unacked < MAX_UNACKED) {
      this.frame(r);
    }
  }

  private finish(r: Run): void {
    this.post({ type: 'result', gen: r.gen, frame: r.sim.frame(false), result: r.sim.result() });
  }

  private frame(r: Run): void {
    this.unacked++;
    this.post({ type: 'frame', gen: r.gen, frame: r.sim.frame(this.pacing !== null) });
  }

  private withRun(what: ToWorker['type'], fn: (r: Run) => void): void {
    const r = this.run;
    if (!r) return this.error(null, 'no_scenario', [{ path: 'type', message: `${what} before any scenario was loaded` }]);
    if (r.broken) return this.error(r.gen, 'sim_failed', [{ path: 'type', message: `${what}: the run stopped on a model error; reset to start again` }]);
    fn(r);
  }

  private stopPacing(): void {
    this.pacing?.stop();
    this.pacing = null;
  }

  private guard(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.fail(e);
    }
  }

  /** The model threw: a bug, not an input problem. Stop the run rather than show a state that may be corrupt. */
  private fail(e: unknown): void {
    this.stopPacing();
    if (this.run) this.run.broken = true;
    const message = e instanceof Error ? e.message : String(e);
    this.error(this.run?.gen ?? null, 'sim_failed', [{ path: '', message }]);
  }

  private error(gen: number | null, code: ErrorCode, issues: readonly Issue[]): void {
    this.post({ type: 'error', gen, code, issues });
  }

  private post(body: FromWorkerBody): void {
    this.env.post({ v: PROTOCOL_VERSION, ...body });
  }
}
