// The simulator's event kinds. Each is plain data; the Simulation's step() dispatches on `k`.
import type { Jiffies, ReqId, Segment } from '../kernel/types.ts';

export type SimEvent =
  | { readonly k: 'to_server'; readonly seg: Segment }
  | { readonly k: 'to_client'; readonly seg: Segment; readonly client: number }
  | { readonly k: 'client_syn_timer'; readonly client: number }
  | { readonly k: 'client_ack'; readonly client: number }
  /** a request's rsk_timer; stale unless it still matches the armed expiry */
  | { readonly k: 'req_timer'; readonly req: ReqId; readonly fires: Jiffies }
  /** the application's n-th accept() of accept plan `plan` (a later plan makes it stale) */
  | { readonly k: 'accept'; readonly n: number; readonly plan: number }
  | { readonly k: 'relisten'; readonly i: number }
  | { readonly k: 'sysctl'; readonly i: number }
  | { readonly k: 'sample' }
  /** a knob the page set while running (sysctl -w, listen() again) */
  | { readonly k: 'user'; readonly action: UserAction };

export type UserAction =
  | { readonly kind: 'sysctl'; readonly name: import('../kernel/sysctl.ts').SysctlName; readonly value: number | [number, number] }
  | { readonly kind: 'listen'; readonly backlog: number }
  /** the application's accept() loop from now on: one call every interval_ms, or none (null) */
  | { readonly kind: 'accept'; readonly interval_ms: number | null }
  /** the traffic from now on: new normal clients and spoofed SYNs per simulated second */
  | { readonly kind: 'traffic'; readonly normal_per_s: number; readonly flood_per_s: number };
