// The shipped presets: index.json is well formed, every file it lists is a valid scenario whose name is its id,
// and each has its title and explanation in both languages.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePresetIndex } from '../../src/store/preset_index.ts';
import { validateScenario } from '../../src/sim/validate.ts';

const dir = new URL('../../public/scenarios/', import.meta.url);
const read = (f: string): unknown => JSON.parse(readFileSync(new URL(f, dir), 'utf8'));

describe('public/scenarios', () => {
  const parsed = parsePresetIndex(read('index.json'));
  it('has a valid index', () => expect(parsed).toMatchObject({ ok: true }));
  if (!parsed.ok) return;

  it('lists every scenario file once', () => {
    const files = readdirSync(dir).filter((f) => f !== 'index.json').sort();
    expect(parsed.index.entries.map((e) => e.file).sort()).toEqual(files);
  });

  it.each(parsed.index.entries)('$id is a valid scenario with texts in both languages', (e) => {
    const v = validateScenario(read(e.file));
    expect(v.ok ? [] : v.errors).toEqual([]);
    if (!v.ok) return;
    const s = v.scenario;
    expect(s.name).toBe(e.id);
    expect([s.title, s.title_zh]).toEqual([e.title, e.title_zh]);
    expect(s.explain?.length).toBeGreaterThan(40);
    expect(s.explain_zh?.length).toBeGreaterThan(20);
  });

  it('rejects a broken index with paths', () => {
    const r = parsePresetIndex({ format: 'backlog-presets/1', default: 'x', presets: [{ id: 'A B', file: '../etc.json', title: '', title_zh: 'x' }] });
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['presets[0].id', 'presets[0].file', 'presets[0].title', 'default']);
  });
});
