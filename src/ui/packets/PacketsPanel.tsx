// The packet ladder between the server and the watched clients. The d3 view is created in an effect and fed by a
// store subscription (no React render per frame); it is handed the packets the store accumulated, the lanes the
// worker reports it watches, and every word already translated.
import { useEffect, useRef } from 'react';
import { createLadderView } from '../../viz/ladder.ts';
import type { AppState } from '../../store/store.ts';
import { useAppStore, useT } from '../context.ts';
import { ladderInputMaker } from './ladder_input.ts';
import { WatchPicker } from './WatchPicker.tsx';
import { ExportMenu } from '../export/ExportMenu.tsx';
import '../clients/experience.css';
import './packets.css';

/** the parts of the state the ladder draws from: anything else changing (the terminal, the log) is no reason to lay it out again */
const drawnFrom = (s: AppState) => [s.packets, s.log, s.run, s.speed] as const;

export function PacketsPanel() {
  const t = useT();
  const store = useAppStore();
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const view = createLadderView(host.current);
    const inputOf = ladderInputMaker(t);
    let seen = drawnFrom(store.getState());
    view.update(inputOf(store.getState()));
    const unsubscribe = store.subscribe((s) => {
      const now = drawnFrom(s);
      if (now.every((x, i) => x === seen[i])) return;
      seen = now;
      view.update(inputOf(s));
    });
    return () => {
      unsubscribe();
      view.destroy();
    };
  }, [store, t]);
  return (
    <section className="panel packets" data-area="packets" aria-labelledby="packets-heading">
      <div className="panel-head">
        <h2 id="packets-heading">{t('packets.heading')}</h2>
        {/* before the picker: on the heading's line when the chips wrap below */}
        <ExportMenu ladder={host} />
        <WatchPicker />
      </div>
      {/* focusable, so the keyboard can scroll the ladder (which stops following the present) */}
      <div ref={host} className="ladder-host" tabIndex={0} role="region" aria-labelledby="packets-heading" />
    </section>
  );
}
