// The page benchmark of `npm run bench` (also alone: `npm run bench:page`). Issue: p95 frame time and worker→page
// bytes per second while animating a 10,000 SYN/s flood at 1× in headless Chromium, and the gzip size of the
// initial JavaScript; goals p95 ≤ 16.7 ms and ≤ 150 kB. It prints figures and asserts nothing; without Chromium it
// prints the bundle figures and says the browser part was skipped. `npm run bench:page -- --commit <rev>` measures
// a commit's files instead of the working tree (which other work in progress may leave unbuildable).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { startupChunks, type Chunk } from './page-bundle.ts';
import { decodeMappings, sourceLabel, textPerSource, type SourceMapV3 } from './page-sourcemap.ts';
import { frameLabel, selfTime, type ChunkMaps, type CpuProfile } from './page-profile.ts';
import { analyseTrace, parseTrace, TRACE_CATEGORIES, type Activity, type MainThreadFigures } from './page-trace.ts';
import { probe, TALLY_INIT, tallyOn, type ProbeResult, type Tally } from './page-probe.ts';
import { floodScenario, FLOOD_NAME, FLOOD_RATE } from './page-scenario.ts';
import { serveStatic } from './page-server.ts';
import { kB, ms, pct, percentile, top, verdict } from './page-stats.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const FRAME_GOAL_MS = 16.7;
const SIZE_GOAL_BYTES = 150_000;
const VIEWPORT = { width: 1366, height: 768 };

export interface PageBenchOptions {
  /** a shorter window (5 s instead of 8 s) */
  readonly quick?: boolean;
  /** measure this commit (git archive into a temporary folder) instead of the working tree */
  readonly commit?: string;
}

const say = (line = '') => console.log(line);
const T0 = Date.now();
/** BENCH_PAGE_DEBUG=1: when each phase starts, on stderr; the trace and a screenshot kept in the OS's temporary folder */
const phase = (what: string) => process.env.BENCH_PAGE_DEBUG && console.error(`[page bench +${((Date.now() - T0) / 1000).toFixed(1)} s] ${what}`);
const row = (label: string, text: string) => say(`    ${label.padEnd(32)}${text}`);
const seconds = (x: number) => `${(x / 1000).toFixed(1)} s`;
/** a wait in this process (page.waitForTimeout waits on a page that may be busy) */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const git = (...args: string[]) => execFileSync('git', args, { cwd: REPO, encoding: 'utf8' }).trim();

/** the working tree, or a commit's files in a temporary folder; with a label naming the commit */
function appSource(rev: string | undefined, tmp: string): { root: string; label: string } {
  if (rev !== undefined) {
    const root = join(tmp, 'app');
    mkdirSync(root);
    execFileSync('sh', ['-c', 'git archive "$1" | tar -x -C "$2"', 'sh', rev, root], { cwd: REPO });
    symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
    return { root, label: `${git('rev-parse', '--short', rev)} (committed files only)` };
  }
  try {
    const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
    return { root: REPO, label: `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' + uncommitted changes' : ''}` };
  } catch {
    return { root: REPO, label: 'unknown commit' };
  }
}

/**
 * The app as `vite build` makes it (what the page loads and the bench measures), and again with 'hidden' source
 * maps, whose only use is to say which source file a chunk's bytes and profiled functions come from (the served
 * build has no maps: its service worker would precache them).
 */
