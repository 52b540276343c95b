// The link of the page's state: what the store holds (language, preset or scenario text, the open lesson) and the
// moment the worker reported (bridge.getMoment). A lesson's own scenario is not written out: the lesson, its step
// and its seed make it again, so lesson links stay short.
import { lessonById } from '../../lessons/index.ts';
import { lessonParams, scenarioText } from '../../lessons/engine.ts';
import type { Moment } from '../../store/bridge.ts';
import type { AppState } from '../../store/store.ts';
import type { LinkInput } from './link_state.ts';

/** The text of the scenario the open lesson's step runs (null: no lesson open). */
export function lessonScenario(s: AppState): string | null {
  const run = s.lesson;
  const lesson = run ? lessonById(run.id) : undefined;
  const step = lesson?.steps[run!.step];
  if (!run || !lesson || !step) return null;
  return scenarioText(lesson, step.scenario, lessonParams(lesson, run.seed), run.seed);
}

export function linkInputOf(s: AppState, moment: Moment | null): LinkInput {
  const lesson = s.lesson ? { id: s.lesson.id, step: s.lesson.step, seed: s.lesson.seed } : null;
  const own = lesson !== null && s.scenarioText !== null && s.scenarioText === lessonScenario(s);
  return {
    lang: s.lang,
    preset: own ? null : s.selected,
    scenario: own || s.selected !== null ? null : s.scenarioText,
    lesson,
    moment: moment && { events: moment.events, t_ms: moment.t_ms, changes: moment.changes },
  };
}
