// net-tools 2.10 `netstat` option handling: -s selects the statistics (netstat_s.ts), otherwise the
// connection list (netstat_tcp.ts). Protocol letters pick what is shown; only TCP exists in the lab.
import type { Net } from '../net_namespace.ts';
import type { Jiffies } from '../types.ts';
import type { KernelProfile } from '../profiles.ts';
import { netstat_s } from './netstat_s.ts';
import { netstat_tcp } from './netstat_tcp.ts';
import type { CounterReader } from './snmp_counters.ts';

const LONG: Readonly<Record<string, string>> = {
  '--statistics': 's', '--tcp': 't', '--udp': 'u', '--raw': 'w', '--all': 'a', '--listening': 'l',
  '--numeric': 'n', '--timers': 'o', '--extend': 'e', '--program': 'p', '--inet': '4',
};
const LETTERS = 'stuwalnoep4';

export function netstat(net: Net, now: Jiffies, profile: KernelProfile, read: CounterReader, args: readonly string[]): { stdout: string; stderr?: string; exit: number } {
  const on = new Set<string>();
  for (const arg of args) {
    const letters = arg in LONG ? LONG[arg] : /^-[A-Za-z]+$/.test(arg) ? arg.slice(1) : null;
    const bad = letters === null ? arg : [...letters].find((ch) => !LETTERS.includes(ch));
    if (bad !== undefined) {
      const what = letters === null ? `unrecognized option '${bad}'` : `invalid option -- '${bad}'`;
      return { stdout: '', stderr: `netstat: ${what}\nusage: netstat [-vWeenNcCF] [<Af>] -r | [-vWnNcaeol] [<Socket> ...] | -s [-6tuw]\n`, exit: 1 };
    }
    for (const ch of letters as string) on.add(ch);
  }
  if (on.has('s')) {
    // -s alone shows every protocol; with -t/-u/-w only those (net-tools parsesnmp flags)
    const any = on.has('t') || on.has('u') || on.has('w');
    return { stdout: netstat_s(read, { raw: !any || on.has('w'), tcp: !any || on.has('t'), udp: !any || on.has('u') }), exit: 0 };
  }
  const tcp = on.has('t') || !(on.has('u') || on.has('w'));
  const o = { all: on.has('a'), listening: on.has('l'), numeric: on.has('n'), timers: on.has('o'), tcp };
  return { stdout: netstat_tcp(net, now, profile, o), exit: 0 };
}