async function buildPage(root: string, outDir: string, mapDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({ root, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  await build({ root, logLevel: 'error', build: { outDir: mapDir, emptyOutDir: true, sourcemap: 'hidden' } });
}

/** a chunk's map, if the build with maps made the same file (same name: same content hash) */
function readMap(mapDir: string, file: string): SourceMapV3 | null {
  const path = join(mapDir, `${file}.map`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as SourceMapV3) : null;
}

function reportBundle(mapDir: string, all: readonly Chunk[]): void {
  const chunks = all.filter((c) => c.role !== 'service worker');
  const page = chunks.filter((c) => c.role !== 'worker');
  const worker = chunks.filter((c) => c.role === 'worker');
  const sw = all.filter((c) => c.role === 'service worker');
  const sum = (cs: readonly Chunk[]) => cs.reduce((s, c) => s + c.gzip, 0);
  const total = sum(chunks);
  const names = (cs: readonly Chunk[]) => cs.map((c) => `${basename(c.file)} ${kB(c.gzip)}`).join(' + ');
  const goal = (bytes: number) => `goal ≤ ${kB(SIZE_GOAL_BYTES)}: ${verdict(bytes <= SIZE_GOAL_BYTES)}`;
  row('initial JS, page (gzip -9)', `${names(page)} = ${kB(sum(page))}   ${goal(sum(page))}`);
  row('initial JS, worker (gzip -9)', `${names(worker) || 'none found'} = ${kB(sum(worker))} (fetched at start: no scenario runs without it)`);
  row('initial JS, page + worker', `${kB(total)} (${kB(chunks.reduce((s, c) => s + c.raw, 0))} minified)   ${goal(total)}`);
  if (sw.length > 0) row('service worker (gzip -9)', `${names(sw)}: registered once the page runs, off its critical path (not counted)`);
  composition('page JS by source', mapDir, page);
  composition('worker JS by source', mapDir, worker);
}

/**
 * Which sources fill some chunks: minified characters, and each group's text gzipped alone (gzip does not split per
 * source: these do not add up to the total, but say what loading a group later would save).
 */
function composition(label: string, mapDir: string, chunks: readonly Chunk[]): void {
  const bySource = new Map<string, string[]>();
  for (const c of chunks) {
    const map = readMap(mapDir, c.file);
    if (!map) continue;
    for (const [s, text] of textPerSource(readFileSync(join(mapDir, c.file), 'utf8'), decodeMappings(map.mappings))) {
      const group = s < 0 ? '(unmapped)' : sourceLabel(map.sources[s], 'folder');
      bySource.set(group, [...(bySource.get(group) ?? []), text]);
    }
  }
  const groups = [...bySource].map(([k, texts]) => ({ k, text: texts.join('') })).sort((a, b) => b.text.length - a.text.length);
  const raw = chunks.reduce((s, c) => s + c.raw, 0);
  if (groups.length === 0) return;
  row(label, groups.slice(0, 8).map(({ k, text }) =>
    `${k} ${kB(text.length)} (${pct(text.length, raw)}; gzip alone ${kB(gzipSync(text, { level: 9 }).length)})`).join(', '));
}

async function launch(): Promise<Browser | string> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) return `no Chromium at ${executablePath} (set CHROMIUM_PATH)`;
  try {
    const { chromium } = await import('@playwright/test');
    // the launch arguments of playwright.config.ts: no sandbox (containers), no GPU, no network beyond this host
    return await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost'],
    });
  } catch (e) {
    return `Chromium did not start: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
  }
}

/** open the flood by a #scenario= link and set 1×; null when ready to play, else what went wrong */
async function openFlood(page: Page, url: string, scenario: string, problems: string[]): Promise<string | null> {
  await page.goto(`${url}?lang=en#scenario=${Buffer.from(scenario, 'utf8').toString('base64url')}`);
  const play = page.getByRole('button', { name: 'Play', exact: true });
  try {
    await play.waitFor({ timeout: 20_000 });
    // a link the page refuses falls back to a preset: make sure the flood is what runs
    const name = await page.getByTestId('scenario-title').getAttribute('data-name', { timeout: 20_000 });
    if (name !== FLOOD_NAME) throw new Error(`the page runs ${JSON.stringify(name)}, not the flood`);
    for (let t = 0; !(await play.isEnabled()); t += 250) {
      if (t > 20_000) throw new Error('Play stayed disabled');
      await page.waitForTimeout(250);
    }
    await page.getByRole('combobox', { name: /speed/i }).selectOption('1');
    return null;
  } catch (e) {
    const banner = await page.locator('[role=alert]').allInnerTexts().catch(() => []);
    return [e instanceof Error ? e.message.split('\n')[0] : String(e), ...banner, ...problems].join(' | ');
  }
}

interface Windows {
  readonly frames_ms: number;
  readonly trace_ms: number;
  readonly profile_ms: number;
}

interface Measured {
  /** each part, or why it is missing */
  readonly probe: ProbeResult | string;
  readonly trace: MainThreadFigures | string;
  /** worker→page messages counted during the trace window: first and last reading */
  readonly tally: [Tally, Tally] | string;
  readonly profile: CpuProfile | string;
}

