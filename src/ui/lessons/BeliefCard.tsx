// A wrong belief the step corrects: what people say, then what the kernel does.
import { say, type Lang } from '../../lessons/engine.ts';
import type { Belief } from '../../lessons/types.ts';
import { useT } from '../context.ts';

export function BeliefCard(props: { belief: Belief; lang: Lang }) {
  const t = useT();
  const { belief, lang } = props;
  return (
    <aside className="lesson-belief" data-testid="lesson-belief">
      <p className="lesson-myth">
        <span className="lesson-belief-tag">{t('lessons.belief')}</span> {say(belief.myth, lang, {})}
      </p>
      <p className="lesson-fact">
        <span className="lesson-belief-tag fact">{t('lessons.belief_fact')}</span> {say(belief.fact, lang, {})}
      </p>
    </aside>
  );
}
