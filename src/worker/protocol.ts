// The message protocol between the page and the simulation worker, and the view model it carries.
// Versioned and tagged on `type`, so both sides handle every message in an exhaustive switch and a page from one
// build never silently misreads a worker from another. Frames are bounded: counts and aggregates, never the
// model's state (a 65 535-entry SYN queue must not be structured-cloned 60 times a second).
// The page (ui, viz, store) sees the model only through these types.
import type { MibField } from '../kernel/mib.ts';
import type { ClientOutcome } from '../sim/result.ts';
import { SYSCTL_RULES, type SysctlRule } from '../kernel/sysctl.ts';

export const PROTOCOL_VERSION = 2;
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
  | { readonly type: 'pause' }
  /** a change while running (a knob, listen() again, the application, the traffic): applied whole or refused */
  | { readonly type: 'act'; readonly action: LiveAction }
  /** a terminal line, run inside the server's namespace on the current state; `id` pairs it with its answer */
  | { readonly type: 'shell'; readonly id: number; readonly line: string }
  /** which clients the packet ladder follows (at most MAX_WATCHED ids; [] = the worker's default choice) */
  | { readonly type: 'watch'; readonly clients: readonly number[] }
  /** undo the last kernel event (replay from the nearest checkpoint) */
  | { readonly type: 'step_back' }
  /** move the run to a moment: after `events` kernel events, or to simulated time t_ms (back or forward) */
  | { readonly type: 'seek'; readonly to: SeekTarget }
  /** the page has drawn a frame: the worker posts paced frames only while at most MAX_UNACKED are unanswered, so
   *  a busy page is never buried under frames it cannot keep up with (the run goes on; the next frame catches up) */
  | { readonly type: 'frame_ack' }
  /** every packet of the run so far as a pcap file (answered with 'pcap') */
  | { readonly type: 'export_pcap' }
  /** what makes this moment of the run: the event count and the changes made while running (answered 'moment') */
  | { readonly type: 'moment_get' }
  /** reopen a moment in the loaded run: replay the changes from the start and stop after `events` events */
  | { readonly type: 'moment_open'; readonly events: number; readonly changes: readonly RecordedChange[] };
export type SeekTarget = { readonly events: number } | { readonly t_ms: number };
export type ToWorker = ToWorkerBody & { readonly v: ProtocolVersion };
export type ToWorkerType = ToWorker['type'];

// ---- worker → page -------------------------------------------------------------------------------------------
export type ErrorCode =
  | 'bad_message' // the page sent something this protocol does not know: nothing was changed
  | 'bad_json' // the scenario text is not JSON
  | 'invalid_scenario' // validateScenario() rejected it; issues say where
  | 'no_scenario' // a command before any scenario was loaded
  | 'bad_action' // an 'act' the kernel (or the lab) refuses: issues give the rule, nothing was changed
  | 'sim_failed' // the model threw (a broken invariant is a bug): the run is stopped
  | 'worker_failed'; // page side only: the worker itself crashed or sent garbage

export type FromWorkerBody =
  | { readonly type: 'loaded'; readonly gen: number; readonly meta: ScenarioMeta; readonly frame: SimFrame }
  | { readonly type: 'frame'; readonly gen: number; readonly frame: SimFrame }
  | { readonly type: 'result'; readonly gen: number; readonly frame: SimFrame; readonly result: ResultView }
  /** the answer to a 'shell' line, as the real tool prints it */
  | { readonly type: 'shell_out'; readonly gen: number; readonly id: number; readonly line: string; readonly stdout: string; readonly stderr: string; readonly exit: number }
  /** an 'act' was applied; notes say what it does and does not change yet */
  | { readonly type: 'acted'; readonly gen: number; readonly action: LiveAction; readonly notes: readonly ActNote[] }
  /** a pcap file of the run so far (at most MAX_PCAP_PACKETS packets; truncated when there were more) */
  | { readonly type: 'pcap'; readonly gen: number; readonly bytes: Uint8Array; readonly packets: number; readonly truncated: boolean }
  /** the moment asked for with 'moment_get' */
  | { readonly type: 'moment'; readonly gen: number; readonly events: number; readonly t_ms: number; readonly changes: readonly RecordedChange[] }
  /** gen null: not about a run (a malformed message) */
  | { readonly type: 'error'; readonly gen: number | null; readonly code: ErrorCode; readonly issues: readonly Issue[] };
export type FromWorker = FromWorkerBody & { readonly v: ProtocolVersion };
export type FromWorkerType = FromWorker['type'];

