// Simulated time of the last frame (not wall time): what the kernel's clock would read, and how many kernel
// events have run (Step advances that count by one).
import { useApp, useT } from './context.ts';
import { numberFormat } from './i18n/index.ts';

export function SimClock() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const t_ms = useApp((s) => (s.run.phase === 'live' ? s.run.frame.t_ms : 0));
  const end_ms = useApp((s) => (s.run.phase === 'live' ? s.run.frame.end_ms : 0));
  const events = useApp((s) => (s.run.phase === 'live' ? s.run.frame.events : 0));
  const fmt = numberFormat(lang, 3);
  return (
    <div className="clock">
      <span className="muted">{t('time.label')}</span>
      <output data-testid="sim-time" data-ms={t_ms}>
        {t('time.value', { t: fmt.format(t_ms / 1000), end: fmt.format(end_ms / 1000) })}
      </output>
      <span className="muted">{t('time.events')}</span>
      <output className="events" data-testid="sim-events" data-value={events}>
        {numberFormat(lang).format(events)}
      </output>
    </div>
  );
}
