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
  /** the listener's queues when the run ends */
  readonly final: { syn: number; accept: number; backlog: number | null };
  readonly duration_ms: number;
  /** listen() without bind(): the kernel picks the port */
  readonly autobind: boolean;
}

export function presetText(file: string): string {
  return readFileSync(`${PRESETS}${file}`, 'utf8');
}

export function expectedFor(file: string): Expected {
  return expectedForText(presetText(file), file);
}

/** The same for a scenario given as text (an imported file, a link). */
export function expectedForText(text: string, label = 'scenario'): Expected {
  const v = validateScenario(JSON.parse(text));
  if (!v.ok) throw new Error(`${label}: ${JSON.stringify(v.errors)}`);
  // runScenario(…, { summary: true }) is exactly this; the Simulation is kept to read the final queues
  const sim = new Simulation(v.scenario, { recordPackets: false, recordClients: false });
  sim.runToEnd();
  const result = sim.result({ summary: true });
  const l = sim.listener();
  const listening = l !== null && l.sk_state === 'TCP_LISTEN';
  return {
    result,
    final: { syn: listening ? l.qlen : 0, accept: listening ? l.sk_ack_backlog : 0, backlog: listening ? l.sk_max_ack_backlog : null },
    duration_ms: v.scenario.duration_ms,
    autobind: v.scenario.server.port === null,
  };
}
