// The pure side of lessons: parameters from a seed, the scenario text a step runs, the choices of a prediction,
// reading the model's value from an observation, and which choice it makes right. No store, no React, no clock.
import type { SimFrame } from '../worker/protocol.ts';
import { picker } from './rng.ts';
import type { Cover, Lesson, Observation, Panel, Params, Prediction, Reader, Step, Text } from './types.ts';

export type Lang = 'en' | 'zh-CN';

export const SCENARIO_FORMAT = 'backlog-scenario/1';

export function lessonParams(lesson: Lesson, seed: number): Params {
  return lesson.params(picker(seed));
}

/** `{name}` → the value; unknown names stay as written (a test checks every lesson leaves none). */
export function fill(s: string, vars: Readonly<Record<string, number | string>>): string {
  return s.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export function say(t: Text, lang: Lang, vars: Readonly<Record<string, number | string>>): string {
  return fill(lang === 'zh-CN' ? t.zh : t.en, vars);
}

/** The scenario file a step runs (the worker validates it like any other). */
export function scenarioText(lesson: Lesson, key: string, p: Params, seed: number): string {
  const make = lesson.scenarios[key];
  if (!make) throw new Error(`lesson ${lesson.id}: no scenario '${key}'`);
  const { setup, ...spec } = make(p);
  const plain = (s: string) => s.replace(/`/g, '');
  return JSON.stringify({
    format: SCENARIO_FORMAT,
    name: `lesson-${lesson.id}-${key}`,
    description: `Backlog Lab lesson ${lesson.id}, scenario ${key}, seed ${seed}`,
    title: plain(lesson.title.en),
    title_zh: plain(lesson.title.zh),
    explain: plain(fill(setup.en, p)),
    explain_zh: plain(fill(setup.zh, p)),
    seed: seed >>> 0,
    sample_every_ms: 50,
    ...spec,
    server: { port: 8080, accept: { mode: 'never' }, ...spec.server },
  });
}

/** A choice as shown: numbers merged when two expressions give the same value (each number once). */
export interface Choice {
  readonly value: number | ((o: Observation) => number);
  /** null: show the number itself */
  readonly label: Text | null;
  /** every expression that gives this value, for after the reveal */
  readonly exprs: readonly Text[];
}

export function choicesOf(pred: Prediction, p: Params): readonly Choice[] {
  const defs = pred.choices(p);
  const numeric = defs.every((d) => typeof d.value === 'number' && !d.label);
  if (!numeric) return defs.map((d) => ({ value: d.value, label: d.label ?? null, exprs: d.expr ? [d.expr] : [] }));
  const byValue = new Map<number, Text[]>();
  for (const d of defs) {
    const v = d.value as number;
    const exprs = byValue.get(v) ?? [];
    if (d.expr) exprs.push(d.expr);
    byValue.set(v, exprs);
  }
  return [...byValue.entries()].sort((a, b) => a[0] - b[0]).map(([value, exprs]) => ({ value, label: null, exprs }));
}

export function choiceValue(c: Choice, o: Observation): number {
  return typeof c.value === 'number' ? c.value : c.value(o);
}

/** The number in a tool's output: the first line containing `row`, split on whitespace, word `word`. */
export function shellNumber(stdout: string, row: string, word: number): number | null {
  const line = stdout.split('\n').find((l) => l.includes(row));
  const w = line?.trim().split(/\s+/)[word];
  return w !== undefined && /^-?\d+$/.test(w) ? Number(w) : null;
}

/** What the model shows, read as the prediction says; null when the observation does not have it. */
export function readValue(r: Reader, o: Observation): number | null {
  const f: SimFrame = o.frame;
  switch (r.kind) {
    case 'backlog':
      return f.backlog ?? -1;
    case 'accept_len':
      return f.accept_queue.len;
    case 'syn_len':
      return f.syn_queue.len;
    case 'counter':
      return f.counters[r.field] ?? 0;
    case 'tally':
      return r.of.reduce((n, e) => n + f.clients.tally[e], 0);
    case 'port_parity':
      return f.port === null ? null : f.port % 2;
    case 'shell':
      return o.shell === null ? null : shellNumber(o.shell, r.row, r.word);
  }
}

/** A reader as a short string (`counter:ListenOverflows`, `shell:LISTEN:1` …): for test hooks and debugging. */
export function readerKey(r: Reader): string {
  switch (r.kind) {
    case 'counter':
      return `counter:${r.field}`;
    case 'tally':
      return `tally:${r.of.join(',')}`;
    case 'shell':
      return `shell:${r.row}:${r.word}`;
    default:
      return r.kind;
  }
}

/** Indexes of the choices equal to the model's value: exactly one for a well-made prediction (tests check it). */
export function rightChoices(choices: readonly Choice[], o: Observation, observed: number | null): number[] {
  if (observed === null) return [];
  return choices.flatMap((c, i) => (choiceValue(c, o) === observed ? [i] : []));
}

export type Phase = 'entering' | 'ready' | 'revealing' | 'revealed';

/** Which panel the step points to and which ones it covers, in a phase. */
export function panelMarks(step: Step, phase: Phase): { highlight: Panel | null; conceal: readonly Cover[] } {
  const pred = step.predict;
  if (!pred) return { highlight: step.highlight ?? null, conceal: [] };
  if (phase === 'revealed') return { highlight: pred.reveal.highlight, conceal: [] };
  return { highlight: step.highlight ?? null, conceal: pred.conceal };
}

export function isPrediction(step: Step): step is Step & { predict: Prediction } {
  return step.predict !== undefined;
}
