// The link of this very moment: the store's state and the worker's moment (event count and changes), asked for
// when the link is needed, so a link copied while playing reopens the instant of the click.
import type { Bridge, Moment } from '../../store/bridge.ts';
import type { AppStore } from '../../store/store.ts';
import { linkInputOf } from './from_store.ts';
import { linkOf } from './link_state.ts';

/** a worker that does not answer (a broken run) must not hang the page's link */
const MOMENT_WAIT_MS = 3000;

export function momentOf(bridge: Bridge): Promise<Moment | null> {
  return Promise.race([bridge.getMoment(), new Promise<null>((r) => setTimeout(() => r(null), MOMENT_WAIT_MS))]);
}

/** The link that reopens the page's state now, made from `base()` (the page's URL once the moment is known: its
 *  other parameters, e.g. ?projector=, may have changed meanwhile); null while no run is open. */
export async function currentLink(store: AppStore, bridge: Bridge, base: () => URL): Promise<URL | null> {
  if (store.getState().run.phase !== 'live') return null;
  const moment = await momentOf(bridge);
  if (moment === null) return null;
  return linkOf(base(), linkInputOf(store.getState(), moment));
}

/** query parameters of the embedded page that a link to the full app leaves out */
const EMBED_ONLY = ['embed', 'panels', 'controls', 'origin'];

/** The full app's URL for the same state as an embedded page's `href`. */
export function fullAppUrl(href: string): URL {
  const url = new URL(href);
  for (const p of EMBED_ONLY) url.searchParams.delete(p);
  return url;
}
