// Hosts the d3 queue picture. The view is created in an effect and destroyed in its cleanup; frames reach it
// through a store subscription (transient updates), so 30 frames a second never re-render React.
import { useEffect, useRef } from 'react';
import { createQueuesView, type QueuesInput } from '../../viz/queues.ts';
import type { AppState } from '../../store/store.ts';
import type { QueueGauge } from '../../worker/protocol.ts';
import { useAppStore, useT } from '../context.ts';
import type { Translate } from '../i18n/index.ts';

/** a change animates over at most one frame interval of the slowest speed, and faster when playing fast */
const BASE_ANIM_MS = 160;

function inputOf(s: AppState, t: Translate): QueuesInput {
  const f = s.run.phase === 'live' ? s.run.frame : null;
  const status = (g: QueueGauge | undefined) => {
    if (!g || g.limit === 0) return t('queues.not_listening');
    const count = t('queues.count', { len: g.len, limit: g.limit });
    return g.len >= g.limit ? `${count} · ${t('queues.full')}` : count;
  };
  const row = (key: 'syn' | 'accept', g: QueueGauge | undefined) => ({
    key,
    testid: `${key}-queue`,
    label: t(`queues.${key}`),
    hint: t(`queues.${key}_hint`),
    len: g?.len ?? 0,
    limit: g?.limit ?? 0,
    status: status(g),
  });
  return {
    rows: [row('syn', f?.syn_queue), row('accept', f?.accept_queue)],
    duration_ms: Math.round(BASE_ANIM_MS / Math.max(1, s.speed)),
  };
}

export function QueuesPanel() {
  const t = useT();
  const store = useAppStore();
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const view = createQueuesView(host.current);
    view.update(inputOf(store.getState(), t));
    const unsubscribe = store.subscribe((s) => view.update(inputOf(s, t)));
    return () => {
      unsubscribe();
      view.destroy();
    };
  }, [store, t]);
  return (
    <section className="panel queues" aria-labelledby="queues-heading">
      <div className="panel-head">
        <h2 id="queues-heading">{t('queues.heading')}</h2>
        <p className="note">{t('queues.capacity_note')}</p>
      </div>
      <div ref={host} className="queues-host" />
    </section>
  );
}
