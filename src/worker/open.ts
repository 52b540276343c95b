// Scenario text → a ready simulation: JSON.parse, validateScenario() (the simulator's own boundary check, so the
// worker accepts exactly what the CLI accepts), then a Simulation. Input problems come back as issues, not throws.
import { validateScenario } from '../sim/validate.ts';
import { LiveRun } from './live_run.ts';
import type { Scenario } from '../sim/scenario.ts';
import type { OpenScenario } from './port.ts';
import type { ScenarioMeta } from './protocol.ts';

function metaOf(s: Scenario): ScenarioMeta {
  const clients = { normal: 0, spoofed: 0 };
  for (const g of s.clients) clients[g.kind] += g.count;
  const shown = (map: Scenario['sysctl']) => {
    const out: Record<string, number | string> = {};
    for (const [k, v] of Object.entries(map)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(' ') : v;
    return out;
  };
  const sysctl = shown(s.sysctl);
  const host_sysctl = shown(s.host_sysctl);
  return {
    name: s.name,
    description: s.description,
    title: s.title ?? null,
    title_zh: s.title_zh ?? null,
    explain: s.explain ?? null,
    explain_zh: s.explain_zh ?? null,
    duration_ms: s.duration_ms,
    backlog: s.server.backlog,
    port: s.server.port,
    clients,
    sysctl,
    ...(Object.keys(host_sysctl).length > 0 ? { host_sysctl } : {}),
  };
}

export const openScenario: OpenScenario = (text) => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, code: 'bad_json', issues: [{ path: '', message: e instanceof Error ? e.message : String(e) }] };
  }
  const v = validateScenario(json);
  if (!v.ok) return { ok: false, code: 'invalid_scenario', issues: v.errors.map((x) => ({ path: x.path, message: x.message })) };
  return { ok: true, sim: new LiveRun(v.scenario), meta: metaOf(v.scenario) };
};
