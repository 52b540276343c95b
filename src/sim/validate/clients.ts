// The `clients` groups of a scenario. Client i gets address 192.0.2.(2 + i mod 249) and port 20000 + ⌊i / 249⌋
// (scenario.ts), so more than MAX_CLIENTS in all would run out of source ports.
import { MAX_CLIENTS } from '../scenario.ts';
import type { ClientGroup } from '../scenario.ts';
import { Errors, MS_AT_LEAST_0, array, at, member, number, object, oneOf, optional } from './read.ts';
import type { NumRule } from './read.ts';

const COUNT: NumRule = { integer: true, min: 0, what: 'an integer ≥ 0' };
const PLACEHOLDER: ClientGroup = { count: 0, start_ms: 0, interval_ms: 0, kind: 'normal', ack_delay_ms: 0 };

function read_group(e: Errors, path: string, v: unknown): ClientGroup {
  const o = object(e, path, v);
  if (!o) return PLACEHOLDER;
  const field = (key: string, rule: NumRule) => number(e, at(path, key), member(o, key), rule);
  const count = field('count', COUNT);
  const start_ms = field('start_ms', MS_AT_LEAST_0);
  const interval_ms = field('interval_ms', MS_AT_LEAST_0);
  const kind = oneOf(e, at(path, 'kind'), member(o, 'kind'), ['normal', 'spoofed'] as const);
  const ack_delay_ms = optional(member(o, 'ack_delay_ms'), 0, (v) => number(e, at(path, 'ack_delay_ms'), v, MS_AT_LEAST_0));
  return {
    count: count ?? 0,
    start_ms: start_ms ?? 0,
    interval_ms: interval_ms ?? 0,
    kind: kind ?? 'normal',
    ack_delay_ms: ack_delay_ms ?? 0,
  };
}

export function read_clients(e: Errors, v: unknown): readonly ClientGroup[] | undefined {
  const groups = array(e, 'clients', v, 'an array of client groups');
  if (!groups) return undefined;
  const out = groups.map((g, i) => read_group(e, at('clients', i), g));
  const total = out.reduce((n, g) => n + g.count, 0);
  if (total > MAX_CLIENTS) e.add('clients', `expected at most ${MAX_CLIENTS} clients in all (addresses run out beyond), got ${total}`);
  return out;
}
