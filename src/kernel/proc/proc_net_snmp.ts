// `cat /proc/net/snmp` and `cat /proc/net/netstat` (net/ipv4/proc.c snmp_seq_show / netstat_seq_show): per
// section a line of names and a line of values, both prefixed "Section:", values as decimal numbers.
import { sections_of, type SnmpFile } from './snmp_fields.ts';
import type { CounterReader } from './snmp_counters.ts';

function proc_file(file: SnmpFile, read: CounterReader): string {
  return sections_of(file).map((s) =>
    `${s.name}: ${s.fields.join(' ')}\n${s.name}: ${s.fields.map((f) => read(s.name, f)).join(' ')}\n`).join('');
}

export function proc_net_snmp(read: CounterReader): string {
  return proc_file('snmp', read);
}

export function proc_net_netstat(read: CounterReader): string {
  return proc_file('netstat', read);
}
