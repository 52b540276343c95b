// The listen socket as the model reports it: effective backlog (what ss shows as Send-Q), the port, and the
// sampled queue peaks once the run is over.
import { useApp, useT } from './context.ts';
import { Stat } from './Stat.tsx';

export function SummaryPanel() {
  const t = useT();
  const live = useApp((s) => (s.run.phase === 'live' ? s.run : null));
  const frame = live?.frame ?? null;
  const result = live?.result ?? null;
  const backlog = result ? result.effective_backlog : (frame?.backlog ?? null);
  const port = result ? result.port : (frame?.port ?? null);
  const relisten = result?.relisten ?? [];
  return (
    <section className="panel summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t('summary.heading')}</h2>
      <dl className="stats">
        <Stat
          testid="effective-backlog"
          label={t('summary.effective_backlog')}
          value={backlog}
          note={live && t('summary.requested', { n: live.meta.backlog })}
        />
        <Stat testid="port" label={t('summary.port')} value={port} note={live?.meta.port === null ? t('summary.port_auto') : undefined} />
      </dl>
      {relisten.map((r) => (
        <p key={r.at_ms} className="note" data-testid="relisten" data-value={r.effective_backlog ?? ''}>
          {t('summary.relisten', { backlog: r.effective_backlog ?? '–', ms: r.at_ms })}
        </p>
      ))}
      <h3>{t('summary.peaks')}</h3>
      <dl className="stats">
        <Stat testid="peak-syn_recv" label={t('summary.peak_syn')} value={result?.peaks.syn_recv ?? null} />
        <Stat testid="peak-accept_queue" label={t('summary.peak_accept')} value={result?.peaks.accept_queue ?? null} />
      </dl>
    </section>
  );
}
