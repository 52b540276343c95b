// Slice: what the page accumulates from frames — the latest kernel decisions and packets (bounded rings), the
// counters' recent history for rates and sparklines, the terminal's transcript, and the notes an 'act' left.
// Frames carry only what is new since the previous one (or, with `replace`, the latest up to now after a load,
// reset or seek), so these are the only copies the page keeps; their caps bound the page's memory.
import type { ActNote, Counters, LiveAction, LogLine, PacketView, SimFrame, TimelineMark } from '../worker/protocol.ts';

export const LOG_CAP = 500;
export const PACKET_CAP = 400;
export const HISTORY_CAP = 120;
export const TERMINAL_CAP = 200;

export interface CounterPoint {
  readonly t_ms: number;
  readonly counters: Counters;
}

export interface TerminalEntry {
  readonly id: number;
  readonly line: string;
  /** null until the worker answers */
  readonly stdout: string | null;
  readonly stderr: string;
  readonly exit: number | null;
}

export interface ActNotice {
  readonly action: LiveAction;
  readonly notes: readonly ActNote[];
}

export interface LiveSlice {
  readonly log: readonly LogLine[];
  /** decisions the worker left out of frames (a flood makes more than a frame carries) */
  readonly log_skipped: number;
  readonly packets: readonly PacketView[];
  /** one point per frame, oldest first; restarts on replace */
  readonly history: readonly CounterPoint[];
  readonly terminal: readonly TerminalEntry[];
  /** the last applied 'act' and what the page should say about it */
  readonly notice: ActNotice | null;
  /** the counter whose events the log shows (null: all) */
  readonly selectedCounter: string | null;
  /** client ids the ladder follows ([] = the worker's choice) */
  readonly watch: readonly number[];
  /** where the key counters moved over the run so far, one mark per (bucket, counter), by bucket */
  readonly timeline: readonly TimelineMark[];
}

export const initialLive: LiveSlice = {
  log: [], log_skipped: 0, packets: [], history: [], terminal: [], notice: null, selectedCounter: null, watch: [], timeline: [],
};

function capped<T>(old: readonly T[], add: readonly T[], cap: number, replace: boolean): readonly T[] {
  if (replace) return add.length > cap ? add.slice(add.length - cap) : add;
  if (add.length === 0) return old;
  const all = old.concat(add);
  return all.length > cap ? all.slice(all.length - cap) : all;
}

/** The live slice after a frame. */
/** The timeline with a frame's marks: they replace the marks of the same (bucket, counter). */
function mergeMarks(old: readonly TimelineMark[], add: readonly TimelineMark[], replace: boolean): readonly TimelineMark[] {
  if (replace) return [...add].sort((a, b) => a.bucket - b.bucket);
  if (add.length === 0) return old;
  const key = (m: TimelineMark) => `${m.bucket}:${m.field}`;
  const byKey = new Map(old.map((m) => [key(m), m]));
  for (const m of add) byKey.set(key(m), m);
  return [...byKey.values()].sort((a, b) => a.bucket - b.bucket);
}

export function withFrame(s: LiveSlice, f: SimFrame): Pick<LiveSlice, 'log' | 'log_skipped' | 'packets' | 'history' | 'timeline'> {
  const point: CounterPoint = { t_ms: f.t_ms, counters: f.counters };
  const last = s.history[s.history.length - 1];
  // a paused Step inside one millisecond still moves the counters: replace the point rather than stack two
  const history = f.replace ? [point] : last && last.t_ms === f.t_ms ? [...s.history.slice(0, -1), point] : capped(s.history, [point], HISTORY_CAP, false);
  return {
    log: capped(s.log, f.log, LOG_CAP, f.replace),
    log_skipped: (f.replace ? 0 : s.log_skipped) + f.log_skipped,
    packets: capped(s.packets, f.packets, PACKET_CAP, f.replace),
    history,
    timeline: mergeMarks(s.timeline, f.timeline, f.replace),
  };
}

export function withTerminalAsk(s: LiveSlice, id: number, line: string): readonly TerminalEntry[] {
  return capped(s.terminal, [{ id, line, stdout: null, stderr: '', exit: null }], TERMINAL_CAP, false);
}

export function withTerminalAnswer(s: LiveSlice, id: number, stdout: string, stderr: string, exit: number): readonly TerminalEntry[] {
  return s.terminal.map((e) => (e.id === id ? { ...e, stdout, stderr, exit } : e));
}
