// The `server` part of a scenario: port, listen() backlog, re-listens and the accept() plan.
import type { AcceptPlan, Relisten, Scenario } from '../scenario.ts';
import { C_INT, Errors, MS_AT_LEAST_0, array, at, member, number, object, oneOf, optional } from './read.ts';
import type { NumRule } from './read.ts';

const PORT: NumRule = { integer: true, min: 1, max: 65535, what: 'null or an integer 1..65535' };
const TICK: NumRule = { above: 0, what: 'a number > 0' };

function read_relisten(e: Errors, v: unknown): readonly Relisten[] | undefined {
  return optional(v, [], (v) =>
    array(e, 'server.relisten', v)?.map((item, i): Relisten => {
      const path = at('server.relisten', i);
      const o = object(e, path, item);
      if (!o) return { at_ms: 0, backlog: 0 };
      const at_ms = number(e, at(path, 'at_ms'), member(o, 'at_ms'), MS_AT_LEAST_0);
      const backlog = number(e, at(path, 'backlog'), member(o, 'backlog'), C_INT);
      return { at_ms: at_ms ?? 0, backlog: backlog ?? 0 };
    }),
  );
}

function read_accept(e: Errors, v: unknown): AcceptPlan | undefined {
  const path = 'server.accept';
  const o = object(e, path, v, '{ "mode": "never" } or { "mode": "every", "interval_ms": … }');
  if (!o) return undefined;
  const mode = oneOf(e, at(path, 'mode'), member(o, 'mode'), ['never', 'every'] as const);
  if (mode !== 'every') return mode && { mode };
  const interval_ms = number(e, at(path, 'interval_ms'), member(o, 'interval_ms'), TICK);
  const start_ms = optional(member(o, 'start_ms'), 0, (v) => number(e, at(path, 'start_ms'), v, MS_AT_LEAST_0));
  // a stop before the start would mean "never" in disguise: more likely a typo, so say so
  const stop_rule: NumRule = { min: start_ms ?? 0, what: `null or a number ≥ start_ms (${start_ms ?? 0})` };
  const stop_ms = optional(member(o, 'stop_ms'), null, (v) => (v === null ? null : number(e, at(path, 'stop_ms'), v, stop_rule)));
  return { mode, interval_ms: interval_ms ?? 1, start_ms: start_ms ?? 0, stop_ms: stop_ms ?? null };
}

export function read_server(e: Errors, v: unknown): Scenario['server'] | undefined {
  const o = object(e, 'server', v);
  if (!o) return undefined;
  // null or omitted: listen() without bind(), the kernel picks the port
  const port = optional(member(o, 'port'), null, (v) => (v === null ? null : number(e, 'server.port', v, PORT)));
  const backlog = number(e, 'server.backlog', member(o, 'backlog'), C_INT);
  const relisten = read_relisten(e, member(o, 'relisten'));
  const accept = read_accept(e, member(o, 'accept'));
  return { port: port ?? null, backlog: backlog ?? 0, relisten: relisten ?? [], accept: accept ?? { mode: 'never' } };
}
