// A live region for screen readers: after each step, step back or seek it says what the kernel did (see
// timeline/narration.ts); while playing it says only that it plays (a flood would otherwise talk over itself).
// Fed by a store subscription: it renders only when there is something new to say.
import { useEffect, useRef, useState } from 'react';
import type { AppState } from '../store/store.ts';
import { useApp, useAppStore, useT } from './context.ts';
import { narrationOf } from './timeline/narration.ts';

const frameOf = (s: AppState) => (s.run.phase === 'live' ? s.run.frame : null);

export function LiveNarration() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const store = useAppStore();
  const [text, setText] = useState('');
  const words = useRef({ t, lang });
  useEffect(() => {
    words.current = { t, lang };
  }, [t, lang]);
  useEffect(() => {
    let last: { gen: number; events: number; t_ms: number; playing: boolean; done: boolean } | null = null;
    const hear = (s: AppState) => {
      const f = frameOf(s);
      if (!f) return;
      const now = { gen: s.gen, events: f.events, t_ms: f.t_ms, playing: f.playing, done: f.done };
      const was = last;
      last = now;
      // a scenario just opened: nothing happened yet
      if (!was || was.gen !== now.gen) return;
      if (now.playing) {
        if (!was.playing) setText(words.current.t('live.playing'));
        return;
      }
      if (was.events === now.events && was.t_ms === now.t_ms && was.done === now.done && !was.playing) return;
      setText(narrationOf(f, s.log, words.current.t, words.current.lang));
    };
    hear(store.getState());
    return store.subscribe(hear);
  }, [store]);
  return (
    <div className="sr-only" role="status" aria-live="polite" aria-atomic="true" aria-label={t('live.label')} data-testid="live-narration">
      {text}
    </div>
  );
}
