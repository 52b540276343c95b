// Seek benchmark (issue 4: "seek anywhere in a 10-minute run in under 100 ms"): a LiveRun — the worker's run,
// checkpoints included — is played to the end, then sent to 60 moments picked by a seeded generator, back and
// forth. Prints p50 / p95 / max seek time and the checkpoints' count; asserts nothing.
import { LiveRun } from '../src/worker/live_run.ts';
import { rng_stream } from '../src/sim/rng.ts';
import { validateScenario } from '../src/sim/validate.ts';

function live(json: unknown): LiveRun {
  const v = validateScenario(json);
  if (!v.ok) throw new Error(`bench scenario invalid: ${JSON.stringify(v.errors)}`);
  return new LiveRun(v.scenario);
}

const RUNS = [
  {
    title: 'classroom: 10 minutes, slow accept, 200 clients, synack retries 5 (workload b)',
    json: {
      format: 'backlog-scenario/1', name: 'bench-seek-b', description: 'seek (b)',
      sysctl: { 'net.ipv4.tcp_synack_retries': 5 },
      server: { port: 8080, backlog: 8, accept: { mode: 'every', interval_ms: 500 } },
      clients: [{ count: 200, start_ms: 0, interval_ms: 100, kind: 'normal', ack_delay_ms: 100 }],
      duration_ms: 600_000, sample_every_ms: 50,
    },
  },
  {
    title: 'busy classroom: 10 minutes, 10 clients/s and 200 spoofed SYN/s throughout, accept() every 150 ms',
    json: {
      format: 'backlog-scenario/1', name: 'bench-seek-busy', description: 'seek (busy)',
      sysctl: { 'net.ipv4.tcp_synack_retries': 5 },
      server: { port: 8080, backlog: 16, accept: { mode: 'every', interval_ms: 150 } },
      clients: [
        { count: 6000, start_ms: 0, interval_ms: 100, kind: 'normal' },
        { count: 120000, start_ms: 0, interval_ms: 5, kind: 'spoofed' },
      ],
      duration_ms: 600_000, sample_every_ms: 100,
    },
  },
];

const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

export function benchSeek(): void {
  for (const { title, json } of RUNS) {
    const run = live(json);
    const t0 = performance.now();
    run.runToEnd();
    const play_ms = performance.now() - t0;
    const events = run.events;
    const rng = rng_stream(7, 'bench-seek');
    const times: number[] = [];
    const end_ms = run.end_ns / 1e6;
    for (let i = 0; i < 60; i++) {
      const to = i % 3 === 0 ? { events: rng.below(events + 1) } : { t_ms: rng.below(end_ms + 1) };
      const s0 = performance.now();
      run.seek(to);
      run.frame(false);
      times.push(performance.now() - s0);
    }
    console.log(`(seek) ${title}`);
    console.log(`    played ${events.toLocaleString('en')} events in ${(play_ms / 1000).toFixed(2)} s with checkpoints; 60 seeks: ` +
      `p50 ${pct(times, 0.5).toFixed(1)} ms, p95 ${pct(times, 0.95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms; goal: < 100 ms`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) benchSeek();
