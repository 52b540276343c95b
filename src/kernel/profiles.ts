// Version differences as data. Every rule that changed between kernel releases reads its variant from here;
// Linux 6.18 is the default. See ../../../shared/kernel-notes.md §11 for where each difference comes from.

export type ProfileId = 'linux-6.18' | 'linux-6.1';

export interface KernelProfile {
  readonly id: ProfileId;
  /** what `uname -r` would say, shown in results ("model linux-6.18 …") */
  readonly release: string;
  /** CONFIG_HZ of the recorded machines (jiffies per second) */
  readonly HZ: number;
  /** SOMAXCONN (include/linux/socket.h): net.core.somaxconn of a new namespace */
  readonly SOMAXCONN: number;
  /**
   * inet_csk_reqsk_queue_is_full(): 'gt' is `qlen > sk_max_ack_backlog` (6.18, after "tcp/dccp: allow a
   * connection when sk_max_ack_backlog is zero"); 'ge' is `qlen >= sk_max_ack_backlog` (4.4 … 6.12).
   */
  readonly reqsk_queue_full: 'gt' | 'ge';
  /** tcp_syn_flood_action()'s log line format */
  readonly synflood_msg: 'addr' | 'port-check-snmp';
  /** net.ipv4.tcp_syn_linear_timeouts exists (client side, 6.5+) */
  readonly has_syn_linear_timeouts: boolean;
  /** tcp_hashinfo.ehash_mask + 1 on the recorded machines (23 GiB): tcp_max_syn_backlog = max(128, this / 128) */
  readonly ehash_entries: number;
}

export const PROFILES: Readonly<Record<ProfileId, KernelProfile>> = {
  'linux-6.18': {
    id: 'linux-6.18',
    release: '6.18.44',
    HZ: 250,
    SOMAXCONN: 4096,
    reqsk_queue_full: 'gt',
    synflood_msg: 'addr',
    has_syn_linear_timeouts: true,
    ehash_entries: 262144,
  },
  'linux-6.1': {
    id: 'linux-6.1',
    release: '6.1.20',
    HZ: 250,
    SOMAXCONN: 4096,
    reqsk_queue_full: 'ge',
    synflood_msg: 'port-check-snmp',
    has_syn_linear_timeouts: false,
    ehash_entries: 262144,
  },
};

export const DEFAULT_PROFILE: ProfileId = 'linux-6.18';

export function isProfileId(x: unknown): x is ProfileId {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(PROFILES, x);
}
