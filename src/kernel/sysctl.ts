// The sysctls of the listen path (net/core/sysctl_net_core.c, net/ipv4/sysctl_net_ipv4.c): names, the default
// of a new network namespace, and the bounds the kernel's proc handler enforces on a write. All are per netns.
import type { KernelProfile } from './profiles.ts';

export const SYSCTL_NAMES = [
  'net.core.somaxconn',
  'net.ipv4.tcp_max_syn_backlog',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.tcp_synack_retries',
  'net.ipv4.tcp_abort_on_overflow',
  'net.ipv4.tcp_syn_retries',
  'net.ipv4.tcp_syn_linear_timeouts',
  'net.ipv4.tcp_invalid_ratelimit',
  'net.ipv4.tcp_challenge_ack_limit',
  'net.ipv4.ip_local_port_range',
] as const;
export type SysctlName = (typeof SYSCTL_NAMES)[number];

/** Values as the kernel stores them, except ip_local_port_range which is [low, high]. */
export interface Sysctls {
  'net.core.somaxconn': number;
  'net.ipv4.tcp_max_syn_backlog': number;
  'net.ipv4.tcp_syncookies': number;
  'net.ipv4.tcp_synack_retries': number;
  'net.ipv4.tcp_abort_on_overflow': number;
  'net.ipv4.tcp_syn_retries': number;
  'net.ipv4.tcp_syn_linear_timeouts': number;
  /** milliseconds (proc_dointvec_ms_jiffies) */
  'net.ipv4.tcp_invalid_ratelimit': number;
  'net.ipv4.tcp_challenge_ack_limit': number;
  'net.ipv4.ip_local_port_range': [number, number];
}

const INT_MAX = 2147483647;
const INT_MIN = -2147483648;

/** How the kernel's proc handler checks a written value. */
export interface SysctlRule {
  readonly type: 'int' | 'u8' | 'range';
  readonly min: number;
  readonly max: number;
  /** the handler, for messages: proc_dointvec_minmax, proc_dou8vec_minmax … */
  readonly handler: string;
  readonly unit?: string;
  /** sysctls used by the connecting side (the clients) rather than the listener */
  readonly client_side?: boolean;
}

export const SYSCTL_RULES: Readonly<Record<SysctlName, SysctlRule>> = {
  'net.core.somaxconn': { type: 'int', min: 0, max: INT_MAX, handler: 'proc_dointvec_minmax' },
  'net.ipv4.tcp_max_syn_backlog': { type: 'int', min: INT_MIN, max: INT_MAX, handler: 'proc_dointvec' },
  'net.ipv4.tcp_syncookies': { type: 'u8', min: 0, max: 255, handler: 'proc_dou8vec_minmax' },
  'net.ipv4.tcp_synack_retries': { type: 'u8', min: 0, max: 255, handler: 'proc_dou8vec_minmax' },
  'net.ipv4.tcp_abort_on_overflow': { type: 'u8', min: 0, max: 255, handler: 'proc_dou8vec_minmax' },
  'net.ipv4.tcp_syn_retries': { type: 'u8', min: 1, max: 127, handler: 'proc_dou8vec_minmax', client_side: true },
  'net.ipv4.tcp_syn_linear_timeouts': { type: 'u8', min: 0, max: 127, handler: 'proc_dou8vec_minmax', client_side: true },
  'net.ipv4.tcp_invalid_ratelimit': { type: 'int', min: 0, max: INT_MAX, handler: 'proc_dointvec_ms_jiffies', unit: 'ms' },
  'net.ipv4.tcp_challenge_ack_limit': { type: 'int', min: INT_MIN, max: INT_MAX, handler: 'proc_dointvec' },
  'net.ipv4.ip_local_port_range': { type: 'range', min: 1, max: 65535, handler: 'ipv4_local_port_range' },
};

/** preinit_net_sysctl() / tcp_sk_init() / inet_init_net(): what a fresh namespace starts with. */
export function default_sysctls(profile: KernelProfile): Sysctls {
  return {
    'net.core.somaxconn': profile.SOMAXCONN,
    // tcp_set_hashinfo(): max(128, ehash_entries / 128)
    'net.ipv4.tcp_max_syn_backlog': Math.max(128, Math.floor(profile.ehash_entries / 128)),
    'net.ipv4.tcp_syncookies': 1,
    'net.ipv4.tcp_synack_retries': 5,
    'net.ipv4.tcp_abort_on_overflow': 0,
    'net.ipv4.tcp_syn_retries': 6,
    'net.ipv4.tcp_syn_linear_timeouts': 4,
    'net.ipv4.tcp_invalid_ratelimit': 500,
    'net.ipv4.tcp_challenge_ack_limit': INT_MAX,
    'net.ipv4.ip_local_port_range': [32768, 60999],
  };
}

export function isSysctlName(x: string): x is SysctlName {
  return (SYSCTL_NAMES as readonly string[]).includes(x);
}

/** The kernel's answer to `sysctl -w NAME=VALUE`: the value to store, or why the write fails (EINVAL). */
export type SysctlWrite =
  | { ok: true; value: number | [number, number] }
  | { ok: false; errno: 'EINVAL'; reason: string };

/** Parses and checks a written value the way the proc handler would. Never mutates anything. */
export function sysctl_check_write(name: SysctlName, text: string): SysctlWrite {
  const rule = SYSCTL_RULES[name];
  const bad = (reason: string): SysctlWrite => ({ ok: false, errno: 'EINVAL', reason });
  const ints = text.trim().split(/\s+/).filter((s) => s.length > 0);
  if (ints.some((s) => !/^[-+]?\d+$/.test(s))) return bad(`${name} takes ${rule.type === 'range' ? 'two integers' : 'an integer'}`);
  const nums = ints.map(Number);
  if (rule.type === 'range') {
    if (nums.length !== 2) return bad(`${name} takes two integers: low high`);
    const [lo, hi] = nums;
    if (lo < rule.min || hi > rule.max || hi < lo) return bad(`${name}: need ${rule.min} <= low <= high <= ${rule.max}`);
    return { ok: true, value: [lo, hi] };
  }
  if (nums.length !== 1) return bad(`${name} takes one integer`);
  const v = nums[0];
  if (v < rule.min || v > rule.max) return bad(`${name}: ${rule.handler} accepts ${rule.min}..${rule.max}${rule.unit ? ` ${rule.unit}` : ''}, got ${v}`);
  return { ok: true, value: v };
}
