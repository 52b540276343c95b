// The result format "backlog-result/1" (../../../shared/scenario-format.md): what the recorder writes for the real
// kernel and the model writes for itself, so the two can be compared field by field.

export const RESULT_FORMAT = 'backlog-result/1';

export type ClientOutcome = 'accepted' | 'established' | 'reset' | 'timed_out' | 'pending' | 'spoofed';
export const OUTCOMES: readonly ClientOutcome[] = ['accepted', 'established', 'reset', 'timed_out', 'pending', 'spoofed'];

export interface ClientResult {
  readonly id: number;
  readonly kind: 'normal' | 'spoofed';
  readonly outcome: ClientOutcome;
  readonly syn_sent: number;
  readonly synack_received: number;
  readonly acks_sent: number;
  readonly rst_received: boolean;
  readonly first_synack_ms: number | null;
  readonly accepted_at_ms: number | null;
}

export interface Sample {
  readonly t_ms: number;
  readonly syn_recv: number;
  readonly accept_queue: number;
}

export interface PacketRecord {
  readonly t_ms: number;
  readonly dir: 'in' | 'out';
  readonly client: number;
  readonly flags: string;
}

export interface BacklogResult {
  readonly format: typeof RESULT_FORMAT;
  readonly scenario: string;
  readonly source: string;
  readonly sysctl: Record<string, number | string>;
  readonly listen: {
    readonly requested_backlog: number;
    readonly effective_backlog: number | null;
    readonly port: number | null;
    readonly relisten: readonly { readonly at_ms: number; readonly effective_backlog: number | null }[];
  };
  readonly counters: Record<string, number>;
  readonly samples: readonly Sample[];
  /** per client; left out by --summary */
  readonly clients?: readonly ClientResult[];
  /** --summary: the tally of outcomes instead of the per-client list */
  readonly outcomes?: Record<ClientOutcome, number>;
  readonly packets?: readonly PacketRecord[];
  readonly notes: readonly string[];
}
