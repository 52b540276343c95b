// How React components reach the store and the bridge: one context, narrow selectors, and the translator.
import { createContext, useContext, useMemo } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from '../store/store.ts';
import type { Bridge } from '../store/bridge.ts';
import { translator, type Translate } from './i18n/index.ts';

export interface AppServices {
  readonly store: AppStore;
  readonly bridge: Bridge;
}

export const AppContext = createContext<AppServices | null>(null);

function useServices(): AppServices {
  const s = useContext(AppContext);
  if (!s) throw new Error('AppContext missing: render inside <AppContext value={…}>');
  return s;
}

/** Select one narrow piece of state; the component re-renders only when it changes. */
export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(useServices().store, selector);
}

export function useAppStore(): AppStore {
  return useServices().store;
}

export function useBridge(): Bridge {
  return useServices().bridge;
}

export function useT(): Translate {
  const lang = useApp((s) => s.lang);
  return useMemo(() => translator(lang), [lang]);
}
