// The lessons as data: every lesson well-formed in both languages for any seed, numbers that change with the seed,
// and the judge: given a frame, exactly the choice equal to the frame's value is right.
import { describe, expect, it } from 'vitest';
import { LESSONS, lessonById } from '../../src/lessons/index.ts';
import { choicesOf, choiceValue, fill, lessonParams, panelMarks, readValue, rightChoices, scenarioText, shellNumber } from '../../src/lessons/engine.ts';
import { picker } from '../../src/lessons/rng.ts';
import { PANELS, type Observation, type Reader, type Text } from '../../src/lessons/types.ts';
import { makeFrame, NO_CLIENTS } from '../fixtures/frames.ts';

const SEEDS = Array.from({ length: 40 }, (_, i) => i * 104729 + 3);
const CJK = /[\u4e00-\u9fff]/;

/** every text of a lesson, filled with one attempt's numbers (and sample reveal values) */
function texts(id: string, seed: number): { where: string; t: Text; vars: Record<string, number | string> }[] {
  const l = lessonById(id)!;
  const p = lessonParams(l, seed);
  const vars = { ...p, observed: 1, answer: 'x' };
  const out: { where: string; t: Text; vars: Record<string, number | string> }[] = [
    { where: 'title', t: l.title, vars },
    { where: 'summary', t: l.summary, vars },
    ...l.beliefs.flatMap((b, i) => [{ where: `belief ${i} myth`, t: b.myth, vars }, { where: `belief ${i} fact`, t: b.fact, vars }]),
    ...Object.entries(l.scenarios).map(([k, make]) => ({ where: `scenario ${k} setup`, t: make(p).setup, vars })),
  ];
  l.steps.forEach((s, i) => {
    out.push({ where: `step ${i} text`, t: s.text, vars });
    const pr = s.predict;
    if (!pr) return;
    out.push({ where: `step ${i} question`, t: pr.question, vars }, { where: `step ${i} shows`, t: pr.shows, vars }, { where: `step ${i} why`, t: pr.why(p), vars });
    pr.choices(p).forEach((c, j) => {
      if (c.label) out.push({ where: `step ${i} choice ${j}`, t: c.label, vars });
      if (c.expr) out.push({ where: `step ${i} expr ${j}`, t: c.expr, vars });
    });
  });
  return out;
}

