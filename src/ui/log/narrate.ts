// Turns the worker's log lines into what the panel shows: a sentence per decision (with its placeholders filled
// from the decision's args), the function and branch that took it, the counters it moved, the filter by counter,
// and honest markers where decisions were left out (the worker numbers every decision, so a jump in `seq` is
// exactly the number of decisions not sent). Pure functions: the component only lays them out.
import type { LogLine } from '../../worker/protocol.ts';
import type { Lang } from '../../store/prefs.ts';
import { numberFormat, type MsgKey, type Translate } from '../i18n/index.ts';
import { FN_FILE, branchOf, elixirUrl, isLogCode, isLogFn } from './codes.ts';

/** Args that are names or identifiers, never quantities: shown as they are (port 8080, not 8,080). */
const VERBATIM_ARGS: ReadonlySet<string> = new Set(['port', 'state', 'reason']);

/** The message for a line: the code's sentence, or its variant for what the kernel saw. */
export function sentenceKey(line: Pick<LogLine, 'code' | 'args'>): MsgKey | null {
  if (!isLogCode(line.code)) return null;
  const a = line.args;
  switch (line.code) {
    case 'listen_capped':
      return typeof a.requested === 'number' && a.requested < 0 ? 'log.code.listen_capped.negative' : 'log.code.listen_capped';
    case 'syn_accept_queue_full':
      return a.cookie === 1 ? 'log.code.syn_accept_queue_full.cookie' : 'log.code.syn_accept_queue_full';
    case 'listener_ack_rst':
      return a.reason === 'no socket' ? 'log.code.listener_ack_rst.no_socket' : 'log.code.listener_ack_rst';
    case 'req_timer_expired':
      return a.reason === 'listener closed' ? 'log.code.req_timer_expired.listener_closed' : 'log.code.req_timer_expired';
    default:
      return `log.code.${line.code}`;
  }
}

/** The placeholders of a line's sentence: who it concerns, its args (numbers formatted per language), derived ordinals. */
export function sentenceVars(line: LogLine, t: Translate, lang: Lang): Record<string, string | number> {
  const fmt = numberFormat(lang);
  const vars: Record<string, string | number> = {
    who: line.client === null ? t('log.who.unknown') : t('log.who.client', { id: line.client }),
  };
  for (const [k, v] of Object.entries(line.args)) vars[k] = typeof v === 'number' && !VERBATIM_ARGS.has(k) ? fmt.format(v) : v;
  // the timer's args carry num_timeout before this firing: this firing's retry is the next one
  if (typeof line.args.num_timeout === 'number') vars.nth = fmt.format(line.args.num_timeout + 1);
  return vars;
}

export interface Narrated {
  readonly text: string;
  readonly fn: string;
  /** the function's definition on elixir.bootlin.com (v6.18) */
  readonly url: string;
  /** the kernel file it is defined in, when known */
  readonly file: string | null;
  readonly branch: string;
}

export function narrate(line: LogLine, t: Translate, lang: Lang): Narrated {
  const key = sentenceKey(line);
  const text = key === null ? t('log.unknown', { fn: `${line.fn}()`, code: line.code }) : t(key, sentenceVars(line, t, lang));
  return { text, fn: line.fn, url: elixirUrl(line.fn), file: isLogFn(line.fn) ? FN_FILE[line.fn] : null, branch: branchOf(line) };
}

/** The short form for a repeat of the decision above: only who it concerns changes. */
export function sameAsAbove(line: LogLine, t: Translate, lang: Lang): string {
  return t('log.same', { who: sentenceVars(line, t, lang).who });
}

/** Simulated time as seconds with milliseconds (s.mmm). */
export function formatTime(t_ms: number): string {
  return (Math.floor(t_ms) / 1000).toFixed(3);
}

/** Counters that move on every segment (Tcp InSegs / OutSegs): a chip on every line would bury the telling ones. */
const EVERY_SEGMENT: ReadonlySet<string> = new Set(['InSegs', 'OutSegs']);

export interface Chip {
  readonly field: string;
  /** how many times this decision moved it */
  readonly times: number;
}

/** The counters a line moved, each once with its count, in the order they first moved; the every-segment ones
 *  only when they are the counter being filtered on. */
export function chipsOf(mib: readonly string[], selected: string | null): Chip[] {
  const counts = new Map<string, number>();
  for (const f of mib) if (!EVERY_SEGMENT.has(f) || f === selected) counts.set(f, (counts.get(f) ?? 0) + 1);
  return [...counts].map(([field, times]) => ({ field, times }));
}

/** The line moved this counter. */
export function movedBy(line: LogLine, counter: string): boolean {
  return (line.mib as readonly string[]).includes(counter);
}

/** What the list shows, in order: decisions and, between them, how many were left out. */
export type LogRow =
  /** same: the line above is the same decision with the same args (only the client may differ) */
  | { readonly kind: 'line'; readonly line: LogLine; readonly same: boolean }
  /** decisions not shown before the first line kept (the page keeps the latest LOG_CAP, floods skip some) */
  | { readonly kind: 'earlier'; readonly n: number }
  /** decisions not shown between two lines */
  | { readonly kind: 'gap'; readonly n: number; readonly from_ms: number; readonly to_ms: number; readonly next_seq: number };

/**
 * The rows for the log, filtered to the decisions that moved `counter` (null: all). Gap markers only make sense
 * on the whole log: under a filter the lines in between are hidden on purpose, and the panel says separately
 * that left-out decisions cannot be filtered.
 */
export function logRows(log: readonly LogLine[], counter: string | null): LogRow[] {
  const rows: LogRow[] = [];
  let prev: LogLine | null = null;
  for (const line of log) {
    if (counter !== null && !movedBy(line, counter)) continue;
    if (counter === null && prev === null && line.seq > 0) rows.push({ kind: 'earlier', n: line.seq });
    const gap = counter === null && prev !== null && line.seq > prev.seq + 1;
    if (gap) rows.push({ kind: 'gap', n: line.seq - prev!.seq - 1, from_ms: prev!.t_ms, to_ms: line.t_ms, next_seq: line.seq });
    rows.push({ kind: 'line', line, same: !gap && prev !== null && sameDecision(prev, line) });
    prev = line;
  }
  return rows;
}

/** The same decision in the same circumstances: a run of these reads "same as above" instead of the sentence again. */
function sameDecision(a: LogLine, b: LogLine): boolean {
  if (a.code !== b.code || a.fn !== b.fn) return false;
  const ka = Object.keys(a.args);
  return ka.length === Object.keys(b.args).length && ka.every((k) => a.args[k] === b.args[k]);
}
