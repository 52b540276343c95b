// Keeps the address bar, <html lang> and the document title in step with the page, so the address bar is always a
// link to what is on screen (share/link_state.ts: ?lang=, ?preset= or #scenario=, the lesson, the cursor and the
// changes). A link pasted into the address bar of an open page opens too (its fragment changes: 'hashchange').
import { useEffect } from 'react';
import { useApp, useAppStore, useBridge, useT } from './context.ts';
import { readLink } from './share/link_state.ts';
import { linkOpener } from './share/open_link.ts';
import { startUrlSync } from './share/url_sync.ts';

export function useUrlSync(): void {
  const t = useT();
  const store = useAppStore();
  const bridge = useBridge();
  const lang = useApp((s) => s.lang);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${t('app.title')} · ${t('app.tagline')}`;
  }, [lang, t]);
  useEffect(() => {
    const opener = linkOpener(store, bridge);
    const sync = startUrlSync({
      store,
      bridge,
      opener,
      read: () => new URL(window.location.href),
      write: (url) => window.history.replaceState(window.history.state, '', url),
    });
    const open = () => void opener.open(readLink(new URL(window.location.href)));
    window.addEventListener('hashchange', open);
    return () => {
      sync.stop();
      window.removeEventListener('hashchange', open);
    };
  }, [store, bridge]);
}
