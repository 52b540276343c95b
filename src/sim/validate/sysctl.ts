// Sysctl values in a scenario: the `sysctl` map and the app's `sysctl_changes`. A value is checked the way
// `sysctl -w` would be (sysctl_check_write in src/kernel/sysctl.ts), so a scenario can only set what the kernel's
// proc handler accepts. ip_local_port_range is written [low, high] or "low high"; every other knob is an integer.
import { SYSCTL_NAMES, SYSCTL_RULES, isSysctlName, sysctl_check_write } from '../../kernel/sysctl.ts';
import type { SysctlName } from '../../kernel/sysctl.ts';
import type { Scenario, SysctlChange } from '../scenario.ts';
import { Errors, MS_AT_LEAST_0, array, at, member, number, object, optional, show } from './read.ts';

type SysctlValue = number | [number, number];

/** stands in for a bad entry; never returned (see read.ts) */
const PLACEHOLDER: SysctlChange = { at_ms: 0, name: SYSCTL_NAMES[0], value: 0 };

/** The value as `sysctl -w` would receive it, or undefined (error recorded) when it has the wrong shape. */
function as_text(e: Errors, path: string, name: SysctlName, v: unknown): string | undefined {
  // BigInt prints every integer in full: String(1e21) would be "1e+21", which the kernel's parser rejects as
  // "not an integer" instead of reporting the bound it breaks
  const int = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);
  if (SYSCTL_RULES[name].type !== 'range') return int(v) ? BigInt(v).toString() : e.expected(path, 'an integer', v);
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.length === 2 && v.every(int)) return v.map((x) => BigInt(x).toString()).join(' ');
  return e.expected(path, '[low, high] or "low high"', v);
}

function sysctl_value(e: Errors, path: string, name: SysctlName, v: unknown): SysctlValue | undefined {
  const text = as_text(e, path, name, v);
  if (text === undefined) return undefined;
  const w = sysctl_check_write(name, text);
  if (w.ok) return w.value;
  // the kernel-side reason starts with the knob's name, which the path already shows: "NAME takes two integers",
  // "NAME: proc_dou8vec_minmax accepts 0..255, got 300"
  const reason = w.reason.startsWith(name) ? w.reason.slice(name.length).replace(/^:?\s*/, '') : w.reason;
  return reason.startsWith('takes ') ? e.expected(path, reason.slice('takes '.length), v) : e.add(path, reason);
}

function sysctl_name(e: Errors, path: string, v: unknown): SysctlName | undefined {
  if (typeof v !== 'string') return e.expected(path, 'a sysctl name such as "net.core.somaxconn"', v);
  return isSysctlName(v) ? v : e.add(path, `unknown sysctl ${show(v)}`);
}

/** A map of sysctl names and values: the scenario's `sysctl`, or the app's `host_sysctl` (path names which). */
export function read_sysctl_map(e: Errors, v: unknown, path = 'sysctl'): Scenario['sysctl'] | undefined {
  return optional(v, {}, (v) => {
    const o = object(e, path, v, 'an object of sysctl names and values');
    if (!o) return undefined;
    const out: Partial<Record<SysctlName, SysctlValue>> = {};
    for (const key of Object.keys(o)) {
      const name = sysctl_name(e, path, key);
      const value = name && sysctl_value(e, at(path, key), name, member(o, key));
      if (name && value !== undefined) out[name] = value;
    }
    return out;
  });
}

export function read_sysctl_changes(e: Errors, v: unknown): readonly SysctlChange[] | undefined {
  return optional(v, [], (v) => {
    const list = array(e, 'sysctl_changes', v);
    return list?.map((item, i): SysctlChange => {
      const path = at('sysctl_changes', i);
      const o = object(e, path, item);
      if (!o) return PLACEHOLDER;
      const at_ms = number(e, at(path, 'at_ms'), member(o, 'at_ms'), MS_AT_LEAST_0);
      const name = sysctl_name(e, at(path, 'name'), member(o, 'name'));
      const value = name && sysctl_value(e, at(path, 'value'), name, member(o, 'value'));
      return { at_ms: at_ms ?? 0, name: name ?? PLACEHOLDER.name, value: value ?? 0 };
    });
  });
}
