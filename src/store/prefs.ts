// Slice: the viewer's choices that are not part of any run.
export type Lang = 'en' | 'zh-CN';
export const LANGS: readonly Lang[] = ['en', 'zh-CN'];

/** simulated milliseconds per wall-clock millisecond */
export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 100, 1000] as const;
export type Speed = (typeof SPEEDS)[number];

export interface PrefsSlice {
  readonly lang: Lang;
  readonly speed: Speed;
  /** projector mode: large type, high contrast, thick lines (`?projector=1`, the header's toggle, P) */
  readonly projector: boolean;
  /** the keyboard shortcuts' help overlay is open (?, the header's ? button) */
  readonly help: boolean;
}

export function isLang(x: string | null): x is Lang {
  return x !== null && (LANGS as readonly string[]).includes(x);
}

export const initialPrefs = (lang: Lang): PrefsSlice => ({ lang, speed: 0.25, projector: false, help: false });
