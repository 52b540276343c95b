// The scenario format "backlog-scenario/1" (../../../shared/scenario-format.md), as the simulator uses it after
// validation (validate.ts): every optional field filled in. Fields beyond the shared format are the app's own
// extensions; the recorder and the scorer ignore them.
import type { SysctlName } from '../kernel/sysctl.ts';
import type { ProfileId } from '../kernel/profiles.ts';

export const SCENARIO_FORMAT = 'backlog-scenario/1';

export type AcceptPlan =
  | { readonly mode: 'never' }
  /** one non-blocking accept() per tick, from start_ms until stop_ms (null: to the end) */
  | { readonly mode: 'every'; readonly interval_ms: number; readonly start_ms: number; readonly stop_ms: number | null };

export interface Relisten {
  readonly at_ms: number;
  readonly backlog: number;
}

export interface ClientGroup {
  readonly count: number;
  readonly start_ms: number;
  readonly interval_ms: number;
  readonly kind: 'normal' | 'spoofed';
  /** normal clients: delay of every ACK after the SYN-ACK it answers (kernlab extension) */
  readonly ack_delay_ms: number;
}

/** A knob change while the scenario runs (app extension): `sysctl -w` inside the server's namespace. */
export interface SysctlChange {
  readonly at_ms: number;
  readonly name: SysctlName;
  readonly value: number | [number, number];
}

export interface Scenario {
  readonly format: typeof SCENARIO_FORMAT;
  readonly name: string;
  readonly description: string;
  /** the scenario's sysctls only; omitted ones take the namespace defaults */
  readonly sysctl: Partial<Record<SysctlName, number | [number, number]>>;
  readonly server: {
    /** null: listen() without bind(), the kernel picks the port */
    readonly port: number | null;
    readonly backlog: number;
    readonly relisten: readonly Relisten[];
    readonly accept: AcceptPlan;
  };
  readonly clients: readonly ClientGroup[];
  readonly duration_ms: number;
  readonly sample_every_ms: number;
  // --- app extensions ---
  /** kernel profile of the server (default linux-6.18) */
  readonly kernel: ProfileId;
  /** seed of every random stream (default 1) */
  readonly seed: number;
  /** one-way delay between a client and the server, in µs (default 0: the shared format's network has no delay) */
  readonly link_delay_us: number;
  /** knob changes while running */
  readonly sysctl_changes: readonly SysctlChange[];
  /**
   * sysctls of the host's own namespace, init_net (default {}). The server runs in a namespace of its own (like a
   * container); a new namespace starts from the kernel's defaults and never copies init_net's values
   * (preinit_net_sysctl, ../../../shared/kernel-notes.md §10), so nothing on the listen path reads these. They exist
   * to show exactly that: a host with somaxconn 128 and a container whose listener is still capped at 4096.
   */
  readonly host_sysctl: Partial<Record<SysctlName, number | [number, number]>>;
  /** optional title and two-line explanation for presets */
  readonly title?: string;
  readonly title_zh?: string;
  readonly explain?: string;
  readonly explain_zh?: string;
}

/** Client i's address and port (scenario-format.md): 192.0.2.(2 + i mod 249), port 20000 + ⌊i / 249⌋. */
export const SERVER_ADDR = 0xc0000201; // 192.0.2.1
export const CLIENTS_PER_PORT = 249;
export const MAX_CLIENTS = CLIENTS_PER_PORT * (65535 - 20000 + 1);

export function client_addr(i: number): { addr: number; port: number } {
  return { addr: 0xc0000200 + 2 + (i % CLIENTS_PER_PORT), port: 20000 + Math.floor(i / CLIENTS_PER_PORT) };
}

export function client_id_of(addr: number, port: number): number | null {
  const host = addr - 0xc0000200 - 2;
  if (host < 0 || host >= CLIENTS_PER_PORT || port < 20000) return null;
  return (port - 20000) * CLIENTS_PER_PORT + host;
}

export function ipv4_to_string(a: number): string {
  return `${(a >>> 24) & 255}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;
}
