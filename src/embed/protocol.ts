// The embed's postMessage API (documented in public/embed-api.md): the shapes of the messages a course page may
// send, and of the events the lab sends back. A message is data: it is checked field by field, rebuilt from the
// checked fields, and refused whole (with an 'error' event saying why) when anything is off — an unknown command,
// an unknown field, a value out of range, a scenario too long. Nothing received is ever evaluated; a scenario is
// JSON text that the worker parses and validates like any file.
import { MAX_SCENARIO_CHARS, type Issue } from '../worker/protocol.ts';
import { SPEEDS, isLang, type Lang, type Speed } from '../store/prefs.ts';

export const EMBED_TYPE = 'backlog-lab';
export const EMBED_VERSION = 1;

/** a reply names the command it answers with the id the page gave it */
export type CommandId = string | number;

export type EmbedCommand =
  /** open a scenario (the JSON document, or its text) */
  | { readonly cmd: 'load'; readonly scenario: string }
  /** open one of the app's preset scenarios by id (public/scenarios/index.json) */
  | { readonly cmd: 'preset'; readonly preset: string }
  /** play, at a speed from SPEEDS when given (simulated ms per wall-clock ms) */
  | { readonly cmd: 'play'; readonly speed: Speed | null }
  | { readonly cmd: 'pause' }
  | { readonly cmd: 'step' }
  | { readonly cmd: 'step_back' }
  | { readonly cmd: 'run_to_end' }
  | { readonly cmd: 'reset' }
  /** move to simulated time t_ms, or to just after `events` kernel events */
  | { readonly cmd: 'seek'; readonly to: { readonly t_ms: number } | { readonly events: number } }
  | { readonly cmd: 'lang'; readonly lang: Lang }
  /** answered with a 'state' event (and, as any accepted message, makes the page a receiver of events) */
  | { readonly cmd: 'get' };
export type EmbedCmdName = EmbedCommand['cmd'];

export type Checked = { readonly ok: true; readonly command: EmbedCommand; readonly id: CommandId | null } | { readonly ok: false; readonly id: CommandId | null; readonly issues: Issue[] };

/** What the lab sends: the envelope plus one of these. */
export interface QueueNow {
  readonly len: number;
  readonly limit: number;
}
export interface FrameSummary {
  readonly t_ms: number;
  readonly end_ms: number;
  readonly events: number;
  readonly playing: boolean;
  readonly done: boolean;
  readonly syn_queue: QueueNow;
  readonly accept_queue: QueueNow;
}
export type EmbedEvent =
  | { readonly event: 'ready'; readonly panels: readonly string[]; readonly controls: boolean; readonly lang: Lang; readonly commands: readonly EmbedCmdName[] }
  | { readonly event: 'loaded'; readonly id: CommandId | null; readonly name: string; readonly title: string | null; readonly title_zh: string | null; readonly duration_ms: number }
  | ({ readonly event: 'frame' } & FrameSummary)
  | { readonly event: 'counter-changed'; readonly field: string; readonly value: number; readonly previous: number; readonly t_ms: number }
  | ({ readonly event: 'state'; readonly id: CommandId | null; readonly scenario: string | null; readonly counters: Readonly<Record<string, number>> } & FrameSummary)
  | { readonly event: 'error'; readonly id: CommandId | null; readonly message: string; readonly issues: readonly Issue[] };
export type EmbedEventName = EmbedEvent['event'];
export type Envelope<T> = { readonly type: typeof EMBED_TYPE; readonly v: typeof EMBED_VERSION } & T;

export function envelope(e: EmbedEvent): Envelope<EmbedEvent> {
  return { type: EMBED_TYPE, v: EMBED_VERSION, ...e };
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;

function describe(x: unknown): string {
  if (typeof x === 'string') return JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x);
  if (x === null || typeof x !== 'object') return String(x);
  return Array.isArray(x) ? 'an array' : 'an object';
}

const ID = /^[\w.:-]{1,64}$/;
const PRESET = /^[a-z0-9][a-z0-9-]{0,63}$/;
const COMMON = ['type', 'v', 'cmd', 'id'] as const;

