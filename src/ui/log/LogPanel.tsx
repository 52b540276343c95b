// What happened: the narrated kernel log. One line per kernel decision, newest at the bottom; the list follows
// new lines unless the viewer scrolled up to read (then a "Latest" button brings it back). The counter selected
// in the counters panel (or with a chip here) filters the log to the decisions that moved it.
import { Fragment, useCallback, useMemo, useState } from 'react';
import { useApp, useAppStore, useBridge, useT } from '../context.ts';
import { numberFormat } from '../i18n/index.ts';
import type { LogLine } from '../../worker/protocol.ts';
import { LogLineItem } from './LogLineItem.tsx';
import { formatTime } from './narrate.ts';
import { logRows, movedBy, type LineRow } from './rows.ts';
import { LogRepeats, foldKey } from './LogRepeats.tsx';
import { useFollow } from './useFollow.ts';
import { useToggleSet } from './useToggleSet.ts';
import './log.css';

export function LogPanel() {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const log = useApp((s) => s.log);
  const skipped = useApp((s) => s.log_skipped);
  const selected = useApp((s) => s.selectedCounter);
  const gen = useApp((s) => s.gen);
  const bridge = useBridge();
  const store = useAppStore();
  const fmt = numberFormat(lang);
  const [explainAll, setExplainAll] = useState(false);
  /** lines of this run the viewer opened or closed one by one (against "Explain all"); they never fold away */
  const [flipped, toggleLine] = useToggleSet<number>(gen);
  /** folds of repeats the viewer opened (by foldKey), per run and filter: a run reads differently among other lines */
  const [openFolds, toggleFold] = useToggleSet<string>(`${gen}|${selected}`);
  const rows = useMemo(() => logRows(log, selected, flipped), [log, selected, flipped]);
  const shown = useMemo(() => (selected === null ? log.length : log.filter((l) => movedBy(l, selected)).length), [log, selected]);

  // a new filter, or a new run, starts at the newest line again
  const { scroller, away, onScroll, toLatest, hold } = useFollow('.log-list > li', rows, `${selected}|${log.length === 0}`);

  const onChip = useCallback((field: string) => bridge.selectCounter(field === selected ? null : field), [bridge, selected]);
  // the clicked decision becomes the newest line: follow it there (and pause, or playing on would move away at once)
  const onSeek = useCallback(
    (line: LogLine) => {
      const s = store.getState();
      if (s.run.phase === 'live' && s.run.frame.playing) bridge.pause();
      toLatest();
      bridge.seek({ events: line.event });
    },
    [bridge, store, toLatest],
  );
  const lineItem = (r: LineRow) => (
    <LogLineItem key={r.line.seq} line={r.line} client={r.client} same={r.same} open={explainAll !== flipped.has(r.line.seq)} onToggle={toggleLine} t={t} lang={lang} selected={selected} onChip={onChip} onSeek={onSeek} onRead={hold} />
  );

  return (
    <section className="panel log" aria-labelledby="log-heading">
      <div className="panel-head">
        <h2 id="log-heading">{t('log.heading')}</h2>
        {skipped > 0 && (
          <p className="note log-skipped" data-testid="log-skipped" data-value={skipped} title={t('log.skipped_title')}>
            {t('log.skipped_total', { n: fmt.format(skipped) })}
          </p>
        )}
        {away && rows.length > 0 && (
          <button type="button" className="log-latest" onClick={toLatest}>
            {t('log.latest')}
          </button>
        )}
        <button type="button" className="log-explain-all" aria-pressed={explainAll} title={t('log.explain_all_title')} onClick={() => setExplainAll((x) => !x)}>
          {t('log.explain_all')}
        </button>
      </div>
      {selected !== null && (
        <div className="log-filter" data-testid="log-filter" data-counter={selected}>
          <span className="log-filter-text" title={skipped > 0 ? t('log.filter_partial') : undefined}>
            {t('log.filter', { counter: selected, n: fmt.format(shown), total: fmt.format(log.length) })}
            {skipped > 0 && <span className="note"> · {t('log.filter_partial')}</span>}
          </span>
          <button type="button" onClick={() => bridge.selectCounter(null)} aria-label={t('log.filter_clear_label', { counter: selected })}>
            {t('log.filter_clear')}
          </button>
        </div>
      )}
      <div className="log-scroll" ref={scroller} onScroll={onScroll} tabIndex={0} role="group" aria-labelledby="log-heading">
        <div className="log-content">
          {rows.length === 0 ? (
            <p className="log-empty note">{selected === null ? t('log.empty') : t('log.empty_filtered', { counter: selected })}</p>
          ) : (
            <ol className="log-list" aria-label={t('log.list')} data-testid="log-list">
              {rows.map((r) => {
                switch (r.kind) {
                  case 'line':
                    return lineItem(r);
                  case 'repeats': {
                    const key = foldKey(r.rows);
                    const isOpen = openFolds.has(key);
                    return (
                      <Fragment key={key}>
                        <LogRepeats rows={r.rows} open={isOpen} onToggle={() => toggleFold(key)} t={t} lang={lang} selected={selected} onChip={onChip} onRead={hold} />
                        {isOpen && r.rows.map(lineItem)}
                      </Fragment>
                    );
                  }
                  case 'earlier':
                    return (
                      <li key="earlier" data-key="earlier" className="log-gap" data-testid="log-gap" data-n={r.n}>
                        {t('log.earlier', { n: fmt.format(r.n) })}
                      </li>
                    );
                  case 'gap':
                    return (
                      <li key={`gap-${r.next_seq}`} data-key={`gap-${r.next_seq}`} className="log-gap" data-testid="log-gap" data-n={r.n}>
                        {t('log.gap', { n: fmt.format(r.n), from: formatTime(r.from_ms), to: formatTime(r.to_ms) })}
                      </li>
                    );
                }
              })}
            </ol>
          )}
        </div>
      </div>
    </section>
  );
}
