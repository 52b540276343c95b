// The page benchmark's pure parts: source maps, trace and profile arithmetic, percentiles. The browser run itself
// is `npm run bench` (figures, no assertions).
import { describe, expect, it } from 'vitest';
import { decodeMappings, positionAt, sourceLabel, textPerSource } from '../../bench/page-sourcemap.ts';
import { analyseTrace, type TraceEvent } from '../../bench/page-trace.ts';
import { frameLabel, selfTime, type CpuProfile } from '../../bench/page-profile.ts';
import { percentile } from '../../bench/page-stats.ts';

describe('source maps', () => {
  // VLQ: the lowest bit is the sign ("K" = +5, "W" = +11, "C" = +1, "D" = −1); "gB" = +16 (a continuation digit).
  // Fields: column, Δsource, Δline, Δcolumn-in-source. Generated line 0: col 0 → source 0 line 5, col 5 → source 0
  // line 10, col 16 → source 1 line 10, col 32 → source 1 line 26; generated line 1 (the column restarts, source and
  // line do not): col 0 → source 0 line 25, col 2 → nothing (a one-field segment)
  const lines = decodeMappings('AAKA,KAKA,WCAA,gBAgBA;ADDA,E');

  it('decodes delta-coded columns and sources, including multi-digit and negative values', () => {
    expect(lines).toEqual([
      [[0, 0, 5], [5, 0, 10], [16, 1, 10], [32, 1, 26]],
      [[0, 0, 25], [2, -1, -1]],
    ]);
  });

  it('finds the segment at or before a column', () => {
    expect(positionAt(lines, 0, 4)).toEqual({ source: 0, line: 5 });
    expect(positionAt(lines, 0, 16)).toEqual({ source: 1, line: 10 });
    expect(positionAt(lines, 0, 99)).toEqual({ source: 1, line: 26 });
    expect(positionAt(lines, 1, 3)).toEqual({ source: -1, line: -1 });
    expect(positionAt(lines, 7, 0)).toEqual({ source: -1, line: -1 });
  });

  it('splits the generated text (and its newlines) among the sources', () => {
    const code = `${'0123456789'.repeat(4)}\nabcd`;
    const text = textPerSource(code, lines);
    expect(text.get(0)).toBe('0123456789012345' + 'ab');
    expect(text.get(1)).toBe('6789012345678901' + '23456789\n');
    expect(text.get(-1)).toBe('cd\n');
  });

  it('names sources by npm package or by their path under src/', () => {
    expect(sourceLabel('../../node_modules/react-dom/cjs/react-dom-client.production.js', 'file')).toBe('react-dom');
    expect(sourceLabel('../../node_modules/@scope/pkg/index.js', 'folder')).toBe('@scope/pkg');
    expect(sourceLabel('../../src/ui/queues/QueuesPanel.tsx', 'file')).toBe('src/ui/queues/QueuesPanel.tsx');
    expect(sourceLabel('../../src/ui/queues/QueuesPanel.tsx', 'folder')).toBe('src/ui/queues/');
    expect(sourceLabel('\0vite/modulepreload-polyfill.js', 'file')).toBe('(bundler runtime)');
  });
});

