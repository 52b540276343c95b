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
  const ready = presets.status === 'ready';
  const first =
    custom === null
      ? t(presets.status === 'error' ? 'presets.failed' : 'scenario.loading')
      : customTitle === null
        ? t('scenario.loading')
        : custom === LINK_LABEL
          ? t('scenario.from_link', { title: customTitle })
          : t('scenario.imported', { title: customTitle, file: custom });
  return (
    <select
      className="sb-picker"
      aria-label={t('scenario.picker')}
      data-testid="preset-select"
      // without the list (loading, or it failed) there is nothing to choose; a link's scenario still shows
      disabled={!ready}
      value={selected ?? CUSTOM}
      onChange={(e) => {
        if (e.target.value !== CUSTOM) void bridge.select(e.target.value);
      }}
    >
      {selected === null && (
        <option value={CUSTOM} disabled data-testid="preset-custom">
          {first}
        </option>
      )}
      {ready &&
        presets.entries.map((e) => (
          <option key={e.id} value={e.id} data-testid={`preset-${e.id}`}>
            {lang === 'zh-CN' ? e.title_zh : e.title}
          </option>
        ))}
    </select>
  );
}
