// Hosts the d3 queue picture. The view is created in an effect and destroyed in its cleanup; frames reach it
// through a store subscription (transient updates), so 30 frames a second never re-render React. The picture
// is told only about a new frame, a new speed or a new language, not about every change of the store.
import { useEffect, useMemo, useRef } from 'react';
import { createQueuesView, type QueueFrame, type QueuesLabels } from '../../viz/queues.ts';
import type { AppState } from '../../store/store.ts';
import { useApp, useAppStore, useT } from '../context.ts';
import { queuesLabels } from './labels.ts';
import { motionMs } from './motion.ts';
import './queues.css';

const frameOf = (s: AppState): QueueFrame | null => (s.run.phase === 'live' ? s.run.frame : null);

export function QueuesPanel() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const labels = useMemo(() => queuesLabels(t, lang), [t, lang]);
  const labelsRef = useRef<QueuesLabels>(labels);
  const redraw = useRef<(() => void) | null>(null);
  const store = useAppStore();
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const view = createQueuesView(host.current);
    const reduced = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-reduced-motion: reduce)') : null;
    let shown: { frame: QueueFrame | null; ms: number; labels: QueuesLabels } | null = null;
    const push = (s: AppState) => {
      const frame = frameOf(s);
      const ms = motionMs(s.speed, reduced?.matches ?? false);
      const labels = labelsRef.current;
      if (shown && shown.frame === frame && shown.ms === ms && shown.labels === labels) return;
      shown = { frame, ms, labels };
      view.update({ frame, labels, duration_ms: ms });
    };
    push(store.getState());
    redraw.current = () => push(store.getState());
    const unsubscribe = store.subscribe(push);
    return () => {
      unsubscribe();
      redraw.current = null;
      view.destroy();
    };
  }, [store]);
  useEffect(() => {
    labelsRef.current = labels;
    redraw.current?.();
  }, [labels]);
  return (
    <section className="panel queues" aria-labelledby="queues-heading">
      <div className="panel-head">
        <h2 id="queues-heading">{t('queues.heading')}</h2>
        <p className="note">{t('queues.legend')}</p>
      </div>
      <div ref={host} className="queues-host" />
    </section>
  );
}
