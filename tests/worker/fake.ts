// A fake simulation and a fake worker environment for the host tests: events at fixed times, a hand-cranked
// clock and timer, every posted message recorded. The fake counts what was done to it, so a test can prove
// that a rejected message did nothing.
import type { HostEnv } from '../../src/worker/host.ts';
import type { ActOutcome, ShellAnswer } from '../../src/worker/live_run.ts';
import type { OpenScenario, RunPort } from '../../src/worker/port.ts';
import type { FromWorker, LiveAction, ResultView, ScenarioMeta, SeekTarget, SimFrame } from '../../src/worker/protocol.ts';
import { makeFrame } from '../fixtures/frames.ts';

/** A fake run: events at fixed times, each bringing one request sock and one ListenOverflows. */
export class FakeSim implements RunPort {
  now_ns = 0;
  readonly end_ns: number;
  steps = 0;
  throwAt: number | null = null;
  readonly acted: LiveAction[] = [];
  readonly lines: string[] = [];
  watched: readonly number[] = [];

  constructor(private readonly events_ns: number[], end_ns: number) {
    this.end_ns = end_ns;
  }

  get events(): number {
    return this.steps;
  }

  done(): boolean {
    return this.steps >= this.events_ns.length || this.events_ns[this.steps] > this.end_ns;
  }

  step(): boolean {
    if (this.done()) {
      this.now_ns = this.end_ns;
      return false;
    }
    if (this.throwAt === this.steps) throw new Error('kernel model invariant broken: fake');
    this.now_ns = this.events_ns[this.steps++];
    return true;
  }

  runUntil(t_ns: number): void {
    const limit = Math.min(t_ns, this.end_ns);
    while (!this.done() && this.events_ns[this.steps] <= limit) this.step();
    this.now_ns = Math.max(this.now_ns, limit);
  }

  runToEnd(): void {
    this.runUntil(this.end_ns);
  }

  frame(playing: boolean): SimFrame {
    return makeFrame({
      t_ms: this.now_ns / 1e6, end_ms: this.end_ns / 1e6, done: this.done(), playing, events: this.steps,
      syn_queue: { len: this.steps, limit: 5 }, counters: { ListenOverflows: this.steps },
    });
  }

  result(): ResultView {
    return {
      source: 'fake', requested_backlog: 4, effective_backlog: 4, port: 8080, relisten: [],
      counters: { ListenOverflows: this.steps },
      outcomes: { accepted: 1, established: 2, reset: 0, timed_out: 0, pending: 3, spoofed: 0 },
      peaks: { syn_recv: this.steps, accept_queue: 2 }, sample_count: 2, notes: [],
    };
  }

  act(a: LiveAction): ActOutcome {
    if (a.kind === 'sysctl' && a.value === 'bad') return { ok: false, issues: [{ path: a.name, message: 'refused' }] };
    this.acted.push(a);
    return { ok: true, notes: [] };
  }

  shell(line: string): ShellAnswer {
    this.lines.push(line);
    return { stdout: `ran ${line}\n`, stderr: '', exit: 0, acted: [] };
  }

  watch(ids: readonly number[]): void {
    this.watched = ids;
  }

  reset(): void {
    this.steps = 0;
    this.now_ns = 0;
  }

  capture(): { packets: []; truncated: boolean } {
    return { packets: [], truncated: false };
  }

  moment(): [] {
    return [];
  }

  openMoment(events: number): ActOutcome {
    this.seek({ events });
    return { ok: true, notes: [] };
  }

  stepBack(): void {
    this.seek({ events: Math.max(0, this.steps - 1) });
  }

  seek(to: SeekTarget): void {
    this.reset();
    if ('events' in to) while (this.steps < to.events && this.step());
    else this.runUntil(to.t_ms * 1e6);
  }
}

export const META: ScenarioMeta = {
  name: 'fake', description: '', title: null, title_zh: null, explain: null, explain_zh: null, duration_ms: 10,
  backlog: 4, port: 8080, clients: { normal: 6, spoofed: 0 }, sysctl: {},
};

/** Opens "ok:<ms>,<ms>…" as a fake run ending at 10 ms; anything else is an invalid scenario. */
export const fakeOpen = (sims: FakeSim[]): OpenScenario => (text) => {
  const m = /^ok:([\d,]*)$/.exec(text);
  if (!m) return { ok: false, code: 'invalid_scenario', issues: [{ path: 'format', message: 'not a fake scenario' }] };
  const sim = new FakeSim(m[1] ? m[1].split(',').map((ms) => Number(ms) * 1e6) : [], 10e6);
  sims.push(sim);
  return { ok: true, sim, meta: META };
};

export interface FakeEnv extends HostEnv {
  readonly posted: FromWorker[];
  clock: number;
  /** the running timer's callback, if any */
  timer: (() => void) | null;
}

export function fakeEnv(open: OpenScenario): FakeEnv {
  const env: FakeEnv = {
    posted: [],
    clock: 0,
    timer: null,
    post: (msg) => env.posted.push(msg),
    now_ms: () => env.clock,
    every: (_ms, fn) => {
      env.timer = fn;
      return () => {
        if (env.timer === fn) env.timer = null;
      };
    },
    open,
  };
  return env;
}
