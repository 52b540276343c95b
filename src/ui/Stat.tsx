// One labelled number with a stable test id and its raw value in data-value (tests read that, not the text).
import type { ReactNode } from 'react';

export function Stat(props: { testid: string; label: ReactNode; value: number | null; text?: string; note?: ReactNode; dim?: boolean }) {
  const { testid, label, value, text, note, dim } = props;
  return (
    <div className={dim ? 'stat dim' : 'stat'} data-testid={testid} data-value={value ?? ''}>
      <dt>{label}</dt>
      <dd>
        <span className="num">{text ?? (value === null ? '–' : value)}</span>
        {note && <span className="note">{note}</span>}
      </dd>
    </div>
  );
}
