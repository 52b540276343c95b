// Which counters the page always shows, in teaching order: the listen path's drops and overflows first, then
// cookies, then retransmits and opens. Any other counter appears when it moves.
import type { CounterField, Counters } from '../../worker/protocol.ts';
import type { MsgKey } from '../i18n/index.ts';

export const KEY_COUNTERS = [
  'ListenOverflows',
  'ListenDrops',
  'TCPReqQFullDrop',
  'TCPReqQFullDoCookies',
  'SyncookiesSent',
  'SyncookiesRecv',
  'SyncookiesFailed',
  'TCPSynRetrans',
  'TCPTimeouts',
  'PassiveOpens',
  'EmbryonicRsts',
] as const satisfies readonly CounterField[];
export type KeyCounter = (typeof KEY_COUNTERS)[number];

/** A compile error here means a key counter lacks its description in the messages. */
export const counterKey = (f: KeyCounter): MsgKey => `counter.${f}`;

export function otherMoved(c: Counters): [CounterField, number][] {
  const key: readonly string[] = KEY_COUNTERS;
  return (Object.entries(c) as [CounterField, number][]).filter(([f, v]) => v !== 0 && !key.includes(f));
}
