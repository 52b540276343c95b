// The page's state as a URL (src/ui/share/link_state.ts): whatever a link is made from reads back the same; a preset
// gives a short link (?preset=, no scenario in the fragment), the start of a plain preset an empty fragment; other
// query parameters (projector, embed) stay; every malformed part is named and left out, the rest still reads.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EMPTY_LINK, fragmentOf, linkOf, readLink, type LinkInput } from '../../src/ui/share/link_state.ts';
import { encodeScenarioLink } from '../../src/ui/scenario/link.ts';
import { MAX_CHANGES } from '../../src/worker/protocol.ts';

const BASE = new URL('https://lab.example/app/?projector=1&embed=1&panels=queues');
const CHANGES = [
  { events: 40, t_ns: 90_000_000, action: { kind: 'sysctl', name: 'net.core.somaxconn', value: '64' } },
  { events: 41, t_ns: 90_000_000, action: { kind: 'listen', backlog: 128 } },
];
const input = (over: Partial<LinkInput> = {}): LinkInput => ({ lang: 'en', preset: null, scenario: null, lesson: null, moment: null, ...over });

describe('link_state', () => {
  it('a preset at its start is a short link with no fragment', () => {
    const url = linkOf(BASE, input({ preset: 'slow-accept', scenario: '{"ignored": true}', moment: { events: 0, t_ms: 0, changes: [] } }));
    expect(url.href).toBe('https://lab.example/app/?projector=1&embed=1&panels=queues&lang=en&preset=slow-accept');
    expect(readLink(url)).toEqual({ state: { ...EMPTY_LINK, lang: 'en', preset: 'slow-accept' }, problems: [] });
  });

  it('a scenario, a lesson, the cursor and the changes read back exactly', () => {
    const scenario = '{"title_zh":"半连接队列 🧪","seed":7}';
    const i = input({ lang: 'zh-CN', scenario, lesson: { id: 'syn-flood', step: 2, seed: 777 }, moment: { events: 1234, t_ms: 56.789012, changes: CHANGES } });
    const url = linkOf(BASE, i);
    expect(url.hash).toMatch(/^#scenario=[\w-]+&lesson=syn-flood\.3\.777&t=56\.789012&e=1234&c=[\w-]+$/);
    expect(url.searchParams.has('preset')).toBe(false);
    expect(readLink(url)).toEqual({
      state: { lang: 'zh-CN', preset: null, scenario, lesson: { id: 'syn-flood', step: 2, seed: 777 }, t_ms: 56.789012, events: 1234, changes: CHANGES },
      problems: [],
    });
  });

  it('any moment round-trips', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1e9 }), fc.integer({ min: 0, max: 1e12 }), fc.boolean(), (events, t_ns, withChanges) => {
        const changes = withChanges ? [{ events, t_ns, action: { kind: 'traffic', normal_per_s: 3.5, flood_per_s: 0 } }] : [];
        const url = linkOf(BASE, input({ preset: 'p', moment: { events, t_ms: t_ns / 1e6, changes } }));
        const { state, problems } = readLink(url);
        expect(problems).toEqual([]);
        if (events === 0 && !withChanges) {
          expect(url.hash).toBe('');
        } else {
          expect(state.events).toBe(events);
          expect(state.t_ms).toBeCloseTo(t_ns / 1e6, 6);
          expect(state.changes).toEqual(withChanges ? changes : null);
        }
      }),
    );
  });

  it('the fragment of the previous scenario link reads as before (#scenario= alone)', () => {
    const url = new URL(`https://lab.example/?lang=en#scenario=${encodeScenarioLink('{"a":1}')}`);
    expect(readLink(url).state).toEqual({ ...EMPTY_LINK, lang: 'en', scenario: '{"a":1}' });
    expect(fragmentOf(input({ scenario: '{"a":1}' }))).toBe(`scenario=${encodeScenarioLink('{"a":1}')}`);
  });

  it('names each malformed part and keeps the rest', () => {
    const tooMany = encodeScenarioLink(JSON.stringify(Array.from({ length: MAX_CHANGES + 1 }, () => ({}))));
    const cases: [string, string, string][] = [
      ['#t=1500&e=12x', '#e=', 'an integer'],
      ['#t=-3&e=5', '#t=', 'a number ≥ 0'],
      ['#t=1e3&e=5', '#t=', 'a number ≥ 0'],
      ['#e=5&c=***', '#c=', 'not base64url'],
      [`#e=5&c=${encodeScenarioLink('{"not": "a list"}')}`, '#c=', 'a list of at most'],
      [`#e=5&c=${tooMany}`, '#c=', `at most ${MAX_CHANGES}`],
      [`#e=5&c=${encodeScenarioLink('[oops')}`, '#c=', 'not JSON'],
      ['#e=5&lesson=syn-flood', '#lesson=', '<lesson>.<step>.<seed>'],
      ['#e=5&lesson=syn-flood.0.1', '#lesson=', '<lesson>.<step>.<seed>'],
      ['#e=5&scenario=not*base64', '#scenario=', 'not base64url'],
    ];
    for (const [hash, path, message] of cases) {
      const { state, problems } = readLink(new URL(`https://lab.example/?lang=en&preset=slow-accept${hash}`));
      expect(problems, hash).toHaveLength(1);
      expect(problems[0].code, hash).toBe('bad_link');
      expect(problems[0].issues[0].path, hash).toBe(path);
      expect(problems[0].issues[0].message, hash).toContain(message);
      expect(state.preset).toBe('slow-accept');
      if (path !== '#e=') expect(state.events, hash).toBe(5);
    }
  });

  it('ignores a language or a preset id it does not know', () => {
    const { state } = readLink(new URL('https://lab.example/?lang=fr&preset=../../etc'));
    expect(state.lang).toBeNull();
    expect(state.preset).toBeNull();
  });
});
