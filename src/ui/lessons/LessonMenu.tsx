// The list of lessons, in the order of the listen path; a finished one is marked.
import { LESSONS } from '../../lessons/index.ts';
import { say } from '../../lessons/engine.ts';
import { useApp, useT } from '../context.ts';
import { useLessonDriver } from './useLessons.ts';

export function LessonMenu() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const done = useApp((s) => s.lessonsDone);
  const current = useApp((s) => s.lesson?.id ?? null);
  const driver = useLessonDriver();
  return (
    <div className="lesson-menu" data-testid="lesson-menu">
      <p className="lesson-intro">{t('lessons.list_intro')}</p>
      <ol>
        {LESSONS.map((l, i) => (
          <li key={l.id}>
            <button
              type="button"
              onClick={() => driver.open(l.id, 0)}
              aria-current={l.id === current ? 'true' : undefined}
              data-testid={`lesson-open-${l.id}`}
            >
              <span className="lesson-num">{i + 1}</span>
              <span className="lesson-menu-text">
                <span className="lesson-menu-title">
                  {say(l.title, lang, {})}
                  {done.includes(l.id) && <span className="lesson-done"> ✓ {t('lessons.done')}</span>}
                </span>
                <span className="lesson-menu-summary">{say(l.summary, lang, {})}</span>
              </span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
