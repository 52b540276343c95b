// Projector mode: the page as a room sees it on a projector. The whole app is zoomed so the layout made for
// 1366×768 fills the screen (at 1920×1080: ×1.4, as a browser zoom of 140 % would, but without the viewer
// having to find it), and projector.css raises contrast and line widths through the theme's variables. It is a
// class on <html> (`projector`), so any panel can adapt with `.projector …` rules or the variables alone.
// `?projector=1` opens the page in it; the address bar keeps the choice.
import { useLayoutEffect } from 'react';
import type { AppStore } from '../../store/store.ts';
import { useApp, useAppStore } from '../context.ts';
import './projector.css';

export const PROJECTOR_PARAM = 'projector';
/** the screen the page's layout is made for */
const BASE_W = 1366;
const BASE_H = 768;
const MAX_ZOOM = 2.5;

/** The zoom that makes the 1366×768 layout fill a w×h viewport (never below 1: a smaller screen keeps the type). */
export function projectorZoom(w: number, h: number): number {
  return Math.min(MAX_ZOOM, Math.max(1, Math.floor(Math.min(w / BASE_W, h / BASE_H) * 100) / 100));
}

export function setProjector(store: AppStore, on: boolean): void {
  store.setState({ projector: on });
}

export function useProjector(): void {
  const store = useAppStore();
  const on = useApp((s) => s.projector);
  useLayoutEffect(() => {
    if (new URLSearchParams(window.location.search).get(PROJECTOR_PARAM) === '1') setProjector(store, true);
  }, [store]);
  useLayoutEffect(() => {
    const root = document.documentElement;
    root.classList.toggle('projector', on);
    const fit = () => root.style.setProperty('--projector-zoom', String(projectorZoom(window.innerWidth, window.innerHeight)));
    if (on) {
      fit();
      window.addEventListener('resize', fit);
    } else {
      root.style.removeProperty('--projector-zoom');
    }
    const url = new URL(window.location.href);
    if (on) url.searchParams.set(PROJECTOR_PARAM, '1');
    else url.searchParams.delete(PROJECTOR_PARAM);
    if (url.href !== window.location.href) window.history.replaceState(null, '', url);
    return () => window.removeEventListener('resize', fit);
  }, [on]);
}
