// What a lesson is, as data. A lesson drives the app (a scenario it builds from its parameters, the moment each step
// stops at, the panel it points to, a terminal line) and asks the learner to predict before it reveals. The right
// answer is never written here: a prediction names what to read from the model (a Reader) and offers choices as
// expressions of the lesson's parameters; the choice equal to what the model shows is the right one.
// Only the worker's protocol types are imported: lessons live on the page side, beside the store and the UI.
import type { ClientExperience, CounterField, Counters, SimFrame } from '../worker/protocol.ts';

/** The panels of the page, by grid area (src/ui/App.tsx). */
export const PANELS = ['knobs', 'queues', 'counters', 'packets', 'clients', 'log', 'terminal'] as const;
export type Panel = (typeof PANELS)[number];
/** What a prediction may cover until the reveal: a panel, or the port the scenario bar shows after an autobind. */
export type Cover = Panel | 'port';

/** Text for learners, written in each language (not translated word by word). `{name}` takes a parameter;
 *  `backticks` mark kernel and tool names; a blank line starts a new paragraph. */
export interface Text {
  readonly en: string;
  readonly zh: string;
}

/** The numbers one attempt at a lesson uses, drawn from its seed. */
export type Params = Readonly<Record<string, number>>;

/** A seeded source of choices (rng.ts). */
export interface Picker {
  pick<T>(xs: readonly T[]): T;
  /** an integer in [lo, hi] */
  int(lo: number, hi: number): number;
  coin(): boolean;
}

/** What the model shows at the moment of the reveal. */
export interface Observation {
  readonly frame: SimFrame;
  /** the counters when the step settled, before the reveal (for "since then" questions) */
  readonly before: Counters | null;
  /** stdout of the reveal's last terminal line */
  readonly shell: string | null;
}

/** Where a prediction's answer is read: always from the model's own output, never computed here. */
export type Reader =
  /** sk_max_ack_backlog (what ss shows as Send-Q); -1 when the socket does not listen */
  | { readonly kind: 'backlog' }
  | { readonly kind: 'accept_len' }
  | { readonly kind: 'syn_len' }
  | { readonly kind: 'counter'; readonly field: CounterField }
  /** how many clients' connect() saw one of these */
  | { readonly kind: 'tally'; readonly of: readonly ClientExperience[] }
  /** the listening port: 1 odd, 0 even */
  | { readonly kind: 'port_parity' }
  /** a number in the reveal's terminal output: the first line containing `row`, whitespace-split, word `word` */
  | { readonly kind: 'shell'; readonly row: string; readonly word: number };

/** One choice: a value, either a number from the parameters (shown as the number) or a reading of the same
 *  observation under another (wrong or right) interpretation (shown by its label). */
export interface ChoiceDef {
  readonly value: number | ((o: Observation) => number);
  /** the text of a choice whose value is not a plain number */
  readonly label?: Text;
  /** the expression behind a numeric value, shown after the reveal ("min(backlog, somaxconn)") */
  readonly expr?: Text;
}

export interface Prediction {
  readonly question: Text;
  readonly choices: (p: Params) => readonly ChoiceDef[];
  /** panels that would give the answer away: covered until the reveal */
  readonly conceal: readonly Cover[];
  readonly reveal: {
    readonly at_ms: (p: Params) => number;
    /** terminal lines run after moving to at_ms (the last one's output is the Observation's shell) */
    readonly shell?: (p: Params) => readonly string[];
    readonly highlight: Panel;
  };
  readonly read: Reader;
  /** what the model shows, said with {observed} */
  readonly shows: Text;
  /** why, naming the kernel functions; may depend on the parameters */
  readonly why: (p: Params) => Text;
  /** the value the explanation states. Only tests read it, to check that the model agrees with the text; the page
   *  never does (its right answer is the choice equal to what the model shows) */
  readonly claims: (p: Params, o: Observation) => number;
}

export interface Step {
  /** key of the lesson's scenario this step runs */
  readonly scenario: string;
  /** the moment the step stops at (simulated ms) */
  readonly at_ms: (p: Params) => number;
  readonly text: Text;
  readonly highlight?: Panel;
  /** terminal lines run after moving to at_ms */
  readonly shell?: (p: Params) => readonly string[];
  /** clients the packet ladder follows */
  readonly watch?: (p: Params) => readonly number[];
  readonly predict?: Prediction;
  /** the wrong beliefs (indexes into Lesson.beliefs) this step corrects */
  readonly corrects?: readonly number[];
}

export interface Belief {
  /** the wrong belief, as people say it */
  readonly myth: Text;
  /** what the kernel actually does */
  readonly fact: Text;
}

/** A scenario as a lesson builds it (backlog-scenario/1 plus the app's extensions, see src/sim/scenario.ts). */
export interface ScenarioSpec {
  readonly sysctl?: Readonly<Record<string, number | readonly [number, number]>>;
  readonly host_sysctl?: Readonly<Record<string, number>>;
  readonly sysctl_changes?: readonly { readonly at_ms: number; readonly name: string; readonly value: number }[];
  readonly server: {
    readonly port?: number | null;
    readonly backlog: number;
    readonly relisten?: readonly { readonly at_ms: number; readonly backlog: number }[];
    readonly accept?: { readonly mode: 'never' } | { readonly mode: 'every'; readonly interval_ms: number; readonly start_ms: number };
  };
  readonly clients: readonly {
    readonly count: number;
    readonly start_ms: number;
    readonly interval_ms: number;
    readonly kind: 'normal' | 'spoofed';
    readonly ack_delay_ms?: number;
  }[];
  readonly duration_ms: number;
  /** the scenario bar's second line: the setup, never the outcome */
  readonly setup: Text;
}

export interface Lesson {
  /** stable: links and the URL name lessons by it */
  readonly id: string;
  readonly title: Text;
  /** one line for the list of lessons */
  readonly summary: Text;
  readonly beliefs: readonly Belief[];
  readonly params: (pick: Picker) => Params;
  readonly scenarios: Readonly<Record<string, (p: Params) => ScenarioSpec>>;
  readonly steps: readonly Step[];
}
