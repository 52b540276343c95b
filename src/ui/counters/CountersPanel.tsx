// SNMP counters under the kernel's names (TcpExt / Tcp): the value, the change per simulated second and a sparkline
// of the last frames, flashing when a frame moves it. While running they are the namespace's counters at the last
// frame; at the end, the result's (what `npm run sim` prints). Each counter is a toggle button: pressed, the log
// shows only the decisions that moved it.
// Each tile selects its own few primitives from the store, so a frame re-renders only the tiles whose text
// changed; sparklines are d3 views fed by a store subscription and never re-render React.
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AppState } from '../../store/store.ts';
import { createSparklineView } from '../../viz/sparkline.ts';
import { useApp, useAppStore, useBridge, useT } from '../context.ts';
import { KEY_COUNTERS, counterKey, formatter, isKeyCounter, lastMoveKey, nstatName, otherMoved, rateDigits, rateOf, seriesOf, shownCounters, shownRate, valueOf } from './counters.ts';
import './counters.css';

const otherFields = (s: AppState): string[] => {
  const c = shownCounters(s);
  return c ? otherMoved(c).map(([f]) => f) : [];
};

export function CountersPanel() {
  const t = useT();
  const others = useApp(useShallow(otherFields));
  const selected = useApp((s) => s.selectedCounter);
  const othersHeading = useRef<HTMLHeadingElement>(null);
  return (
    <section className="panel counters" aria-labelledby="counters-heading">
      <div className="panel-head">
        <h2 id="counters-heading">{t('counters.heading')}</h2>
        {selected === null ? <p className="note">{t('counters.hint')}</p> : <FilterChip field={selected} />}
      </div>
      <ul className="counter-grid">
        {KEY_COUNTERS.map((f) => (
          <li key={f}>
            <CounterTile field={f} />
          </li>
        ))}
        {others.length > 0 && (
          // the grid's free slot says that more moved: the list is below the fold in a one-screen layout
          <li className="others-jump">
            <button type="button" onClick={() => othersHeading.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' })}>
              {t('counters.others_jump', { n: others.length })}
            </button>
          </li>
        )}
      </ul>
      {others.length > 0 && (
        <>
          <h3 id="counters-others" ref={othersHeading}>
            {t('counters.others')}
          </h3>
          <ul className="counter-others" aria-labelledby="counters-others">
            {others.map((f) => (
              <li key={f}>
                <CounterTile field={f} compact />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Which counter filters the log, and the way back to every line (the selected counter may have left the panel). */
function FilterChip({ field }: { field: string }) {
  const t = useT();
  const bridge = useBridge();
  return (
    <button type="button" className="counter-filter" data-testid="counter-filter" data-field={field} aria-label={t('counters.clear_filter', { name: field })} title={t('counters.clear_filter', { name: field })} onClick={() => bridge.selectCounter(null)}>
      {t('counters.filter', { name: field })}
      <span aria-hidden="true" className="x">
        ×
      </span>
    </button>
  );
}

/** One counter: a toggle button. `compact` (counters outside the key list): no explanation and no sparkline. */
function CounterTile({ field, compact = false }: { field: string; compact?: boolean }) {
  const t = useT();
  const bridge = useBridge();
  const lang = useApp((s) => s.lang);
  const value = useApp((s) => valueOf(s, field));
  const rate = useApp((s) => shownRate(s.history, field));
  const span_s = useApp((s) => spanSeconds(s, field));
  const moveKey = useApp((s) => lastMoveKey(s.history, field));
  const pressed = useApp((s) => s.selectedCounter === field);
  const spark = useSparkline(field, !compact);
  const explain = isKeyCounter(field) ? t(counterKey(field)) : null;
  const rateText = rate === null ? '' : t('counters.rate', { rate: formatter(lang, rateDigits(rate)).format(rate) });
  const title = [
    nstatName(field),
    explain,
    span_s === null ? null : t('counters.rate_title', { span: formatter(lang, 1).format(span_s) }),
    t(pressed ? 'counters.deselect_title' : 'counters.select_title'),
  ].filter((x) => x !== null).join('\n');
  const cls = ['counter', compact ? 'compact' : 'tile', value === 0 ? 'zero' : '', rate ? 'moving' : ''].filter(Boolean).join(' ');
  return (
    <button type="button" className={cls} data-testid={`counter-${field}`} data-value={value ?? ''} data-rate={rate ?? ''} aria-pressed={pressed} title={title} onClick={() => bridge.selectCounter(pressed ? null : field)}>
      {/* remounted (so its animation restarts) each time a frame moves the counter */}
      {moveKey !== null && <span key={moveKey} className="flash" aria-hidden="true" />}
      <span className="head">
        <code className="name">{field}</code>
        {explain !== null && <span className="explain">{explain}</span>}
      </span>
      <span className="num value">{value === null ? '–' : formatter(lang).format(value)}</span>
      {!compact && <span className="spark" ref={spark} aria-hidden="true" />}
      <span className="rate">{rateText}</span>
    </button>
  );
}

/** the simulated time the rate covers, rounded as its tooltip shows it */
function spanSeconds(s: AppState, field: string): number | null {
  const r = rateOf(s.history, field);
  return r === null ? null : Math.round(r.span_ms / 100) / 10;
}

/** Hosts a sparkline view fed with the counter's history by a store subscription (no React render per frame). */
function useSparkline(field: string, enabled: boolean) {
  const store = useAppStore();
  const host = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!enabled || !host.current) return;
    const view = createSparklineView(host.current);
    let drawn: AppState['history'] | null = null;
    const draw = (s: AppState) => {
      if (s.history === drawn) return;
      drawn = s.history;
      view.update({ points: seriesOf(s.history, field) });
    };
    draw(store.getState());
    const unsubscribe = store.subscribe(draw);
    return () => {
      unsubscribe();
      view.destroy();
    };
  }, [store, field, enabled]);
  return host;
}
