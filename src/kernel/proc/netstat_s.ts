// `netstat -s` (net-tools 2.10 statistics.c parsesnmp/process_fd/printval) over /proc/net/snmp then
// /proc/net/netstat. Tcp lines always print (type number, zeros too), TcpExt lines only when non-zero
// (opt_number) except `N packet headers predicted`. A field the table does not know prints as `Name: value`
// when non-zero, and so does a field the bsearch misses in a mis-sorted table (`Forwarding: 2`,
// `TCPTimeouts: N`). Sections without a table (UdpLite, IpExt, MPTcpExt) print their title and such lines.
import { sections_of, type SnmpSection } from './snmp_fields.ts';
import type { CounterReader } from './snmp_counters.ts';
import { ICMPTAB, IPTAB, TCPTAB, UDPTAB, type Entry, type EntryType } from './netstat_s_tables.ts';
import { TCPEXTTAB } from './netstat_s_tcpext.ts';

/** which protocols to show: -s alone shows all; -st, -su, -sw (raw: Ip and Icmp) pick */
export interface NetstatSFlags {
  readonly raw: boolean;
  readonly tcp: boolean;
  readonly udp: boolean;
}

interface TabTab {
  readonly tab: readonly Entry[];
  readonly flag: keyof NetstatSFlags;
}

const SNMPTABS: Readonly<Record<string, TabTab>> = {
  Ip: { tab: IPTAB, flag: 'raw' },
  Icmp: { tab: ICMPTAB, flag: 'raw' },
  Tcp: { tab: TCPTAB, flag: 'tcp' },
  Udp: { tab: UDPTAB, flag: 'udp' },
  TcpExt: { tab: TCPEXTTAB, flag: 'tcp' },
};

/** states[]: indent and histogram title of each printing state */
const STATES: Readonly<Record<EntryType, { indent: number; title?: string }>> = {
  number: { indent: 4 }, opt_number: { indent: 4 }, i_forward: { indent: 4 },
  i_inp_icmp: { indent: 8, title: 'ICMP input histogram:' }, i_outp_icmp: { indent: 8, title: 'ICMP output histogram:' },
  i_rto_alg: { indent: 0 },
};

/** glibc bsearch() with strcmp(): on a mis-sorted table it can miss an entry that is there */
export function bsearch_entry(tab: readonly Entry[], title: string): Entry | null {
  let l = 0;
  let u = tab.length;
  while (l < u) {
    const idx = (l + u) >> 1;
    const t = tab[idx].title;
    if (title < t) u = idx;
    else if (title > t) l = idx + 1;
    else return tab[idx];
  }
  return null;
}

const indent = (n: number) => ' '.repeat(n);

/** printval(): one counter; `state` (the current sub-list) carries over from line to line */
function printval(tab: readonly Entry[] | null, title: string, val: number, st: { state: EntryType }): string {
  const ent = tab ? bsearch_entry(tab, title) : null;
  if (!ent) return val ? `${indent(STATES[st.state].indent)}${title}: ${val}\n` : '';
  if (ent.is_static || ent.out === '') return ''; // configuration values need --static
  let type = ent.type;
  let out = '';
  if (ent.titled && st.state !== type) out += `${indent(STATES[st.state].indent)}${STATES[type].title}\n`;
  let buf = '';
  if (type === 'number' || (type === 'opt_number' && val !== 0)) buf = ent.out.replace('%llu', String(val));
  else if (type === 'i_forward') { type = 'number'; buf = ent.out.replace('%s', val === 2 ? 'enabled' : 'disabled'); }
  else if ((type === 'i_inp_icmp' || type === 'i_outp_icmp') && val > 0) buf = ent.out.replace('%llu', String(val));
  if (buf) out += `${indent(STATES[type].indent)}${buf}\n`;
  st.state = type;
  return out;
}

/** process_fd(): one "Section:" block */
function section(s: SnmpSection, read: CounterReader, flags: NetstatSFlags, st: { state: EntryType }): string {
  const known = SNMPTABS[s.name];
  // newtable(): a known table prints its title only when selected and resets the state; others always print
  if (known && !flags[known.flag]) return '';
  if (known) st.state = 'number';
  let out = `${s.name}:\n`;
  // strtoull() of a negative number wraps; only Tcp MaxConn (-1) is negative and it never prints
  for (const f of s.fields) out += printval(known?.tab ?? null, f, read(s.name, f), st);
  return out;
}

export function netstat_s(read: CounterReader, flags: NetstatSFlags = { raw: true, tcp: true, udp: true }): string {
  const st = { state: 'number' as EntryType };
  return [...sections_of('snmp'), ...sections_of('netstat')].map((s) => section(s, read, flags, st)).join('');
}
