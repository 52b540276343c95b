// The counter lists of Linux 6.18, in the kernel's order: /proc/net/snmp (net/ipv4/proc.c snmp_seq_show:
// snmp4_ipstats_list, icmp, snmp4_tcp_list, snmp4_udp_list), /proc/net/snmp6 (net/ipv6/proc.c) and
// /proc/net/netstat (netstat_seq_show: snmp4_net_list, snmp4_ipextstats_list, mptcp_snmp_list). Copied from a
// fresh namespace on the recorded 6.18.44 VM; the tools print them in this order. The IcmpMsg section of
// /proc/net/snmp only exists once an ICMP type has been counted, which never happens in the lab.

export type SnmpFile = 'snmp' | 'snmp6' | 'netstat';

export interface SnmpSection {
  /** the section prefix: "Tcp", "TcpExt" … (nstat names are prefix + field) */
  readonly name: string;
  readonly file: SnmpFile;
  readonly fields: readonly string[];
}

export const SNMP_SECTIONS: readonly SnmpSection[] = [
  { name: 'Ip', file: 'snmp', fields: [
    'Forwarding', 'DefaultTTL', 'InReceives', 'InHdrErrors', 'InAddrErrors', 'ForwDatagrams', 'InUnknownProtos',
    'InDiscards', 'InDelivers', 'OutRequests', 'OutDiscards', 'OutNoRoutes', 'ReasmTimeout', 'ReasmReqds',
    'ReasmOKs', 'ReasmFails', 'FragOKs', 'FragFails', 'FragCreates', 'OutTransmits',
  ] },
  { name: 'Icmp', file: 'snmp', fields: [
    'InMsgs', 'InErrors', 'InCsumErrors', 'InDestUnreachs', 'InTimeExcds', 'InParmProbs', 'InSrcQuenchs',
    'InRedirects', 'InEchos', 'InEchoReps', 'InTimestamps', 'InTimestampReps', 'InAddrMasks', 'InAddrMaskReps',
    'OutMsgs', 'OutErrors', 'OutRateLimitGlobal', 'OutRateLimitHost', 'OutDestUnreachs', 'OutTimeExcds',
    'OutParmProbs', 'OutSrcQuenchs', 'OutRedirects', 'OutEchos', 'OutEchoReps', 'OutTimestamps',
    'OutTimestampReps', 'OutAddrMasks', 'OutAddrMaskReps',
  ] },
  { name: 'Tcp', file: 'snmp', fields: [
    'RtoAlgorithm', 'RtoMin', 'RtoMax', 'MaxConn', 'ActiveOpens', 'PassiveOpens', 'AttemptFails', 'EstabResets',
    'CurrEstab', 'InSegs', 'OutSegs', 'RetransSegs', 'InErrs', 'OutRsts', 'InCsumErrors',
  ] },
  { name: 'Udp', file: 'snmp', fields: [
    'InDatagrams', 'NoPorts', 'InErrors', 'OutDatagrams', 'RcvbufErrors', 'SndbufErrors', 'InCsumErrors',
    'IgnoredMulti', 'MemErrors',
  ] },
  { name: 'UdpLite', file: 'snmp', fields: [
    'InDatagrams', 'NoPorts', 'InErrors', 'OutDatagrams', 'RcvbufErrors', 'SndbufErrors', 'InCsumErrors',
    'IgnoredMulti', 'MemErrors',
  ] },
  { name: 'Ip6', file: 'snmp6', fields: [
    'InReceives', 'InHdrErrors', 'InTooBigErrors', 'InNoRoutes', 'InAddrErrors', 'InUnknownProtos',
    'InTruncatedPkts', 'InDiscards', 'InDelivers', 'OutForwDatagrams', 'OutRequests', 'OutDiscards',
    'OutNoRoutes', 'ReasmTimeout', 'ReasmReqds', 'ReasmOKs', 'ReasmFails', 'FragOKs', 'FragFails', 'FragCreates',
    'InMcastPkts', 'OutMcastPkts', 'InOctets', 'OutOctets', 'InMcastOctets', 'OutMcastOctets', 'InBcastOctets',
    'OutBcastOctets', 'InNoECTPkts', 'InECT1Pkts', 'InECT0Pkts', 'InCEPkts', 'OutTransmits',
  ] },
  { name: 'Icmp6', file: 'snmp6', fields: [
    'InMsgs', 'InErrors', 'OutMsgs', 'OutErrors', 'InCsumErrors', 'OutRateLimitHost', 'InDestUnreachs',
    'InPktTooBigs', 'InTimeExcds', 'InParmProblems', 'InEchos', 'InEchoReplies', 'InGroupMembQueries',
    'InGroupMembResponses', 'InGroupMembReductions', 'InRouterSolicits', 'InRouterAdvertisements',
    'InNeighborSolicits', 'InNeighborAdvertisements', 'InRedirects', 'InMLDv2Reports', 'OutDestUnreachs',
    'OutPktTooBigs', 'OutTimeExcds', 'OutParmProblems', 'OutEchos', 'OutEchoReplies', 'OutGroupMembQueries',
    'OutGroupMembResponses', 'OutGroupMembReductions', 'OutRouterSolicits', 'OutRouterAdvertisements',
    'OutNeighborSolicits', 'OutNeighborAdvertisements', 'OutRedirects', 'OutMLDv2Reports',
  ] },
  { name: 'Udp6', file: 'snmp6', fields: [
    'InDatagrams', 'NoPorts', 'InErrors', 'OutDatagrams', 'RcvbufErrors', 'SndbufErrors', 'InCsumErrors',
    'IgnoredMulti', 'MemErrors',
  ] },
  { name: 'UdpLite6', file: 'snmp6', fields: [
    'InDatagrams', 'NoPorts', 'InErrors', 'OutDatagrams', 'RcvbufErrors', 'SndbufErrors', 'InCsumErrors',
    'MemErrors',
  ] },
  { name: 'TcpExt', file: 'netstat', fields: [
    'SyncookiesSent', 'SyncookiesRecv', 'SyncookiesFailed', 'EmbryonicRsts', 'PruneCalled', 'RcvPruned',
    'OfoPruned', 'OutOfWindowIcmps', 'LockDroppedIcmps', 'ArpFilter', 'TW', 'TWRecycled', 'TWKilled',
    'PAWSActive', 'PAWSEstab', 'BeyondWindow', 'TSEcrRejected', 'PAWSOldAck', 'PAWSTimewait', 'DelayedACKs',
    'DelayedACKLocked', 'DelayedACKLost', 'ListenOverflows', 'ListenDrops', 'TCPHPHits', 'TCPPureAcks',
    'TCPHPAcks', 'TCPRenoRecovery', 'TCPSackRecovery', 'TCPSACKReneging', 'TCPSACKReorder', 'TCPRenoReorder',
    'TCPTSReorder', 'TCPFullUndo', 'TCPPartialUndo', 'TCPDSACKUndo', 'TCPLossUndo', 'TCPLostRetransmit',
    'TCPRenoFailures', 'TCPSackFailures', 'TCPLossFailures', 'TCPFastRetrans', 'TCPSlowStartRetrans',
    'TCPTimeouts', 'TCPLossProbes', 'TCPLossProbeRecovery', 'TCPRenoRecoveryFail', 'TCPSackRecoveryFail',
    'TCPRcvCollapsed', 'TCPBacklogCoalesce', 'TCPDSACKOldSent', 'TCPDSACKOfoSent', 'TCPDSACKRecv',
    'TCPDSACKOfoRecv', 'TCPAbortOnData', 'TCPAbortOnClose', 'TCPAbortOnMemory', 'TCPAbortOnTimeout',
    'TCPAbortOnLinger', 'TCPAbortFailed', 'TCPMemoryPressures', 'TCPMemoryPressuresChrono', 'TCPSACKDiscard',
    'TCPDSACKIgnoredOld', 'TCPDSACKIgnoredNoUndo', 'TCPSpuriousRTOs', 'TCPMD5NotFound', 'TCPMD5Unexpected',
    'TCPMD5Failure', 'TCPSackShifted', 'TCPSackMerged', 'TCPSackShiftFallback', 'TCPBacklogDrop',
    'PFMemallocDrop', 'TCPMinTTLDrop', 'TCPDeferAcceptDrop', 'IPReversePathFilter', 'TCPTimeWaitOverflow',
    'TCPReqQFullDoCookies', 'TCPReqQFullDrop', 'TCPRetransFail', 'TCPRcvCoalesce', 'TCPOFOQueue', 'TCPOFODrop',
    'TCPOFOMerge', 'TCPChallengeACK', 'TCPSYNChallenge', 'TCPFastOpenActive', 'TCPFastOpenActiveFail',
    'TCPFastOpenPassive', 'TCPFastOpenPassiveFail', 'TCPFastOpenListenOverflow', 'TCPFastOpenCookieReqd',
    'TCPFastOpenBlackhole', 'TCPSpuriousRtxHostQueues', 'BusyPollRxPackets', 'TCPAutoCorking',
    'TCPFromZeroWindowAdv', 'TCPToZeroWindowAdv', 'TCPWantZeroWindowAdv', 'TCPSynRetrans', 'TCPOrigDataSent',
    'TCPHystartTrainDetect', 'TCPHystartTrainCwnd', 'TCPHystartDelayDetect', 'TCPHystartDelayCwnd',
    'TCPACKSkippedSynRecv', 'TCPACKSkippedPAWS', 'TCPACKSkippedSeq', 'TCPACKSkippedFinWait2',
    'TCPACKSkippedTimeWait', 'TCPACKSkippedChallenge', 'TCPWinProbe', 'TCPKeepAlive', 'TCPMTUPFail',
    'TCPMTUPSuccess', 'TCPDelivered', 'TCPDeliveredCE', 'TCPAckCompressed', 'TCPZeroWindowDrop', 'TCPRcvQDrop',
    'TCPWqueueTooBig', 'TCPFastOpenPassiveAltKey', 'TcpTimeoutRehash', 'TcpDuplicateDataRehash',
    'TCPDSACKRecvSegs', 'TCPDSACKIgnoredDubious', 'TCPMigrateReqSuccess', 'TCPMigrateReqFailure', 'TCPPLBRehash',
    'TCPAORequired', 'TCPAOBad', 'TCPAOKeyNotFound', 'TCPAOGood', 'TCPAODroppedIcmps',
  ] },
  { name: 'IpExt', file: 'netstat', fields: [
    'InNoRoutes', 'InTruncatedPkts', 'InMcastPkts', 'OutMcastPkts', 'InBcastPkts', 'OutBcastPkts', 'InOctets',
    'OutOctets', 'InMcastOctets', 'OutMcastOctets', 'InBcastOctets', 'OutBcastOctets', 'InCsumErrors',
    'InNoECTPkts', 'InECT1Pkts', 'InECT0Pkts', 'InCEPkts', 'ReasmOverlaps',
  ] },
  { name: 'MPTcpExt', file: 'netstat', fields: [
    'MPCapableSYNRX', 'MPCapableSYNTX', 'MPCapableSYNACKRX', 'MPCapableACKRX', 'MPCapableFallbackACK',
    'MPCapableFallbackSYNACK', 'MPCapableSYNTXDrop', 'MPCapableSYNTXDisabled', 'MPCapableEndpAttempt',
    'MPFallbackTokenInit', 'MPTCPRetrans', 'MPJoinNoTokenFound', 'MPJoinSynRx', 'MPJoinSynBackupRx',
    'MPJoinSynAckRx', 'MPJoinSynAckBackupRx', 'MPJoinSynAckHMacFailure', 'MPJoinAckRx', 'MPJoinAckHMacFailure',
    'MPJoinRejected', 'MPJoinSynTx', 'MPJoinSynTxCreatSkErr', 'MPJoinSynTxBindErr', 'MPJoinSynTxConnectErr',
    'DSSNotMatching', 'DSSCorruptionFallback', 'DSSCorruptionReset', 'InfiniteMapTx', 'InfiniteMapRx',
    'DSSNoMatchTCP', 'DataCsumErr', 'OFOQueueTail', 'OFOQueue', 'OFOMerge', 'NoDSSInWindow', 'DuplicateData',
    'AddAddr', 'AddAddrTx', 'AddAddrTxDrop', 'EchoAdd', 'EchoAddTx', 'EchoAddTxDrop', 'PortAdd', 'AddAddrDrop',
    'MPJoinPortSynRx', 'MPJoinPortSynAckRx', 'MPJoinPortAckRx', 'MismatchPortSynRx', 'MismatchPortAckRx',
    'RmAddr', 'RmAddrDrop', 'RmAddrTx', 'RmAddrTxDrop', 'RmSubflow', 'MPPrioTx', 'MPPrioRx', 'MPFailTx',
    'MPFailRx', 'MPFastcloseTx', 'MPFastcloseRx', 'MPRstTx', 'MPRstRx', 'SubflowStale', 'SubflowRecover',
    'SndWndShared', 'RcvWndShared', 'RcvWndConflictUpdate', 'RcvWndConflict', 'MPCurrEstab', 'Blackhole',
    'MPCapableDataFallback', 'MD5SigFallback', 'DssFallback', 'SimultConnectFallback', 'FallbackFailed',
    'WinProbe',
  ] },
];

export function sections_of(file: SnmpFile): readonly SnmpSection[] {
  return SNMP_SECTIONS.filter((s) => s.file === file);
}
