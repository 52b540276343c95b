// The preset scenarios, one button each; choosing one loads it into the worker at once.
import { useApp, useBridge, useT } from '../context.ts';

export function PresetList() {
  const t = useT();
  const bridge = useBridge();
  const presets = useApp((s) => s.presets);
  const selected = useApp((s) => s.selected);
  const lang = useApp((s) => s.lang);
  return (
    <nav className="presets" aria-labelledby="presets-heading">
      <h2 id="presets-heading">{t('presets.heading')}</h2>
      {presets.status === 'loading' && <p className="muted">{t('presets.loading')}</p>}
      {presets.status === 'error' && <p className="muted">{t('presets.failed')}</p>}
      {presets.status === 'ready' && (
        <ul>
          {presets.entries.map((e) => (
            <li key={e.id}>
              <button
                type="button"
                data-testid={`preset-${e.id}`}
                aria-current={e.id === selected ? 'true' : undefined}
                onClick={() => void bridge.select(e.id)}
              >
                {lang === 'zh-CN' ? e.title_zh : e.title}
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