describe.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s is well-formed', (id, lesson) => {
  it('has steps that name real scenarios, panels and beliefs, and at least one prediction', () => {
    expect(lesson.steps.length).toBeGreaterThanOrEqual(3);
    expect(lesson.steps.some((s) => s.predict)).toBe(true);
    for (const [i, s] of lesson.steps.entries()) {
      expect(Object.keys(lesson.scenarios), `step ${i}`).toContain(s.scenario);
      if (s.highlight) expect(PANELS).toContain(s.highlight);
      for (const b of s.corrects ?? []) expect(lesson.beliefs[b], `step ${i} corrects ${b}`).toBeDefined();
      if (s.predict) {
        expect(PANELS).toContain(s.predict.reveal.highlight);
        for (const c of s.predict.conceal) expect([...PANELS, 'port']).toContain(c);
        // the panel the answer is shown in is not left covered by the reveal
        expect(panelMarks(s, 'revealed').conceal).toEqual([]);
      }
    }
    // every wrong belief it names is corrected by some step
    lesson.beliefs.forEach((_, b) => expect(lesson.steps.some((s) => s.corrects?.includes(b)), `belief ${b}`).toBe(true));
  });

  it('fills every text in both languages for any seed: no placeholder left, code quotes balanced, Chinese in zh', () => {
    for (const seed of SEEDS) {
      for (const { where, t, vars } of texts(id, seed)) {
        for (const [lang, s] of [['en', t.en], ['zh', t.zh]] as const) {
          const filled = fill(s, vars);
          expect(filled, `${id} ${where} ${lang}`).not.toMatch(/\{\w+\}/);
          expect(filled.split('`').length % 2, `${id} ${where} ${lang}: unbalanced backticks`).toBe(1);
          expect(filled.trim().length, `${id} ${where} ${lang}`).toBeGreaterThan(0);
        }
        expect(CJK.test(t.en), `${id} ${where}: Chinese in English`).toBe(false);
      }
      // the learner-facing sentences are written in Chinese (titles may be only kernel names)
      for (const { where, t } of texts(id, seed).filter((x) => !x.where.startsWith('title') && !x.where.includes('expr') && !x.where.includes('choice'))) {
        expect(CJK.test(t.zh), `${id} ${where}: zh has no Chinese`).toBe(true);
      }
    }
  });

  it('builds scenario files the moments of its steps fall in', () => {
    for (const seed of SEEDS.slice(0, 10)) {
      const p = lessonParams(lesson, seed);
      for (const s of lesson.steps) {
        const sc = JSON.parse(scenarioText(lesson, s.scenario, p, seed)) as { name: string; duration_ms: number; seed: number; explain_zh: string };
        expect(sc.name).toBe(`lesson-${id}-${s.scenario}`);
        expect(sc.seed).toBe(seed);
        expect(sc.explain_zh).not.toMatch(/[{}`]/);
        expect(s.at_ms(p)).toBeGreaterThanOrEqual(0);
        expect(s.at_ms(p)).toBeLessThan(sc.duration_ms);
        if (s.predict) expect(s.predict.reveal.at_ms(p)).toBeLessThan(sc.duration_ms);
      }
    }
  });

  it('offers at least two distinct choices for every prediction, for any seed', () => {
    for (const seed of SEEDS) {
      const p = lessonParams(lesson, seed);
      for (const s of lesson.steps.filter((x) => x.predict)) {
        const cs = choicesOf(s.predict!, p);
        expect(cs.length).toBeGreaterThanOrEqual(2);
        const shown = cs.map((c) => (c.label ? c.label.en : String(c.value)));
        expect(new Set(shown).size, shown.join(' | ')).toBe(cs.length);
      }
    }
  });
});

describe('parameters', () => {
  it('the same seed gives the same numbers; seeds give different numbers', () => {
    for (const l of LESSONS) {
      expect(lessonParams(l, 42)).toEqual(lessonParams(l, 42));
      const distinct = new Set(SEEDS.map((s) => JSON.stringify(lessonParams(l, s))));
      expect(distinct.size, l.id).toBeGreaterThan(3);
    }
  });

  it('the picker stays within its bounds', () => {
    const r = picker(1);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(3, 6);
      expect(n >= 3 && n <= 6 && Number.isInteger(n)).toBe(true);
    }
    expect(() => r.pick([])).toThrow();
  });
});

/** an observation in which `reader` reads `v` */
function observing(reader: Reader, v: number): Observation {
  switch (reader.kind) {
    case 'backlog':
      return { frame: makeFrame({ backlog: v }), before: null, shell: null };
    case 'accept_len':
      return { frame: makeFrame({ accept_queue: { len: v, limit: v + 1 } }), before: null, shell: null };
    case 'syn_len':
      return { frame: makeFrame({ syn_queue: { len: v, limit: v + 1 } }), before: null, shell: null };
    case 'counter':
      return { frame: makeFrame({ counters: { [reader.field]: v } }), before: null, shell: null };
    case 'tally':
      return { frame: makeFrame({ clients: { tally: { ...NO_CLIENTS, [reader.of[0]]: v }, spoofed_sent: 0, watched: [] } }), before: null, shell: null };
    case 'port_parity':
      return { frame: makeFrame({ port: 40000 + v }), before: null, shell: null };
    case 'shell':
      return { frame: makeFrame(), before: null, shell: `header\n${reader.row}${' x'.repeat(reader.word - 1)} ${v}\n` };
  }
}

describe('the judge', () => {
  it('calls right exactly the choice equal to what the frame shows, and none when no choice is', () => {
    for (const l of LESSONS) {
      for (const seed of SEEDS.slice(0, 8)) {
        const p = lessonParams(l, seed);
        for (const s of l.steps.filter((x) => x.predict)) {
          const pred = s.predict!;
          const cs = choicesOf(pred, p);
          if (cs.some((c) => typeof c.value !== 'number')) continue; // readings of the observation: see against-model
          for (const [i, c] of cs.entries()) {
            const o = observing(pred.read, c.value as number);
            expect(readValue(pred.read, o)).toBe(c.value);
            expect(rightChoices(cs, o, readValue(pred.read, o)), `${l.id} ${c.value}`).toEqual([i]);
          }
          // (a parity has no value outside its two choices)
          const none = observing(pred.read, 987654);
          if (pred.read.kind !== 'port_parity') expect(rightChoices(cs, none, readValue(pred.read, none))).toEqual([]);
          expect(rightChoices(cs, none, null)).toEqual([]);
        }
      }
    }
  });

  it('reads choices that interpret the observation from it', () => {
    const tools = lessonById('tools')!;
    const pred = tools.steps.find((s) => s.predict?.read.kind === 'shell' && s.predict.read.row.startsWith('TcpExt'))!.predict!;
    const cs = choicesOf(pred, lessonParams(tools, 1));
    const o: Observation = { frame: makeFrame({ counters: { ListenOverflows: 30 } }), before: { ListenOverflows: 12 }, shell: 'TcpExtListenOverflows           18                 0.0\n' };
    expect(cs.map((c) => choiceValue(c, o))).toEqual([30, 18, 12]);
    expect(rightChoices(cs, o, readValue(pred.read, o))).toEqual([1]);
  });

  it('merges choices of equal value and sorts numbers', () => {
    const backlog = lessonById('backlog')!;
    const p = { ...lessonParams(backlog, 1), b: 10, s: 4096, eff: 10 };
    const cs = choicesOf(backlog.steps[1].predict!, p);
    expect(cs.map((c) => c.value)).toEqual([10, 11, 128, 4096]);
    expect(cs[0].exprs.map((e) => e.en)).toEqual(['the backlog you passed', 'min(backlog, somaxconn)']);
  });

  it('reads numbers out of tool output', () => {
    const ss = 'State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\nLISTEN 7      6          192.0.2.1:8080      0.0.0.0:*\n';
    expect(shellNumber(ss, 'LISTEN', 1)).toBe(7);
    expect(shellNumber(ss, 'LISTEN', 2)).toBe(6);
    expect(shellNumber(ss, 'LISTEN', 3)).toBeNull();
    expect(shellNumber(ss, 'SYN-RECV', 1)).toBeNull();
  });
});
