// Slice: the open lesson — which one, which step, the seed its numbers come from, the learner's choice and what the
// model showed at the reveal — and the driver that walks it through the app. The driver only sends the bridge's
// commands (load the step's scenario, pause, seek to the step's moment, run a terminal line) and then watches the
// store for the frame (and terminal answer) it waits for; the right answer is whatever that frame shows.
// The lesson id, step and seed are what a link needs to reopen the same moment: open(id, step, seed).
import type { Counters } from '../worker/protocol.ts';
import { LESSONS, lessonById } from '../lessons/index.ts';
import { choiceValue, choicesOf, lessonParams, readValue, scenarioText, type Phase } from '../lessons/engine.ts';
import type { Lesson, Observation, Params, Step } from '../lessons/types.ts';
import type { AppState, AppStore } from './store.ts';
import type { Bridge } from './bridge.ts';

export interface LessonRun {
  readonly id: string;
  readonly step: number;
  /** the seed of this attempt's numbers (lessonParams) */
  readonly seed: number;
  readonly phase: Phase;
  /** index of the chosen choice (engine choicesOf), null before a choice */
  readonly choice: number | null;
  /** what the model showed at the reveal (null until then, or if the frame lacked it) */
  readonly observed: number | null;
  /** each choice's value at the reveal (a choice may read the same observation another way), null before */
  readonly values: readonly number[] | null;
  /** the counters when the step settled, for "since then" questions */
  readonly before: Counters | null;
  /** the run (store gen) and the lesson scenario it runs; another scenario loaded meanwhile makes the lesson reload */
  readonly gen: number | null;
  readonly scenario: string | null;
  /** what the phase waits for: the frame at t_ms, and the answer to terminal entry `shell` */
  readonly wait: { readonly t_ms: number; readonly shell: number | null } | null;
}

export interface LessonSlice {
  readonly lesson: LessonRun | null;
  /** the list of lessons is shown */
  readonly lessonMenu: boolean;
  /** lessons the learner went through to the last step (this session) */
  readonly lessonsDone: readonly string[];
}

export const initialLesson: LessonSlice = { lesson: null, lessonMenu: false, lessonsDone: [] };

export interface LessonDriver {
  /** Opens lesson `id` at `step` (0 by default). The same seed gives the same numbers; without one, new numbers.
   *  False (nothing changes) for an unknown lesson; the step is clamped to the lesson's steps. */
  open(id: string, step?: number, seed?: number): boolean;
  go(step: number): void;
  next(): void;
  back(): void;
  choose(index: number): void;
  reveal(): void;
  /** the same step with new numbers */
  reseed(): void;
  close(): void;
  menu(open: boolean): void;
}

/** The label the scenario bar shows for a lesson's scenario ("… · from lessons/backlog"). */
export const lessonLabel = (id: string) => `lessons/${id}`;

export interface LessonDriverDeps {
  readonly store: AppStore;
  readonly bridge: Bridge;
  /** a fresh seed (tests inject one) */
  readonly newSeed?: () => number;
}

const drivers = new WeakMap<AppStore, LessonDriver>();

/** The driver of a store (one per store, so every component and the URL code share it). */
export function lessonDriver(deps: LessonDriverDeps): LessonDriver {
  let d = drivers.get(deps.store);
  if (!d) {
    d = createLessonDriver(deps);
    drivers.set(deps.store, d);
  }
  return d;
}

const randomSeed = () => Math.floor(Math.random() * 0x7fffffff) + 1;