// ---- live changes --------------------------------------------------------------------------------------------
/** The knobs the page offers (all per network namespace; tcp_syn_retries is read by the clients' side). */
export const KNOB_NAMES = [
  'net.core.somaxconn',
  'net.ipv4.tcp_max_syn_backlog',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.tcp_synack_retries',
  'net.ipv4.tcp_abort_on_overflow',
  'net.ipv4.tcp_syn_retries',
] as const;
export type KnobName = (typeof KNOB_NAMES)[number];
export type KnobRule = SysctlRule;
/** The kernel's rule for each knob (range, proc handler, unit), for the page to show before a write. */
export const KNOB_RULES: Readonly<Record<KnobName, KnobRule>> = SYSCTL_RULES;

export type LiveAction =
  /** sysctl -w name=value (value as typed: the worker applies the kernel's proc handler rule) */
  | { readonly kind: 'sysctl'; readonly name: KnobName; readonly value: string }
  /** the application calls listen(fd, backlog) again */
  | { readonly kind: 'listen'; readonly backlog: number }
  /** the application's accept() loop: one accept() every interval_ms, or null to stop calling accept() */
  | { readonly kind: 'accept'; readonly interval_ms: number | null }
  /** the traffic from now on: new normal clients and spoofed SYNs per simulated second (0 = none) */
  | { readonly kind: 'traffic'; readonly normal_per_s: number; readonly flood_per_s: number };

/** A change made while running, with where it was made: after `events` kernel events, at simulated time t_ns.
 *  (A sysctl may be any the terminal can write, not only the knobs; its value as `sysctl -w` takes it.) */
export interface RecordedChange {
  readonly events: number;
  readonly t_ns: number;
  readonly action: Exclude<LiveAction, { kind: 'sysctl' }> | { readonly kind: 'sysctl'; readonly name: string; readonly value: string };
}
/** at most this many changes in a moment (a link stays a link) */
export const MAX_CHANGES = 500;

/** What the page should tell the viewer after an 'act'. */
export type ActNote =
  /** somaxconn is read by listen() only: the listener keeps its backlog until listen() is called again */
  | { readonly kind: 'next_listen'; readonly knob: KnobName; readonly backlog_now: number; readonly backlog_after_listen: number }
  /** listen() on a listening socket changed sk_max_ack_backlog (inet_listen) */
  | { readonly kind: 'backlog_changed'; readonly from: number; readonly to: number }
  /** listen() capped the backlog at somaxconn */
  | { readonly kind: 'capped'; readonly requested: number; readonly somaxconn: number }
  /** a client-side knob: it applies to the clients' next connect() (the lab's clients share the namespace's value) */
  | { readonly kind: 'client_side'; readonly knob: KnobName };

/** Current settings, as the knob panel shows them. */
export interface Knobs {
  readonly sysctl: Readonly<Record<KnobName, number>>;
  /** the backlog argument of the last listen() call */
  readonly listen_backlog: number;
  /** the application's accept() interval (ms), null when it does not call accept() */
  readonly accept_interval_ms: number | null;
  /** clients per simulated second started from now on (0 before any 'traffic' act: the scenario's own timetable) */
  readonly normal_per_s: number;
  readonly flood_per_s: number;
}

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
  /** kernel events run so far (what Step advances by one) */
  readonly events: number;
  /** true after load, reset and seek: `log` and `packets` hold the latest ones up to now and replace what the page
   *  kept, and per-frame histories (sparklines) start again; false: they are new since the previous frame */
  readonly replace: boolean;
  readonly knobs: Knobs;
  /** the oldest request socks of the listener (at most MAX_ITEMS; syn_queue.len says how many there are) */
  readonly syn_items: readonly SynItem[];
  /** the children waiting for accept(), head first (at most MAX_ITEMS) */
  readonly accept_items: readonly AcceptItem[];
  /** packets since the previous frame between the server and the watched clients (at most MAX_PACKETS, the latest) */
  readonly packets: readonly PacketView[];
  /** kernel decisions since the previous frame (at most MAX_LOG, the latest); log_skipped counts the older ones left out */
  readonly log: readonly LogLine[];
  readonly log_skipped: number;
  readonly clients: ClientsView;
  /** where the key counters moved over the run so far, by time bucket: the buckets that changed since the
   *  previous frame (all of them when `replace`) */
  readonly timeline: TimelineMark[];
}

/** The timeline splits the run into TIMELINE_BUCKETS equal stretches of simulated time. */
export const TIMELINE_BUCKETS = 400;

/** In one bucket, how often a counter moved and the first event that moved it (seek there to see why). */
export interface TimelineMark {
  readonly bucket: number;
  readonly field: CounterField;
  /** how many times it moved in the bucket (a decision that moves it twice counts twice) */
  readonly moves: number;
  /** the first event in the bucket that moved it: seek({ events }) shows its packet and decision */
  readonly first_event: number;
}

/** Frame bounds: a frame's size does not grow with the queues or the traffic. */
export const MAX_ITEMS = 64;
export const MAX_PACKETS = 200;
/** the log panel shows about 15 lines; 40 per frame (1,200 a second) keep its filters and folds full while a
 *  flood's frame stays small (the decision lines were three quarters of a flood frame's bytes at 100) */
