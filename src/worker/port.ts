// What the worker needs from a simulation: exactly the public surface of src/sim/run.ts's Simulation, written
// as an interface so the host can be driven by a fake in unit tests (the real one is wired in sim.worker.ts).
import type { Net } from '../kernel/net_namespace.ts';
import type { ListenSock } from '../kernel/types.ts';
import type { BacklogResult } from '../sim/result.ts';
import type { ErrorCode, Issue, ScenarioMeta } from './protocol.ts';

export interface SimPort {
  readonly now_ns: number;
  readonly end_ns: number;
  done(): boolean;
  step(): boolean;
  runUntil(t_ns: number): void;
  runToEnd(): void;
  server(): Net;
  listener(): ListenSock | null;
  result(opts?: { summary?: boolean }): BacklogResult;
}

/** Turns scenario text into a ready simulation, or says why it cannot. Never throws for bad input. */
export type OpenScenario = (
  text: string,
) => { readonly ok: true; readonly sim: SimPort; readonly meta: ScenarioMeta } | { readonly ok: false; readonly code: ErrorCode; readonly issues: Issue[] };
