// What the log list shows, in order: the decisions (all, or those that moved the selected counter), honest
// markers where decisions were left out — the worker numbers every decision, so a jump in `seq` is exactly the
// number not sent — and, per line, whether it repeats the one above and which client it concerns. A run of
// repeats folds into one row (an accept() loop polling an empty queue, a flood's SYNs), which opens on demand.
import type { LogLine } from '../../worker/protocol.ts';
import { MESSAGES } from '../i18n/index.ts';
import { textOf } from './narrate.ts';

export interface LineRow {
  readonly kind: 'line';
  readonly line: LogLine;
  /** the line above says the same thing (same sentence, same numbers); only the client may differ */
  readonly same: boolean;
  /** the client it concerns: the line's, else the one an earlier line of the same request named */
  readonly client: number | null;
}

/** A run of repeats shorter than this stays as lines: folding one line saves nothing. */
export const MIN_FOLD = 2;

export type LogRow =
  | LineRow
  /** repeats of the line above it, folded: at least MIN_FOLD lines, all `same` */
  | { readonly kind: 'repeats'; readonly rows: readonly LineRow[] }
  /** decisions not shown before the first line kept (the page keeps the latest LOG_CAP; floods skip some) */
  | { readonly kind: 'earlier'; readonly n: number }
  /** decisions not shown between two lines */
  | { readonly kind: 'gap'; readonly n: number; readonly from_ms: number; readonly to_ms: number; readonly next_seq: number };

/** The line moved this counter. */
export function movedBy(line: LogLine, counter: string): boolean {
  return (line.mib as readonly string[]).includes(counter);
}

/**
 * The rows for the log, filtered to the decisions that moved `counter` (null: all), with the lines in `unfolded`
 * kept out of folds. Gap markers only make sense
 * on the whole log: under a filter the lines in between are hidden on purpose, and the panel says separately
 * that left-out decisions cannot be filtered.
 */
export function logRows(log: readonly LogLine[], counter: string | null, unfolded: ReadonlySet<number> = new Set()): LogRow[] {
  const rows: (LineRow | Exclude<LogRow, { kind: 'repeats' | 'line' }>)[] = [];
  // A request's timer expiry is decided after the request is unlinked, so its line may not name the client;
  // earlier lines about the same request do.
  const reqClient = new Map<number, number>();
  let prev: LogLine | null = null;
  for (const line of log) {
    if (line.req !== null && line.client !== null) reqClient.set(line.req, line.client);
    if (counter !== null && !movedBy(line, counter)) continue;
    if (counter === null && prev === null && line.seq > 0) rows.push({ kind: 'earlier', n: line.seq });
    const gap = counter === null && prev !== null && line.seq > prev.seq + 1;
    if (gap) rows.push({ kind: 'gap', n: line.seq - prev!.seq - 1, from_ms: prev!.t_ms, to_ms: line.t_ms, next_seq: line.seq });
    const client = line.client ?? (line.req !== null ? (reqClient.get(line.req) ?? null) : null);
    rows.push({ kind: 'line', line, client, same: !gap && prev !== null && saysTheSame(prev, line) });
    prev = line;
  }
  return fold(rows, unfolded);
}

/** Folds each run of at least MIN_FOLD repeated lines into one row; a line in `unfolded` (one the viewer opened)
 *  is never folded away. */
function fold(rows: readonly LogRow[], unfolded: ReadonlySet<number>): LogRow[] {
  const out: LogRow[] = [];
  let run: LineRow[] = [];
  const flush = () => {
    if (run.length >= MIN_FOLD) out.push({ kind: 'repeats', rows: run });
    else out.push(...run);
    run = [];
  };
  for (const r of rows) {
    if (r.kind === 'line' && r.same && !unfolded.has(r.line.seq)) {
      run.push(r);
      continue;
    }
    flush();
    out.push(r);
  }
  flush();
  return out;
}

/** The clients a folded run concerns, compactly: "11–18" for a contiguous range, else the first few and "…". */
export function clientSpan(rows: readonly LineRow[], most = 4): { readonly text: string; readonly one: boolean } | null {
  const ids = [...new Set(rows.flatMap((r) => (r.client === null ? [] : [r.client])))].sort((a, b) => a - b);
  if (ids.length === 0) return null;
  if (ids.length > 2 && ids[ids.length - 1] - ids[0] === ids.length - 1) return { text: `${ids[0]}–${ids[ids.length - 1]}`, one: false };
  return { text: ids.length > most ? `${ids.slice(0, most).join(', ')}, …` : ids.join(', '), one: ids.length === 1 };
}

const PLACEHOLDER = /\{(\w+)\}/g;

type TextId = NonNullable<ReturnType<typeof textOf>>;
const SHOWN = new Map<TextId, readonly string[]>();

/** The args a line's texts show ({nth} is derived from num_timeout; {who} may differ between repeats). */
function shownArgs(x: TextId): readonly string[] {
  let names = SHOWN.get(x);
  if (!names) {
    const texts = MESSAGES.en[`log.code.${x}`] + MESSAGES.en[`log.why.${x}`];
    names = [...texts.matchAll(PLACEHOLDER)].map((m) => (m[1] === 'nth' ? 'num_timeout' : m[1])).filter((n) => n !== 'who');
    SHOWN.set(x, names);
  }
  return names;
}

/** Two lines whose texts differ only in who they concern. */
function saysTheSame(a: LogLine, b: LogLine): boolean {
  if (a.code !== b.code || a.fn !== b.fn) return false;
  const x = textOf(a);
  if (x === null || x !== textOf(b)) return false;
  return shownArgs(x).every((n) => a.args[n] === b.args[n]);
}