/** Each command: its own fields, and the builder that checks them. */
const COMMANDS: { readonly [K in EmbedCmdName]: { readonly fields: readonly string[]; build(m: Obj, issues: Issue[]): Extract<EmbedCommand, { cmd: K }> } } = {
  load: { fields: ['scenario'], build: (m, issues) => ({ cmd: 'load', scenario: scenarioText(m.scenario, issues) }) },
  preset: {
    fields: ['preset'],
    build: (m, issues) => {
      if (typeof m.preset !== 'string' || !PRESET.test(m.preset)) issues.push({ path: 'preset', message: `expected a preset id (a-z, 0-9, -), got ${describe(m.preset)}` });
      return { cmd: 'preset', preset: String(m.preset) };
    },
  },
  play: {
    fields: ['speed'],
    build: (m, issues) => {
      if (m.speed === undefined) return { cmd: 'play', speed: null };
      if (!(SPEEDS as readonly unknown[]).includes(m.speed)) issues.push({ path: 'speed', message: `expected one of ${SPEEDS.join(', ')}, got ${describe(m.speed)}` });
      return { cmd: 'play', speed: m.speed as Speed };
    },
  },
  pause: { fields: [], build: () => ({ cmd: 'pause' }) },
  step: { fields: [], build: () => ({ cmd: 'step' }) },
  step_back: { fields: [], build: () => ({ cmd: 'step_back' }) },
  run_to_end: { fields: [], build: () => ({ cmd: 'run_to_end' }) },
  reset: { fields: [], build: () => ({ cmd: 'reset' }) },
  seek: {
    fields: ['t_ms', 'events'],
    build: (m, issues) => {
      const has = (k: string) => m[k] !== undefined;
      if (has('t_ms') === has('events')) {
        issues.push({ path: 't_ms', message: 'expected exactly one of t_ms (simulated ms) or events (kernel events)' });
        return { cmd: 'seek', to: { t_ms: 0 } };
      }
      if (has('t_ms')) {
        const t = m.t_ms;
        if (typeof t !== 'number' || !Number.isFinite(t) || t < 0 || t > Number.MAX_SAFE_INTEGER) issues.push({ path: 't_ms', message: `expected a number ≥ 0, got ${describe(t)}` });
        return { cmd: 'seek', to: { t_ms: Number(t) } };
      }
      const e = m.events;
      if (typeof e !== 'number' || !Number.isSafeInteger(e) || e < 0) issues.push({ path: 'events', message: `expected an integer ≥ 0, got ${describe(e)}` });
      return { cmd: 'seek', to: { events: Number(e) } };
    },
  },
  lang: {
    fields: ['lang'],
    build: (m, issues) => {
      const l = typeof m.lang === 'string' ? m.lang : null;
      if (!isLang(l)) issues.push({ path: 'lang', message: `expected "en" or "zh-CN", got ${describe(m.lang)}` });
      return { cmd: 'lang', lang: (l ?? 'en') as Lang };
    },
  },
  get: { fields: [], build: () => ({ cmd: 'get' }) },
};

export const COMMAND_NAMES = Object.keys(COMMANDS) as EmbedCmdName[];

/** The scenario of a 'load': JSON text as given, or a JSON document (written out as text for the worker). */
function scenarioText(x: unknown, issues: Issue[]): string {
  let text: string;
  if (typeof x === 'string') text = x;
  else if (isObj(x)) {
    try {
      // structured clone keeps cycles and depth that JSON cannot hold: refused, not crashed on
      text = JSON.stringify(x);
    } catch (e) {
      issues.push({ path: 'scenario', message: `not a JSON document (${e instanceof Error ? e.name : 'error'})` });
      return '';
    }
  } else {
    issues.push({ path: 'scenario', message: `expected the scenario as an object or JSON text, got ${describe(x)}` });
    return '';
  }
  if (text.length > MAX_SCENARIO_CHARS) issues.push({ path: 'scenario', message: `${text.length} characters; at most ${MAX_SCENARIO_CHARS}` });
  return text;
}

/** Is this message meant for the lab at all? Other scripts on a page post their own messages ({type: 'other'}). */
export function isForeign(data: unknown): boolean {
  return isObj(data) && typeof data.type === 'string' && data.type !== EMBED_TYPE;
}

/** Checks a message from the course page. */
export function checkCommand(data: unknown): Checked {
  if (!isObj(data)) return { ok: false, id: null, issues: [{ path: '', message: `expected a message object {type: "${EMBED_TYPE}", v: ${EMBED_VERSION}, cmd, …}, got ${describe(data)}` }] };
  const rawId = data.id;
  const idOk = rawId === undefined || (typeof rawId === 'string' && ID.test(rawId)) || (typeof rawId === 'number' && Number.isSafeInteger(rawId));
  const id = idOk && rawId !== undefined ? (rawId as CommandId) : null;
  const issues: Issue[] = [];
  if (!idOk) issues.push({ path: 'id', message: `expected an integer or up to 64 letters, digits and ._:-, got ${describe(rawId)}` });
  if (data.type !== EMBED_TYPE) issues.push({ path: 'type', message: `expected "${EMBED_TYPE}", got ${describe(data.type)}` });
  if (data.v !== EMBED_VERSION) issues.push({ path: 'v', message: `expected ${EMBED_VERSION}, got ${describe(data.v)}` });
  const name = data.cmd;
  if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(COMMANDS, name)) {
    issues.push({ path: 'cmd', message: `expected one of ${COMMAND_NAMES.join(', ')}, got ${describe(name)}` });
    return { ok: false, id, issues };
  }
  const spec = COMMANDS[name as EmbedCmdName];
  for (const k of Object.keys(data)) {
    if (!(COMMON as readonly string[]).includes(k) && !spec.fields.includes(k)) issues.push({ path: k, message: `unknown field for '${name}' (it takes ${spec.fields.length > 0 ? spec.fields.join(', ') : 'no fields'})` });
  }
  const command = spec.build(data, issues);
  return issues.length > 0 ? { ok: false, id, issues } : { ok: true, command, id };
}
