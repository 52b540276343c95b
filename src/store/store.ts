// The one app store: small typed slices side by side. It holds what the worker reported and what the viewer
// chose; nothing derived (peaks, fill ratios, labels) is stored. Writers are the bridge (setState); React reads
// with narrow selectors, and per-frame pictures subscribe instead of re-rendering.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { initialPresets, type PresetsSlice } from './presets.ts';
import { initialRun, type RunSlice } from './run.ts';
import { initialPrefs, type Lang, type PrefsSlice } from './prefs.ts';
import { initialLive, type LiveSlice } from './live.ts';
import { initialLesson, type LessonSlice } from './lesson.ts';

export type AppState = PresetsSlice & RunSlice & PrefsSlice & LiveSlice & LessonSlice;
export type AppStore = StoreApi<AppState>;

export function createAppStore(lang: Lang): AppStore {
  return createStore<AppState>()(() => ({ ...initialPresets, ...initialRun, ...initialPrefs(lang), ...initialLive, ...initialLesson }));
}
