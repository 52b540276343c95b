// What the page must show for a preset, computed in the test process by the simulator itself (Node), from the
// same file the page loads: the page may only display what the model reports.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateScenario } from '../../src/sim/validate.ts';
import { Simulation } from '../../src/sim/run.ts';
import type { BacklogResult } from '../../src/sim/result.ts';

const PRESETS = fileURLToPath(new URL('../../public/scenarios/', import.meta.url));

export interface PresetIndex {
  default: string;
  presets: { id: string; file: string; title: string; title_zh: string }[];
}

export function presetIndex(): PresetIndex {
  return JSON.parse(readFileSync(`${PRESETS}index.json`, 'utf8')) as PresetIndex;
}

export interface Expected {
  readonly result: BacklogResult;
  readonly peaks: { syn_recv: number; accept_queue: number };
  /** the listener's queues when the run ends */
  readonly final: { syn: number; accept: number; backlog: number | null };
  readonly duration_ms: number;
}

export function expectedFor(file: string): Expected {
  const v = validateScenario(JSON.parse(readFileSync(`${PRESETS}${file}`, 'utf8')));
  if (!v.ok) throw new Error(`${file}: ${JSON.stringify(v.errors)}`);
  // runScenario(…, { summary: true }) is exactly this; the Simulation is kept to read the final queues
  const sim = new Simulation(v.scenario, { recordPackets: false, recordClients: false });
  sim.runToEnd();
  const result = sim.result({ summary: true });
  const l = sim.listener();
  const peaks = { syn_recv: 0, accept_queue: 0 };
  for (const s of result.samples) {
    peaks.syn_recv = Math.max(peaks.syn_recv, s.syn_recv);
    peaks.accept_queue = Math.max(peaks.accept_queue, s.accept_queue);
  }
  const listening = l !== null && l.sk_state === 'TCP_LISTEN';
  return {
    result,
    peaks,
    final: { syn: listening ? l.qlen : 0, accept: listening ? l.sk_ack_backlog : 0, backlog: listening ? l.sk_max_ack_backlog : null },
    duration_ms: v.scenario.duration_ms,
  };
}
