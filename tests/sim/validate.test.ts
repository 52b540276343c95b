// validateScenario(): every real-kernel scenario passes, defaults are filled in, each kind of bad input is reported
// at its path with what was expected there, all errors at once, and (property tests) nothing ever throws and a
// normalised scenario validates again to itself.
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import fc from 'fast-check';
import { formatErrors, parseScenarioText, validateScenario } from '../../src/sim/validate.ts';
import type { Validation } from '../../src/sim/validate.ts';
import { MAX_CLIENTS } from '../../src/sim/scenario.ts';
import type { Scenario } from '../../src/sim/scenario.ts';
import { REPO_ROOT, SHARED_TRACES_DIR, TRACES_DIR, scenarioFiles } from '../golden/traces.ts';
import { validScenarioJson } from './arbitrary-scenario.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** A scenario using every field, so each row of the table below can break exactly one. */
const FULL: Json = {
  format: 'backlog-scenario/1',
  name: 'overflow-b4',
  description: 'backlog 4',
  sysctl: { 'net.core.somaxconn': 4096, 'net.ipv4.tcp_syncookies': 1, 'net.ipv4.ip_local_port_range': [32768, 60999] },
  server: { port: 8080, backlog: 4, relisten: [{ at_ms: 3000, backlog: 32 }], accept: { mode: 'every', interval_ms: 100, start_ms: 10, stop_ms: 5000 } },
  clients: [
    { count: 20, start_ms: 0, interval_ms: 10, kind: 'normal', ack_delay_ms: 100 },
    { count: 300, start_ms: 50, interval_ms: 1, kind: 'spoofed' },
    { count: 5, start_ms: 0, interval_ms: 0, kind: 'normal' },
  ],
  duration_ms: 8000,
  sample_every_ms: 50,
  kernel: 'linux-6.18',
  seed: 7,
  link_delay_us: 50,
  sysctl_changes: [{ at_ms: 1000, name: 'net.ipv4.tcp_syncookies', value: 0 }],
  title: 'Overflow',
  explain_zh: '溢出',
};

