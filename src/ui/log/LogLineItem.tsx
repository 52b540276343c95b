// One decision of the log: when (a button that moves the run to right after it), what happened (a button that
// opens why: what the kernel checked, and the branch in the kernel's terms), the kernel function that decided it
// (linked to its v6.18 source) and the counters it moved, as chips that filter the log. Memoized on the line object: the store keeps lines as they arrived, so a
// new frame renders only its new lines.
import { memo, useLayoutEffect, useRef } from 'react';
import type { LogLine } from '../../worker/protocol.ts';
import type { Lang } from '../../store/prefs.ts';
import type { Translate } from '../i18n/index.ts';
import { chipsOf, formatTime, narrate, sameAsAbove } from './narrate.ts';
import { Chips } from './Chips.tsx';

interface Props {
  readonly line: LogLine;
  /** the client it concerns (see rows.ts) */
  readonly client: number | null;
  /** the line above says the same: say so instead of repeating it */
  readonly same: boolean;
  /** the line shows why */
  readonly open: boolean;
  /** the viewer clicked the line to open or close it */
  readonly onToggle: (seq: number) => void;
  readonly t: Translate;
  readonly lang: Lang;
  readonly selected: string | null;
  readonly onChip: (field: string) => void;
  /** move the run to right after this decision */
  readonly onSeek: (line: LogLine) => void;
  /** the viewer opened this line to read it */
  readonly onRead: (item: HTMLElement) => void;
}

export const LogLineItem = memo(function LogLineItem({ line, client, same, open, onToggle, t, lang, selected, onChip, onSeek, onRead }: Props) {
  const item = useRef<HTMLLIElement>(null);
  // a line the viewer opens shows its explanation whole, even at the bottom of a small panel, and stays put
  const opened = useRef(false);
  useLayoutEffect(() => {
    if (!opened.current || !item.current) return;
    opened.current = false;
    if (!open) return;
    item.current.scrollIntoView?.({ block: 'nearest' });
    onRead(item.current);
  }, [open, onRead]);
  const toggle = () => {
    opened.current = true;
    onToggle(line.seq);
  };
  const n = narrate(line, t, lang, client);
  const chips = chipsOf(line.mib, selected);
  const fnText = `${n.fn}()`;
  const time = formatTime(line.t_ms);
  const whyId = `log-why-${line.seq}`;
  return (
    <li ref={item} className={`log-line${same ? ' same' : ''}${open ? ' open' : ''}`} data-testid="log-line" data-key={line.seq} data-seq={line.seq} data-code={line.code} data-fn={line.fn} data-mib={line.mib.join(' ')}>
      <button type="button" className="log-t num" aria-label={t('log.seek_label', { time })} title={t('log.seek_label', { time })} onClick={() => onSeek(line)}>
        {time}
      </button>
      <div className="log-body">
        <button type="button" className="log-text" aria-expanded={open} aria-controls={open ? whyId : undefined} title={same ? n.text : t('log.explain_title')} onClick={toggle}>
          {same ? sameAsAbove(line, client, t) : n.text}
        </button>{' '}
        <a
          className="log-fn"
          href={n.url}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={t('log.fn_label', { fn: fnText, file: n.file ?? 'linux' })}
          title={n.file ?? undefined}
        >
          <code>{fnText}</code>
        </a>
        <Chips chips={chips} selected={selected} t={t} onChip={onChip} />
        {open && (
          <div className="log-why" id={whyId} data-testid="log-why">
            {same && <p>{n.text}</p>}
            {n.why && <p>{n.why}</p>}
            <code className="log-branch">{n.branch}</code>
          </div>
        )}
      </div>
    </li>
  );
});
