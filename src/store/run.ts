// Slice: the run the worker holds, as last reported by the worker. `gen` is the number of the run the page asked
// for last; replies about older runs are dropped by the bridge, so this slice never mixes two runs.
import type { ErrorCode, Issue, ResultView, ScenarioMeta, SimFrame } from '../worker/protocol.ts';

export type RunState =
  | { readonly phase: 'empty' }
  | { readonly phase: 'loading' }
  | { readonly phase: 'live'; readonly meta: ScenarioMeta; readonly frame: SimFrame; readonly result: ResultView | null };

export interface Problem {
  /** the worker's codes, and the page's own: the preset list or a preset file did not load; a file or link was
   *  refused before it reached the worker (too_large, bad_link: not base64url of UTF-8 text, read_failed) */
  readonly code: ErrorCode | 'presets_failed' | 'fetch_failed' | 'too_large' | 'bad_link' | 'read_failed';
  readonly issues: readonly Issue[];
}

export interface RunSlice {
  readonly gen: number;
  readonly run: RunState;
  /** the last problem reported; cleared when a run loads */
  readonly problem: Problem | null;
  /** the text of the scenario running (for export and links), null before any */
  readonly scenarioText: string | null;
}

export const initialRun: RunSlice = { gen: 0, run: { phase: 'empty' }, problem: null, scenarioText: null };
