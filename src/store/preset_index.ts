// Reads public/scenarios/index.json ("backlog-presets/1"): the list of preset scenarios the page offers.
// Checked like any input from outside, with the path of whatever is wrong.
import type { Issue } from '../worker/protocol.ts';
import type { PresetEntry } from './presets.ts';

export const PRESETS_FORMAT = 'backlog-presets/1';
/** preset ids become file names and URL parameters */
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const FILE = /^[a-z0-9][a-z0-9-]{0,63}\.json$/;

export type PresetIndex = { readonly entries: readonly PresetEntry[]; readonly default_id: string };

function str(x: unknown, path: string, issues: Issue[], re?: RegExp): string {
  if (typeof x === 'string' && x.length > 0 && (!re || re.test(x))) return x;
  issues.push({ path, message: `expected ${re ? `a string matching ${re}` : 'a non-empty string'}, got ${JSON.stringify(x) ?? 'nothing'}` });
  return '';
}

export function parsePresetIndex(json: unknown): { ok: true; index: PresetIndex } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];
  const o = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  if (o.format !== PRESETS_FORMAT) issues.push({ path: 'format', message: `expected "${PRESETS_FORMAT}", got ${JSON.stringify(o.format) ?? 'nothing'}` });
  const list = Array.isArray(o.presets) ? o.presets : [];
  if (list.length === 0) issues.push({ path: 'presets', message: 'expected a non-empty array' });
  const entries = list.map((p: unknown, i): PresetEntry => {
    const e = (typeof p === 'object' && p !== null ? p : {}) as Record<string, unknown>;
    return {
      id: str(e.id, `presets[${i}].id`, issues, ID),
      file: str(e.file, `presets[${i}].file`, issues, FILE),
      title: str(e.title, `presets[${i}].title`, issues),
      title_zh: str(e.title_zh, `presets[${i}].title_zh`, issues),
    };
  });
  const ids = entries.map((e) => e.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) issues.push({ path: `presets[${i}].id`, message: `duplicate id ${JSON.stringify(id)}` });
  });
  const default_id = str(o.default, 'default', issues);
  if (default_id && !ids.includes(default_id)) issues.push({ path: 'default', message: `expected one of the preset ids, got ${JSON.stringify(default_id)}` });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, index: { entries, default_id } };
}
