// Turns one of the worker's log lines into what the panel shows: a sentence (with its placeholders filled from
// the decision's args), the function and branch that took it, and the counters it moved. Pure functions: the
// component only lays them out.
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
  readonly text: string;
  readonly fn: string;
  /** the function's definition on elixir.bootlin.com (v6.18) */
  readonly url: string;
  /** the kernel file it is defined in, when known */
  readonly file: string | null;
  readonly branch: string;
}

/** `client`: who the decision concerns, when the page knows better than the line (see rows.ts); else the line's. */
export function narrate(line: LogLine, t: Translate, lang: Lang, client: number | null = line.client): Narrated {
  const key = sentenceKey(line);
  const text = key === null ? t('log.unknown', { fn: `${line.fn}()`, code: line.code }) : t(key, sentenceVars(line, client, t, lang));
  return { text, fn: line.fn, url: elixirUrl(line.fn), file: isLogFn(line.fn) ? FN_FILE[line.fn] : null, branch: branchOf(line) };
}

/** The short form for a repeat of the decision above: only who it concerns changes. */
export function sameAsAbove(client: number | null, t: Translate): string {
  return t('log.same', { who: who(client, t) });
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
