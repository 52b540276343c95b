// Seeks for a dragged or key-held timeline, at the worker's pace: one seek in flight at a time; while it runs, only
// the latest wanted target is kept, and it is sent when the worker's answer (a frame that replaces the page's
// picture) arrives. A drag across a long run thus sends a handful of seeks, not hundreds that the worker would
// replay one after another long after the pointer stopped.
import type { SeekTarget } from '../../worker/protocol.ts';
import type { AppState, AppStore } from '../../store/store.ts';

/** an answer that never comes (an error, a worker that was replaced) must not block seeking for good */
export const SEEK_TIMEOUT_MS = 2000;

export interface Seeker {
  /** seek there now, or as soon as the seek in flight is answered (replacing any target still waiting) */
  to(target: SeekTarget): void;
  /** where the run is going: the target waiting or in flight, else null (the frame is where it is) */
  heading(): SeekTarget | null;
  destroy(): void;
}

const frameOf = (s: AppState) => (s.run.phase === 'live' ? s.run.frame : null);

export function createSeeker(store: AppStore, send: (to: SeekTarget) => void, timeoutMs = SEEK_TIMEOUT_MS): Seeker {
  let inFlight: SeekTarget | null = null;
  let waiting: SeekTarget | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function fire(to: SeekTarget): void {
    inFlight = to;
    send(to);
    timer = setTimeout(settle, timeoutMs);
  }

  function settle(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    inFlight = null;
    const next = waiting;
    waiting = null;
    if (next) fire(next);
  }

  // the worker answers a seek with a frame whose `replace` is set (a 'result' frame when it reached the end);
  // frames of play sent before the seek was handled do not have it
  const unsubscribe = store.subscribe((s, prev) => {
    if (inFlight === null) return;
    const f = frameOf(s);
    if ((f && f !== frameOf(prev) && f.replace) || (s.problem !== prev.problem && s.problem !== null)) settle();
  });

  return {
    to(target) {
      if (inFlight) waiting = target;
      else fire(target);
    },
    heading: () => waiting ?? inFlight,
    destroy() {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    },
  };
}
