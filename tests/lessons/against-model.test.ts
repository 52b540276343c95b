// Every lesson, run against the real model (the worker's LiveRun, as the page's worker runs it) for many seeds, the
// way the lesson drives the page: load the step's scenario, move to the step's moment, run its terminal lines, then
// move to the reveal's moment and run the reveal's lines. For every prediction exactly one choice must equal what
// the model shows, and the explanation's stated value (claims) must be that value — so no lesson text says
// something the model contradicts, whatever numbers a seed draws.
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.ts';
import { choicesOf, lessonParams, readValue, rightChoices, scenarioText } from '../../src/lessons/engine.ts';
import type { Lesson, Observation, Params, Step } from '../../src/lessons/types.ts';
import { openScenario } from '../../src/worker/open.ts';
import type { RunPort } from '../../src/worker/port.ts';

const SEEDS = Array.from({ length: 48 }, (_, i) => i * 7919 + 1);

function open(lesson: Lesson, key: string, p: Params, seed: number): RunPort {
  const o = openScenario(scenarioText(lesson, key, p, seed));
  if (!o.ok) throw new Error(`${lesson.id}/${key}: ${JSON.stringify(o.issues)}`);
  return o.sim;
}

/** What the page sees after a step's reveal, driven as the lesson driver drives the worker. */
export function observe(lesson: Lesson, step: Step, p: Params, seed: number): Observation {
  const pred = step.predict!;
  const run = open(lesson, step.scenario, p, seed);
  run.seek({ t_ms: step.at_ms(p) });
  for (const line of step.shell?.(p) ?? []) run.shell(line);
  const before = run.frame(false).counters;
  run.seek({ t_ms: pred.reveal.at_ms(p) });
  let shell: string | null = null;
  for (const line of pred.reveal.shell?.(p) ?? []) shell = run.shell(line).stdout;
  return { frame: run.frame(false), before, shell };
}

describe.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s against the model', (_id, lesson) => {
  const predictions = lesson.steps.map((s, i) => [i, s] as const).filter(([, s]) => s.predict);

  it.each(predictions)('step %i: exactly one choice is what the model shows, and it is what the text says', (_i, step) => {
    for (const seed of SEEDS) {
      const p = lessonParams(lesson, seed);
      const o = observe(lesson, step, p, seed);
      const observed = readValue(step.predict!.read, o);
      const choices = choicesOf(step.predict!, p);
      const where = `${lesson.id} seed ${seed} ${JSON.stringify(p)}: observed ${observed}`;
      expect(observed, where).not.toBeNull();
      expect(rightChoices(choices, o, observed), where).toHaveLength(1);
      expect(step.predict!.claims(p, o), where).toBe(observed);
    }
  });

  it('every scenario of every step loads', () => {
    for (const seed of SEEDS.slice(0, 4)) {
      const p = lessonParams(lesson, seed);
      for (const step of lesson.steps) expect(() => open(lesson, step.scenario, p, seed)).not.toThrow();
    }
  });
});
