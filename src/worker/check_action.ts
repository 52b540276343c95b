// Checks of the page's live changes ('act') and of the other small commands, field by field. A rejected message
// names the path and the rule; an accepted one is rebuilt from its checked fields only.
import { KNOB_NAMES, MAX_CHANGES, MAX_WATCHED, type Issue, type KnobName, type LiveAction, type RecordedChange, type SeekTarget } from './protocol.ts';
import { isSysctlName } from '../kernel/sysctl.ts';

type Obj = Record<string, unknown>;

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
/** the lab's limits on traffic: a normal client is a full state machine, a spoofed SYN costs one packet */
export const MAX_NORMAL_PER_S = 10_000;
export const MAX_FLOOD_PER_S = 1_000_000;
export const MAX_ACCEPT_INTERVAL_MS = 3_600_000;
export const MAX_SHELL_LINE = 1000;

export function describe(x: unknown): string {
  if (typeof x === 'string') return JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x);
  if (x === null || typeof x !== 'object') return String(x);
  return Array.isArray(x) ? 'an array' : 'an object';
}

export function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function num(m: Obj, key: string, path: string, min: number, max: number, int: boolean, issues: Issue[]): number {
  const x = m[key];
  const ok = typeof x === 'number' && Number.isFinite(x) && x >= min && x <= max && (!int || Number.isInteger(x));
  if (!ok) issues.push({ path, message: `expected ${int ? 'an integer' : 'a number'} from ${min} to ${max}, got ${describe(x)}` });
  return Number(x);
}

export function checkAction(a: unknown, issues: Issue[]): LiveAction {
  const bad = (path: string, message: string): LiveAction => (issues.push({ path, message }), { kind: 'listen', backlog: 0 });
  if (!isObj(a)) return bad('action', `expected an object, got ${describe(a)}`);
  switch (a.kind) {
    case 'sysctl': {
      const name = a.name;
      if (typeof name !== 'string' || !(KNOB_NAMES as readonly string[]).includes(name)) return bad('action.name', `expected one of ${KNOB_NAMES.join(', ')}, got ${describe(name)}`);
      if (typeof a.value !== 'string' || a.value.length > 64) return bad('action.value', `expected the value as text (at most 64 characters), got ${describe(a.value)}`);
      return { kind: 'sysctl', name: name as KnobName, value: a.value };
    }
    case 'listen':
      // listen() takes an int; a negative one is legal (__sys_listen caps it at somaxconn)
      return { kind: 'listen', backlog: num(a, 'backlog', 'action.backlog', INT_MIN, INT_MAX, true, issues) };
    case 'accept':
      if (a.interval_ms === null) return { kind: 'accept', interval_ms: null };
      return { kind: 'accept', interval_ms: num(a, 'interval_ms', 'action.interval_ms', 0.001, MAX_ACCEPT_INTERVAL_MS, false, issues) };
    case 'traffic':
      return {
        kind: 'traffic',
        normal_per_s: num(a, 'normal_per_s', 'action.normal_per_s', 0, MAX_NORMAL_PER_S, false, issues),
        flood_per_s: num(a, 'flood_per_s', 'action.flood_per_s', 0, MAX_FLOOD_PER_S, false, issues),
      };
    default:
      return bad('action.kind', `expected sysctl, listen, accept or traffic, got ${describe(a.kind)}`);
  }
}

export function checkWatch(m: Obj, issues: Issue[]): number[] {
  const c = m.clients;
  if (!Array.isArray(c) || c.length > MAX_WATCHED || !c.every((x) => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0 && x <= INT_MAX)) {
    issues.push({ path: 'clients', message: `expected at most ${MAX_WATCHED} client ids (integers ≥ 0), got ${describe(c)}` });
    return [];
  }
  return [...new Set(c as number[])];
}

export function checkSeek(m: Obj, issues: Issue[]): SeekTarget {
  const to = m.to;
  if (isObj(to) && 'events' in to && !('t_ms' in to)) return { events: num(to, 'events', 'to.events', 0, Number.MAX_SAFE_INTEGER, true, issues) };
  if (isObj(to) && 't_ms' in to && !('events' in to)) return { t_ms: num(to, 't_ms', 'to.t_ms', 0, Number.MAX_SAFE_INTEGER, false, issues) };
  issues.push({ path: 'to', message: `expected { events } or { t_ms }, got ${describe(to)}` });
  return { events: 0 };
}

export function checkShell(m: Obj, issues: Issue[]): { id: number; line: string } {
  const id = m.id;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) issues.push({ path: 'id', message: `expected an integer ≥ 0, got ${describe(id)}` });
  if (typeof m.line !== 'string') issues.push({ path: 'line', message: `expected the command line as a string, got ${describe(m.line)}` });
  else if (m.line.length > MAX_SHELL_LINE) issues.push({ path: 'line', message: `expected at most ${MAX_SHELL_LINE} characters, got ${m.line.length}` });
  return { id: Number(id), line: String(m.line) };
}

/** A moment to reopen: the event count and the changes, each checked like an 'act' (any sysctl the terminal knows). */
export function checkMoment(m: Obj, issues: Issue[]): { events: number; changes: RecordedChange[] } {
  const events = num(m, 'events', 'events', 0, Number.MAX_SAFE_INTEGER, true, issues);
  const list = m.changes;
  if (!Array.isArray(list) || list.length > MAX_CHANGES) {
    issues.push({ path: 'changes', message: `expected at most ${MAX_CHANGES} changes, got ${describe(list)}` });
    return { events, changes: [] };
  }
  const changes: RecordedChange[] = [];
  let last = { events: 0, t_ns: 0 };
  list.forEach((c: unknown, i) => {
    const path = `changes[${i}]`;
    if (!isObj(c)) return issues.push({ path, message: `expected an object, got ${describe(c)}` });
    const at = { events: num(c, 'events', `${path}.events`, last.events, Number.MAX_SAFE_INTEGER, true, issues), t_ns: num(c, 't_ns', `${path}.t_ns`, last.t_ns, Number.MAX_SAFE_INTEGER, true, issues) };
    const a = c.action;
    let action: RecordedChange['action'];
    if (isObj(a) && a.kind === 'sysctl') {
      if (typeof a.name !== 'string' || !isSysctlName(a.name)) return issues.push({ path: `${path}.action.name`, message: `expected a sysctl name, got ${describe(a.name)}` });
      if (typeof a.value !== 'string' || a.value.length > 64) return issues.push({ path: `${path}.action.value`, message: `expected the value as text, got ${describe(a.value)}` });
      action = { kind: 'sysctl', name: a.name, value: a.value };
    } else {
      const sub: Issue[] = [];
      action = checkAction(a, sub) as RecordedChange['action'];
      for (const x of sub) issues.push({ path: `${path}.${x.path}`, message: x.message });
    }
    changes.push({ ...at, action });
    last = at;
  });
  return { events, changes };
}
