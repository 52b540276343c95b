// The tokens of one frame (request socks in the SYN queue, children in the accept queue) with their keys and
// places, and what changed since the previous frame. Keys make a token one element for its whole life: a
// child made from a request keeps the request's key, so the token slides from the SYN queue to the accept
// queue instead of vanishing in one and appearing in the other. Pure, so it can be tested.
import type { AcceptItem, SynItem } from '../worker/protocol.ts';
import { tokenAt, type Layout, type RowGeom, type Side } from './queue_layout.ts';

export interface Token {
  readonly key: string;
  readonly side: Side;
  /** position in its queue (SYN: oldest first; accept: head first) */
  readonly index: number;
  readonly x: number;
  readonly y: number;
  /** the request sock (SYN tokens; children made from one) */
  readonly req: number | null;
  /** the child socket (accept tokens) */
  readonly sock: number | null;
  readonly client: number;
  readonly spoofed: boolean;
  readonly cookie: boolean;
  readonly acked: boolean;
  readonly retrans: number;
  readonly timeouts: number;
  /** when the request's timer runs next (sim ms), null for children */
  readonly timer_ms: number | null;
}

export const reqKey = (id: number): string => `r${id}`;
/** a child is keyed by the request it came from, so its token is the request's token moved on */
export const childKey = (a: AcceptItem): string => (a.from_req !== null ? reqKey(a.from_req) : `c${a.id}`);

/** The tokens a frame shows: as many of the items as the rows can draw. */
export function tokensOf(
  L: Layout,
  syn: RowGeom,
  acc: RowGeom,
  synItems: readonly SynItem[],
  acceptItems: readonly AcceptItem[],
  spoofed: (client: number) => boolean,
): Token[] {
  const out: Token[] = [];
  const nSyn = Math.min(synItems.length, syn.maxTokens);
  for (let i = 0; i < nSyn; i++) {
    const s = synItems[i];
    const p = tokenAt(L, syn, i);
    out.push({
      key: reqKey(s.id), side: 'syn', index: i, x: p.x, y: p.y, req: s.id, sock: null, client: s.client,
      spoofed: spoofed(s.client), cookie: false, acked: s.acked, retrans: s.retrans, timeouts: s.timeouts, timer_ms: s.timer_ms,
    });
  }
  const nAcc = Math.min(acceptItems.length, acc.maxTokens);
  for (let i = 0; i < nAcc; i++) {
    const a = acceptItems[i];
    const p = tokenAt(L, acc, i);
    out.push({
      key: childKey(a), side: 'accept', index: i, x: p.x, y: p.y, req: a.from_req, sock: a.id, client: a.client,
      spoofed: spoofed(a.client), cookie: a.cookie, acked: false, retrans: 0, timeouts: 0, timer_ms: null,
    });
  }
  return out;
}

export interface TokenPlan {
  /** new tokens (first frame they show) */
  readonly enter: readonly Token[];
  /** tokens that were shown before (same key), at their new place */
  readonly stay: readonly Token[];
  /** keys that went from the SYN queue to the accept queue (the final ACK) */
  readonly crossed: ReadonlySet<string>;
  /** keys whose SYN-ACK retransmissions went up */
  readonly retransmitted: ReadonlySet<string>;
  /** tokens of the previous frame that are gone, as they were */
  readonly exit: readonly Token[];
}

export function planTokens(prev: ReadonlyMap<string, Token>, next: readonly Token[]): TokenPlan {
  const enter: Token[] = [];
  const stay: Token[] = [];
  const crossed = new Set<string>();
  const retransmitted = new Set<string>();
  const seen = new Set<string>();
  for (const t of next) {
    seen.add(t.key);
    const before = prev.get(t.key);
    if (!before) {
      enter.push(t);
      continue;
    }
    stay.push(t);
    if (before.side === 'syn' && t.side === 'accept') crossed.add(t.key);
    if (t.retrans > before.retrans) retransmitted.add(t.key);
  }
  const exit: Token[] = [];
  for (const [k, t] of prev) if (!seen.has(k)) exit.push(t);
  return { enter, stay, crossed, retransmitted, exit };
}

/**
 * How much of each request's current timer interval is left (0 … 1), for the countdown ring. The frame says
 * when the timer runs next; the interval is what was left when that time was first seen, so the ring needs no
 * copy of the kernel's timeout rules (it starts full after a seek, when the interval's start is unknown).
 */
export class TimerTrack {
  private readonly seen = new Map<string, { readonly at: number; readonly period: number }>();

  fraction(key: string, timer_ms: number, t_ms: number): number {
    let s = this.seen.get(key);
    if (!s || s.at !== timer_ms) {
      s = { at: timer_ms, period: Math.max(1, timer_ms - t_ms) };
      this.seen.set(key, s);
    }
    return Math.min(1, Math.max(0, (timer_ms - t_ms) / s.period));
  }

  /** forget tokens that are gone */
  keep(keys: ReadonlySet<string>): void {
    for (const k of this.seen.keys()) if (!keys.has(k)) this.seen.delete(k);
  }

  clear(): void {
    this.seen.clear();
  }
}
