// The lessons drawer: docked over one side column of the grid (never over the panel the step points to), with the
// list of lessons or the open lesson — its step text, the prediction, the wrong beliefs it corrects, progress, and
// Back / Next. Mounted inside the grid so it lines up with the columns; a bottom sheet on narrow screens.
import { useEffect, useMemo } from 'react';
import { LESSONS } from '../../lessons/index.ts';
import { say, scenarioText } from '../../lessons/engine.ts';
import { useApp, useT } from '../context.ts';
import { BeliefCard } from './BeliefCard.tsx';
import { LessonMenu } from './LessonMenu.tsx';
import { PredictionCard } from './PredictionCard.tsx';
import { RichText } from './RichText.tsx';
import { highlightOf, markOf, useLessonDriver, useOpenLesson, type OpenLesson } from './useLessons.ts';
import './lessons.css';

/** The side the drawer docks on: away from the panel the step points to. */
function sideFor(panel: string | null): 'left' | 'right' {
  return panel === 'knobs' || panel === 'clients' ? 'right' : 'left';
}

function Progress(props: { n: number; total: number }) {
  const t = useT();
  const label = t('lessons.progress', { n: props.n, total: props.total });
  return (
    <div className="lesson-progress">
      <div className="lesson-dots" role="progressbar" aria-valuemin={1} aria-valuemax={props.total} aria-valuenow={props.n} aria-label={label}>
        {Array.from({ length: props.total }, (_, i) => (
          <span key={i} className={i < props.n ? 'on' : undefined} />
        ))}
      </div>
      <span className="lesson-progress-text" aria-live="polite">{label}</span>
    </div>
  );
}

function StepView(props: { open: OpenLesson }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const driver = useLessonDriver();
  const { run, lesson, p } = props.open;
  const step = lesson.steps[run.step];
  const last = run.step === lesson.steps.length - 1;
  const lessonIndex = LESSONS.indexOf(lesson);
  const blocked = step.predict !== undefined && run.phase !== 'revealed';
  // the learner opened another scenario meanwhile (a Reset keeps the same one): say so, and offer the way back
  const own = useMemo(() => scenarioText(lesson, step.scenario, p, run.seed), [lesson, step.scenario, p, run.seed]);
  const elsewhere = useApp((s) => run.phase !== 'entering' && s.run.phase === 'live' && s.scenarioText !== own);
  const showBeliefs = !step.predict || run.phase === 'revealed';
  return (
    <>
      {/* focusable: a long step scrolls, and the keyboard must be able to scroll it (when no control is inside) */}
      <div className="lesson-body" tabIndex={0}>
        {elsewhere && (
          <p className="lesson-elsewhere" role="status">
            {t('lessons.elsewhere')}{' '}
            <button type="button" className="lesson-quiet" onClick={() => driver.go(run.step)} data-testid="lesson-resume">
              {t('lessons.resume')}
            </button>
          </p>
        )}
        <RichText className="lesson-text" text={say(step.text, lang, p)} />
        {run.phase === 'entering' && !step.predict && <p className="lesson-hint">{t('lessons.setting_up')}</p>}
        {step.predict && <PredictionCard open={props.open} pred={step.predict} />}
        {showBeliefs && step.corrects?.map((i) => <BeliefCard key={i} belief={lesson.beliefs[i]} lang={lang} />)}
        {last && showBeliefs && (
          <section className="lesson-recap">
            <h4 className="lesson-kicker">{t('lessons.beliefs_heading')}</h4>
            <ul>
              {lesson.beliefs.map((b, i) => (
                <li key={i}>
                  <s>{say(b.myth, lang, {})}</s> → {say(b.fact, lang, {})}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <div className="lesson-foot">
        <button type="button" onClick={() => driver.back()} disabled={run.step === 0} data-testid="lesson-back">
          ← {t('lessons.back')}
        </button>
        {step.predict && (
          <button type="button" className="lesson-quiet" title={t('lessons.reseed_title')} onClick={() => driver.reseed()} data-testid="lesson-reseed">
            {t('lessons.reseed')}
          </button>
        )}
        <button
          type="button"
          className="lesson-primary"
          onClick={() => driver.next()}
          disabled={blocked}
          title={blocked ? t('lessons.next_needs_reveal') : undefined}
          data-testid="lesson-next"
        >
          {last ? (lessonIndex < LESSONS.length - 1 ? t('lessons.next_lesson') : t('lessons.finish')) : t('lessons.next')} →
        </button>
      </div>
    </>
  );
}

export function LessonsDrawer() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const menu = useApp((s) => s.lessonMenu);
  const highlight = useApp(highlightOf);
  const coverPort = useApp((s) => markOf(s, 'port') === 'conceal');
  const driver = useLessonDriver();
  const open = useOpenLesson();
  // the scenario bar's port chip is outside the grid: the lesson covers it through an attribute on <html>
  useEffect(() => {
    document.documentElement.toggleAttribute('data-lesson-cover-port', coverPort);
    return () => document.documentElement.removeAttribute('data-lesson-cover-port');
  }, [coverPort]);
  if (!open && !menu) return null;
  const showMenu = menu || !open;
  const side = sideFor(showMenu ? null : highlight);
  const index = open ? LESSONS.indexOf(open.lesson) : -1;
  return (
    <aside
      className={`lesson-drawer side-${side}`}
      aria-label={t('lessons.drawer')}
      data-testid="lesson-drawer"
      data-lesson={open?.run.id ?? ''}
      data-step={open?.run.step ?? ''}
      data-phase={open?.run.phase ?? ''}
      data-side={side}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          driver.close();
        }
      }}
    >
      <header className="lesson-head">
        <div className="lesson-head-row">
          <button
            type="button"
            className="lesson-quiet"
            aria-expanded={showMenu}
            onClick={() => driver.menu(!menu)}
            disabled={!open}
            data-testid="lesson-list"
          >
            {open ? t('lessons.of', { n: index + 1, total: LESSONS.length }) : t('lessons.list_heading')} ▾
          </button>
          <button type="button" className="lesson-close" aria-label={t('lessons.close')} title={t('lessons.close')} onClick={() => driver.close()} data-testid="lesson-close">
            ×
          </button>
        </div>
        {open && !showMenu && <h3 className="lesson-title">{say(open.lesson.title, lang, {})}</h3>}
        {open && !showMenu && <Progress n={open.run.step + 1} total={open.lesson.steps.length} />}
      </header>
      {showMenu ? <LessonMenu /> : open && <StepView open={open} />}
    </aside>
  );
}

/** The header's way in: opens the list of lessons, or closes the drawer when it is open. */
export function LessonsButton() {
  const t = useT();
  const driver = useLessonDriver();
  const shown = useApp((s) => s.lesson !== null || s.lessonMenu);
  return (
    <button
      type="button"
      className="lessons-button"
      aria-pressed={shown}
      title={t('lessons.open_title')}
      onClick={() => (shown ? driver.close() : driver.menu(true))}
      data-testid="lessons-button"
    >
      {t('lessons.open')}
    </button>
  );
}
