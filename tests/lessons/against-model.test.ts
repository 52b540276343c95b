// Every lesson, run against the real model (the worker's LiveRun, as the page's worker runs it) for many seeds, the
// way the lesson drives the page: load the step's scenario, move to the step's moment, run its terminal lines, then
// move to the reveal's moment and run the reveal's lines. For every prediction exactly one choice must equal what
// the model shows, and the explanation's stated value (claims) must be that value — so no lesson text says
// something the model contradicts, whatever numbers a seed draws.
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/index.ts';
import { choicesOf, fill, lessonParams, readValue, rightChoices, scenarioText } from '../../src/lessons/engine.ts';
import type { Lesson, Observation, Params, Step } from '../../src/lessons/types.ts';
import { openScenario } from '../../src/worker/open.ts';
import type { RunPort } from '../../src/worker/port.ts';

const SEEDS = Array.from({ length: 48 }, (_, i) => i * 7919 + 1);

/** Predictions whose answer is the same whatever the numbers, because that constant is the fact being taught. */
const CONSTANT_BY_NATURE: Readonly<Record<string, string>> = {
  'accept-overflow#2': 'by default an overflowing ACK gets no RST: 0, whatever the backlog',
  'tools#2': 'netstat -tan shows Send-Q 0 for every listener',
  'tools#3': 'nstat without -a prints the increase since its last run (the number printed varies)',
};

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

  it.each(predictions)('step %i: exactly one choice is what the model shows, and it is what the text says', (i, step) => {
    const answers = new Set<string>();
    for (const seed of SEEDS) {
      const p = lessonParams(lesson, seed);
      const o = observe(lesson, step, p, seed);
      const observed = readValue(step.predict!.read, o);
      const choices = choicesOf(step.predict!, p);
      const where = `${lesson.id} seed ${seed} ${JSON.stringify(p)}: observed ${observed}`;
      expect(observed, where).not.toBeNull();
      expect(rightChoices(choices, o, observed), where).toHaveLength(1);
      expect(step.predict!.claims(p, o), where).toBe(observed);
      // the right answer, as the learner sees it: the number, or the label of a choice that reads the output
      const right = choices[rightChoices(choices, o, observed)[0]];
      answers.add(right.label ? fill(right.label.en, p) : String(observed));
    }
    // the numbers vary with the seed so that the answer cannot be learnt by heart
    if (`${lesson.id}#${i}` in CONSTANT_BY_NATURE) expect(answers.size).toBe(1);
    else expect(answers.size, `${lesson.id} step ${i}: answers ${[...answers].join(', ')}`).toBeGreaterThan(1);
  });

  it('every scenario of every step loads', () => {
    for (const seed of SEEDS.slice(0, 4)) {
      const p = lessonParams(lesson, seed);
      for (const step of lesson.steps) expect(() => open(lesson, step.scenario, p, seed)).not.toThrow();
    }
  });
});

/** The run of a step at its own moment (after its terminal lines), for what a step's text says about it. */
function atStep(id: string, index: number, seed: number) {
  const lesson = LESSONS.find((l) => l.id === id)!;
  const step = lesson.steps[index];
  const p = lessonParams(lesson, seed);
  const run = open(lesson, step.scenario, p, seed);
  run.seek({ t_ms: step.at_ms(p) });
  const out = (step.shell?.(p) ?? []).map((l) => run.shell(l).stdout);
  return { p, f: run.frame(false), out, run };
}

describe('what the lessons’ narrative steps say, the model shows', () => {
  const seeds = SEEDS.slice(0, 16);
  it('two-queues: after the ACKs the accept queue holds backlog + 1 and the SYN queue is empty; retried SYNs then overflow', () => {
    for (const seed of seeds) {
      const { p, f, run } = atStep('two-queues', 3, seed);
      expect(f.accept_queue.len).toBe(p.b1);
      expect(f.syn_queue.len).toBe(0);
      run.seek({ t_ms: 1500 });
      expect(run.frame(false).counters.ListenOverflows ?? 0).toBeGreaterThan(0);
    }
  });
  it('accept-overflow: by the step’s moment exactly one stalled client got in, after accept() made room', () => {
    for (const seed of seeds) {
      const { p, f } = atStep('accept-overflow', 3, seed);
      expect(f.clients.tally.stalled, JSON.stringify(p)).toBe(p.k - 1);
      expect(f.clients.tally.accepted).toBe(1);
      expect(f.counters.ListenOverflows ?? 0).toBeGreaterThan(p.k);
    }
  });
  it('syn-flood: at 4 s the three real clients are still retrying, locked out', () => {
    for (const seed of seeds) expect(atStep('syn-flood', 3, seed).f.clients.tally.retrying).toBe(3);
  });
  it('synack-retries: the request ends silently, no RST', () => {
    for (const seed of seeds) {
      const { f } = atStep('synack-retries', 3, seed);
      expect(f.syn_queue.len).toBe(0);
      expect(f.counters.OutRsts ?? 0).toBe(0);
    }
  });
  it('relisten: at 1.4 s the accept queue is full and clients are retrying', () => {
    for (const seed of seeds) {
      const { p, f } = atStep('relisten', 0, seed);
      expect(f.accept_queue.len).toBe(p.b11);
      expect(f.clients.tally.retrying).toBeGreaterThan(0);
    }
  });
  it('container: the terminal runs in the server’s own namespace', () => {
    expect(atStep('container', 0, 1).out[0].trim().length).toBeGreaterThan(0);
  });
  it('tools: the SYN queue is empty, ListenDrops is never below ListenOverflows, and netstat -s words them', () => {
    for (const seed of seeds) {
      const { f, out } = atStep('tools', 4, seed);
      expect(f.syn_queue.len).toBe(0);
      expect(out[1].trim().split('\n')).toHaveLength(1); // the header only
      expect(out[0]).toContain(`${f.counters.ListenOverflows} times the listen queue of a socket overflowed`);
      expect(out[0]).toContain(`${f.counters.ListenDrops} SYNs to LISTEN sockets dropped`);
      expect(f.counters.ListenDrops ?? 0).toBeGreaterThanOrEqual(f.counters.ListenOverflows ?? 0);
    }
  });
});
