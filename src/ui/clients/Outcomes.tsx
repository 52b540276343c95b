// The tally of client outcomes in the run's result file (backlog-result/1's outcomes), shown once the run is at
// its end, so the page can be checked against the CLI's numbers. Its categories are the result format's, coarser
// than the live view's: established = queued + stalled, pending = retrying + not started.
import type { Outcome } from '../../worker/protocol.ts';
import { useApp, useT } from '../context.ts';
import type { MsgKey } from '../i18n/index.ts';
import { Stat } from '../Stat.tsx';

/** the result format's order: from best to worst for a client, then the flood */
const ORDER: readonly Outcome[] = ['accepted', 'established', 'reset', 'timed_out', 'pending', 'spoofed'];
const outcomeKey = (o: Outcome): MsgKey => `outcome.${o}`;

export function Outcomes() {
  const t = useT();
  const outcomes = useApp((s) => (s.run.phase === 'live' ? (s.run.result?.outcomes ?? null) : null));
  if (outcomes === null) return null;
  return (
    <section className="outcomes" aria-labelledby="outcomes-heading">
      <h3 id="outcomes-heading">{t('outcomes.heading')}</h3>
      <dl className="outcomes-inline">
        {ORDER.map((o) => (
          <Stat key={o} testid={`outcome-${o}`} label={t(outcomeKey(o))} value={outcomes[o]} dim={outcomes[o] === 0} />
        ))}
      </dl>
    </section>
  );
}
