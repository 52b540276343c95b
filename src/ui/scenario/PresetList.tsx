// The scenario picker: a native select (keyboard, screen readers and touch for free) whose shown value is the title
// of what runs. A scenario that is not a preset (an imported file, a link) appears as an extra first entry while it
// runs. Choosing a preset loads it at once; each option keeps the test hook preset-<id>.
import { useApp, useBridge, useT } from '../context.ts';
import { LINK_LABEL } from './link.ts';
import { titleOf } from './texts.ts';

/** the value of the entry for a scenario that is not a preset */
const CUSTOM = '';

export function PresetList() {
  const t = useT();
  const bridge = useBridge();
  const presets = useApp((s) => s.presets);
  const selected = useApp((s) => s.selected);
  const custom = useApp((s) => s.custom);
  const lang = useApp((s) => s.lang);
  const customTitle = useApp((s) => (s.custom !== null && s.run.phase === 'live' ? titleOf(s.run.meta, s.lang) : null));
  const label = t('scenario.picker');
  if (presets.status !== 'ready') {
    return (
      <select className="sb-picker" aria-label={label} disabled data-testid="preset-select">
        <option>{t(presets.status === 'loading' ? 'presets.loading' : 'presets.failed')}</option>
      </select>
    );
  }
  const title = customTitle ?? custom ?? '';
  return (
    <select
      className="sb-picker"
      aria-label={label}
      data-testid="preset-select"
      value={selected ?? CUSTOM}
      onChange={(e) => {
        if (e.target.value !== CUSTOM) void bridge.select(e.target.value);
      }}
    >
      {selected === null && (
        <option value={CUSTOM} disabled data-testid="preset-custom">
          {custom === null ? t('scenario.loading') : custom === LINK_LABEL ? t('scenario.from_link', { title }) : t('scenario.imported', { title, file: custom })}
        </option>
      )}
      {presets.entries.map((e) => (
        <option key={e.id} value={e.id} data-testid={`preset-${e.id}`}>
          {lang === 'zh-CN' ? e.title_zh : e.title}
        </option>
      ))}
    </select>
  );
}
