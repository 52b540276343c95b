// One decision of the log: when, the sentence, the kernel function (linked to its v6.18 source) and branch that
// took it, and the counters it moved as chips that filter the log. Memoized on the line object: the store keeps
// lines as they arrived, so a new frame renders only its new lines.
import { memo } from 'react';
import type { LogLine } from '../../worker/protocol.ts';
import type { Lang } from '../../store/prefs.ts';
import type { Translate } from '../i18n/index.ts';
import { chipsOf, formatTime, narrate, sameAsAbove } from './narrate.ts';

/** Colour families for the chips: what was lost, what cookies did, everything else. */
const CHIP_KIND: Readonly<Record<string, 'loss' | 'cookie'>> = {
  ListenOverflows: 'loss', ListenDrops: 'loss', TCPReqQFullDrop: 'loss', EmbryonicRsts: 'loss', SyncookiesFailed: 'loss',
  TCPReqQFullDoCookies: 'cookie', SyncookiesSent: 'cookie', SyncookiesRecv: 'cookie',
};

interface Props {
  readonly line: LogLine;
  /** the client it concerns (see rows.ts) */
  readonly client: number | null;
  /** the line above is the same decision: say so instead of repeating the sentence (the full one stays in the title) */
  readonly same: boolean;
  readonly t: Translate;
  readonly lang: Lang;
  readonly selected: string | null;
  readonly onChip: (field: string) => void;
}

export const LogLineItem = memo(function LogLineItem({ line, client, same, t, lang, selected, onChip }: Props) {
  const n = narrate(line, t, lang, client);
  const chips = chipsOf(line.mib, selected);
  const fnText = `${n.fn}()`;
  return (
    <li className={same ? 'log-line same' : 'log-line'} data-testid="log-line" data-seq={line.seq} data-code={line.code} data-fn={line.fn} data-mib={line.mib.join(' ')}>
      <span className="log-t num">{formatTime(line.t_ms)}</span>
      <div className="log-body">
        {same ? (
          <span className="log-text" title={n.text}>
            {sameAsAbove(client, t)}
          </span>
        ) : (
          <span className="log-text">{n.text}</span>
        )}{' '}
        <span className="log-src">
          <a
            className="log-fn"
            href={n.url}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={t('log.fn_label', { fn: fnText, file: n.file ?? 'linux' })}
            title={n.file ?? undefined}
          >
            <code>{fnText}</code>
          </a>{' '}
          <code className="log-branch">{n.branch}</code>
        </span>
        {chips.length > 0 && (
          <span className="log-chips">
            {chips.map((c) => (
              <button
                key={c.field}
                type="button"
                className={`log-chip ${CHIP_KIND[c.field] ?? ''}`}
                aria-pressed={c.field === selected}
                aria-label={t('log.chip_label', { counter: c.field })}
                onClick={() => onChip(c.field)}
              >
                {c.field}
                {c.times > 1 && <span className="log-times">×{c.times}</span>}
              </button>
            ))}
          </span>
        )}
      </div>
    </li>
  );
});
