// Keeps the address bar, <html lang> and the document title in step with the viewer's choices, so a link
// reopens the same preset in the same language. replaceState: choices are not navigation history.
import { useEffect } from 'react';
import { useApp, useT } from './context.ts';

export function useUrlSync(): void {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const selected = useApp((s) => s.selected);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${t('app.title')} · ${t('app.tagline')}`;
    const url = new URL(window.location.href);
    url.searchParams.set('lang', lang);
    if (selected) url.searchParams.set('preset', selected);
    if (url.href !== window.location.href) window.history.replaceState(null, '', url);
  }, [lang, selected, t]);
}