export const MAX_LOG = 40;
export const MAX_WATCHED = 8;
export const MAX_UNACKED = 2;
/** a capture keeps at most this many packets (about 17 MB) */
export const MAX_PCAP_PACKETS = 200_000;
/** the longest scenario text a 'load' may carry: a scenario file is small, anything longer could only be a mistake
 *  or an attack on the worker's memory (the page refuses such a file or link before sending it) */
export const MAX_SCENARIO_CHARS = 1_000_000;

/** A request sock in the SYN queue (TCP_NEW_SYN_RECV). */
export interface SynItem {
  /** the request's id: stable while it lives, so a token can slide instead of being redrawn */
  readonly id: number;
  /** the client it answers (scenario client id), -1 if not a lab address */
  readonly client: number;
  /** the client is a spoofed source (it will never answer) */
  readonly spoofed: boolean;
  /** SYN-ACK retransmissions so far (num_retrans) */
  readonly retrans: number;
  /** timeouts so far (num_timeout) */
  readonly timeouts: number;
  /** when its rsk_timer runs next (simulated ms) */
  readonly timer_ms: number;
  /** the final ACK arrived but the accept queue was full (TCP_DEFER_ACCEPT / overflow: acked) */
  readonly acked: boolean;
}

/** A child socket in the accept queue. */
export interface AcceptItem {
  /** the child sock's id (stable) */
  readonly id: number;
  readonly client: number;
  /** the client is a spoofed source (a cookie ACK from one is a forged guess) */
  readonly spoofed: boolean;
  /** made from a SYN cookie, without a request sock */
  readonly cookie: boolean;
  /** the request sock it came from, when it had one (so the page can slide the token across) */
  readonly from_req: number | null;
}

export type PacketFlags = 'SYN' | 'SYN|ACK' | 'ACK' | 'RST' | 'RST|ACK' | string;

export interface PacketView {
  /** increasing number of the packet in the run (keys for the ladder) */
  readonly seq: number;
  readonly t_ms: number;
  /** 'in': client → server; 'out': server → client */
  readonly dir: 'in' | 'out';
  readonly client: number;
  readonly flags: PacketFlags;
  /** why the server sent it (out only): synack, synack_cookie, synack_rtx_timer, synack_rtx_syn, rst, ack */
  readonly why: string | null;
  /** the listener dropped it (in only; tcp_listendrop): the accept queue was full, the SYN queue was full, other */
  readonly dropped: 'accept_full' | 'syn_full' | 'other' | null;
}

/** One kernel decision, as data; the page words it (en, zh-CN). */
export interface LogLine {
  /** increasing number of the decision in the run */
  readonly seq: number;
  readonly t_ms: number;
  /** the event that took it (seek({ events: event }) shows the state right after it) */
  readonly event: number;
  /** the kernel function (KernelFn) and the branch (DecisionCode) */
  readonly fn: string;
  readonly code: string;
  /** counters it moved, in order (may repeat) */
  readonly mib: readonly CounterField[];
  /** the client it concerns, if a lab address */
  readonly client: number | null;
  readonly req: number | null;
  readonly sock: number | null;
  readonly args: Readonly<Record<string, number | string>>;
}

/** What each client's connect() experienced. */
export type ClientExperience =
  /** connect() returned and the application accept()ed it */
  | 'accepted'
  /** connect() returned and its socket waits in the accept queue for the application's accept() */
  | 'queued'
  /** connect() returned (the client saw the SYN-ACK and sent its ACK) but the server dropped that ACK: no socket
   *  waits for it in the accept queue (its request sock is still in the SYN queue, or gone) */
  | 'stalled'
  /** a RST answered: ECONNREFUSED (or ECONNRESET after connecting) */
  | 'refused'
  /** gave up after tcp_syn_retries: ETIMEDOUT */
  | 'timed_out'
  /** still sending SYNs */
  | 'retrying'
  /** not started yet */
  | 'waiting';

export interface ClientsView {
  readonly tally: Readonly<Record<ClientExperience, number>>;
  /** spoofed SYNs sent so far (they never answer) */
  readonly spoofed_sent: number;
  /** the watched clients, for the ladder and the clients' view */
  readonly watched: readonly WatchedClient[];
}

export interface WatchedClient {
  readonly id: number;
  readonly kind: 'normal' | 'spoofed';
  readonly experience: ClientExperience;
  readonly syn_sent: number;
  readonly synack_received: number;
  readonly acks_sent: number;
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
  /** sysctls the scenario sets in the host's namespace (init_net), which the server's namespace does not inherit;
   *  absent when it sets none */
  readonly host_sysctl?: Readonly<Record<string, number | string>>;
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
