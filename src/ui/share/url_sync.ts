// Keeps the address bar showing the link of the page's state (link_state.ts), cheaply: the store is watched for
// what a link holds (language, scenario, lesson, the cursor), and the address bar is rewritten at most once a
// second while a run plays (once shortly after a change otherwise), never per frame. The moment comes from the
// worker (bridge.getMoment). replaceState: these are not navigation history. Nothing is written while a link
// opens (a reload then opens the same link) or before the first run is live.
import type { Bridge } from '../../store/bridge.ts';
import type { AppState, AppStore } from '../../store/store.ts';
import { currentLink } from './current_link.ts';
import type { LinkOpener } from './open_link.ts';

export interface UrlSyncDeps {
  readonly store: AppStore;
  readonly bridge: Bridge;
  readonly opener: Pick<LinkOpener, 'busy'>;
  /** the page's URL now */
  read(): URL;
  /** replace it (history.replaceState) */
  write(url: URL): void;
}

/** while playing: at most one rewrite per this many ms (a rewrite of a long link costs the page a frame or more;
 *  Copy link builds its link at the click, and a pause brings the address bar up to date within SETTLE_MS) */
export const PLAYING_MS = 3000;
/** after a discrete change (a step, a knob, a language): soon, but once for a burst of changes */
export const SETTLE_MS = 150;

/** What a link holds, as one comparable string (the moment's changes show up as notices and terminal lines,
 *  counted by the caller). */
function keyOf(s: AppState): string | null {
  if (s.run.phase !== 'live') return null;
  const f = s.run.frame;
  const l = s.lesson;
  return [s.lang, s.gen, s.selected, s.custom, s.scenarioText?.length, f.events, f.playing, l?.id, l?.step, l?.seed, s.terminal.length].join('|');
}

export function startUrlSync({ store, bridge, opener, read, write }: UrlSyncDeps): { stop(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastKey: string | null = null;
  let stopped = false;
  // a notice is a new object with each act (the same act twice is still a change): counted, not compared
  let notices = 0;
  let lastNotice: unknown = null;

  async function flush(): Promise<void> {
    timer = null;
    if (stopped) return;
    if (opener.busy()) return schedule(SETTLE_MS * 2);
    const url = await currentLink(store, bridge, read);
    if (stopped || url === null || opener.busy()) return;
    if (url.href !== read().href) write(url);
  }

  function schedule(ms: number): void {
    if (timer === null && !stopped) timer = setTimeout(() => void flush(), ms);
  }

  const unsub = store.subscribe((s) => {
    if (s.notice !== lastNotice) {
      lastNotice = s.notice;
      notices++;
    }
    const key = keyOf(s);
    if (key === null || `${key}|${notices}` === lastKey) return;
    lastKey = `${key}|${notices}`;
    schedule(s.run.phase === 'live' && s.run.frame.playing ? PLAYING_MS : SETTLE_MS);
  });

  return {
    stop() {
      stopped = true;
      unsub();
      if (timer !== null) clearTimeout(timer);
    },
  };
}