describe('trace', () => {
  const M = { pid: 1, tid: 1 };
  const meta = (pid: number, tid: number): TraceEvent => ({ name: 'thread_name', ph: 'M', pid, tid, ts: 0, args: { name: 'CrRendererMain' } });
  const x = (name: string, ts: number, dur: number, tdur = dur): TraceEvent => ({ name, ph: 'X', ...M, ts, dur, tdur });
  const frame = (ts: number): TraceEvent => ({ name: 'BeginMainThreadFrame', ph: 'I', ...M, ts });
  const events: TraceEvent[] = [
    meta(1, 1),
    meta(2, 2), // another renderer, idle: not the page's
    frame(0), frame(16_000), frame(32_000),
    // frame 1: a 6 ms task handling a message (script 4 ms with 1 ms GC inside, layout 1 ms, the rest the task's
    // own) and a nested duplicate of it (Chromium reports each task twice, nested)
    x('ThreadControllerImpl::RunTask', 1_000, 6_000, 5_000), x('RunTask', 1_000, 6_000, 5_000),
    x('HandlePostMessage', 1_000, 4_000), x('FunctionCall', 1_000, 4_000), x('MinorGC', 2_000, 1_000), x('Layout', 5_000, 1_000),
    // a task spanning the second frame start: 2 ms in frame 1, 3 ms in frame 2
    x('ThreadControllerImpl::RunTask', 14_000, 5_000, 5_000), x('Paint', 14_000, 5_000),
    // the simulation's worker thread: a task of 4 ms (3 ms of CPU) in the span, one after it
    { name: 'thread_name', ph: 'M', pid: 1, tid: 9, ts: 0, args: { name: 'DedicatedWorker thread' } },
    { name: 'ThreadControllerImpl::RunTask', ph: 'X', pid: 1, tid: 9, ts: 2_000, dur: 4_000, tdur: 3_000 },
    { name: 'ThreadControllerImpl::RunTask', ph: 'X', pid: 1, tid: 9, ts: 40_000, dur: 4_000, tdur: 3_000 },
  ];

  it('sums busy time per frame interval and CPU time of the tasks starting in it', () => {
    const f = analyseTrace(events)!;
    expect(f.busy_per_frame_ms).toEqual([8, 3]);
    expect(f.cpu_per_frame_ms).toEqual([10, 0]);
    expect(f.task_cpu_ms).toEqual([5, 5]);
    expect(f.message_task_cpu_ms).toEqual([5]);
    expect(f.span_ms).toBe(32);
    expect(f.worker).toEqual({ busy_ms: 4, cpu_ms: 3 });
  });

  it('splits the time by activity into self times that add up to the busy time', () => {
    const f = analyseTrace(events)!;
    expect(f.activity_ms).toEqual({ script: 3, gc: 1, 'style & layout': 1, 'paint & commit': 5, other: 1 });
  });

  it('returns null without a renderer main thread', () => {
    expect(analyseTrace([x('RunTask', 0, 1)])).toBeNull();
  });
});

describe('CPU profile', () => {
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: { functionName: '(idle)', url: '', lineNumber: -1, columnNumber: -1 } },
      { id: 2, callFrame: { functionName: 'f', url: 'http://127.0.0.1:1/assets/index-abc.js', lineNumber: 0, columnNumber: 17 } },
      { id: 3, callFrame: { functionName: 'g', url: 'http://127.0.0.1:1/assets/index-abc.js', lineNumber: 0, columnNumber: 3 } },
    ],
    samples: [2, 3, 2, 1],
    timeDeltas: [0, 1000, 2000, 500],
    startTime: 0,
    endTime: 4000,
  };
  const maps = new Map([['index-abc.js', { sources: ['../../src/viz/queues.ts', '../../node_modules/d3-selection/src/x.js'], lines: decodeMappings('AAAA,gBCAA') }]]);

  it('gives each sample the time until the next one, labelled by source through the map', () => {
    const self = selfTime(profile, (f) => frameLabel(f, maps));
    expect(Object.fromEntries(self)).toEqual({ 'd3-selection': 1 + 0.5, 'src/viz/queues.ts': 2, '(idle)': 0.5 });
  });

  it('names the source line of app functions, not of npm packages', () => {
    const at = (columnNumber: number) => ({ functionName: 'x', url: 'http://h/assets/index-abc.js', lineNumber: 0, columnNumber });
    expect(frameLabel(at(3), maps, 'function')).toBe('src/viz/queues.ts:1');
    expect(frameLabel(at(17), maps, 'function')).toBe('d3-selection');
    expect(frameLabel({ functionName: 'setAttribute', url: '', lineNumber: -1, columnNumber: -1 }, maps, 'function')).toBe('(native) setAttribute');
  });

  it('keeps URLs without a map as they are', () => {
    expect(frameLabel({ functionName: 'h', url: 'http://x/other.js', lineNumber: 0, columnNumber: 0 }, maps)).toBe('http://x/other.js');
  });
});

describe('percentile', () => {
  it('is nearest-rank', () => {
    const v = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(v, 0.95)).toBe(95);
    expect(percentile(v, 0.5)).toBe(50);
    expect(percentile([3, 1, 2], 1)).toBe(3);
    expect(percentile([], 0.5)).toBeNaN();
  });
});
