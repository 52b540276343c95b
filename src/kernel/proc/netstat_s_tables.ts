// net-tools 2.10 statistics.c: the tables `netstat -s` looks counters up in, verbatim and in the same order.
// They are meant to be sorted (bsearch) but are not quite: "Forwarding" sorts after "ForwDatagrams", "TCPTSReorder"
// before "TCPTimeouts", "TW" before "TWKilled" … so some lookups miss and print as `Name: value` (see
// netstat_s.ts). Keep the order as it is: the misses are what the real tool prints.

export type EntryType = 'number' | 'opt_number' | 'i_forward' | 'i_inp_icmp' | 'i_outp_icmp' | 'i_rto_alg';

export interface Entry {
  readonly title: string;
  /** printf format with one %llu (or %s); '' = never printed */
  readonly out: string;
  readonly type: EntryType;
  /** I_STATIC: configuration, printed only with --static */
  readonly is_static?: boolean;
  /** I_TITLE: opens the histogram sub-list with its title */
  readonly titled?: boolean;
}

type Row = readonly [string, string, EntryType, ('static' | 'title')?];
const table = (rows: readonly Row[]): readonly Entry[] =>
  rows.map(([title, out, type, flag]) => ({ title, out, type, is_static: flag === 'static', titled: flag === 'title' }));

export const IPTAB = table([
  ['DefaultTTL', 'Default TTL is %llu', 'number', 'static'],
  ['Forwarding', 'Forwarding is %s', 'i_forward', 'static'],
  ['ForwDatagrams', '%llu forwarded', 'number'],
  ['FragCreates', '%llu fragments created', 'opt_number'],
  ['FragFails', '%llu outgoing packets failed fragmentation', 'opt_number'],
  ['FragOKs', '%llu outgoing packets fragmented ok', 'opt_number'],
  ['InAddrErrors', '%llu with invalid addresses', 'opt_number'],
  ['InDelivers', '%llu incoming packets delivered', 'number'],
  ['InDiscards', '%llu incoming packets discarded', 'number'],
  ['InHdrErrors', '%llu with invalid headers', 'opt_number'],
  ['InReceives', '%llu total packets received', 'number'],
  ['InUnknownProtos', '%llu with unknown protocol', 'opt_number'],
  ['OutDiscards', '%llu outgoing packets dropped', 'opt_number'],
  ['OutNoRoutes', '%llu dropped because of missing route', 'opt_number'],
  ['OutRequests', '%llu requests sent out', 'number'],
  ['ReasmFails', '%llu packet reassemblies failed', 'opt_number'],
  ['ReasmOKs', '%llu packets reassembled ok', 'opt_number'],
  ['ReasmReqds', '%llu reassemblies required', 'opt_number'],
  ['ReasmTimeout', '%llu fragments dropped after timeout', 'opt_number'],
]);

export const ICMPTAB = table([
  ['InAddrMaskReps', 'address mask replies: %llu', 'i_inp_icmp', 'title'],
  ['InAddrMasks', 'address mask request: %llu', 'i_inp_icmp', 'title'],
  ['InDestUnreachs', 'destination unreachable: %llu', 'i_inp_icmp', 'title'],
  ['InEchoReps', 'echo replies: %llu', 'i_inp_icmp', 'title'],
  ['InEchos', 'echo requests: %llu', 'i_inp_icmp', 'title'],
  ['InErrors', '%llu input ICMP message failed', 'number'],
  ['InMsgs', '%llu ICMP messages received', 'number'],
  ['InParmProbs', 'wrong parameters: %llu', 'i_inp_icmp', 'title'],
  ['InRedirects', 'redirects: %llu', 'i_inp_icmp', 'title'],
  ['InSrcQuenchs', 'source quenches: %llu', 'i_inp_icmp', 'title'],
  ['InTimeExcds', 'timeout in transit: %llu', 'i_inp_icmp', 'title'],
  ['InTimestampReps', 'timestamp reply: %llu', 'i_inp_icmp', 'title'],
  ['InTimestamps', 'timestamp request: %llu', 'i_inp_icmp', 'title'],
  ['OutAddrMaskReps', 'address mask replies: %llu', 'i_outp_icmp', 'title'],
  ['OutAddrMasks', 'address mask requests: %llu', 'i_outp_icmp', 'title'],
  ['OutDestUnreachs', 'destination unreachable: %llu', 'i_outp_icmp', 'title'],
  ['OutEchoReps', 'echo replies: %llu', 'i_outp_icmp', 'title'],
  ['OutEchos', 'echo requests: %llu', 'i_outp_icmp', 'title'],
  ['OutErrors', '%llu ICMP messages failed', 'number'],
  ['OutMsgs', '%llu ICMP messages sent', 'number'],
  ['OutParmProbs', 'wrong parameters: %llu', 'i_outp_icmp', 'title'],
  ['OutRedirects', 'redirect: %llu', 'i_outp_icmp', 'title'],
  ['OutSrcQuenchs', 'source quench: %llu', 'i_outp_icmp', 'title'],
  ['OutTimeExcds', 'time exceeded: %llu', 'i_outp_icmp', 'title'],
  ['OutTimestampReps', 'timestamp replies: %llu', 'i_outp_icmp', 'title'],
  ['OutTimestamps', 'timestamp requests: %llu', 'i_outp_icmp', 'title'],
]);

export const TCPTAB = table([
  ['ActiveOpens', '%llu active connection openings', 'number'],
  ['AttemptFails', '%llu failed connection attempts', 'number'],
  ['CurrEstab', '%llu connections established', 'number'],
  ['EstabResets', '%llu connection resets received', 'number'],
  ['InErrs', '%llu bad segments received', 'number'],
  ['InSegs', '%llu segments received', 'number'],
  ['MaxConn', '', 'number'],
  ['OutRsts', '%llu resets sent', 'number'],
  ['OutSegs', '%llu segments sent out', 'number'],
  ['PassiveOpens', '%llu passive connection openings', 'number'],
  ['RetransSegs', '%llu segments retransmitted', 'number'],
  ['RtoAlgorithm', 'RTO algorithm is %s', 'i_rto_alg', 'static'],
  ['RtoMax', '', 'number'],
  ['RtoMin', '', 'number'],
]);

export const UDPTAB = table([
  ['InDatagrams', '%llu packets received', 'number'],
  ['InErrors', '%llu packet receive errors', 'number'],
  ['NoPorts', '%llu packets to unknown port received', 'number'],
  ['OutDatagrams', '%llu packets sent', 'number'],
  ['RcvbufErrors', '%llu receive buffer errors', 'number'],
  ['SndbufErrors', '%llu send buffer errors', 'number'],
]);
