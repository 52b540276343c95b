// The counters a decision (or a folded run of decisions) moved, as chips; a chip filters the log to the
// decisions that moved its counter, and the selected one shows pressed.
import type { Translate } from '../i18n/index.ts';
import type { Chip } from './narrate.ts';

/** Colour families: what was lost, what cookies did, everything else. */
const CHIP_KIND: Readonly<Record<string, 'loss' | 'cookie'>> = {
  ListenOverflows: 'loss', ListenDrops: 'loss', TCPReqQFullDrop: 'loss', EmbryonicRsts: 'loss', SyncookiesFailed: 'loss',
  TCPReqQFullDoCookies: 'cookie', SyncookiesSent: 'cookie', SyncookiesRecv: 'cookie',
};

export function Chips(props: { chips: readonly Chip[]; selected: string | null; t: Translate; onChip: (field: string) => void }) {
  const { chips, selected, t, onChip } = props;
  if (chips.length === 0) return null;
  return (
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
  );
}
