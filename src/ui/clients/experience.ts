// The clients' experiences in the order the page lists them: connect() returned 0 (three fates on the server),
// then the failures, then those still trying. Shared by the clients' view and the ladder's lane heads, which use
// the same names and colours (experience.css: .tone-<experience>).
import type { ClientExperience, WatchedClient } from '../../worker/protocol.ts';
import type { MsgKey } from '../i18n/index.ts';

export const EXPERIENCES: readonly ClientExperience[] = ['accepted', 'queued', 'stalled', 'refused', 'timed_out', 'retrying', 'waiting'];

export const expName = (e: ClientExperience): MsgKey => `clients.exp.${e}`;
export const expSees = (e: ClientExperience): MsgKey => `clients.sees.${e}`;
export const expWhy = (e: ClientExperience): MsgKey => `clients.why.${e}`;

/** What a watched client's application got: a RST after its ACK reset an established connection. */
export function watchedSees(c: WatchedClient): MsgKey {
  if (c.experience === 'refused') return c.acks_sent > 0 ? 'clients.errno_reset' : 'clients.errno_refused';
  return expSees(c.experience);
}