/** A copy of `doc` with the value at `path` (written as in error messages) replaced; undefined deletes it. */
function withValue(doc: Json, path: string, value: Json | undefined): Json {
  const copy = structuredClone(doc);
  const keys = [...path.matchAll(/\.?([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\["([^"]*)"\]/g)].map((m) => m[1] ?? (m[2] !== undefined ? Number(m[2]) : m[3]));
  let node = copy as Record<string | number, Json>;
  for (const k of keys.slice(0, -1)) node = node[k] as Record<string | number, Json>;
  const last = keys[keys.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

const errorsOf = (v: Validation) => (v.ok ? [] : formatErrors(v.errors).split('\n'));
const scenarioOf = (v: Validation): Scenario => {
  if (!v.ok) throw new Error(formatErrors(v.errors));
  return v.scenario;
};

describe('the real-kernel scenarios', () => {
  const dirs = [TRACES_DIR, ...(existsSync(SHARED_TRACES_DIR) ? [SHARED_TRACES_DIR] : [])];
  for (const file of dirs.flatMap((d) => scenarioFiles(d))) {
    it(`${relative(REPO_ROOT, file)} validates`, () => {
      const json = JSON.parse(readFileSync(file, 'utf8'));
      const s = scenarioOf(validateScenario(json));
      expect(s.name).toBe(json.name);
      expect(s.server.backlog).toBe(json.server.backlog);
    });
  }

  it('fill in what they leave out', () => {
    const load = (name: string) => scenarioOf(parseScenarioText(readFileSync(`${TRACES_DIR}/scenarios/${name}.json`, 'utf8')));
    expect(load('probe-autobind-1').server).toEqual({ port: null, backlog: 8, relisten: [], accept: { mode: 'never' } });
    expect(load('mixed-b16-sc1').server.accept).toEqual({ mode: 'every', interval_ms: 10, start_ms: 0, stop_ms: null });
    expect(load('mixed-b16-sc1').clients.map((g) => g.ack_delay_ms)).toEqual([0, 0]);
    expect(load('overflow-b4-aoo0-ackdelay100').clients[0].ack_delay_ms).toBe(100);
    expect(load('probe-relisten-8-32').server.relisten).toEqual([{ at_ms: 100, backlog: 32 }]);
  });
});

describe('normalisation', () => {
  const MINIMAL = { format: 'backlog-scenario/1', name: 'm', server: { backlog: 8, accept: { mode: 'never' } }, clients: [], duration_ms: 200 };

  it('fills every optional field with its default', () => {
    expect(scenarioOf(validateScenario(MINIMAL))).toStrictEqual({
      format: 'backlog-scenario/1',
      name: 'm',
      description: '',
      sysctl: {},
      server: { port: null, backlog: 8, relisten: [], accept: { mode: 'never' } },
      clients: [],
      duration_ms: 200,
      sample_every_ms: 50,
      kernel: 'linux-6.18',
      seed: 1,
      // scenario.ts: the shared format's network has no delay
      link_delay_us: 0,
      sysctl_changes: [],
      host_sysctl: {},
    });
  });

  it('keeps what is given, ignores unknown fields, writes port ranges as [low, high]', () => {
    const doc = withValue(withValue(FULL, 'sysctl["net.ipv4.ip_local_port_range"]', '1024  65000'), 'server.future_field', { x: 1 });
    const s = scenarioOf(validateScenario({ ...(doc as object), comment: 'ignored', clients_v2: 5 }));
    expect(s.sysctl).toEqual({ 'net.core.somaxconn': 4096, 'net.ipv4.tcp_syncookies': 1, 'net.ipv4.ip_local_port_range': [1024, 65000] });
    expect(s.server).toEqual({ port: 8080, backlog: 4, relisten: [{ at_ms: 3000, backlog: 32 }], accept: { mode: 'every', interval_ms: 100, start_ms: 10, stop_ms: 5000 } });
    expect(s.clients[1]).toEqual({ count: 300, start_ms: 50, interval_ms: 1, kind: 'spoofed', ack_delay_ms: 0 });
    expect(s).toMatchObject({ kernel: 'linux-6.18', seed: 7, link_delay_us: 50, title: 'Overflow', explain_zh: '溢出' });
    expect(s.sysctl_changes).toEqual([{ at_ms: 1000, name: 'net.ipv4.tcp_syncookies', value: 0 }]);
    expect(Object.keys(s)).not.toContain('comment');
    expect(Object.keys(s)).not.toContain('title_zh');
  });

  it('does not change its input', () => {
    const doc = structuredClone(FULL);
    validateScenario(doc);
    expect(doc).toEqual(FULL);
  });

  it('accepts the bounds themselves', () => {
    const ok = (path: string, value: Json) => expect(errorsOf(validateScenario(withValue(FULL, path, value))), `${path} = ${value}`).toEqual([]);
    for (const backlog of [-2147483648, -1, 0, 2147483647]) ok('server.backlog', backlog);
    for (const port of [1, 65535, null]) ok('server.port', port);
    ok('server.accept', { mode: 'every', interval_ms: 100, start_ms: 10, stop_ms: 10 });
    ok('server.accept', { mode: 'never', interval_ms: 'ignored' });
    ok('clients', [{ count: MAX_CLIENTS, start_ms: 0, interval_ms: 0, kind: 'spoofed' }]);
    expect(errorsOf(validateScenario({ ...(FULL as object), duration_ms: 86_400_000, sample_every_ms: 100 }))).toEqual([]);
    ok('kernel', 'linux-6.1');
    ok('seed', 2 ** 32 - 1);
    ok('link_delay_us', 1_000_000);
    // samples at 0, 1, … 999 999 ms: exactly 1 000 000
    expect(errorsOf(validateScenario({ ...(FULL as object), duration_ms: 999_999, sample_every_ms: 1 }))).toEqual([]);
  });
});

describe('bad input', () => {
  const S = MAX_CLIENTS;
  // [path to change, new value (undefined: delete it), the error it must give]
  const rows: [string, Json | undefined, string][] = [
    ['format', 'backlog-scenario/2', 'format: expected "backlog-scenario/1", got "backlog-scenario/2"'],
    ['format', undefined, 'format: expected "backlog-scenario/1", got nothing'],
    ['name', '', 'name: expected a non-empty slug ([a-z0-9][a-z0-9._-]*), got ""'],
    ['name', 'Accept Overflow', 'name: expected a non-empty slug ([a-z0-9][a-z0-9._-]*), got "Accept Overflow"'],
    ['name', '../etc/passwd', 'name: expected a non-empty slug ([a-z0-9][a-z0-9._-]*), got "../etc/passwd"'],
    ['name', 'X'.repeat(50), `name: expected a non-empty slug ([a-z0-9][a-z0-9._-]*), got "${'X'.repeat(40)}…"`],
    ['description', 5, 'description: expected a string, got 5'],
    ['sysctl', [], 'sysctl: expected an object of sysctl names and values, got an array'],
    ['sysctl["net.ipv4.tcp_syncookies"]', 300, 'sysctl["net.ipv4.tcp_syncookies"]: proc_dou8vec_minmax accepts 0..255, got 300'],
    ['sysctl["net.ipv4.foo"]', 1, 'sysctl: unknown sysctl "net.ipv4.foo"'],
    ['sysctl["net.core.somaxconn"]', '4096', 'sysctl["net.core.somaxconn"]: expected an integer, got "4096"'],
    ['sysctl["net.core.somaxconn"]', -1, 'sysctl["net.core.somaxconn"]: proc_dointvec_minmax accepts 0..2147483647, got -1'],
    ['sysctl["net.core.somaxconn"]', 1e21, 'sysctl["net.core.somaxconn"]: proc_dointvec_minmax accepts 0..2147483647, got 1e+21'],
    ['sysctl["net.core.somaxconn"]', 1.5, 'sysctl["net.core.somaxconn"]: expected an integer, got 1.5'],
    ['sysctl["net.ipv4.tcp_syn_retries"]', 0, 'sysctl["net.ipv4.tcp_syn_retries"]: proc_dou8vec_minmax accepts 1..127, got 0'],
    ['sysctl["net.ipv4.tcp_invalid_ratelimit"]', -5, 'sysctl["net.ipv4.tcp_invalid_ratelimit"]: proc_dointvec_ms_jiffies accepts 0..2147483647 ms, got -5'],
    ['sysctl["net.ipv4.ip_local_port_range"]', [2000, 1000], 'sysctl["net.ipv4.ip_local_port_range"]: need 1 <= low <= high <= 65535'],
    ['sysctl["net.ipv4.ip_local_port_range"]', 5, 'sysctl["net.ipv4.ip_local_port_range"]: expected [low, high] or "low high", got 5'],
    ['sysctl["net.ipv4.ip_local_port_range"]', [1, 2, 3], 'sysctl["net.ipv4.ip_local_port_range"]: expected [low, high] or "low high", got an array'],
    ['sysctl["net.ipv4.ip_local_port_range"]', '1 2 3', 'sysctl["net.ipv4.ip_local_port_range"]: expected two integers: low high, got "1 2 3"'],
    ['server', 'x', 'server: expected an object, got "x"'],
    ['server', undefined, 'server: expected an object, got nothing'],
    ['server.port', 0, 'server.port: expected null or an integer 1..65535, got 0'],
    ['server.port', 65536, 'server.port: expected null or an integer 1..65535, got 65536'],
    ['server.port', '8080', 'server.port: expected null or an integer 1..65535, got "8080"'],
    ['server.backlog', '8', 'server.backlog: expected an integer, got "8"'],
    ['server.backlog', 8.5, 'server.backlog: expected an integer, got 8.5'],
    ['server.backlog', undefined, 'server.backlog: expected an integer, got nothing'],
    ['server.backlog', 2147483648, 'server.backlog: expected an integer in the C int range -2147483648..2147483647, got 2147483648'],
    ['server.backlog', -2147483649, 'server.backlog: expected an integer in the C int range -2147483648..2147483647, got -2147483649'],
    ['server.relisten', {}, 'server.relisten: expected an array, got an object'],
    ['server.relisten[0]', 5, 'server.relisten[0]: expected an object, got 5'],
    ['server.relisten[0].at_ms', -1, 'server.relisten[0].at_ms: expected a number ≥ 0, got -1'],
    ['server.relisten[0].backlog', null, 'server.relisten[0].backlog: expected an integer, got null'],
    ['server.accept', undefined, 'server.accept: expected { "mode": "never" } or { "mode": "every", "interval_ms": … }, got nothing'],
    ['server.accept.mode', 'sometimes', 'server.accept.mode: expected one of "never", "every", got "sometimes"'],
    ['server.accept.interval_ms', 0, 'server.accept.interval_ms: expected a number > 0, got 0'],
    ['server.accept.interval_ms', undefined, 'server.accept.interval_ms: expected a number > 0, got nothing'],
    ['server.accept.start_ms', -1, 'server.accept.start_ms: expected a number ≥ 0, got -1'],
    ['server.accept.stop_ms', 5, 'server.accept.stop_ms: expected null or a number ≥ start_ms (10), got 5'],
    ['clients', {}, 'clients: expected an array of client groups, got an object'],
    ['clients', undefined, 'clients: expected an array of client groups, got nothing'],
    ['clients[2]', null, 'clients[2]: expected an object, got null'],
    ['clients[2].interval_ms', -5, 'clients[2].interval_ms: expected a number ≥ 0, got -5'],
    ['clients[0].count', 1.5, 'clients[0].count: expected an integer ≥ 0, got 1.5'],
    ['clients[0].count', -1, 'clients[0].count: expected an integer ≥ 0, got -1'],
    ['clients[0].count', '20', 'clients[0].count: expected an integer ≥ 0, got "20"'],
    ['clients[0].start_ms', undefined, 'clients[0].start_ms: expected a number ≥ 0, got nothing'],
    ['clients[1].kind', 'evil', 'clients[1].kind: expected one of "normal", "spoofed", got "evil"'],
    ['clients[0].ack_delay_ms', -1, 'clients[0].ack_delay_ms: expected a number ≥ 0, got -1'],
    ['clients[0].count', S, `clients: expected at most ${S} clients in all (addresses run out beyond), got ${S + 305}`],
    ['duration_ms', 0, 'duration_ms: expected a number > 0 and ≤ 86400000 (24 h), got 0'],
    ['duration_ms', 86_400_001, 'duration_ms: expected a number > 0 and ≤ 86400000 (24 h), got 86400001'],
    ['duration_ms', '8000', 'duration_ms: expected a number > 0 and ≤ 86400000 (24 h), got "8000"'],
    ['sample_every_ms', 0, 'sample_every_ms: expected a number > 0, got 0'],
    ['sample_every_ms', 0.004, 'sample_every_ms: expected at most 1000000 samples in duration_ms 8000, got 0.004 (2000001 samples)'],
    ['kernel', 'linux-5.4', 'kernel: expected one of "linux-6.18", "linux-6.1", got "linux-5.4"'],
    ['kernel', null, 'kernel: expected one of "linux-6.18", "linux-6.1", got null'],
    ['seed', -1, 'seed: expected an integer 0..4294967295, got -1'],
    ['seed', 2 ** 32, 'seed: expected an integer 0..4294967295, got 4294967296'],
    ['link_delay_us', 0.5, 'link_delay_us: expected an integer 0..1000000 (µs), got 0.5'],
    ['sysctl_changes', {}, 'sysctl_changes: expected an array, got an object'],
    ['sysctl_changes[0]', null, 'sysctl_changes[0]: expected an object, got null'],
    ['sysctl_changes[0].at_ms', -1, 'sysctl_changes[0].at_ms: expected a number ≥ 0, got -1'],
    ['sysctl_changes[0].name', 'net.foo', 'sysctl_changes[0].name: unknown sysctl "net.foo"'],
    ['sysctl_changes[0].name', undefined, 'sysctl_changes[0].name: expected a sysctl name such as "net.core.somaxconn", got nothing'],
    ['sysctl_changes[0].value', 300, 'sysctl_changes[0].value: proc_dou8vec_minmax accepts 0..255, got 300'],
    ['title', 5, 'title: expected a string, got 5'],
    ['explain_zh', null, 'explain_zh: expected a string, got null'],
  ];
  it.each(rows)('%s = %j', (path, value, error) => {
    expect(errorsOf(validateScenario(withValue(FULL, path, value)))).toEqual([error]);
  });

  it('NaN and Infinity from a non-JSON caller', () => {
    expect(errorsOf(validateScenario({ ...(FULL as object), duration_ms: Infinity }))).toEqual(['duration_ms: expected a number > 0 and ≤ 86400000 (24 h), got Infinity']);
    expect(errorsOf(validateScenario(withValue(FULL, 'server', { backlog: NaN, accept: { mode: 'never' } })))).toEqual(['server.backlog: expected an integer, got NaN']);
  });

  it.each([null, [], 'scenario', 5, true])('a document that is not an object: %j', (doc) => {
    const v = validateScenario(doc);
    expect(v.ok).toBe(false);
    expect(errorsOf(v)).toEqual([expect.stringMatching(/^expected a scenario \(a JSON object\), got /)]);
  });

  it('reports every error at once, in document order', () => {
    const doc = { format: 'x', name: 'ok', server: { backlog: '8', accept: { mode: 'every' } }, clients: [{ count: -1, start_ms: 0, interval_ms: -5, kind: 'normal' }], duration_ms: 0 };
    expect(errorsOf(validateScenario(doc))).toEqual([
      'format: expected "backlog-scenario/1", got "x"',
      'server.backlog: expected an integer, got "8"',
      'server.accept.interval_ms: expected a number > 0, got nothing',
      'clients[0].count: expected an integer ≥ 0, got -1',
      'clients[0].interval_ms: expected a number ≥ 0, got -5',
      'duration_ms: expected a number > 0 and ≤ 86400000 (24 h), got 0',
    ]);
  });

  it('reads own fields only: nothing from the prototype chain', () => {
    const inherited = Object.create(FULL as object) as object;
    expect(validateScenario(inherited).ok).toBe(false);
    // JSON.parse makes "__proto__" an own key; it is an unknown sysctl, not a way to reach Object.prototype
    const v = parseScenarioText(JSON.stringify(FULL).replace('"sysctl":{', '"sysctl":{"__proto__":{"x":1},"constructor":1,'));
    expect(errorsOf(v)).toEqual(['sysctl: unknown sysctl "__proto__"', 'sysctl: unknown sysctl "constructor"']);
  });
});

describe('parseScenarioText and formatErrors', () => {
  it('reports a JSON syntax error as such', () => {
    const v = parseScenarioText('{"format": "backlog-scenario/1",');
    expect(v.ok).toBe(false);
    expect(errorsOf(v)).toEqual([expect.stringMatching(/^not valid JSON: .+/)]);
  });

  it('reads a file saved with a byte-order mark', () => {
    expect(parseScenarioText(`\uFEFF${JSON.stringify(FULL)}`).ok).toBe(true);
  });

  it('prints one line per error, the path first', () => {
    expect(formatErrors([{ path: 'server.backlog', message: 'm1' }, { path: '', message: 'm2' }])).toBe('server.backlog: m1\nm2');
  });
});

describe('properties', () => {
  it('never throws, whatever it is given, and errors always come with a path and a message', () => {
    const check = (input: unknown) => {
      const v = validateScenario(input);
      if (!v.ok) {
        expect(v.errors.length).toBeGreaterThan(0);
        for (const e of v.errors) expect(typeof e.path === 'string' && e.message.length > 0).toBe(true);
      }
    };
    fc.assert(fc.property(fc.jsonValue(), check), { numRuns: 500 });
    fc.assert(fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withBoxedValues: true, withSparseArray: true }), check), { numRuns: 500 });
    fc.assert(fc.property(fc.string(), (text) => { parseScenarioText(text); }), { numRuns: 200 });
  });

  it('never throws on a valid scenario with one field replaced by anything', () => {
    const keys = ['format', 'name', 'sysctl', 'server', 'clients', 'duration_ms', 'sample_every_ms', 'seed', 'sysctl_changes', 'host_sysctl'];
    fc.assert(
      fc.property(validScenarioJson, fc.constantFrom(...keys), fc.jsonValue(), (doc, key, value) => {
        const v = validateScenario({ ...doc, [key]: value });
        if (!v.ok) expect(v.errors.every((e) => e.path === key || e.path.startsWith(`${key}.`) || e.path.startsWith(`${key}[`) || e.path === 'sample_every_ms')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('accepts valid scenarios, and a normalised scenario validates again to itself', () => {
    fc.assert(
      fc.property(validScenarioJson, (doc) => {
        const s = scenarioOf(validateScenario(doc));
        expect(scenarioOf(validateScenario(s))).toStrictEqual(s);
        // and after a trip through a file
        expect(scenarioOf(validateScenario(JSON.parse(JSON.stringify(s))))).toEqual(s);
      }),
      { numRuns: 300 },
    );
  });
});
