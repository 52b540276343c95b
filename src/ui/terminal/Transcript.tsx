// The terminal's transcript: each line run, then exactly the text the worker's shell answered (stdout, then
// stderr), never reflowed — `pre` without wrapping, and the whole transcript scrolls both ways instead.
import { memo, useLayoutEffect, useRef } from 'react';
import type { TerminalEntry } from '../../store/live.ts';
import { useT } from '../context.ts';
import { PROMPT } from './commands.ts';

export interface ShownEntry {
  readonly entry: TerminalEntry;
  /** asked in an earlier run than the one before it: a divider goes above it */
  readonly newRun: boolean;
  /** still unanswered, and its run is gone (a reset or another scenario drops the answer) */
  readonly lost: boolean;
}

const Entry = memo(function Entry({ entry, newRun, lost }: ShownEntry) {
  const t = useT();
  const pending = entry.stdout === null;
  const state = pending ? (lost ? 'lost' : 'pending') : 'done';
  const failed = entry.exit !== null && entry.exit !== 0;
  return (
    <div className="term-entry" data-testid="terminal-entry" data-state={state} data-exit={entry.exit ?? ''}>
      {newRun && <div className="term-divider" role="separator">{t('terminal.new_run')}</div>}
      <div className="term-cmd">
        <span className="term-prompt">{PROMPT}</span>
        <span className="term-line">{entry.line}</span>
        {state === 'pending' && <span className="term-pending" role="status" aria-label={t('terminal.pending')} />}
        {failed && (
          <span className="term-exit" title={t('terminal.exit_title', { code: entry.exit ?? '' })}>
            {t('terminal.exit', { code: entry.exit ?? '' })}
          </span>
        )}
      </div>
      {entry.stdout ? <pre className="term-stdout">{entry.stdout}</pre> : null}
      {entry.stderr ? <pre className="term-stderr">{entry.stderr}</pre> : null}
      {state === 'lost' && <div className="term-lost">{t('terminal.lost')}</div>}
    </div>
  );
});

/** Scroll to the newest entry: all of it when it fits, else its top (a long listing's header and first lines). */
function showNewest(box: HTMLElement, newCommand: boolean): void {
  const last = box.lastElementChild;
  if (!(last instanceof HTMLElement)) return;
  if (newCommand) box.scrollLeft = 0;
  box.scrollTop = last.offsetHeight > box.clientHeight ? last.offsetTop : box.scrollHeight;
}

export function Transcript({ entries }: { entries: readonly ShownEntry[] }) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const newest = entries[entries.length - 1]?.entry;
  useLayoutEffect(() => {
    if (box.current) showNewest(box.current, newest?.stdout === null);
  }, [newest]);
  return (
    <div ref={box} className="term-output" data-testid="terminal-output" role="log" aria-label={t('terminal.output_label')} tabIndex={0}>
      {entries.length === 0 && <p className="term-welcome">{t('terminal.welcome')}</p>}
      {entries.map((e) => (
        <Entry key={e.entry.id} {...e} />
      ))}
    </div>
  );
}
