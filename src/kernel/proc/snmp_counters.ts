// The value of every counter the tools print, for one namespace. The model counts the listen path (mib.ts:
// the Tcp and TcpExt fields it moves); the rest follows from what the lab's namespace carries, which is only
// the scenario's TCP over IPv4:
//  - Ip InReceives/InDelivers = Tcp InSegs and Ip OutRequests/OutTransmits = Tcp OutSegs (every segment is one
//    datagram; each SYN-ACK, retransmitted or not, and each RST counts in OutSegs), IpExt InNoECTPkts = InSegs;
//  - the constants of a fresh namespace: Ip Forwarding 2 (off), DefaultTTL 64, Tcp RtoAlgorithm 1, RtoMin 200,
//    RtoMax 120000, MaxConn -1;
//  - everything else (ICMP, UDP, IPv6, MPTCP, byte counts such as IpExt InOctets) reads 0 unless the caller
//    supplies it in `extra`, keyed "Section:Field".
// All of this matches the 6.18.44 captures (tests/kernel/proc), where those counters are constant or derived.
import type { Net } from '../net_namespace.ts';
import { MIB_FIELDS, type MibField, isTcpField } from '../mib.ts';

/** Counters the model does not track, keyed "Section:Field" (e.g. "IpExt:InOctets"). */
export type ExtraCounters = Readonly<Record<string, number>>;

export type CounterReader = (section: string, field: string) => number;

const CONSTANTS: Readonly<Record<string, number>> = {
  'Ip:Forwarding': 2, 'Ip:DefaultTTL': 64,
  'Tcp:RtoAlgorithm': 1, 'Tcp:RtoMin': 200, 'Tcp:RtoMax': 120000, 'Tcp:MaxConn': -1,
};

/** counters that equal a Tcp counter in a TCP-only namespace */
const DERIVED: Readonly<Record<string, MibField>> = {
  'Ip:InReceives': 'InSegs', 'Ip:InDelivers': 'InSegs', 'Ip:OutRequests': 'OutSegs', 'Ip:OutTransmits': 'OutSegs',
  'IpExt:InNoECTPkts': 'InSegs',
};

const MIB_SET: ReadonlySet<string> = new Set(MIB_FIELDS);

/** The model's own counter behind "Section:Field", if it has one. */
function mib_field(section: string, field: string): MibField | null {
  if (!MIB_SET.has(field)) return null;
  const f = field as MibField;
  if (section === 'Tcp' && isTcpField(f)) return f;
  if (section === 'TcpExt' && !isTcpField(f)) return f;
  return null;
}

export function snmp_reader(net: Net, extra: ExtraCounters = {}): CounterReader {
  return (section, field) => {
    const key = `${section}:${field}`;
    if (key in extra) return extra[key];
    const own = mib_field(section, field);
    if (own) return net.mib[own];
    if (key in DERIVED) return net.mib[DERIVED[key]];
    return CONSTANTS[key] ?? 0;
  };
}
