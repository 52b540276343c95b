// The kernel's write rule of each knob, as the page shows it before a write, and a quick check of typed text for
// immediate feedback only: the worker applies the real proc handler and is the judge of every write.
import { KNOB_RULES, type KnobName } from '../../worker/protocol.ts';
import type { MsgKey, Translate } from '../i18n/index.ts';

/** "proc_dointvec_minmax: 0 … 2147483647" (with the unit when the rule has one) */
export function ruleText(t: Translate, name: KnobName): string {
  const { handler, min, max, unit } = KNOB_RULES[name];
  return unit ? t('knobs.rule_unit', { handler, min, max, unit }) : t('knobs.rule', { handler, min, max });
}

/** Why typed text would be refused (null: it looks acceptable). Mirrors the rule's range, nothing more. */
export function checkKnob(t: Translate, name: KnobName, text: string): string | null {
  if (!/^\s*[-+]?\d+\s*$/.test(text)) return t('knobs.not_integer');
  const v = Number(text);
  const { min, max } = KNOB_RULES[name];
  return v < min || v > max ? t('knobs.out_of_range') : null;
}

/** A number the page can put in an action (listen backlog, accept interval, rates), or null. */
export function parseNumber(text: string): number | null {
  if (text.trim() === '') return null;
  const v = Number(text);
  return Number.isFinite(v) ? v : null;
}

export const numberProblem = (t: Translate, text: string): string | null => (parseNumber(text) === null ? t('knobs.not_number') : null);

export const aboutKey = (name: KnobName): MsgKey => `knobs.about.${name}`;
