// Validation of "backlog-scenario/1" (../../../shared/scenario-format.md) at the boundary: a parsed JSON value in,
// either a Scenario with every optional field filled in or every error found, each naming the path of the bad value
// and what was expected there. Never half a scenario, never an exception. Fields nobody knows are ignored (tools
// ignore fields they do not know), known fields of the wrong type are errors.
import { PROFILES, DEFAULT_PROFILE } from '../kernel/profiles.ts';
import type { ProfileId } from '../kernel/profiles.ts';
import { SCENARIO_FORMAT } from './scenario.ts';
import type { Scenario } from './scenario.ts';
import { Errors, member, number, object, oneOf, optional, string } from './validate/read.ts';
import type { NumRule, ValidationError } from './validate/read.ts';
import { read_clients } from './validate/clients.ts';
import { read_server } from './validate/server.ts';
import { read_sysctl_changes, read_sysctl_map } from './validate/sysctl.ts';

export type { ValidationError } from './validate/read.ts';
export type Validation = { ok: true; scenario: Scenario } | { ok: false; errors: ValidationError[] };

const DAY_MS = 24 * 3600 * 1000;
/** a bound on the work and memory of one run: samples are kept for the whole run */
const MAX_SAMPLES = 1_000_000;
const SLUG = /^[a-z0-9][a-z0-9._-]*$/;
const DURATION: NumRule = { above: 0, max: DAY_MS, what: `a number > 0 and ≤ ${DAY_MS} (24 h)` };
const SEED: NumRule = { integer: true, min: 0, max: 2 ** 32 - 1, what: `an integer 0..${2 ** 32 - 1}` };
const LINK_DELAY: NumRule = { integer: true, min: 0, max: 1_000_000, what: 'an integer 0..1000000 (µs)' };

function read_name(e: Errors, v: unknown): string | undefined {
  // the name becomes a file name (the CLI writes NAME.json), hence a slug
  return typeof v === 'string' && SLUG.test(v) ? v : e.expected('name', 'a non-empty slug ([a-z0-9][a-z0-9._-]*)', v);
}

function read_sample_every(e: Errors, v: unknown, duration_ms: number | undefined): number | undefined {
  const step = optional(v, 50, (v) => number(e, 'sample_every_ms', v, { above: 0, what: 'a number > 0' }));
  if (step === undefined || duration_ms === undefined) return step;
  // samples at 0, step, 2·step … ≤ duration_ms
  const samples = Math.floor(duration_ms / step) + 1;
  if (samples <= MAX_SAMPLES) return step;
  return e.add('sample_every_ms', `expected at most ${MAX_SAMPLES} samples in duration_ms ${duration_ms}, got ${step} (${samples} samples)`);
}

const TEXT_KEYS = ['title', 'title_zh', 'explain', 'explain_zh'] as const;
type Texts = { -readonly [K in (typeof TEXT_KEYS)[number]]?: string };
type Core = Omit<Scenario, keyof Texts>;

/** All parts read: every reader returns undefined only after recording an error, so this is the success test. */
function complete<T extends object>(parts: { [K in keyof T]: T[K] | undefined }): parts is T {
  return Object.values(parts).every((v) => v !== undefined);
}

export function validateScenario(input: unknown): Validation {
  const e = new Errors();
  const o = object(e, '', input, 'a scenario (a JSON object)');
  if (!o) return { ok: false, errors: e.list };
  const m = (key: string) => member(o, key);
  const core = {
    format: oneOf(e, 'format', m('format'), [SCENARIO_FORMAT]),
    name: read_name(e, m('name')),
    description: optional(m('description'), '', (v) => string(e, 'description', v)),
    sysctl: read_sysctl_map(e, m('sysctl')),
    server: read_server(e, m('server')),
    clients: read_clients(e, m('clients')),
    duration_ms: number(e, 'duration_ms', m('duration_ms'), DURATION),
  };
  const sample_every_ms = read_sample_every(e, m('sample_every_ms'), core.duration_ms);
  const extensions = {
    kernel: optional(m('kernel'), DEFAULT_PROFILE, (v) => oneOf(e, 'kernel', v, Object.keys(PROFILES) as ProfileId[])),
    seed: optional(m('seed'), 1, (v) => number(e, 'seed', v, SEED)),
    link_delay_us: optional(m('link_delay_us'), 0, (v) => number(e, 'link_delay_us', v, LINK_DELAY)),
    sysctl_changes: read_sysctl_changes(e, m('sysctl_changes')),
    host_sysctl: read_sysctl_map(e, m('host_sysctl'), 'host_sysctl'),
  };
  const texts: Texts = {};
  for (const key of TEXT_KEYS) {
    const v = m(key);
    const s = v === undefined ? undefined : string(e, key, v);
    if (s !== undefined) texts[key] = s;
  }
  const all = { ...core, sample_every_ms, ...extensions };
  if (e.list.length > 0 || !complete<Core>(all)) return { ok: false, errors: e.list };
  return { ok: true, scenario: { ...all, ...texts } };
}

/** Text of a scenario file: a JSON syntax error is reported like any other error, at the top. */
export function parseScenarioText(text: string): Validation {
  let value: unknown;
  try {
    // editors on Windows save a byte-order mark, which JSON.parse rejects
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ok: false, errors: [{ path: '', message: `not valid JSON: ${(err as Error).message}` }] };
  }
  return validateScenario(value);
}

/** One line per error, `path: message` (the message alone for the whole document). */
export function formatErrors(errors: readonly ValidationError[]): string {
  return errors.map((x) => (x.path ? `${x.path}: ${x.message}` : x.message)).join('\n');
}
