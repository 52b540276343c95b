// The simulator's event kinds. Each is plain data; the Simulation's step() dispatches on `k`.
import type { Jiffies, ReqId, Segment } from '../kernel/types.ts';

export type SimEvent =
  | { readonly k: 'to_server'; readonly seg: Segment }
  | { readonly k: 'to_client'; readonly seg: Segment; readonly client: number }
  | { readonly k: 'client_syn_timer'; readonly client: number }
  | { readonly k: 'client_ack'; readonly client: number }
  /** a request's rsk_timer; stale unless it still matches the armed expiry */
  | { readonly k: 'req_timer'; readonly req: ReqId; readonly fires: Jiffies }
  | { readonly k: 'accept'; readonly n: number }
  | { readonly k: 'relisten'; readonly i: number }
  | { readonly k: 'sysctl'; readonly i: number }
  | { readonly k: 'sample' }
  /** a knob the page set while running (sysctl -w, listen() again) */
  | { readonly k: 'user'; readonly action: UserAction };

export type UserAction =
  | { readonly kind: 'sysctl'; readonly name: import('../kernel/sysctl.ts').SysctlName; readonly value: number | [number, number] }
  | { readonly kind: 'listen'; readonly backlog: number };