export function createLessonDriver({ store, bridge, newSeed = randomSeed }: LessonDriverDeps): LessonDriver {
  const get = () => store.getState();
  const current = (): { run: LessonRun; lesson: Lesson; p: Params } | null => {
    const run = get().lesson;
    const lesson = run ? lessonById(run.id) : undefined;
    return run && lesson ? { run, lesson, p: lessonParams(lesson, run.seed) } : null;
  };

  /** Loads the step's scenario unless it already runs; returns the run's gen. */
  function ensureScenario(run: LessonRun, lesson: Lesson, step: Step, p: Params): number {
    const s = get();
    if (run.gen === s.gen && run.scenario === step.scenario && s.run.phase !== 'empty') {
      bridge.pause();
      return s.gen;
    }
    bridge.loadText(scenarioText(lesson, step.scenario, p, run.seed), lessonLabel(lesson.id));
    return get().gen;
  }

  /** Runs terminal lines; returns the id of the last one's entry (its answer is awaited). */
  function runShell(lines: readonly string[]): number | null {
    for (const line of lines) bridge.shell(line);
    return lines.length > 0 ? (get().terminal.at(-1)?.id ?? null) : null;
  }

  function enter(id: string, index: number, seed: number): void {
    const lesson = lessonById(id);
    if (!lesson) return;
    const stepIndex = Math.max(0, Math.min(lesson.steps.length - 1, Math.trunc(index)));
    const step = lesson.steps[stepIndex];
    const p = lessonParams(lesson, seed);
    const prior = get().lesson;
    const keep = prior && prior.id === id && prior.seed === seed ? prior : null;
    const base: LessonRun = {
      id, step: stepIndex, seed, phase: 'entering', choice: null, observed: null, values: null, before: null,
      gen: keep?.gen ?? null, scenario: keep?.scenario ?? null, wait: null,
    };
    const gen = ensureScenario(base, lesson, step, p);
    const t_ms = step.at_ms(p);
    bridge.seek({ t_ms });
    if (step.watch) bridge.watch(step.watch(p));
    const shell = runShell(step.shell?.(p) ?? []);
    const done = stepIndex === lesson.steps.length - 1 && !get().lessonsDone.includes(id);
    store.setState({
      lesson: { ...base, gen, scenario: step.scenario, wait: { t_ms, shell } },
      lessonMenu: false,
      ...(done ? { lessonsDone: [...get().lessonsDone, id] } : {}),
    });
    settle();
  }

  /** The answer of terminal entry `id`: its stdout, '' when it was cleared away, null while pending. */
  function answer(s: AppState, id: number | null): string | null {
    if (id === null) return '';
    const e = s.terminal.find((x) => x.id === id);
    return e ? e.stdout : '';
  }

  /** Moves a waiting lesson on once the store shows what it waits for. */
  function settle(): void {
    const s = get();
    const run = s.lesson;
    if (!run?.wait || (run.phase !== 'entering' && run.phase !== 'revealing')) return;
    if (s.gen !== run.gen || s.run.phase !== 'live' || s.run.frame.t_ms !== run.wait.t_ms) return;
    const out = answer(s, run.wait.shell);
    if (out === null) return;
    if (run.phase === 'entering') {
      store.setState({ lesson: { ...run, phase: 'ready', before: s.run.frame.counters, wait: null } });
      return;
    }
    const cur = current();
    const pred = cur?.lesson.steps[run.step]?.predict;
    if (!cur || !pred) return;
    const o: Observation = { frame: s.run.frame, before: run.before, shell: run.wait.shell === null ? null : out };
    const values = choicesOf(pred, cur.p).map((c) => choiceValue(c, o));
    store.setState({ lesson: { ...run, phase: 'revealed', observed: readValue(pred.read, o), values, wait: null } });
  }
  store.subscribe(settle);

  const open: LessonDriver['open'] = (id, step = 0, seed) => {
    if (!lessonById(id)) return false;
    const prior = get().lesson;
    enter(id, step, seed ?? (prior?.id === id ? prior.seed : newSeed()));
    return true;
  };

  return {
    open,
    go: (step) => {
      const run = get().lesson;
      if (run) enter(run.id, step, run.seed);
    },
    next: () => {
      const cur = current();
      if (!cur) return;
      if (cur.run.step < cur.lesson.steps.length - 1) return enter(cur.run.id, cur.run.step + 1, cur.run.seed);
      const after = LESSONS[LESSONS.indexOf(cur.lesson) + 1];
      if (after) enter(after.id, 0, newSeed());
      else store.setState({ lesson: null, lessonMenu: true });
    },
    back: () => {
      const run = get().lesson;
      if (run && run.step > 0) enter(run.id, run.step - 1, run.seed);
    },
    choose: (index) => {
      const run = get().lesson;
      if (run && (run.phase === 'ready' || run.phase === 'entering')) store.setState({ lesson: { ...run, choice: index } });
    },
    reveal: () => {
      const cur = current();
      if (!cur || cur.run.phase !== 'ready' || cur.run.choice === null) return;
      const { run, lesson, p } = cur;
      const step = lesson.steps[run.step];
      const pred = step.predict;
      if (!pred) return;
      const gen = ensureScenario(run, lesson, step, p);
      const t_ms = pred.reveal.at_ms(p);
      bridge.seek({ t_ms });
      const shell = runShell(pred.reveal.shell?.(p) ?? []);
      store.setState({ lesson: { ...run, gen, scenario: step.scenario, phase: 'revealing', wait: { t_ms, shell } } });
      settle();
    },
    reseed: () => {
      const run = get().lesson;
      if (run) enter(run.id, run.step, newSeed());
    },
    close: () => store.setState({ lesson: null, lessonMenu: false }),
    menu: (openMenu) => store.setState({ lessonMenu: openMenu }),
  };
}
