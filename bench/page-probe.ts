// What the bench runs inside the page. Plain JavaScript in strings: functions passed to page.evaluate would carry
// the helpers tsx adds to compiled TypeScript (e.g. __name), which do not exist in the page.

/** set before the app's scripts run: the worker-message tally of src/worker/client.ts, off until tallyOn() */
export const TALLY_INIT = 'globalThis.__backlogBench = { on: false, messages: 0, json_chars: 0, count_ms: 0 };';

export interface Tally {
  readonly on: boolean;
  readonly messages: number;
  readonly json_chars: number;
  readonly count_ms: number;
  /** performance.now() when read */
  readonly at: number;
}

/** expressions that switch the tally on or off and return it (null: the page has none) */
export const tallyOn = (on: boolean) =>
  `globalThis.__backlogBench ? (globalThis.__backlogBench.on = ${on}, { ...globalThis.__backlogBench, at: performance.now() }) : null`;

export interface ProbeResult {
  /** requestAnimationFrame timestamp deltas, ms */
  readonly intervals: number[];
  /** long animation frames (≥ 50 ms, PerformanceObserver 'long-animation-frame'), if the browser reports them */
  readonly loaf: { duration: number; blocking: number }[] | null;
  readonly wall_ms: number;
  /** the page's simulated clock (data-testid="sim-time" data-ms) at the start and end, null if absent */
  readonly sim_ms: [number | null, number | null];
  /** the run's status (data-testid="run-status" data-status: playing, paused, done…) at the start and end */
  readonly status: [string | null, string | null];
}

/** an expression: a promise that watches the page for `ms` milliseconds and resolves with a ProbeResult */
export function probe(ms: number): string {
  return `new Promise((resolve) => {
  const simMs = () => { const el = document.querySelector('[data-testid="sim-time"]'); const v = el && Number(el.getAttribute('data-ms')); return el && Number.isFinite(v) ? v : null; };
  const status = () => { const el = document.querySelector('[data-testid="run-status"]'); return el && el.getAttribute('data-status'); };
  const intervals = [];
  const t0 = performance.now(), sim0 = simMs(), status0 = status();
  let loaf = null, observer = null;
  // entries arrive late: keep the frames that started inside the window
  const keep = (entries) => { for (const e of entries) if (e.startTime >= t0) loaf.push({ duration: e.duration, blocking: e.blockingDuration }); };
  if ((PerformanceObserver.supportedEntryTypes || []).includes('long-animation-frame')) {
    loaf = [];
    observer = new PerformanceObserver((list) => keep(list.getEntries()));
    observer.observe({ type: 'long-animation-frame' });
  }
  let last = null;
  const frame = (t) => {
    if (last !== null) intervals.push(t - last);
    last = t;
    if (performance.now() - t0 < ${ms}) return requestAnimationFrame(frame);
    if (observer) { keep(observer.takeRecords()); observer.disconnect(); }
    resolve({ intervals, loaf, wall_ms: performance.now() - t0, sim_ms: [sim0, simMs()], status: [status0, status()] });
  };
  requestAnimationFrame(frame);
})`;
}
