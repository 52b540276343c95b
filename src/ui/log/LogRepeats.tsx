// A folded run of repeats: "7 more like this, for clients 12–18, until 0.280 s", with the counters the whole run
// moved (ListenOverflows ×7). It opens into its lines, which the panel then lists one by one.
import { memo, useLayoutEffect, useRef } from 'react';
import type { Lang } from '../../store/prefs.ts';
import { numberFormat, type Translate } from '../i18n/index.ts';
import { chipsOf, formatTime } from './narrate.ts';
import { clientSpan, type LineRow } from './rows.ts';
import { Chips } from './Chips.tsx';

interface Props {
  readonly rows: readonly LineRow[];
  readonly open: boolean;
  readonly onToggle: () => void;
  readonly t: Translate;
  readonly lang: Lang;
  readonly selected: string | null;
  readonly onChip: (field: string) => void;
  /** the viewer opened the run to read it */
  readonly onRead: (item: HTMLElement) => void;
}

/**
 * A fold is redrawn only when its run changes: the rows are rebuilt with every frame, but a run that starts with
 * the same line and holds as many lines holds the same lines (the log only grows at its end).
 */
function sameRun(a: Props, b: Props): boolean {
  const ra = a.rows;
  const rb = b.rows;
  return ra.length === rb.length && ra[0].line === rb[0].line && ra[ra.length - 1].line === rb[rb.length - 1].line
    && a.open === b.open && a.t === b.t && a.lang === b.lang && a.selected === b.selected && a.onChip === b.onChip && a.onRead === b.onRead;
}

/** The key of a fold: its first line's, so it keeps its place while the run grows. */
export const foldKey = (rows: readonly LineRow[]) => `rep-${rows[0].line.seq}`;

export const LogRepeats = memo(function LogRepeats({ rows, open, onToggle, t, lang, selected, onChip, onRead }: Props) {
  const item = useRef<HTMLLIElement>(null);
  const opened = useRef(false);
  useLayoutEffect(() => {
    if (!opened.current || !open || !item.current) return;
    opened.current = false;
    onRead(item.current);
  }, [open, onRead]);
  const toggle = () => {
    opened.current = true;
    onToggle();
  };
  const mib = rows.flatMap((r) => r.line.mib);
  const clients = clientSpan(rows);
  const vars = { n: numberFormat(lang).format(rows.length), to: formatTime(rows[rows.length - 1].line.t_ms) };
  return (
    <li ref={item} className="log-repeats" data-testid="log-repeats" data-key={foldKey(rows)} data-open={open} data-n={rows.length} data-first={rows[0].line.seq} data-last={rows[rows.length - 1].line.seq} data-mib={mib.join(' ')}>
      <span className="log-t num">{formatTime(rows[0].line.t_ms)}</span>
      <div className="log-body">
        <button type="button" className="log-text" aria-expanded={open} title={t('log.repeats_title')} onClick={toggle}>
          <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
          {clients === null ? t('log.repeats', vars) : t(clients.one ? 'log.repeats_client' : 'log.repeats_clients', { ...vars, clients: clients.text })}
        </button>
        <Chips chips={chipsOf(mib, selected)} selected={selected} t={t} onChip={onChip} />
      </div>
    </li>
  );
}, sameRun);
