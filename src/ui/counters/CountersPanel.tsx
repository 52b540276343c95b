// SNMP counters under the kernel's names (TcpExt / Tcp). While running they are the namespace's counters at the
// last frame; at the end, the result's deltas over the run.
import { useApp, useT } from '../context.ts';
import { KEY_COUNTERS, counterKey, otherMoved } from './counters.ts';
import { numberFormat } from '../i18n/index.ts';
import { Stat } from '../Stat.tsx';

export function CountersPanel() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const counters = useApp((s) => (s.run.phase === 'live' ? (s.run.result?.counters ?? s.run.frame.counters) : null));
  const fmt = numberFormat(lang);
  const value = (v: number | undefined) => (counters === null ? null : (v ?? 0));
  const others = counters ? otherMoved(counters) : [];
  return (
    <section className="panel counters" aria-labelledby="counters-heading">
      <h2 id="counters-heading">{t('counters.heading')}</h2>
      <dl className="stats grid">
        {KEY_COUNTERS.map((f) => {
          const v = value(counters?.[f]);
          return (
            <Stat
              key={f}
              testid={`counter-${f}`}
              label={<code>{f}</code>}
              value={v}
              text={v === null ? undefined : fmt.format(v)}
              note={t(counterKey(f))}
              dim={v === 0}
            />
          );
        })}
      </dl>
      {others.length > 0 && (
        <>
          <h3>{t('counters.others')}</h3>
          <ul className="others">
            {others.map(([f, v]) => (
              <li key={f} data-testid={`counter-${f}`} data-value={v}>
                <code>{f}</code> <span className="num">{fmt.format(v)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
