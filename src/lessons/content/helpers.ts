// Small builders shared by the lesson files, so each lesson reads as its content.
import type { ChoiceDef, Text } from '../types.ts';

export const tx = (en: string, zh: string): Text => ({ en, zh });

/** A numeric choice; `expr` is the expression behind it (one text when it reads the same in both languages). */
export function num(value: number, expr: string | Text): ChoiceDef {
  return { value, expr: typeof expr === 'string' ? { en: expr, zh: expr } : expr };
}

export const at = (ms: number) => () => ms;

/** `n` normal clients `interval_ms` apart from `start_ms`. */
export const normal = (count: number, start_ms: number, interval_ms: number, ack_delay_ms = 0) =>
  ({ count, start_ms, interval_ms, kind: 'normal' as const, ...(ack_delay_ms ? { ack_delay_ms } : {}) });

/** `count` forged SYNs `interval_ms` apart from `start_ms`. */
export const spoofed = (count: number, start_ms: number, interval_ms: number) =>
  ({ count, start_ms, interval_ms, kind: 'spoofed' as const });

/** Seconds for the text: 2500 → "2.5". */
export const secs = (ms: number): number => ms / 1000;
