// The message protocol between the page and the simulation worker, and the view model it carries.
// Versioned and tagged on `type`, so both sides handle every message in an exhaustive switch and a page from one
// build never silently misreads a worker from another. Frames are bounded: counts and aggregates, never the
// model's state (a 65 535-entry SYN queue must not be structured-cloned 60 times a second).
// The page (ui, viz, store) sees the model only through these types.
import type { MibField } from '../kernel/mib.ts';
import type { ClientOutcome } from '../sim/result.ts';

export const PROTOCOL_VERSION = 1;
export type ProtocolVersion = typeof PROTOCOL_VERSION;

export type CounterField = MibField;
export type Outcome = ClientOutcome;
/** SNMP counters under the kernel's field names; a missing field is 0 */
export type Counters = Partial<Record<CounterField, number>>;

/** Where an input is wrong and how ("speed: expected a number > 0, got -1"). */
export interface Issue {
  readonly path: string;
  readonly message: string;
}

// ---- page → worker -------------------------------------------------------------------------------------------
/** `gen` numbers a run: every reply about that run carries it, so the page can drop replies to older runs. */
export type ToWorkerBody =
  | { readonly type: 'load'; readonly gen: number; readonly text: string }
  | { readonly type: 'reset'; readonly gen: number }
  | { readonly type: 'run_to_end' }
  | { readonly type: 'step' }
  /** speed: simulated milliseconds per wall-clock millisecond */
  | { readonly type: 'play'; readonly speed: number }
  | { readonly type: 'pause' };
export type ToWorker = ToWorkerBody & { readonly v: ProtocolVersion };
export type ToWorkerType = ToWorker['type'];

// ---- worker → page -------------------------------------------------------------------------------------------
export type ErrorCode =
  | 'bad_message' // the page sent something this protocol does not know: nothing was changed
  | 'bad_json' // the scenario text is not JSON
  | 'invalid_scenario' // validateScenario() rejected it; issues say where
  | 'no_scenario' // a command before any scenario was loaded
  | 'sim_failed' // the model threw (a broken invariant is a bug): the run is stopped
  | 'worker_failed'; // page side only: the worker itself crashed or sent garbage

export type FromWorkerBody =
  | { readonly type: 'loaded'; readonly gen: number; readonly meta: ScenarioMeta; readonly frame: SimFrame }
  | { readonly type: 'frame'; readonly gen: number; readonly frame: SimFrame }
  | { readonly type: 'result'; readonly gen: number; readonly frame: SimFrame; readonly result: ResultView }
  /** gen null: not about a run (a malformed message) */
  | { readonly type: 'error'; readonly gen: number | null; readonly code: ErrorCode; readonly issues: readonly Issue[] };
export type FromWorker = FromWorkerBody & { readonly v: ProtocolVersion };
export type FromWorkerType = FromWorker['type'];

// ---- view model ----------------------------------------------------------------------------------------------
export interface QueueGauge {
  /** entries now */
  readonly len: number;
  /** how many the kernel lets in before it calls the queue full (0 while nothing listens) */
  readonly limit: number;
}

/** What the page shows at one moment of a run. */
export interface SimFrame {
  readonly t_ms: number;
  readonly end_ms: number;
  readonly done: boolean;
  /** the worker is pacing the run against the wall clock */
  readonly playing: boolean;
  /** sk_max_ack_backlog (what ss shows as Send-Q); null while the socket is not listening */
  readonly backlog: number | null;
  readonly port: number | null;
  /** request socks of the listener (ss state syn-recv) */
  readonly syn_queue: QueueGauge;
  /** children waiting for accept() (ss Recv-Q) */
  readonly accept_queue: QueueGauge;
  readonly counters: Counters;
}

/** The scenario as loaded, for titles and explanations (app extension fields included). */
export interface ScenarioMeta {
  readonly name: string;
  readonly description: string;
  readonly title: string | null;
  readonly title_zh: string | null;
  readonly explain: string | null;
  readonly explain_zh: string | null;
  readonly duration_ms: number;
  readonly backlog: number;
  readonly port: number | null;
  readonly clients: { readonly normal: number; readonly spoofed: number };
  readonly sysctl: Readonly<Record<string, number | string>>;
}

/** The end of a run, from the simulator's result (backlog-result/1), reduced to what the page shows. */
export interface ResultView {
  readonly source: string;
  readonly requested_backlog: number;
  readonly effective_backlog: number | null;
  readonly port: number | null;
  readonly relisten: readonly { readonly at_ms: number; readonly effective_backlog: number | null }[];
  readonly counters: Counters;
  readonly outcomes: Readonly<Record<Outcome, number>>;
  /** maxima over the result's samples */
  readonly peaks: { readonly syn_recv: number; readonly accept_queue: number };
  readonly sample_count: number;
  readonly notes: readonly string[];
}

/** Exhaustiveness guard for switches over the unions above. */
export function assertNever(x: never): never {
  throw new Error(`unhandled message: ${JSON.stringify(x)}`);
}
