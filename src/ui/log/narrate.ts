// Turns one of the worker's log lines into what the panel shows: a sentence (with its placeholders filled from
// the decision's args), the function and branch that took it, and the counters it moved. Pure functions: the
// component only lays them out.
import type { LogLine } from '../../worker/protocol.ts';
import type { Lang } from '../../store/prefs.ts';
import { MESSAGES, numberFormat, type MsgKey, type Translate } from '../i18n/index.ts';
import { FN_FILE, branchOf, elixirUrl, isLogCode, isLogFn, type LogCode } from './codes.ts';
import type { LogVariant } from './messages.ts';

/** Args shown as they are, never as quantities: names, a port (8080, not 8,080), the argument of a call (listen(100000)). */
const VERBATIM_ARGS: ReadonlySet<string> = new Set(['port', 'state', 'reason', 'requested']);

/** Which text a line takes: its code, or the code's variant for what the kernel saw (null: a code new to the page). */
export function textOf(line: Pick<LogLine, 'code' | 'args'>): LogCode | LogVariant | null {
  if (!isLogCode(line.code)) return null;
  const a = line.args;
  switch (line.code) {
    case 'listen_capped':
      return typeof a.requested === 'number' && a.requested < 0 ? 'listen_capped.negative' : 'listen_capped';
    case 'syn_accept_queue_full':
      return a.cookie === 1 ? 'syn_accept_queue_full.cookie' : 'syn_accept_queue_full';
    case 'listener_ack_rst':
      return a.reason === 'no socket' ? 'listener_ack_rst.no_socket' : 'listener_ack_rst';
    case 'req_timer_expired':
      return a.reason === 'listener closed' ? 'req_timer_expired.listener_closed' : 'req_timer_expired';
    default:
      return line.code;
  }
}

/** The line's own text (what happened): 'log.code.…'. */
export function sentenceKey(line: Pick<LogLine, 'code' | 'args'>): MsgKey | null {
  const x = textOf(line);
  return x === null ? null : `log.code.${x}`;
}

/** The client a decision concerns, in words. */
export function who(client: number | null, t: Translate): string {
  return client === null ? t('log.who.unknown') : t('log.who.client', { id: client });
}

/** The placeholders of a line's sentence: who it concerns, its args (numbers formatted per language), derived ordinals. */
export function sentenceVars(line: LogLine, client: number | null, t: Translate, lang: Lang): Record<string, string | number> {
  const fmt = numberFormat(lang);
  const vars: Record<string, string | number> = { who: who(client, t) };
  for (const [k, v] of Object.entries(line.args)) vars[k] = typeof v === 'number' && !VERBATIM_ARGS.has(k) ? fmt.format(v) : v;
  // the timer's args carry num_timeout before this firing: this firing's retry is the next one
  if (typeof line.args.num_timeout === 'number') vars.nth = fmt.format(line.args.num_timeout + 1);
  return vars;
}

export interface Narrated {
  /** what happened */
  readonly text: string;
  /** what the kernel checked, why, and what happens next (null for a code new to the page) */
  readonly why: string | null;
  readonly fn: string;
  /** the function's definition on elixir.bootlin.com (v6.18) */
  readonly url: string;
  /** the kernel file it is defined in, when known */
  readonly file: string | null;
  readonly branch: string;
}

/** `client`: who the decision concerns, when the page knows better than the line (see rows.ts); else the line's. */
export function narrate(line: LogLine, t: Translate, lang: Lang, client: number | null = line.client): Narrated {
  const x = textOf(line);
  const vars = sentenceVars(line, client, t, lang);
  const text = x === null ? t('log.unknown', { fn: `${line.fn}()`, code: line.code }) : t(`log.code.${x}`, vars);
  const why = x === null ? null : t(`log.why.${x}`, vars);
  return { text, why, fn: line.fn, url: elixirUrl(line.fn), file: isLogFn(line.fn) ? FN_FILE[line.fn] : null, branch: branchOf(line) };
}

/** The short form for a repeat of the decision above: only who it concerns changes. */
export function sameAsAbove(line: Pick<LogLine, 'code' | 'args'>, client: number | null, t: Translate): string {
  const x = textOf(line);
  // a text that names no one (accept() on an empty queue) is simply the same again
  return x !== null && !MESSAGES.en[`log.code.${x}`].includes('{who}') ? t('log.same_plain') : t('log.same', { who: who(client, t) });
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
