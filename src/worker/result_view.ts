// Reduces the simulator's result (backlog-result/1) to what the page shows: bounded whatever the run's length.
import { MIB_FIELDS, type MibField } from '../kernel/mib.ts';
import { OUTCOMES, type BacklogResult, type ClientOutcome } from '../sim/result.ts';
import type { Counters, ResultView } from './protocol.ts';

const MAX_NOTES = 20;

function tally(r: BacklogResult): Record<ClientOutcome, number> {
  const t = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<ClientOutcome, number>;
  if (r.outcomes) for (const o of OUTCOMES) t[o] = r.outcomes[o] ?? 0;
  else for (const c of r.clients ?? []) t[c.outcome] += 1;
  return t;
}

function counters(r: BacklogResult): Counters {
  const out: Counters = {};
  for (const f of MIB_FIELDS) {
    const v = r.counters[f];
    if (typeof v === 'number') out[f as MibField] = v;
  }
  return out;
}

export function resultView(r: BacklogResult): ResultView {
  let syn_recv = 0;
  let accept_queue = 0;
  for (const s of r.samples) {
    syn_recv = Math.max(syn_recv, s.syn_recv);
    accept_queue = Math.max(accept_queue, s.accept_queue);
  }
  return {
    source: r.source,
    requested_backlog: r.listen.requested_backlog,
    effective_backlog: r.listen.effective_backlog,
    port: r.listen.port,
    relisten: r.listen.relisten.map((x) => ({ at_ms: x.at_ms, effective_backlog: x.effective_backlog })),
    counters: counters(r),
    outcomes: tally(r),
    peaks: { syn_recv, accept_queue },
    sample_count: r.samples.length,
    notes: r.notes.slice(0, MAX_NOTES),
  };
}
