// Under a row: "waiting for the kernel", the kernel's refusal with its rule, or the notes of an applied change
// (why a new somaxconn does not change the listener yet, with the offer to call listen() again).
import type { ActNote } from '../../worker/protocol.ts';
import { useApp, useT } from '../context.ts';
import type { Translate } from '../i18n/index.ts';
import type { ActFeedback, RowKey } from './useActFeedback.ts';

const CODE = 'https://elixir.bootlin.com/linux/v6.18/C/ident/';

function CodeLink({ ident }: { ident: string }) {
  const t = useT();
  return (
    <a className="code-link" href={CODE + ident} target="_blank" rel="noreferrer" title={`${ident}()`}>
      {t('knobs.code_link')}
    </a>
  );
}

function noteText(t: Translate, n: ActNote): string {
  switch (n.kind) {
    case 'next_listen':
      return t('knobs.note.next_listen', { knob: n.knob, now: n.backlog_now, after: n.backlog_after_listen });
    case 'backlog_changed':
      return n.from === n.to ? t('knobs.note.backlog_same', { to: n.to }) : t('knobs.note.backlog_changed', { from: n.from, to: n.to });
    case 'capped':
      return t('knobs.note.capped', { requested: n.requested, somaxconn: n.somaxconn });
    case 'client_side':
      return t('knobs.note.client_side', { knob: n.knob });
  }
}

const NOTE_CODE: Partial<Record<ActNote['kind'], string>> = {
  next_listen: '__sys_listen_socket',
  capped: '__sys_listen_socket',
  backlog_changed: 'inet_listen',
};

function Note({ note, fb }: { note: ActNote; fb: ActFeedback }) {
  const t = useT();
  const listenBacklog = useApp((s) => (s.run.phase === 'live' ? s.run.frame.knobs.listen_backlog : null));
  const ident = NOTE_CODE[note.kind];
  return (
    <li data-kind={note.kind}>
      {noteText(t, note)} {ident && <CodeLink ident={ident} />}
      {note.kind === 'next_listen' && listenBacklog !== null && (
        <button type="button" className="listen-again" onClick={() => fb.send({ kind: 'listen', backlog: listenBacklog })}>
          {t('knobs.note.listen_again', { n: listenBacklog })}
        </button>
      )}
    </li>
  );
}

function Dismiss({ onClick }: { onClick: () => void }) {
  const t = useT();
  return (
    <button type="button" className="dismiss" aria-label={t('knobs.dismiss')} title={t('knobs.dismiss')} onClick={onClick}>
      ×
    </button>
  );
}

export function RowFeedback({ row, fb }: { row: RowKey; fb: ActFeedback }) {
  const t = useT();
  const state = fb.state(row);
  const notes = fb.notes(row);
  if (state.kind === 'pending') {
    return (
      <p className="knob-sub pending" role="status">
        {t('knobs.pending')}
      </p>
    );
  }
  if (state.kind === 'refused') {
    return (
      <div className="knob-msg bad" role="alert" data-testid="knob-refused" data-row={row}>
        <Dismiss onClick={() => fb.dismiss(row)} />
        <strong>{t('knobs.refused')}</strong>
        <ul>
          {state.problem.issues.map((i, n) => (
            <li key={n}>{i.message}</li>
          ))}
        </ul>
      </div>
    );
  }
  if (notes) {
    return (
      <div className="knob-msg" role="status" data-testid="knob-notes" data-row={row}>
        <Dismiss onClick={() => fb.dismiss(row)} />
        <ul>
          {notes.map((n, i) => (
            <Note key={i} note={n} fb={fb} />
          ))}
        </ul>
      </div>
    );
  }
  return null;
}
