// Keeps the address bar, <html lang> and the document title in step with the viewer's choices, so a link reopens
// what runs in the same language: ?preset=<id> for a preset, #scenario=<base64url> for a scenario opened from a
// link (kept only while that scenario runs). A #scenario= link pasted into the address bar of an open page opens
// too. replaceState: choices are not navigation history.
import { useEffect } from 'react';
import { useApp, useBridge, useT } from './context.ts';
import { LINK_LABEL, LINK_PREFIX, readScenarioHash } from './scenario/link.ts';

export function useUrlSync(): void {
  const t = useT();
  const bridge = useBridge();
  const lang = useApp((s) => s.lang);
  const selected = useApp((s) => s.selected);
  const custom = useApp((s) => s.custom);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${t('app.title')} · ${t('app.tagline')}`;
    const url = new URL(window.location.href);
    url.searchParams.set('lang', lang);
    if (selected) url.searchParams.set('preset', selected);
    else if (custom !== null) url.searchParams.delete('preset');
    // the link's scenario no longer runs: reloading must not bring it back
    if ((selected !== null || (custom !== null && custom !== LINK_LABEL)) && url.hash.startsWith(LINK_PREFIX)) url.hash = '';
    if (url.href !== window.location.href) window.history.replaceState(null, '', url);
  }, [lang, selected, custom, t]);
  useEffect(() => {
    const open = () => {
      const link = readScenarioHash(window.location.hash);
      if (link.kind === 'text') bridge.loadText(link.text, LINK_LABEL);
      else if (link.kind === 'bad') bridge.report(link.problem);
    };
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  }, [bridge]);
}
