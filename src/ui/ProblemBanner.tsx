// The last problem the worker or the loader reported, with the validator's paths when there are any.
import { useApp, useT } from './context.ts';
import type { MsgKey } from './i18n/index.ts';
import type { Problem } from '../store/run.ts';

const problemKey = (code: Problem['code']): MsgKey => `problem.${code}`;

export function ProblemBanner() {
  const t = useT();
  const problem = useApp((s) => s.problem);
  // a refused knob change is shown next to the knob, with the kernel's rule: not a page-wide problem
  if (!problem || problem.code === 'bad_action') return null;
  return (
    <section className="problem" role="alert" data-testid="problem" data-code={problem.code}>
      <strong>{t('problem.heading')}</strong> {t(problemKey(problem.code))}
      {problem.issues.length > 0 && (
        <ul>
          {problem.issues.map((i, n) => (
            <li key={n}>
              <code>{i.path || '·'}</code> {i.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
