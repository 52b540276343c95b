// Reads a Chromium trace (Playwright's browser.startTracing) of the page: how long the renderer's main thread was
// busy in each frame, and what it was busy with.
export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8',
];

export interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number; // µs
  readonly dur?: number; // µs, for ph 'X'
  readonly tdur?: number; // µs of the thread's CPU time, for ph 'X'
  readonly args?: { name?: string };
}

export type Activity = 'script' | 'gc' | 'style & layout' | 'paint & commit' | 'other';

export interface MainThreadFigures {
  /** main-thread busy time in each frame interval (between two BeginMainThreadFrame), ms */
  readonly busy_per_frame_ms: number[];
  /** CPU time of the main thread's tasks that started in each frame interval, ms: unlike the busy time, it does
   * not grow when other processes take the CPU away (but a late frame gathers more tasks) */
  readonly cpu_per_frame_ms: number[];
  /** CPU time of each main-thread task between the first and the last frame start, ms */
  readonly task_cpu_ms: number[];
  /** the same, of the tasks that handle a postMessage (the worker's frames; React's scheduler posts messages too) */
  readonly message_task_cpu_ms: number[];
  /** self time per activity over the whole trace, ms */
  readonly activity_ms: Record<Activity, number>;
  /** from the first to the last frame start, ms */
  readonly span_ms: number;
  /** the page's dedicated worker threads (the simulation) over the same span: busy (wall) and CPU time, ms;
   * null: none seen */
  readonly worker: { readonly busy_ms: number; readonly cpu_ms: number } | null;
}

const ACTIVITY: Record<string, Activity> = {
  FunctionCall: 'script', HandlePostMessage: 'script', FireAnimationFrame: 'script', EventDispatch: 'script',
  EvaluateScript: 'script', TimerFire: 'script', 'v8.compile': 'script', 'v8.callFunction': 'script', 'V8.Execute': 'script',
  BlinkScheduler_PerformMicrotaskCheckpoint: 'script', RunMicrotasks: 'script',
  MinorGC: 'gc', MajorGC: 'gc', BlinkGC: 'gc',
  UpdateLayoutTree: 'style & layout', Layout: 'style & layout', HitTest: 'style & layout', RecalculateStyles: 'style & layout',
  Paint: 'paint & commit', PrePaint: 'paint & commit', Commit: 'paint & commit', Layerize: 'paint & commit',
  UpdateLayer: 'paint & commit', PaintImage: 'paint & commit',
};

function activityOf(name: string): Activity {
  return ACTIVITY[name] ?? (name.startsWith('V8.GC') ? 'gc' : 'other');
}

/** the renderer main thread with the most complete events (the page's; other renderers are idle) */
function mainThread(events: readonly TraceEvent[]): { pid: number; tid: number } | null {
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let best: { pid: number; tid: number } | null = null;
  let most = -1;
  for (const m of mains) {
    const n = events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.ph === 'X').length;
    if (n > most) [best, most] = [{ pid: m.pid, tid: m.tid }, n];
  }
  return best;
}

/** busy time inside each [starts[i], starts[i+1]), from disjoint sorted [start, end) spans */
function busyBetween(starts: readonly number[], busy: readonly [number, number][]): number[] {
  const out: number[] = [];
  let k = 0;
  for (let i = 0; i + 1 < starts.length; i++) {
    const [a, b] = [starts[i], starts[i + 1]];
    while (k < busy.length && busy[k][1] <= a) k++;
    let sum = 0;
    for (let j = k; j < busy.length && busy[j][0] < b; j++) sum += Math.min(b, busy[j][1]) - Math.max(a, busy[j][0]);
    out.push(sum);
  }
  return out;
}

/** the tasks not nested in another (Chromium reports each task twice, nested), in time order */
function outermost(tasks: readonly TraceEvent[]): TraceEvent[] {
  const out: TraceEvent[] = [];
  let end = -Infinity;
  for (const t of [...tasks].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))) {
    if (t.ts < end) continue;
    out.push(t);
    end = t.ts + (t.dur ?? 0);
  }
  return out;
}