/** a page that keeps its main thread blocked answers late or never: give each step a deadline */
async function within<T>(what: string, ms: number, p: Promise<T>): Promise<T | string> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`${what}: no answer within ${seconds(ms)} (the page's main thread is blocked)`), ms);
  });
  try {
    return await Promise.race([p, late]);
  } catch (e) {
    return `${what}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
  } finally {
    clearTimeout(timer);
  }
}

const GRACE_MS = 60_000;

/**
 * Three windows one after the other, so the instruments do not load the figures they do not report: a CPU profile
 * from Play on (which source's code runs; also the warm-up), the frame intervals alone (the goal figure), then a
 * trace (main-thread work per frame) with the worker→page tally (its JSON.stringify costs the page time).
 */
async function measure(browser: Browser, page: Page, w: Windows): Promise<Measured> {
  phase('CPU profile window (Play pressed)');
  // the profiler starts before Play: a page busy animating takes its time to answer the inspector
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await sleep(w.profile_ms);
  const profile = await within('CPU profile', GRACE_MS, cdp.send('Profiler.stop').then((r) => r.profile as unknown as CpuProfile));
  await cdp.detach().catch(() => undefined);
  phase('frames window');
  const result = await within('frame probe', w.frames_ms + GRACE_MS, page.evaluate(probe(w.frames_ms)) as Promise<ProbeResult>);
  phase('trace window, worker→page messages counted');
  let tally: [Tally, Tally] | string = 'the page did not answer in time';
  const trace = await within('trace', w.trace_ms + GRACE_MS, (async () => {
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const t0 = (await page.evaluate(tallyOn(true))) as Tally | null;
    await sleep(w.trace_ms);
    const t1 = (await page.evaluate(tallyOn(false))) as Tally | null;
    tally = t0 && t1 ? [t0, t1] : 'the page has no __backlogBench tally (src/worker/client.ts)';
    const buf = await browser.stopTracing();
    if (process.env.BENCH_PAGE_DEBUG) writeFileSync(join(tmpdir(), 'backlog-page-bench-trace.json'), buf);
    return analyseTrace(parseTrace(buf)) ?? 'trace: no renderer main thread in it (the renderer did not report)';
  })());
  phase('done');
  if (process.env.BENCH_PAGE_DEBUG) await page.screenshot({ path: join(tmpdir(), 'backlog-page-bench.png'), timeout: 30_000 }).catch(() => undefined);
  return { probe: result, trace, tally, profile };
}

function chunkMaps(mapDir: string, chunks: readonly Chunk[]): ChunkMaps {
  const maps = new Map<string, { sources: readonly string[]; lines: ReturnType<typeof decodeMappings> }>();
  for (const c of chunks) {
    const map = readMap(mapDir, c.file);
    if (map) maps.set(basename(c.file), { sources: map.sources, lines: decodeMappings(map.mappings) });
  }
  return maps;
}

function reportPage(m: Measured, maps: ChunkMaps): void {
  if (typeof m.probe === 'string') row('frame interval (rAF deltas)', `not measured: ${m.probe}   goal p95 ≤ ${FRAME_GOAL_MS} ms: ${verdict(null)}`);
  else reportProbe(m.probe);
  if (typeof m.tally === 'string') row('worker→page messages', `not measured: ${m.tally}`);
  else reportTally(m.tally);
  if (typeof m.trace === 'string') row('main-thread work per frame', `not measured: ${m.trace}`);
  else reportTrace(m.trace);
  if (typeof m.profile === 'string') row('JS self time (CPU profile)', `not measured: ${m.profile}`);
  else reportProfile(m.profile, maps);
}

function reportProbe({ intervals, loaf, wall_ms, sim_ms, status }: ProbeResult): void {
  if (status[0] !== 'playing' || status[1] !== 'playing') row('run status', `${status[0]} at the start of the window, ${status[1]} at its end: the flood was not playing throughout`);
  // rAF timestamps are vsync-aligned: a frame is late when it took more than one and a half vsync intervals, and
  // "p95 ≤ 16.7 ms" holds exactly when at most 5 % of the frames are late (values like 16.8 ms are timer jitter)
  const late = intervals.filter((d) => d > 1.5 * FRAME_GOAL_MS).length;
  const frameOk = intervals.length === 0 ? null : late <= 0.05 * intervals.length;
  row('frame interval (rAF deltas)', `p50 ${ms(percentile(intervals, 0.5))}, p95 ${ms(percentile(intervals, 0.95))}, max ${ms(Math.max(...intervals))}; ` +
    `${late} of ${intervals.length} frames late (> 25 ms)   goal p95 ≤ ${FRAME_GOAL_MS} ms: ${verdict(frameOk)}`);
  if (loaf) {
    const blocking = loaf.reduce((s, e) => s + e.blocking, 0);
    row('long animation frames ≥ 50 ms', `${loaf.length} (${(loaf.length / (wall_ms / 1000)).toFixed(1)}/s, blocking ${ms(blocking)} in all)`);
  }
  const [s0, s1] = sim_ms;
  row('simulated / wall time', s0 !== null && s1 !== null ? `${((s1 - s0) / wall_ms).toFixed(2)} (1× speed asked; window ${ms(wall_ms)})` : 'not shown by the page');
}

function reportTally([a, b]: [Tally, Tally]): void {
  const s = (b.at - a.at) / 1000;
  const n = b.messages - a.messages;
  const chars = b.json_chars - a.json_chars;
  row('worker→page messages', `${(n / s).toFixed(1)}/s, ${kB(chars / s)}/s (${kB(chars / Math.max(1, n))} per message; ` +
    `JSON length ≈ structured-clone bytes; counted in the trace window, ${((b.count_ms - a.count_ms) / Math.max(1, n)).toFixed(2)} ms per message)`);
}

function reportTrace(t: MainThreadFigures): void {
  const busy = t.busy_per_frame_ms;
  const cpu = t.cpu_per_frame_ms;
  const per_s = (x: number) => `${Math.round(x / (t.span_ms / 1000))} ms per s`;
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  row('main-thread work per frame', `p50 ${ms(percentile(busy, 0.5))}, p95 ${ms(percentile(busy, 0.95))}, max ${ms(Math.max(...busy))}; ` +
    `${busy.filter((b) => b > FRAME_GOAL_MS).length} of ${busy.length} frames over ${FRAME_GOAL_MS} ms; busy ${pct(sum(busy), t.span_ms)} of the time (trace, wall clock)`);
  // thread time does not count the waits of a busy machine: the figures for what the page itself costs
  row('main-thread CPU per frame', `p50 ${ms(percentile(cpu, 0.5))}, p95 ${ms(percentile(cpu, 0.95))}, max ${ms(Math.max(...cpu))} (thread time; late frames gather several tasks)`);
  // on an idle machine a task of more than a frame's worth of CPU makes a frame late: more of them than 5 % of
  // 60 frames a second put p95 over 16.7 ms
  const long = t.task_cpu_ms.filter((x) => x > FRAME_GOAL_MS);
  const lateShare = long.length / (t.span_ms / 1000) / 60;
  row('main-thread CPU', `${per_s(sum(t.task_cpu_ms))} (${pct(sum(t.task_cpu_ms), t.span_ms)} of a core); ` +
    `${long.length} tasks over ${FRAME_GOAL_MS} ms of CPU${long.length > 0 ? ` (longest ${ms(Math.max(...long))})` : ''}, ` +
    `${pct(lateShare, 1)} of 60 frames/s   idle-machine estimate of p95 ≤ ${FRAME_GOAL_MS} ms: ${verdict(t.span_ms > 0 ? lateShare <= 0.05 : null)}`);
  const msg = t.message_task_cpu_ms;
  if (msg.length > 0) row('CPU per message task', `p50 ${ms(percentile(msg, 0.5))}, p95 ${ms(percentile(msg, 0.95))}, max ${ms(Math.max(...msg))} over ${msg.length} tasks (postMessage handlers: the worker's frames, React's scheduler)`);
  if (t.worker) row('worker thread (the simulation)', `CPU ${per_s(t.worker.cpu_ms)}, busy ${pct(t.worker.busy_ms, t.span_ms)} of the time (wall clock)`);
  const total = sum(Object.values(t.activity_ms));
  const acts = Object.entries(t.activity_ms) as [Activity, number][];
  row('main-thread time by activity', acts.sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${pct(v, total)}`).join(', '));
}

