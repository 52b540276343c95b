// Hooks the lesson components share: the driver (one per store), the open lesson with its parameters, and the mark
// a lesson puts on a panel. Everything derived (parameters, choices, marks) is computed here from the slice, not
// stored.
import { useMemo } from 'react';
import { lessonById } from '../../lessons/index.ts';
import { lessonParams, panelMarks } from '../../lessons/engine.ts';
import type { Cover, Lesson, Panel, Params } from '../../lessons/types.ts';
import { lessonDriver, type LessonDriver, type LessonRun } from '../../store/lesson.ts';
import type { AppState } from '../../store/store.ts';
import { useApp, useAppStore, useBridge } from '../context.ts';

export function useLessonDriver(): LessonDriver {
  const store = useAppStore();
  const bridge = useBridge();
  return useMemo(() => lessonDriver({ store, bridge }), [store, bridge]);
}

export interface OpenLesson {
  readonly run: LessonRun;
  readonly lesson: Lesson;
  readonly p: Params;
}

export function useOpenLesson(): OpenLesson | null {
  const run = useApp((s) => s.lesson);
  return useMemo(() => {
    const lesson = run ? lessonById(run.id) : undefined;
    return run && lesson ? { run, lesson, p: lessonParams(lesson, run.seed) } : null;
  }, [run]);
}

export type Mark = 'highlight' | 'conceal';

/** What the open lesson does to a panel or to the port chip now. */
export function markOf(s: AppState, what: Cover): Mark | null {
  const run = s.lesson;
  const step = run ? lessonById(run.id)?.steps[run.step] : undefined;
  if (!run || !step) return null;
  const m = panelMarks(step, run.phase);
  if (m.conceal.includes(what)) return 'conceal';
  return m.highlight === what ? 'highlight' : null;
}

/** The panel the open step points to (null: none). */
export function highlightOf(s: AppState): Panel | null {
  const run = s.lesson;
  const step = run ? lessonById(run.id)?.steps[run.step] : undefined;
  return run && step ? panelMarks(step, run.phase).highlight : null;
}
