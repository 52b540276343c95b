// The prediction of a step: the question, the choices (numbers, or readings of the same output), Reveal, then what
// the model showed, which choice that makes right, every choice's expression, and why. The right choice is the one
// whose value equals what the model showed — computed by the driver at the reveal, never written in the lesson.
import { useEffect, useRef } from 'react';
import { choicesOf, readerKey, say, type Choice, type Lang } from '../../lessons/engine.ts';
import type { Prediction } from '../../lessons/types.ts';
import type { LessonRun } from '../../store/lesson.ts';
import { useApp, useT } from '../context.ts';
import { RichText } from './RichText.tsx';
import { useLessonDriver, type OpenLesson } from './useLessons.ts';

function choiceText(c: Choice, lang: Lang, vars: Record<string, number | string>): string {
  return c.label ? say(c.label, lang, vars) : String(c.value);
}

/** The indexes of the choices equal to what the model showed. */
export function rightOf(run: LessonRun): number[] {
  if (run.observed === null || !run.values) return [];
  return run.values.flatMap((v, i) => (v === run.observed ? [i] : []));
}

export function PredictionCard(props: { open: OpenLesson; pred: Prediction }) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const driver = useLessonDriver();
  const { run, p } = props.open;
  const { pred } = props;
  const choices = choicesOf(pred, p);
  const revealed = run.phase === 'revealed';
  const right = rightOf(run);
  const answer = right.length === 1 ? choiceText(choices[right[0]], lang, p) : String(run.observed ?? '');
  const vars = { ...p, observed: run.observed ?? '', answer };
  const numeric = choices.every((c) => c.label === null);
  const result = useRef<HTMLDivElement>(null);
  // the verdict appears below the choices: bring it into the drawer's view
  useEffect(() => {
    if (revealed) result.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [revealed]);
  return (
    <section className="lesson-predict" aria-labelledby="lesson-question" data-testid="lesson-predict">
      <h4 className="lesson-kicker">{t('lessons.predict')}</h4>
      <RichText className="lesson-question" id="lesson-question" text={say(pred.question, lang, p)} />
      <div
        className={`lesson-choices${numeric ? ' numeric' : ''}${revealed ? ' revealed' : ''}`}
        role="radiogroup"
        aria-label={t('lessons.choices')}
        onKeyDown={(e) => {
          // a radio group: the arrows move the choice (and the focus) within it
          const step = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? 1 : e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? -1 : 0;
          if (step === 0 || revealed) return;
          e.preventDefault();
          const next = ((run.choice ?? (step > 0 ? -1 : 0)) + step + choices.length) % choices.length;
          driver.choose(next);
          e.currentTarget.querySelectorAll<HTMLButtonElement>('[role="radio"]')[next]?.focus();
        }}
      >
        {choices.map((c, i) => {
          const isRight = revealed && right.includes(i);
          const chosen = run.choice === i;
          return (
            <button
              key={i}
              type="button"
              className={`lesson-choice${chosen ? ' chosen' : ''}${isRight ? ' right' : ''}${revealed && chosen && !isRight ? ' wrong' : ''}`}
              role="radio"
              aria-checked={chosen}
              tabIndex={chosen || (run.choice === null && i === 0) ? 0 : -1}
              disabled={revealed || run.phase === 'revealing'}
              onClick={() => driver.choose(i)}
              data-testid="lesson-choice"
              data-value={typeof c.value === 'number' ? c.value : (run.values?.[i] ?? '')}
              data-right={revealed ? String(isRight) : undefined}
            >
              <span className="lesson-choice-main">{choiceText(c, lang, p)}</span>
              {revealed && (
                <span className="lesson-choice-expr">
                  {typeof c.value === 'function' ? `= ${run.values?.[i] ?? ''}` : c.exprs.map((e) => say(e, lang, p)).join(' = ')}
                </span>
              )}
              {revealed && (isRight || chosen) && (
                <span className="lesson-choice-tag">{isRight ? `✓ ${t('lessons.model_value')}` : `✗ ${t('lessons.your_choice')}`}</span>
              )}
            </button>
          );
        })}
      </div>
      {!revealed && (
        <div className="lesson-reveal-row">
          <button
            type="button"
            className="lesson-primary"
            disabled={run.choice === null || run.phase !== 'ready'}
            aria-describedby={run.choice === null ? 'lesson-reveal-hint' : undefined}
            onClick={() => driver.reveal()}
            data-testid="lesson-reveal"
          >
            {t('lessons.reveal')}
          </button>
          <span id="lesson-reveal-hint" className="lesson-hint">
            {run.phase === 'revealing' ? t('lessons.revealing') : run.phase === 'entering' ? t('lessons.setting_up') : run.choice === null ? t('lessons.reveal_hint') : ''}
          </span>
        </div>
      )}
      <div aria-live="polite" ref={result}>
        {revealed && (
          <div
            className={`lesson-result ${right.length === 1 && right[0] === run.choice ? 'is-right' : 'is-wrong'}`}
            data-testid="lesson-result"
            data-observed={run.observed ?? ''}
            data-right={right.join(',')}
            data-read={readerKey(pred.read)}
          >
            <p className="lesson-verdict">
              <strong>{right.length !== 1 ? '' : right[0] === run.choice ? t('lessons.right') : t('lessons.wrong')}</strong>{' '}
              {right.length === 1 ? <RichText className="inline" text={say(pred.shows, lang, vars)} /> : t('lessons.no_match')}
            </p>
            <h4 className="lesson-kicker">{t('lessons.why')}</h4>
            <RichText className="lesson-why" text={say(pred.why(p), lang, vars)} />
          </div>
        )}
      </div>
    </section>
  );
}
