// Validation of messages at both ends of the worker boundary. Anything that crosses it is `unknown` until checked
// here; a message is either accepted whole (rebuilt from its checked fields, unknown fields dropped) or
// rejected with issues that say where it is wrong — never half applied.
import {
  MAX_SCENARIO_CHARS,
  PROTOCOL_VERSION,
  type FromWorker,
  type FromWorkerType,
  type Issue,
  type ToWorker,
  type ToWorkerType,
} from './protocol.ts';

export type Checked<T> = { readonly ok: true; readonly msg: T } | { readonly ok: false; readonly issues: Issue[] };

import { checkAction, checkMoment, checkSeek, checkShell, checkWatch, describe, isObj } from './check_action.ts';

type Obj = Record<string, unknown>;
const MAX_SPEED = 1e6;
// the bound lives in the protocol, so the page can refuse a file or link before sending it
export { MAX_SCENARIO_CHARS };

function gen(m: Obj, issues: Issue[]): number {
  const g = m.gen;
  if (typeof g === 'number' && Number.isSafeInteger(g) && g >= 0) return g;
  issues.push({ path: 'gen', message: `expected an integer ≥ 0, got ${describe(g)}` });
  return 0;
}

/** One builder per message type: the mapped type makes a missing type a compile error. */
const TO_WORKER: { [K in ToWorkerType]: (m: Obj, issues: Issue[]) => Extract<ToWorker, { type: K }> } = {
  load: (m, issues) => {
    const g = gen(m, issues);
    if (typeof m.text !== 'string') issues.push({ path: 'text', message: `expected the scenario JSON as a string, got ${describe(m.text)}` });
    else if (m.text.length > MAX_SCENARIO_CHARS) issues.push({ path: 'text', message: `expected at most ${MAX_SCENARIO_CHARS} characters, got ${m.text.length}` });
    return { v: PROTOCOL_VERSION, type: 'load', gen: g, text: String(m.text) };
  },
  reset: (m, issues) => ({ v: PROTOCOL_VERSION, type: 'reset', gen: gen(m, issues) }),
  run_to_end: () => ({ v: PROTOCOL_VERSION, type: 'run_to_end' }),
  step: () => ({ v: PROTOCOL_VERSION, type: 'step' }),
  play: (m, issues) => {
    const s = m.speed;
    if (typeof s !== 'number' || !Number.isFinite(s) || s <= 0 || s > MAX_SPEED) {
      issues.push({ path: 'speed', message: `expected a number > 0 and ≤ ${MAX_SPEED}, got ${describe(s)}` });
    }
    return { v: PROTOCOL_VERSION, type: 'play', speed: Number(s) };
  },
  pause: () => ({ v: PROTOCOL_VERSION, type: 'pause' }),
  act: (m, issues) => ({ v: PROTOCOL_VERSION, type: 'act', action: checkAction(m.action, issues) }),
  shell: (m, issues) => ({ v: PROTOCOL_VERSION, type: 'shell', ...checkShell(m, issues) }),
  watch: (m, issues) => ({ v: PROTOCOL_VERSION, type: 'watch', clients: checkWatch(m, issues) }),
  step_back: () => ({ v: PROTOCOL_VERSION, type: 'step_back' }),
  seek: (m, issues) => ({ v: PROTOCOL_VERSION, type: 'seek', to: checkSeek(m, issues) }),
  export_pcap: () => ({ v: PROTOCOL_VERSION, type: 'export_pcap' }),
  frame_ack: () => ({ v: PROTOCOL_VERSION, type: 'frame_ack' }),
  moment_get: () => ({ v: PROTOCOL_VERSION, type: 'moment_get' }),
  moment_open: (m, issues) => ({ v: PROTOCOL_VERSION, type: 'moment_open', ...checkMoment(m, issues) }),
};

/** Checks the envelope shared by both directions: an object, this protocol's version, a known type. */
function envelope<K extends string>(data: unknown, known: Record<K, unknown>): { m: Obj; type: K } | Issue[] {
  if (!isObj(data)) return [{ path: '', message: `expected a message object, got ${describe(data)}` }];
  if (data.v !== PROTOCOL_VERSION) return [{ path: 'v', message: `expected protocol version ${PROTOCOL_VERSION}, got ${describe(data.v)}` }];
  const t = data.type;
  if (typeof t !== 'string' || !Object.prototype.hasOwnProperty.call(known, t)) {
    return [{ path: 'type', message: `expected one of ${Object.keys(known).join(', ')}, got ${describe(t)}` }];
  }
  return { m: data, type: t as K };
}

/** Worker side: checks a message from the page. */
export function parseToWorker(data: unknown): Checked<ToWorker> {
  const env = envelope(data, TO_WORKER);
  if (Array.isArray(env)) return { ok: false, issues: env };
  const issues: Issue[] = [];
  const msg = TO_WORKER[env.type](env.m, issues);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, msg };
}

const FROM_WORKER: Record<FromWorkerType, readonly string[]> = {
  loaded: ['meta', 'frame'],
  frame: ['frame'],
  result: ['frame', 'result'],
  shell_out: [],
  acted: ['action'],
  pcap: ['bytes'],
  moment: [],
  error: ['issues'],
};

/**
 * Page side: checks a message from our own worker. The worker builds these from typed code, so the check is of
 * the envelope and the parts the page dereferences first; it catches a stale or foreign worker script.
 */
export function parseFromWorker(data: unknown): Checked<FromWorker> {
  const env = envelope(data, FROM_WORKER);
  if (Array.isArray(env)) return { ok: false, issues: env };
  const issues: Issue[] = [];
  const g = env.m.gen;
  if (!(g === null && env.type === 'error') && !(typeof g === 'number' && Number.isSafeInteger(g))) {
    issues.push({ path: 'gen', message: `expected an integer, got ${describe(g)}` });
  }
  for (const field of FROM_WORKER[env.type]) {
    const ok = field === 'issues' ? Array.isArray(env.m[field]) : isObj(env.m[field]);
    if (!ok) issues.push({ path: field, message: `expected ${field === 'issues' ? 'an array' : 'an object'}, got ${describe(env.m[field])}` });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, msg: env.m as unknown as FromWorker };
}
