// What the log list shows, in order: the decisions (all, or those that moved the selected counter), honest
// markers where decisions were left out — the worker numbers every decision, so a jump in `seq` is exactly the
// number not sent — and, per line, whether it repeats the one above and which client it concerns.
import type { LogLine } from '../../worker/protocol.ts';
import { MESSAGES } from '../i18n/index.ts';
import { sentenceKey } from './narrate.ts';

export type LogRow =
  | {
      readonly kind: 'line';
      readonly line: LogLine;
      /** the line above says the same thing (same sentence, same numbers); only the client may differ */
      readonly same: boolean;
      /** the client it concerns: the line's, else the one an earlier line of the same request named */
      readonly client: number | null;
    }
  /** decisions not shown before the first line kept (the page keeps the latest LOG_CAP; floods skip some) */
  | { readonly kind: 'earlier'; readonly n: number }
  /** decisions not shown between two lines */
  | { readonly kind: 'gap'; readonly n: number; readonly from_ms: number; readonly to_ms: number; readonly next_seq: number };

/** The line moved this counter. */
export function movedBy(line: LogLine, counter: string): boolean {
  return (line.mib as readonly string[]).includes(counter);
}

/**
 * The rows for the log, filtered to the decisions that moved `counter` (null: all). Gap markers only make sense
 * on the whole log: under a filter the lines in between are hidden on purpose, and the panel says separately
 * that left-out decisions cannot be filtered.
 */
export function logRows(log: readonly LogLine[], counter: string | null): LogRow[] {
  const rows: LogRow[] = [];
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
  return rows;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** The args a sentence shows ({nth} is derived from num_timeout; {who} may differ between repeats). */
function shownArgs(key: keyof typeof MESSAGES.en): string[] {
  return [...MESSAGES.en[key].matchAll(PLACEHOLDER)].map((m) => (m[1] === 'nth' ? 'num_timeout' : m[1])).filter((n) => n !== 'who');
}

/** Two lines whose sentences differ only in who they concern. */
function saysTheSame(a: LogLine, b: LogLine): boolean {
  if (a.code !== b.code || a.fn !== b.fn) return false;
  const key = sentenceKey(a);
  if (key === null || key !== sentenceKey(b)) return false;
  return shownArgs(key).every((n) => a.args[n] === b.args[n]);
}
