// `nstat` (iproute2 6.1 misc/nstat.c): the counters of /proc/net/snmp, /proc/net/snmp6 and /proc/net/netstat
// as "SectionField" names, one `%-32s%-16llu%6.1f` line each under a `#kernel` header. Without -a it prints the
// increments since its history file and rewrites that file; the history is an explicit input and output here.
// The rate column is 0.0 (rates exist only when an nstat daemon samples in the background). Constants and the
// CurrEstab gauge are never listed (useless_number()).
import { pad_end, fixed1 } from './printf.ts';
import { sections_of } from './snmp_fields.ts';
import type { CounterReader } from './snmp_counters.ts';

/** nstat's history file: the values it last saw, by nstat name. */
export type NstatHistory = Readonly<Record<string, number>>;

export interface NstatOptions {
  /** -a (--ignore): ignore the history, print absolute values */
  readonly absolute: boolean;
  /** -z: zeros too */
  readonly zeros: boolean;
  /** -s: do not update the history */
  readonly no_update: boolean;
  /** -n: no output, only update the history */
  readonly no_output: boolean;
  /** -r: forget the history first */
  readonly reset: boolean;
  /** shell-style patterns; a counter is shown when one matches (case-insensitive) */
  readonly patterns: readonly string[];
}

const USELESS = new Set(['IpForwarding', 'IpDefaultTTL', 'TcpRtoAlgorithm', 'TcpRtoMin', 'TcpRtoMax', 'TcpMaxConn', 'TcpCurrEstab']);

/** load_snmp(), load_snmp6(), load_netstat(): every counter nstat knows, in its order */
export function nstat_counters(read: CounterReader): [string, number][] {
  const files = [...sections_of('snmp'), ...sections_of('snmp6'), ...sections_of('netstat')];
  return files.flatMap((s) => s.fields.map((f): [string, number] => [`${s.name}${f}`, read(s.name, f)]))
    .filter(([id]) => !USELESS.has(id));
}

function glob_matcher(patterns: readonly string[]): (id: string) => boolean {
  if (patterns.length === 0) return () => true;
  const res = patterns.map((p) => new RegExp(`^${p.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i'));
  return (id) => res.some((re) => re.test(id));
}

const line = (id: string, val: number) => `${pad_end(id, 32)}${pad_end(val, 16)}${fixed1(0, 6)}\n`;

export function nstat(read: CounterReader, o: NstatOptions, history: NstatHistory | null): { stdout: string; history: NstatHistory | null } {
  const match = glob_matcher(o.patterns);
  const old = o.reset ? null : history;
  const counters = nstat_counters(read);
  let out = '#kernel\n';
  for (const [id, cur] of counters) {
    if (!match(id)) continue;
    const base = old?.[id] ?? 0;
    // dump_incr_db(): a counter that went backwards is shown as 0 with " (overflow)"
    const val = o.absolute ? cur : Math.max(0, cur - base);
    if (!o.zeros && val === 0) continue;
    out += o.absolute || cur >= base ? line(id, val) : `${line(id, val).trimEnd()} (overflow)\n`;
  }
  // dump_kern_db(hist, 1): counters outside the patterns keep their old history value
  const next = Object.fromEntries(counters.map(([id, cur]) => [id, match(id) || !old || !(id in old) ? cur : old[id]]));
  return { stdout: o.no_output ? '' : out, history: o.no_update ? history : next };
}

type Flag = Exclude<keyof NstatOptions, 'patterns'>;
const SHORT: Readonly<Record<string, Flag>> = { a: 'absolute', z: 'zeros', s: 'no_update', n: 'no_output', r: 'reset' };
const LONG: Readonly<Record<string, Flag>> = {
  '--ignore': 'absolute', '--zeros': 'zeros', '--noupdate': 'no_update', '--nooutput': 'no_output', '--reset': 'reset',
};

/** usage(), for an option we do not know */
export const NSTAT_USAGE = `Usage: nstat [OPTION] [ PATTERN [ PATTERN ] ]
   -a, --ignore         ignore history
   -n, --nooutput       do history only
   -r, --reset          reset history
   -s, --noupdate       don't update history
   -z, --zeros          show entries with zero activity
`;

/** nstat's options; null when an option is unknown */
export function parse_nstat_args(args: readonly string[]): NstatOptions | null {
  const on = new Set<Flag>();
  const patterns: string[] = [];
  for (const arg of args) {
    if (arg in LONG) on.add(LONG[arg]);
    else if (!arg.startsWith('-') || arg.length === 1) patterns.push(arg);
    else if ([...arg.slice(1)].every((ch) => ch in SHORT)) for (const ch of arg.slice(1)) on.add(SHORT[ch]);
    else return null;
  }
  return {
    absolute: on.has('absolute'), zeros: on.has('zeros'), no_update: on.has('no_update'),
    no_output: on.has('no_output'), reset: on.has('reset'), patterns,
  };
}
