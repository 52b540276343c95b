// Opening a link: the scenario first (the preset, the link's own scenario, or the lesson's), then the lesson at its
// step, then the moment (the worker replays the changes from the start and stops after the same number of events,
// so the page shows exactly what the sender saw). Each stage waits for the store to show the previous one; anything
// else the viewer opens meanwhile wins, and the rest of the link is dropped. While a link opens the address bar is
// left as it is (so a reload opens the same link), which `busy` tells the URL sync.
import { LINK_LABEL } from '../scenario/link.ts';
import { lessonDriver } from '../../store/lesson.ts';
import type { Bridge, Opening } from '../../store/bridge.ts';
import type { Problem } from '../../store/run.ts';
import type { AppState, AppStore } from '../../store/store.ts';
import type { RecordedChange } from '../../worker/protocol.ts';
import type { LinkRead, LinkState } from './link_state.ts';

export interface LinkOpener {
  /** a link is opening */
  busy(): boolean;
  /** at start-up: the preset list, then what the link holds */
  start(link: LinkRead): Promise<void>;
  /** a link pasted into the address bar of the open page (its fragment changed) */
  open(link: LinkRead): Promise<void>;
}

/** how long a stage may take before the rest of the link is dropped (a slow machine loading a long scenario) */
const STAGE_MS = 20_000;

type Verdict = boolean | 'abort';

/** Resolves with true once `pred` holds, false when it says 'abort' or the time is up. */
export function waitFor(store: AppStore, pred: (s: AppState) => Verdict, ms = STAGE_MS): Promise<boolean> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (ok: boolean) => {
      if (done) return;
      done = true;
      unsub();
      clearTimeout(timer);
      resolve(ok);
    };
    const check = (s: AppState) => {
      const v = pred(s);
      if (v === 'abort') finish(false);
      else if (v) finish(true);
    };
    const unsub = store.subscribe(check);
    const timer = setTimeout(() => finish(false), ms);
    check(store.getState());
  });
}

const live = (s: AppState) => s.run.phase === 'live';
const isScenarioProblem = (p: Problem) => p.issues[0]?.path === '#scenario=';

