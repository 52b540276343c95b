// `npm run bench`: runs each workload in this process and prints events processed, wall time, events per
// second, simulated seconds per wall second and memory. A benchmark prints figures; it asserts nothing.
// `npm run bench -- --quick` runs a tenth of workload (a) for a fast look. Then the page benchmark (bench/page.ts:
// frame time, worker→page bytes and the initial JavaScript's gzip size in headless Chromium); `--no-page` leaves it
// out, `npm run bench:page` runs it alone.
import { Simulation } from '../src/sim/run.ts';
import { workloads } from './workloads.ts';
import { benchSeek } from './seek.ts';
import { runPageBench } from './page.ts';

const quick = process.argv.includes('--quick');
const gc = (globalThis as { gc?: () => void }).gc;

function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MiB`;
}

for (const w of workloads(quick ? 0.1 : 1)) {
  gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = process.hrtime.bigint();
  const sim = new Simulation(w.scenario, { recordPackets: false, recordClients: false });
  let peak_heap = heap0;
  const slice = 100e6; // 100 ms of simulated time between memory readings
  for (let t = slice; !sim.done(); t += slice) {
    sim.runUntil(t);
    peak_heap = Math.max(peak_heap, process.memoryUsage().heapUsed);
  }
  const wall_s = Number(process.hrtime.bigint() - t0) / 1e9;
  const sim_s = sim.end_ns / 1e9;
  const r = sim.result({ summary: true });
  console.log(`(${w.id}) ${w.title}`);
  console.log(`    events ${sim.events.toLocaleString('en')}, wall ${wall_s.toFixed(3)} s, ${Math.round(sim.events / wall_s).toLocaleString('en')} events/s, ` +
    `${(sim_s / wall_s).toFixed(2)} simulated s per wall s, peak heap +${mib(peak_heap - heap0)}; goal: ${w.goal}`);
  const c = r.counters;
  console.log(`    SyncookiesSent ${c.SyncookiesSent ?? 0}, TCPReqQFullDrop ${c.TCPReqQFullDrop ?? 0}, ListenOverflows ${c.ListenOverflows ?? 0}, ` +
    `max syn_recv ${Math.max(...r.samples.map((s) => s.syn_recv))}, outcomes ${JSON.stringify(r.outcomes)}`);
}

benchSeek();

if (!process.argv.includes('--no-page')) await runPageBench({ quick });
