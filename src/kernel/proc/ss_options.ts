// Command-line parsing of ss (iproute2 6.1 misc/ss.c main(), scan_state()): the option letters, which socket
// states are shown, and whether the Netid and State columns exist (only when more than one table / state
// is selected). The filter expression after the options is parsed by ss_filter.ts.
import { parse_ss_filter, type SsFilter } from './ss_filter.ts';

/** enum SS_* of ss.c: bit positions of the state mask */
export const SS_ESTABLISHED = 1;
const SS_SYN_SENT = 2;
export const SS_SYN_RECV = 3;
export const SS_TIME_WAIT = 6;
export const SS_CLOSE = 7;
export const SS_LISTEN = 10;
const SS_MAX = 12;
const SS_ALL = (1 << SS_MAX) - 1;
const bit = (s: number) => 1 << s;
/** the default: connected sockets only, so no LISTEN and no SYN-RECV */
const SS_CONN = SS_ALL & ~(bit(SS_LISTEN) | bit(SS_CLOSE) | bit(SS_TIME_WAIT) | bit(SS_SYN_RECV));

export interface SsOptions {
  readonly states: number;
  readonly numeric: boolean;
  readonly extended: boolean;
  readonly timers: boolean;
  readonly header: boolean;
  /** only the TCP table was asked for (-t): no Netid column */
  readonly tcp_only: boolean;
  /** a table without TCP was asked for (-u, -x, -w): we model no such sockets */
  readonly tcp_shown: boolean;
  readonly filter: SsFilter | null;
}

export type SsParse = { readonly ok: true; readonly opts: SsOptions } | { readonly ok: false; readonly stderr: string };

const STATE_NAMES = ['UNKNOWN', 'established', 'syn-sent', 'syn-recv', 'fin-wait-1', 'fin-wait-2', 'time-wait',
  'unconnected', 'close-wait', 'last-ack', 'listening', 'closing'];

/** scan_state(): a state name or group of the `state` / `exclude` keywords, null if unknown */
export function scan_state(name: string): number | null {
  const s = name.toLowerCase();
  const groups: Record<string, number> = {
    close: bit(SS_CLOSE), closed: bit(SS_CLOSE), 'syn-rcv': bit(SS_SYN_RECV), all: SS_ALL,
    connected: SS_ALL & ~(bit(SS_CLOSE) | bit(SS_LISTEN)),
    synchronized: SS_ALL & ~(bit(SS_CLOSE) | bit(SS_LISTEN) | bit(SS_SYN_SENT)),
    bucket: bit(SS_SYN_RECV) | bit(SS_TIME_WAIT), big: SS_ALL & ~(bit(SS_SYN_RECV) | bit(SS_TIME_WAIT)),
  };
  if (s in groups) return groups[s];
  const i = STATE_NAMES.indexOf(s);
  return i >= 0 ? bit(i) : null;
}

/** the letters we model; -p and -r are accepted and change nothing (no processes, no resolver in the lab) */
const FLAG_LETTERS = 'tuwxlaneoH4pr';
/** letters real ss knows but the lab does not model (summary, memory, tcp_info, selinux, bpf …) */
const UNMODELLED = 'dhs06bEfmMiADFvVzZNKSO';
const LONG: Readonly<Record<string, string>> = {
  '--tcp': 't', '--udp': 'u', '--listening': 'l', '--all': 'a', '--numeric': 'n', '--extended': 'e',
  '--options': 'o', '--no-header': 'H', '--ipv4': '4', '--processes': 'p', '--resolve': 'r',
};

const is_option = (a: string) => a.startsWith('-') && a.length > 1;

export function parse_ss_args(argv: readonly string[]): SsParse {
  let state_filter = 0;
  let numeric = false, extended = false, timers = false, header = true;
  const tables = new Set<string>();
  // getopt() permutes: options may come after the state and filter words
  const args = argv.filter((a) => !is_option(a));
  for (const opt of argv.filter(is_option)) {
    if (opt.startsWith('--') && !(opt in LONG)) return { ok: false, stderr: `ss: unrecognized option '${opt}'\nUsage: ss [ OPTIONS ] [ FILTER ]\n` };
    for (const ch of opt in LONG ? LONG[opt] : opt.slice(1)) {
      if (UNMODELLED.includes(ch)) return { ok: false, stderr: `ss: option -${ch} is not modelled in this lab\n` };
      if (!FLAG_LETTERS.includes(ch)) return { ok: false, stderr: `ss: invalid option -- '${ch}'\nUsage: ss [ OPTIONS ] [ FILTER ]\n` };
      if ('tuwx'.includes(ch)) tables.add(ch);
      else if (ch === 'l') state_filter = bit(SS_LISTEN) | bit(SS_CLOSE);
      else if (ch === 'a') state_filter = SS_ALL;
      else if (ch === 'n') numeric = true;
      else if (ch === 'e') extended = true;
      else if (ch === 'o') timers = true;
      else if (ch === 'H') header = false;
    }
  }
  // `state X` / `exclude X` replace what -l / -a chose
  let saw_states = false;
  let i = 0;
  for (; i + 1 < args.length && ['state', 'exclude', 'excl'].includes(args[i]); i += 2) {
    const s = scan_state(args[i + 1]);
    if (s === null) return { ok: false, stderr: `ss: wrong state name: ${args[i + 1]}\n` };
    if (args[i] === 'state') {
      state_filter = (saw_states ? state_filter : 0) | s;
    } else {
      state_filter = (state_filter === 0 ? SS_ALL : state_filter) & ~s;
    }
    saw_states = true;
  }
  const filter = parse_ss_filter(args.slice(i));
  if (!filter.ok) return { ok: false, stderr: filter.stderr };
  const states = state_filter || SS_CONN;
  const tcp_only = tables.size === 1 && tables.has('t');
  const tcp_shown = tables.size === 0 || tables.has('t');
  return { ok: true, opts: { states, numeric, extended, timers, header, tcp_only, tcp_shown, filter: filter.filter } };
}

/** exactly one state selected: ss drops the State column */
export function single_state(states: number): boolean {
  return (states & (states - 1)) === 0;
}