export function createLinkOpener(store: AppStore, bridge: Bridge): LinkOpener {
  let opening = 0;
  const driver = () => lessonDriver({ store, bridge });

  /** the run asked for last (gen) is live; another run asked for meanwhile aborts */
  const runLive = (gen: number) => waitFor(store, (s) => (s.gen !== gen ? 'abort' : live(s)));

  async function openLesson(l: NonNullable<LinkState['lesson']>): Promise<boolean> {
    if (!driver().open(l.id, l.step, l.seed)) {
      bridge.report({ code: 'bad_link', issues: [{ path: '#lesson=', message: `no lesson ${JSON.stringify(l.id)}` }] });
      return false;
    }
    return waitFor(store, (s) => (s.lesson?.id !== l.id ? 'abort' : s.lesson.phase === 'ready'));
  }

  async function openScenarioText(text: string): Promise<boolean> {
    bridge.loadText(text, LINK_LABEL);
    return runLive(store.getState().gen);
  }

  /** Seeks to simulated time t_ms and waits for the frame there. */
  async function seekTime(t_ms: number): Promise<void> {
    const s = store.getState();
    if (s.run.phase !== 'live' || s.run.frame.t_ms === t_ms) return;
    const { gen } = s;
    const frame = s.run.frame;
    bridge.seek({ t_ms });
    await waitFor(store, (x) => (x.gen !== gen ? 'abort' : x.run.phase === 'live' && x.run.frame !== frame));
  }

  /**
   * Moves the live run to the link's moment: exactly (events, changes), then the clock to t when the sender's had
   * run past the last event (a seek or play stops between events; the next one is later than t, so the seek runs
   * no event); or, from a hand-written link with t only, that time.
   */
  async function openMoment(state: LinkState): Promise<void> {
    const s = store.getState();
    if (s.run.phase !== 'live') return;
    const { gen, problem } = s;
    const frame = s.run.frame;
    if (state.events === null) {
      if (state.t_ms !== null) await seekTime(state.t_ms);
      return;
    }
    const changes = (state.changes ?? []) as readonly RecordedChange[];
    if (frame.events !== state.events || changes.length > 0) {
      bridge.openMoment(state.events, changes);
      const settled = (x: AppState): Verdict => {
        if (x.gen !== gen) return 'abort';
        if (x.problem !== problem) return true;
        // a new frame (the one the replay sends), at the link's event
        return x.run.phase === 'live' && x.run.frame !== frame && x.run.frame.events === state.events;
      };
      if (!(await waitFor(store, settled))) return;
      const after = store.getState().problem;
      if (after !== problem && after) {
        // the worker refused the changes (each is checked like a knob change): the link is at fault, so say so
        // on the page (a refused knob change would only show next to its knob)
        if (after.code === 'bad_action' || after.code === 'bad_message') {
          bridge.report({ code: 'bad_link', issues: after.issues.map((i) => ({ path: `#c= ${i.path}`.trim(), message: i.message })) });
        }
        return;
      }
    }
    const now = store.getState().run;
    if (state.t_ms !== null && now.phase === 'live' && now.frame.events === state.events && now.frame.t_ms < state.t_ms) await seekTime(state.t_ms);
  }

  /** The stages after the scenario has been asked for. */
  async function rest(state: LinkState, problems: readonly Problem[], scenarioAsked: boolean): Promise<void> {
    const gen = store.getState().gen;
    let ok: boolean;
    if (state.lesson) {
      ok = await openLesson(state.lesson);
      // the sender had opened another scenario while the lesson was open: that one runs, the lesson stays open
      if (ok && state.scenario !== null) ok = await openScenarioText(state.scenario);
    } else {
      ok = await runLive(gen);
      const s = store.getState();
      // the link's own scenario or preset runs (not a fallback after a refusal)
      if (ok && scenarioAsked) ok = s.custom === LINK_LABEL && s.scenarioText === state.scenario;
      else if (ok && state.preset !== null) ok = s.selected === state.preset;
    }
    if (ok) await openMoment(state);
    // what was malformed in the link (and left out), once nothing else will replace the message
    if (problems.length > 0 && store.getState().problem === null) bridge.report(problems[0]);
  }

  async function guarded(fn: () => Promise<void>): Promise<void> {
    const me = ++opening;
    try {
      await fn();
    } finally {
      if (opening === me) opening = 0;
    }
  }

  return {
    busy: () => opening !== 0,
    start: ({ state, problems }) =>
      guarded(async () => {
        const scenarioProblem = problems.find(isScenarioProblem);
        const others = problems.filter((p) => p !== scenarioProblem);
        // a lesson link opens its own scenario; a scenario in it as well comes after the lesson
        const text = state.scenario !== null && !state.lesson ? state.scenario : null;
        const opening: Opening | undefined = text !== null ? { text, label: LINK_LABEL } : scenarioProblem ? { problem: scenarioProblem } : undefined;
        await bridge.start(state.preset, opening);
        await rest(state, others, text !== null);
      }),
    open: ({ state, problems }) =>
      guarded(async () => {
        // a broken scenario: the run stays as it is (the moment was of that scenario), the reason on screen
        const scenarioProblem = problems.find(isScenarioProblem);
        if (scenarioProblem) return bridge.report(scenarioProblem);
        if (state.scenario !== null && !state.lesson) bridge.loadText(state.scenario, LINK_LABEL);
        await rest(state, problems, state.scenario !== null && !state.lesson);
      }),
  };
}

const openers = new WeakMap<AppStore, LinkOpener>();

/** The opener of a store (one per store: start-up and the URL sync share it). */
export function linkOpener(store: AppStore, bridge: Bridge): LinkOpener {
  let o = openers.get(store);
  if (!o) {
    o = createLinkOpener(store, bridge);
    openers.set(store, o);
  }
  return o;
}
