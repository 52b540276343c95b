// The running scenario's heading (for screen readers and tests: the picker shows the title on screen) and its
// two-line explanation: the set-up, then what happens.
import { useApp, useT } from '../context.ts';
import { explainLines, titleOf } from './texts.ts';

export function ScenarioIntro() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const meta = useApp((s) => (s.run.phase === 'live' ? s.run.meta : null));
  const loading = useApp((s) => s.run.phase === 'loading');
  if (!meta) return <div className="sb-explain">{loading && <p className="muted">{t('scenario.loading')}</p>}</div>;
  const { lines, more } = explainLines(meta, lang);
  const full = more ? ((lang === 'zh-CN' ? meta.explain_zh : meta.explain) ?? meta.explain ?? meta.description) : undefined;
  return (
    <div className="sb-explain" title={full} data-testid="scenario-explain">
      <h2 className="sr-only" id="scenario-title" data-testid="scenario-title" data-name={meta.name}>
        {titleOf(meta, lang)}
      </h2>
      {lines.map((l, i) => (
        <p key={i}>{l}</p>
      ))}
    </div>
  );
}
