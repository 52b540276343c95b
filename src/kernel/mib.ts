// SNMP counters of the listen path, under the kernel's own field names: LINUX_MIB_* are the TcpExt fields of
// /proc/net/netstat (include/uapi/linux/snmp.h, net/ipv4/proc.c snmp4_net_list), TCP_MIB_* the Tcp fields of
// /proc/net/snmp (snmp4_tcp_list). Counters are per network namespace. The tools' full field lists (for
// `nstat -az`, `cat /proc/net/netstat`) live in proc/; this file names what the model moves.

export const TCP_FIELDS = [
  'ActiveOpens', 'PassiveOpens', 'AttemptFails', 'EstabResets', 'CurrEstab',
  'InSegs', 'OutSegs', 'RetransSegs', 'InErrs', 'OutRsts',
] as const;

export const TCPEXT_FIELDS = [
  'SyncookiesSent', 'SyncookiesRecv', 'SyncookiesFailed', 'EmbryonicRsts',
  'ListenOverflows', 'ListenDrops', 'TCPTimeouts', 'TCPSynRetrans', 'TCPReqQFullDoCookies', 'TCPReqQFullDrop',
  'TCPDeferAcceptDrop', 'TCPACKSkippedSynRecv', 'PAWSEstab', 'TCPPureAcks', 'TCPMigrateReqFailure',
] as const;

export type TcpField = (typeof TCP_FIELDS)[number];
export type TcpExtField = (typeof TCPEXT_FIELDS)[number];
export type MibField = TcpField | TcpExtField;
export const MIB_FIELDS: readonly MibField[] = [...TCPEXT_FIELDS, ...TCP_FIELDS];

/** Gauges are not counters: they go down as well as up (Tcp CurrEstab). */
export const GAUGES: ReadonlySet<MibField> = new Set<MibField>(['CurrEstab']);

export type Mib = Record<MibField, number>;

export function new_mib(): Mib {
  return Object.fromEntries(MIB_FIELDS.map((f) => [f, 0])) as Mib;
}

export function isTcpField(f: MibField): f is TcpField {
  return (TCP_FIELDS as readonly string[]).includes(f);
}
