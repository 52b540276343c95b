// The tally of client outcomes at the end of the run (backlog-result/1's outcomes).
import type { Outcome } from '../../worker/protocol.ts';
import { useApp, useT } from '../context.ts';
import type { MsgKey } from '../i18n/index.ts';
import { Stat } from '../Stat.tsx';

/** the result format's order: from best to worst for a client, then the flood */
const ORDER: readonly Outcome[] = ['accepted', 'established', 'reset', 'timed_out', 'pending', 'spoofed'];
const outcomeKey = (o: Outcome): MsgKey => `outcome.${o}`;

export function OutcomesPanel() {
  const t = useT();
  const outcomes = useApp((s) => (s.run.phase === 'live' ? (s.run.result?.outcomes ?? null) : null));
  return (
    <section className="panel outcomes" aria-labelledby="outcomes-heading">
      <h2 id="outcomes-heading">{t('outcomes.heading')}</h2>
      {outcomes === null ? (
        <p className="muted">{t('summary.after_run')}</p>
      ) : (
        <dl className="stats tally">
          {ORDER.map((o) => (
            <Stat key={o} testid={`outcome-${o}`} label={t(outcomeKey(o))} value={outcomes[o]} dim={outcomes[o] === 0} />
          ))}
        </dl>
      )}
    </section>
  );
}
