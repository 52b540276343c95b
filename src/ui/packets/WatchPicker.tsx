// Which clients the ladder follows: a chip per watched client (× stops watching it), a field to add one, and
// "Default" to hand the choice back to the worker. The chips show what the worker reports it watches
// (frame.clients.watched), so they never claim a choice the worker has not taken up.
import { useState, type FormEvent } from 'react';
import { MAX_WATCHED } from '../../worker/protocol.ts';
import type { AppState } from '../../store/store.ts';
import { useApp, useBridge, useT } from '../context.ts';

const EMPTY: readonly number[] = [];

/** the watched ids, ascending (a new array only when they change, so the picker re-renders only then) */
function watchedIds(s: AppState): string {
  const w = s.run.phase === 'live' ? s.run.frame.clients?.watched : undefined;
  return (w ?? []).map((c) => c.id).sort((a, b) => a - b).join(',');
}

/** how many clients the run has (the scenario's, or more if live traffic added some) */
function clientCount(s: AppState): number {
  if (s.run.phase !== 'live') return 0;
  const { normal, spoofed } = s.run.meta.clients;
  const c = s.run.frame.clients;
  const live = c ? Object.values(c.tally).reduce((n, x) => n + x, 0) + c.spoofed_sent : 0;
  return Math.max(normal + spoofed, live);
}

export function WatchPicker() {
  const t = useT();
  const bridge = useBridge();
  const idsKey = useApp(watchedIds);
  const chosen = useApp((s) => s.watch.length > 0);
  const count = useApp(clientCount);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const ids = idsKey === '' ? EMPTY : idsKey.split(',').map(Number);

  function add(e: FormEvent): void {
    e.preventDefault();
    const id = Number(text);
    if (text.trim() === '' || !Number.isInteger(id) || id < 0 || id >= count) return setProblem(t('packets.bad_id', { max: Math.max(0, count - 1) }));
    if (ids.length >= MAX_WATCHED && !ids.includes(id)) return setProblem(t('packets.max', { n: MAX_WATCHED }));
    setProblem(null);
    setText('');
    if (!ids.includes(id)) bridge.watch([...ids, id].sort((a, b) => a - b));
  }

  return (
    <div className="watch-picker" role="group" aria-label={t('packets.watch_label')}>
      <ul className="chips">
        {ids.map((id) => (
          <li key={id} className="chip" data-testid={`watch-chip-${id}`}>
            #{id}
            <button
              type="button"
              aria-label={t('packets.stop_watching', { id })}
              title={t('packets.stop_watching', { id })}
              disabled={ids.length <= 1}
              onClick={() => bridge.watch(ids.filter((x) => x !== id))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={add} className="watch-add" noValidate>
        <input
          type="number"
          min={0}
          max={Math.max(0, count - 1)}
          inputMode="numeric"
          value={text}
          placeholder="#"
          aria-label={t('packets.add_label')}
          aria-invalid={problem !== null}
          onChange={(e) => setText(e.target.value)}
          disabled={count === 0}
        />
        <button type="submit" disabled={count === 0}>
          {t('packets.add')}
        </button>
      </form>
      {chosen && (
        <button type="button" className="auto" title={t('packets.auto_title')} onClick={() => bridge.watch([])}>
          {t('packets.auto')}
        </button>
      )}
      {problem && (
        <span className="watch-problem" role="status">
          {problem}
        </span>
      )}
    </div>
  );
}
