// Golden tests: the model against the real kernel. Every scenario recorded on Linux 6.18.44 runs through the model
// and is scored against both recordings with the same rules as ../shared/tools/compare-result.mjs (compare.ts).
// A failure prints the scorer's report, so it reads like `npm run score`.
import { describe, it, expect } from 'vitest';
import { runScenario } from '../../src/sim/run.ts';
import { formatErrors, validateScenario } from '../../src/sim/validate.ts';
import { compareResult, formatVerdict } from './compare.ts';
import { KERNEL, loadTraces } from './traces.ts';

describe(`the model against ${KERNEL} recordings`, () => {
  for (const t of loadTraces()) {
    it(t.name, () => {
      const v = validateScenario(t.scenario);
      if (!v.ok) throw new Error(`${t.scenarioPath} does not validate:\n${formatErrors(v.errors)}`);
      const verdict = compareResult(t.scenario, t.runs.map((r) => r.result), runScenario(v.scenario));
      const failed = verdict.checks.filter((c) => c.gating && !c.pass);
      expect(failed.map((c) => `${c.name}: ${c.detail}`), `\n${formatVerdict(t.name, verdict)}\n`).toEqual([]);
    });
  }
});
