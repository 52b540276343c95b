// A fake simulation and a fake worker environment for the host tests: events at fixed times, a hand-cranked
// clock and timer, every posted message recorded. The fake counts what was done to it, so a test can prove
// that a rejected message did nothing.
import { setup_net, type Net } from '../../src/kernel/net_namespace.ts';
import { PROFILES } from '../../src/kernel/profiles.ts';
import type { ListenSock } from '../../src/kernel/types.ts';
import type { BacklogResult } from '../../src/sim/result.ts';
import type { HostEnv } from '../../src/worker/host.ts';
import type { OpenScenario, SimPort } from '../../src/worker/port.ts';
import type { FromWorker, ScenarioMeta } from '../../src/worker/protocol.ts';

export class FakeSim implements SimPort {
  now_ns = 0;
  readonly end_ns: number;
  steps = 0;
  throwAt: number | null = null;
  private readonly net: Net = setup_net('fake', PROFILES['linux-6.18']);
  private readonly sock: ListenSock;

  constructor(private readonly events_ns: number[], end_ns: number) {
    this.end_ns = end_ns;
    this.sock = {
      id: 1, sock_state: 'SS_UNCONNECTED', sk_state: 'TCP_LISTEN', rcv_saddr: 0, num: 8080, reuse: false, sk_max_ack_backlog: 4,
      sk_ack_backlog: 0, qlen: 0, young: 0, accept_queue: [], synflood_warned: false, synq_overflow_ts: null,
      icsk_syn_retries: 0, rskq_defer_accept: 0, sk_drops: 0, uid: 0, inode: 1,
    };
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
    // every event brings a SYN that becomes a request sock, and counts it
    this.sock.qlen += 1;
    this.net.mib.ListenOverflows += 1;
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

  server(): Net {
    return this.net;
  }

  listener(): ListenSock | null {
    return this.sock;
  }

  result(): BacklogResult {
    return {
      format: 'backlog-result/1', scenario: 'fake', source: 'fake', sysctl: {},
      listen: { requested_backlog: 4, effective_backlog: 4, port: 8080, relisten: [] },
      counters: { ListenOverflows: this.net.mib.ListenOverflows },
      samples: [{ t_ms: 0, syn_recv: 0, accept_queue: 0 }, { t_ms: 1, syn_recv: this.sock.qlen, accept_queue: 2 }],
      outcomes: { accepted: 1, established: 2, reset: 0, timed_out: 0, pending: 3, spoofed: 0 },
      notes: [],
    };
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
