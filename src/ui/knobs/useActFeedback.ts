// Which row of the panel an 'act' came from, and what the worker answered: still waiting, refused (the store's
// problem, with the kernel's rule), or applied (the store's notice, with its notes). The store holds only the last
// answer, not which row asked, so the panel remembers the row it sent from and what the store held at that moment:
// an answer is "new" when the store's object is no longer the one seen at sending time.
import { useCallback, useState } from 'react';
import type { ActNote, KnobName, LiveAction } from '../../worker/protocol.ts';
import type { Problem } from '../../store/run.ts';
import type { ActNotice } from '../../store/live.ts';
import { useApp, useAppStore, useBridge } from '../context.ts';

export type RowKey = KnobName | 'listen' | 'accept' | 'traffic';

export const rowOf = (a: LiveAction): RowKey => (a.kind === 'sysctl' ? a.name : a.kind);

interface Sent {
  readonly row: RowKey;
  readonly gen: number;
  readonly problem: Problem | null;
  readonly notice: ActNotice | null;
}

export type RowState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'pending' }
  | { readonly kind: 'refused'; readonly problem: Problem };

export interface ActFeedback {
  send(action: LiveAction): void;
  /** the state of a row's last request */
  state(row: RowKey): RowState;
  /** the notes of the last applied act, when it came from this row */
  notes(row: RowKey): readonly ActNote[] | null;
  /** hide a row's refusal or notes */
  dismiss(row: RowKey): void;
}

export function useActFeedback(): ActFeedback {
  const bridge = useBridge();
  const gen = useApp((s) => s.gen);
  const problem = useApp((s) => s.problem);
  const notice = useApp((s) => s.notice);
  const [sent, setSent] = useState<Sent | null>(null);
  const [hidden, setHidden] = useState<{ notice: ActNotice | null; problem: Problem | null }>({ notice: null, problem: null });
  // the kernel events run when the notice came: once the run is moved back before it (step back, seek), its notes
  // describe a change that has not happened yet, so they go
  const store = useAppStore();
  const [noticeAt, setNoticeAt] = useState<{ notice: ActNotice | null; events: number }>({ notice, events: 0 });
  if (noticeAt.notice !== notice) {
    const r = store.getState().run;
    setNoticeAt({ notice, events: r.phase === 'live' ? r.frame.events : 0 });
  }
  const undone = useApp((s) => s.run.phase === 'live' && s.run.frame.events < noticeAt.events);

  const send = useCallback(
    (action: LiveAction) => {
      setSent({ row: rowOf(action), gen, problem, notice });
      bridge.act(action);
    },
    [bridge, gen, problem, notice],
  );

  const mine = sent !== null && sent.gen === gen ? sent : null;
  const answeredBy = (s: Sent): 'notice' | 'problem' | null => {
    if (notice !== null && notice !== s.notice && rowOf(notice.action) === s.row) return 'notice';
    if (problem !== null && problem !== s.problem) return 'problem';
    return null;
  };

  const state = (row: RowKey): RowState => {
    if (!mine || mine.row !== row) return { kind: 'idle' };
    const by = answeredBy(mine);
    if (by === null) return { kind: 'pending' };
    if (by === 'problem' && problem && problem !== hidden.problem) return { kind: 'refused', problem };
    return { kind: 'idle' };
  };

  const notes = (row: RowKey): readonly ActNote[] | null =>
    notice !== null && notice !== hidden.notice && !undone && rowOf(notice.action) === row && notice.notes.length > 0 ? notice.notes : null;

  const dismiss = (row: RowKey) => {
    setHidden({
      notice: notice && rowOf(notice.action) === row ? notice : hidden.notice,
      problem: mine?.row === row ? problem : hidden.problem,
    });
  };

  return { send, state, notes, dismiss };
}
