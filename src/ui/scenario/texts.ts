// What the bar shows of a scenario in the page's language: its title and its explanation lines. A preset's
// explanation is two lines (the set-up, then what happens); an imported scenario may have none, then its
// description stands in.
import type { Lang } from '../../store/prefs.ts';
import type { ScenarioMeta } from '../../worker/protocol.ts';

export function titleOf(meta: ScenarioMeta, lang: Lang): string {
  return (lang === 'zh-CN' ? meta.title_zh : meta.title) ?? meta.title ?? meta.name;
}

/** At most `max` non-empty lines; the rest is dropped (the bar has room for two). */
export function explainLines(meta: ScenarioMeta, lang: Lang, max = 2): { lines: string[]; more: boolean } {
  const text = (lang === 'zh-CN' ? meta.explain_zh : meta.explain) ?? meta.explain ?? meta.description;
  const all = text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  return { lines: all.slice(0, max), more: all.length > max };
}

/** `net.ipv4.tcp_syncookies` → `tcp_syncookies`: the chips are short; the full name is in their tooltip. */
export function shortSysctl(name: string): string {
  return name.replace(/^net\.(core|ipv4)\./, '');
}
