// Which of a watched client's packets the listener dropped, read from the kernel decisions the worker reports: the
// decision taken for a client's packet carries the same client and the same instant, and a drop at the listener
// moves ListenDrops (tcp_listendrop(): the accept queue or the SYN queue was full) or TCPDeferAcceptDrop.
// A frame carries at most MAX_LOG decisions, so in a flood a drop may go unreported: the ladder then marks nothing.
import type { LogLine } from '../../worker/protocol.ts';

export type DropReason = 'accept_full' | 'syn_full' | 'other';

export const dropKey = (client: number, t_ms: number): string => `${client}@${t_ms}`;

export function dropsOf(log: readonly LogLine[]): ReadonlyMap<string, DropReason> {
  const out = new Map<string, DropReason>();
  for (const l of log) {
    if (l.client === null || !(l.mib.includes('ListenDrops') || l.mib.includes('TCPDeferAcceptDrop'))) continue;
    const why: DropReason = l.mib.includes('ListenOverflows') ? 'accept_full' : l.mib.includes('TCPReqQFullDrop') ? 'syn_full' : 'other';
    out.set(dropKey(l.client, l.t_ms), why);
  }
  return out;
}
