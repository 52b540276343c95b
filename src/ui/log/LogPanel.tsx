// What happened: the narrated kernel log. One line per kernel decision, newest at the bottom; the list follows
// new lines unless the viewer scrolled up to read (then a "Latest" button brings it back). The counter selected
// in the counters panel (or with a chip here) filters the log to the decisions that moved it.
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useApp, useBridge, useT } from '../context.ts';
import { numberFormat } from '../i18n/index.ts';
import { LogLineItem } from './LogLineItem.tsx';
import { formatTime } from './narrate.ts';
import { logRows } from './rows.ts';
import './log.css';

/** how close to the bottom (px) still counts as "at the bottom": rounding and a half-rendered line */
const STICK_PX = 12;

export function LogPanel() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const log = useApp((s) => s.log);
  const skipped = useApp((s) => s.log_skipped);
  const selected = useApp((s) => s.selectedCounter);
  const bridge = useBridge();
  const fmt = numberFormat(lang);
  const rows = useMemo(() => logRows(log, selected), [log, selected]);
  const shown = selected === null ? log.length : rows.length;

  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const [away, setAway] = useState(false);
  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight <= STICK_PX;
    stick.current = atBottom;
    setAway(!atBottom);
  };
  const toLatest = () => {
    stick.current = true;
    setAway(false);
    scroller.current?.scrollTo({ top: scroller.current.scrollHeight });
  };
  // a new run or a new filter starts at the newest line again (the effect below then scrolls there)
  useLayoutEffect(() => {
    stick.current = true;
  }, [selected]);
  useLayoutEffect(() => {
    if (log.length === 0) stick.current = true;
  }, [log.length]);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [rows]);

  const onChip = useCallback((field: string) => bridge.selectCounter(field === selected ? null : field), [bridge, selected]);

  return (
    <section className="panel log" aria-labelledby="log-heading">
      <div className="panel-head">
        <h2 id="log-heading">{t('log.heading')}</h2>
        {skipped > 0 && (
          <p className="note log-skipped" data-testid="log-skipped" data-value={skipped}>
            {t('log.skipped_total', { n: fmt.format(skipped) })}
          </p>
        )}
      </div>
      {selected !== null && (
        <div className="log-filter" data-testid="log-filter" data-counter={selected}>
          <span>{t('log.filter', { counter: selected, n: fmt.format(shown), total: fmt.format(log.length) })}</span>
          {skipped > 0 && <span className="note">{t('log.filter_partial')}</span>}
          <button type="button" onClick={() => bridge.selectCounter(null)} aria-label={t('log.filter_clear_label', { counter: selected })}>
            {t('log.filter_clear')}
          </button>
        </div>
      )}
      <div className="log-scroll" ref={scroller} onScroll={onScroll} tabIndex={0} aria-labelledby="log-heading">
        {rows.length === 0 ? (
          <p className="log-empty note">{selected === null ? t('log.empty') : t('log.empty_filtered', { counter: selected })}</p>
        ) : (
          <ol className="log-list" aria-label={t('log.list')} data-testid="log-list">
            {rows.map((r) => {
              switch (r.kind) {
                case 'line':
                  return <LogLineItem key={r.line.seq} line={r.line} client={r.client} same={r.same} t={t} lang={lang} selected={selected} onChip={onChip} />;
                case 'earlier':
                  return (
                    <li key="earlier" className="log-gap" data-testid="log-gap" data-n={r.n}>
                      {t('log.earlier', { n: fmt.format(r.n) })}
                    </li>
                  );
                case 'gap':
                  return (
                    <li key={`gap-${r.next_seq}`} className="log-gap" data-testid="log-gap" data-n={r.n}>
                      {t('log.gap', { n: fmt.format(r.n), from: formatTime(r.from_ms), to: formatTime(r.to_ms) })}
                    </li>
                  );
              }
            })}
          </ol>
        )}
      </div>
      {away && rows.length > 0 && (
        <button type="button" className="log-latest" onClick={toLatest}>
          {t('log.latest')}
        </button>
      )}
    </section>
  );
}
