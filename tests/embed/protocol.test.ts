// The embed API's message check (src/embed/protocol.ts) and query parameters (src/embed/params.ts): every documented
// command is accepted and rebuilt from its checked fields only; anything else — not an object, another version, an
// unknown command or field, a value out of range, a scenario too long or not JSON-able — is refused with the path of
// what is wrong; nothing in a message is ever run.
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, checkCommand, isForeign } from '../../src/embed/protocol.ts';
import { DEFAULT_PANELS, readEmbed } from '../../src/embed/params.ts';
import { MAX_SCENARIO_CHARS } from '../../src/worker/protocol.ts';

const msg = (m: Record<string, unknown>) => ({ type: 'backlog-lab', v: 1, ...m });
const refused = (data: unknown) => {
  const r = checkCommand(data);
  if (r.ok) throw new Error(`accepted: ${JSON.stringify(data)}`);
  return r;
};

describe('checkCommand', () => {
  it('accepts each documented command', () => {
    const scenario = { format: 'backlog-scenario/1', name: 'x' };
    expect(checkCommand(msg({ cmd: 'load', scenario, id: 'l1' }))).toEqual({ ok: true, id: 'l1', command: { cmd: 'load', scenario: JSON.stringify(scenario) } });
    expect(checkCommand(msg({ cmd: 'load', scenario: '{"a":1}' }))).toEqual({ ok: true, id: null, command: { cmd: 'load', scenario: '{"a":1}' } });
    expect(checkCommand(msg({ cmd: 'preset', preset: 'slow-accept', id: 7 }))).toEqual({ ok: true, id: 7, command: { cmd: 'preset', preset: 'slow-accept' } });
    expect(checkCommand(msg({ cmd: 'play' }))).toMatchObject({ ok: true, command: { cmd: 'play', speed: null } });
    expect(checkCommand(msg({ cmd: 'play', speed: 0.5 }))).toMatchObject({ ok: true, command: { cmd: 'play', speed: 0.5 } });
    expect(checkCommand(msg({ cmd: 'seek', t_ms: 1500.5 }))).toMatchObject({ ok: true, command: { cmd: 'seek', to: { t_ms: 1500.5 } } });
    expect(checkCommand(msg({ cmd: 'seek', events: 12 }))).toMatchObject({ ok: true, command: { cmd: 'seek', to: { events: 12 } } });
    expect(checkCommand(msg({ cmd: 'lang', lang: 'zh-CN' }))).toMatchObject({ ok: true, command: { cmd: 'lang', lang: 'zh-CN' } });
    for (const cmd of ['pause', 'step', 'step_back', 'run_to_end', 'reset', 'get']) expect(checkCommand(msg({ cmd }))).toEqual({ ok: true, id: null, command: { cmd } });
    expect(COMMAND_NAMES).toEqual(['load', 'preset', 'play', 'pause', 'step', 'step_back', 'run_to_end', 'reset', 'seek', 'lang', 'get']);
  });

  it('refuses what is not a message of this API, saying where', () => {
    const cases: [unknown, string, string][] = [
      ['play', '', 'expected a message object'],
      [null, '', 'expected a message object'],
      [['play'], '', 'expected a message object'],
      [{ v: 1, cmd: 'play' }, 'type', 'expected "backlog-lab"'],
      [msg({ v: 2, cmd: 'play' }), 'v', 'expected 1, got 2'],
      [msg({ cmd: 'eval', code: 'alert(1)' }), 'cmd', 'expected one of load, preset'],
      [msg({ cmd: 'constructor' }), 'cmd', 'expected one of'],
      [msg({ cmd: '__proto__' }), 'cmd', 'expected one of'],
      [msg({ cmd: 'pause', then: 'alert(1)' }), 'then', "unknown field for 'pause' (it takes no fields)"],
      [msg({ cmd: 'play', speed: 3 }), 'speed', 'expected one of 0.1, 0.25'],
      [msg({ cmd: 'play', speed: '1' }), 'speed', 'expected one of'],
      [msg({ cmd: 'seek' }), 't_ms', 'exactly one of t_ms'],
      [msg({ cmd: 'seek', t_ms: 1, events: 2 }), 't_ms', 'exactly one of t_ms'],
      [msg({ cmd: 'seek', t_ms: -1 }), 't_ms', 'a number ≥ 0'],
      [msg({ cmd: 'seek', t_ms: Infinity }), 't_ms', 'a number ≥ 0'],
      [msg({ cmd: 'seek', events: 1.5 }), 'events', 'an integer ≥ 0'],
      [msg({ cmd: 'lang', lang: 'fr' }), 'lang', 'expected "en" or "zh-CN"'],
      [msg({ cmd: 'preset', preset: '../index' }), 'preset', 'a preset id'],
      [msg({ cmd: 'load' }), 'scenario', 'expected the scenario as an object or JSON text'],
      [msg({ cmd: 'load', scenario: 42 }), 'scenario', 'expected the scenario'],
      [msg({ cmd: 'load', scenario: 'x'.repeat(MAX_SCENARIO_CHARS + 1) }), 'scenario', `at most ${MAX_SCENARIO_CHARS}`],
      [msg({ cmd: 'pause', id: { toString: 'x' } }), 'id', 'expected an integer or up to 64'],
      [msg({ cmd: 'pause', id: 'x'.repeat(65) }), 'id', 'expected an integer or up to 64'],
    ];
    for (const [data, path, message] of cases) {
      const r = refused(data);
      expect(r.issues.map((i) => i.path), JSON.stringify(data)?.slice(0, 80)).toContain(path);
      expect(r.issues.find((i) => i.path === path)!.message).toContain(message);
    }
  });

  it('refuses a scenario object JSON cannot hold (a cycle, a BigInt) without throwing', () => {
    const cyclic: Record<string, unknown> = { format: 'backlog-scenario/1' };
    cyclic.self = cyclic;
    expect(refused(msg({ cmd: 'load', scenario: cyclic })).issues[0]).toMatchObject({ path: 'scenario', message: expect.stringContaining('not a JSON document') });
    expect(refused(msg({ cmd: 'load', scenario: { n: 10n } })).issues[0].path).toBe('scenario');
  });

  it('keeps the id of a refused message for the reply, when the id itself is fine', () => {
    expect(refused(msg({ cmd: 'nope', id: 'q-1' })).id).toBe('q-1');
    expect(refused(msg({ cmd: 'nope', id: ['x'] })).id).toBeNull();
  });

  it('tells messages of other scripts on the page apart', () => {
    expect(isForeign({ type: 'webpackOk' })).toBe(true);
    expect(isForeign(msg({ cmd: 'play' }))).toBe(false);
    expect(isForeign('play')).toBe(false);
    expect(isForeign({ cmd: 'play' })).toBe(false);
  });
});

describe('readEmbed', () => {
  it('is null unless ?embed=1', () => {
    expect(readEmbed('?lang=en')).toBeNull();
    expect(readEmbed('?embed=0&panels=queues')).toBeNull();
  });

  it('keeps the panels asked for, in order, without unknown names or repeats', () => {
    expect(readEmbed('?embed=1&panels=counters,queues,terminal,packets,log')).toEqual({ panels: ['counters', 'queues', 'terminal', 'packets', 'log'], controls: true, origins: null });
    expect(readEmbed('?embed=1&panels=log,Bogus,log,%20knobs')?.panels).toEqual(['log', 'knobs']);
    expect(readEmbed('?embed=1&panels=nothing')?.panels).toEqual(DEFAULT_PANELS);
    expect(readEmbed('?embed=1')?.panels).toEqual(['queues', 'counters']);
  });

  it('reads controls=0 and an origin allow-list (origins only, nothing after them)', () => {
    expect(readEmbed('?embed=1&controls=0')?.controls).toBe(false);
    expect(readEmbed('?embed=1&origin=https://a.example/course/,http://localhost:8000,javascript:alert(1),nonsense')?.origins).toEqual([
      'https://a.example',
      'http://localhost:8000',
    ]);
  });
});