/** CPU time (tdur) of the outermost tasks starting inside each [starts[i], starts[i+1]) */
function cpuBetween(starts: readonly number[], outer: readonly TraceEvent[]): number[] {
  const out = starts.slice(1).map(() => 0);
  let i = 0;
  for (const t of outer) {
    while (i < out.length && t.ts >= starts[i + 1]) i++;
    if (i >= out.length) break;
    if (t.ts >= starts[i]) out[i] += t.tdur ?? t.dur ?? 0;
  }
  return out;
}

/** self time (duration less nested events) per activity, over the thread's complete events (a task's own time,
 * outside any event nested in it, counts as 'other') */
function selfTimes(xs: readonly TraceEvent[]): Record<Activity, number> {
  const out: Record<Activity, number> = { script: 0, gc: 0, 'style & layout': 0, 'paint & commit': 0, other: 0 };
  const sorted = [...xs].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const stack: { end: number; act: Activity; self: number }[] = [];
  const pop = () => {
    const top = stack.pop()!;
    out[top.act] += top.self;
  };
  for (const e of sorted) {
    const dur = e.dur ?? 0;
    while (stack.length > 0 && stack[stack.length - 1].end <= e.ts) pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.self -= Math.min(dur, parent.end - e.ts);
    stack.push({ end: e.ts + dur, act: activityOf(e.name), self: dur });
  }
  while (stack.length > 0) pop();
  for (const k of Object.keys(out) as Activity[]) out[k] /= 1000;
  return out;
}

const isTask = (e: TraceEvent) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');

export function analyseTrace(events: readonly TraceEvent[]): MainThreadFigures | null {
  const main = mainThread(events);
  if (!main) return null;
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const xs = mine.filter((e) => e.ph === 'X' && e.dur !== undefined);
  const tasks = outermost(xs.filter(isTask));
  const starts = mine.filter((e) => e.name === 'BeginMainThreadFrame').map((e) => e.ts).sort((a, b) => a - b);
  const [first, last] = [starts[0] ?? 0, starts[starts.length - 1] ?? 0];
  const inSpan = (t: TraceEvent) => t.ts >= first && t.ts < last;
  const workers = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === main.pid && e.args?.name === 'DedicatedWorker thread').map((e) => e.tid));
  const workerTasks = outermost(events.filter((e) => e.pid === main.pid && workers.has(e.tid) && isTask(e))).filter(inSpan);
  const cpu = (ts: readonly TraceEvent[]) => ts.reduce((s, t) => s + (t.tdur ?? t.dur ?? 0), 0) / 1000;
  const messages = xs.filter((e) => e.name === 'HandlePostMessage').map((e) => e.ts);
  const handles = (t: TraceEvent) => messages.some((ts) => ts >= t.ts && ts < t.ts + (t.dur ?? 0));
  return {
    busy_per_frame_ms: busyBetween(starts, tasks.map((e) => [e.ts, e.ts + (e.dur ?? 0)])).map((us) => us / 1000),
    cpu_per_frame_ms: cpuBetween(starts, tasks).map((us) => us / 1000),
    task_cpu_ms: tasks.filter(inSpan).map((t) => (t.tdur ?? t.dur ?? 0) / 1000),
    message_task_cpu_ms: tasks.filter((t) => inSpan(t) && handles(t)).map((t) => (t.tdur ?? t.dur ?? 0) / 1000),
    activity_ms: selfTimes(xs),
    span_ms: (last - first) / 1000,
    worker: workers.size === 0 || starts.length < 2 ? null : {
      busy_ms: busyBetween([first, last], workerTasks.map((e) => [e.ts, e.ts + (e.dur ?? 0)]))[0] / 1000,
      cpu_ms: cpu(workerTasks),
    },
  };
}

export function parseTrace(buf: Buffer): TraceEvent[] {
  const json = JSON.parse(buf.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(json) ? json : (json.traceEvents ?? []);
}