function reportProfile(profile: CpuProfile, maps: ChunkMaps): void {
  const self = selfTime(profile, (f) => frameLabel(f, maps));
  // (program) is the browser's own work outside JavaScript (style, layout, paint…), already split up by the trace
  const program = self.get('(program)') ?? 0;
  for (const k of ['(idle)', '(root)', '(program)']) self.delete(k);
  const js = [...self.values()].reduce((a, b) => a + b, 0);
  const span = (profile.endTime - profile.startTime) / 1000;
  row('JS self time (CPU profile)', `${ms(js)} of JS in ${seconds(span)} (+ ${ms(program)} outside JS): ${top(self, 8, ms, js).join(', ')}`);
  // the app's hottest functions by source line (a forced layout shows as self time of the function that forced it)
  const fns = selfTime(profile, (f) => frameLabel(f, maps, 'function'));
  for (const k of [...fns.keys()]) if (!k.startsWith('src/')) fns.delete(k);
  if (fns.size > 0) row('hottest app functions', top(fns, 6, ms, js).join(', '));
}

export async function runPageBench(opts: PageBenchOptions = {}): Promise<void> {
  const w: Windows = opts.quick
    ? { profile_ms: 3_000, frames_ms: 5_000, trace_ms: 4_000 }
    : { profile_ms: 4_000, frames_ms: 8_000, trace_ms: 8_000 };
  const tmp = mkdtempSync(join(tmpdir(), 'backlog-page-bench-'));
  const outDir = join(tmp, 'dist');
  const mapDir = join(tmp, 'dist-maps');
  let browser: Browser | null = null;
  try {
    const app = appSource(opts.commit, tmp);
    say(`(page) ${FLOOD_RATE.toLocaleString('en')} SYN/s flood animated at 1× in headless Chromium, ${VIEWPORT.width}×${VIEWPORT.height}; commit ${app.label}`);
    phase('build');
    try {
      await buildPage(app.root, outDir, mapDir);
    } catch (e) {
      process.exitCode = 1;
      // eslint-disable-next-line no-control-regex -- the bundler colours its messages
      const text = (e instanceof Error ? e.message : String(e)).replace(/\x1b\[[0-9;]*m/g, '');
      return say(`    the app did not build: ${text.split('\n').slice(0, 4).join(' ')}`);
    }
    const chunks = startupChunks(outDir);
    reportBundle(mapDir, chunks);
    const launched = await launch();
    if (typeof launched === 'string') return say(`    browser part skipped: ${launched}`);
    browser = launched;
    const server = await serveStatic(outDir);
    try {
      const page = await browser.newPage({ viewport: VIEWPORT });
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
      });
      await page.addInitScript(TALLY_INIT);
      phase('page load');
      // the run lasts beyond the windows and the time a busy page takes to answer, so the flood plays throughout
      const failed = await openFlood(page, server.url, floodScenario(w.profile_ms + w.frames_ms + w.trace_ms + 2 * GRACE_MS), problems);
      if (failed !== null) return say(`    browser part: the page did not open the flood: ${failed}`);
      const m = await measure(browser, page, w);
      say(`    Chromium ${browser.version()}, software rendering (--disable-gpu), ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)}; ` +
        `from Play: CPU profile ${seconds(w.profile_ms)} (the warm-up), then frames ${seconds(w.frames_ms)}, then trace ${seconds(w.trace_ms)}`);
      if (loadavg()[0] > cpus().length) {
        row('note', `the machine is busy (load ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs): wall-clock figures (frame intervals, work per frame) ` +
          'include waits for a CPU and say more about the machine than the page; the CPU figures do not');
      }
      reportPage(m, chunkMaps(mapDir, chunks));
      if (problems.length > 0) row('page problems', problems.slice(0, 3).join(' | '));
    } finally {
      await server.close();
    }
  } finally {
    await browser?.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--commit');
  await runPageBench({ quick: process.argv.includes('--quick'), commit: at > 0 ? process.argv[at + 1] : undefined });
}
