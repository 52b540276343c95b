// The loaded scenario: its title, the two-line explanation, and the facts that set it up.
import { useApp, useT } from '../context.ts';

export function ScenarioIntro() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const meta = useApp((s) => (s.run.phase === 'live' ? s.run.meta : null));
  const loading = useApp((s) => s.run.phase === 'loading');
  if (!meta) return <section className="intro">{loading && <p className="muted">{t('scenario.loading')}</p>}</section>;
  const zh = lang === 'zh-CN';
  const title = (zh ? meta.title_zh : meta.title) ?? meta.title ?? meta.name;
  const explain = (zh ? meta.explain_zh : meta.explain) ?? meta.explain ?? meta.description;
  const sysctls = Object.entries(meta.sysctl);
  return (
    <section className="intro" aria-labelledby="scenario-title">
      <h2 id="scenario-title" data-testid="scenario-title" data-name={meta.name}>
        {title}
      </h2>
      <p className="explain">{explain}</p>
      <ul className="facts">
        <li>
          <code>{t('scenario.listen', { backlog: meta.backlog })}</code>
        </li>
        <li>{meta.port === null ? t('scenario.port_auto') : t('scenario.port', { port: meta.port })}</li>
        {meta.clients.normal > 0 && <li>{t('scenario.normal', { n: meta.clients.normal })}</li>}
        {meta.clients.spoofed > 0 && <li>{t('scenario.spoofed', { n: meta.clients.spoofed })}</li>}
        <li>{t('scenario.duration', { s: meta.duration_ms / 1000 })}</li>
        {sysctls.map(([k, v]) => (
          <li key={k}>
            <code>
              {k}={v}
            </code>
          </li>
        ))}
      </ul>
    </section>
  );
}
