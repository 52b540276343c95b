// What the worker's host needs from a run: exactly the public surface of live_run.ts's LiveRun, written as an
// interface so the host can be driven by a fake in unit tests (the real one is wired in open.ts).
import type { ActOutcome, ShellAnswer } from './live_run.ts';
import type { CapturedPacket } from './pcap.ts';
import type { ErrorCode, Issue, LiveAction, RecordedChange, ResultView, ScenarioMeta, SeekTarget, SimFrame } from './protocol.ts';

export interface RunPort {
  readonly now_ns: number;
  readonly end_ns: number;
  readonly events: number;
  done(): boolean;
  step(): boolean;
  runUntil(t_ns: number): void;
  runToEnd(): void;
  /** the frame for now; log lines and packets since the previous frame */
  frame(playing: boolean): SimFrame;
  result(): ResultView;
  act(a: LiveAction): ActOutcome;
  shell(line: string): ShellAnswer;
  watch(ids: readonly number[]): void;
  reset(): void;
  stepBack(): void;
  seek(to: SeekTarget): void;
  /** every packet of the run so far (a separate replay) */
  capture(limit: number): { packets: CapturedPacket[]; truncated: boolean };
  moment(): RecordedChange[];
  openMoment(events: number, changes: readonly RecordedChange[]): ActOutcome;
}

/** Turns scenario text into a ready run, or says why it cannot. Never throws for bad input. */
export type OpenScenario = (
  text: string,
) => { readonly ok: true; readonly sim: RunPort; readonly meta: ScenarioMeta } | { readonly ok: false; readonly code: ErrorCode; readonly issues: Issue[] };
