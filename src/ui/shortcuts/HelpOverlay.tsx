// The keyboard shortcuts' help: a modal dialog (the page behind is inert), opened by ? or the header's ? button,
// closed by Esc, ?, its Close button or a click outside it. Focus moves into it, Tab stays inside it, and focus
// goes back where it was when it closes.
import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useApp, useAppStore, useT } from '../context.ts';
import type { MsgKey } from '../i18n/index.ts';
import { setHelp } from './useShortcuts.ts';
import './shortcuts.css';

/** keys as printed on keyboards (a key name in the messages when it has one in the language) */
type Keys = readonly (string | { readonly msg: MsgKey })[];

const GLOBAL: readonly (readonly [Keys, MsgKey])[] = [
  [[{ msg: 'shortcuts.key.space' }], 'shortcuts.do.play_pause'],
  [['←'], 'shortcuts.do.step_back'],
  [['→'], 'shortcuts.do.step'],
  [['Home'], 'shortcuts.do.start'],
  [['End'], 'shortcuts.do.end'],
  [['P'], 'shortcuts.do.projector'],
  [['?'], 'shortcuts.do.help'],
  [['Esc'], 'shortcuts.do.close'],
];

const ON_TIMELINE: readonly (readonly [Keys, MsgKey])[] = [
  [['←', '→'], 'shortcuts.do.fine'],
  [['Page Up', 'Page Down'], 'shortcuts.do.coarse'],
  [['Home'], 'shortcuts.do.start'],
  [['End'], 'shortcuts.do.seek_end'],
  [['[', ']'], 'shortcuts.do.ticks'],
];

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function HelpOverlay() {
  const t = useT();
  const store = useAppStore();
  const open = useApp((s) => s.help);
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  /** what had the focus before it opened */
  const back = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      back.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
      closeButton.current?.focus();
    } else if (!open && d.open) {
      d.close();
      if (back.current?.isConnected) back.current.focus();
      back.current = null;
    }
  }, [open]);

  const close = () => setHelp(store, false);

  function onKeyDown(e: KeyboardEvent<HTMLDialogElement>): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'Tab') {
      // keep Tab inside: from the last control to the first and back
      const all = [...(dialog.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
      if (all.length === 0) return;
      const first = all[0];
      const last = all[all.length - 1];
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
  }

  // a click on the backdrop reaches the dialog itself; one inside lands on its content
  const onClick = (e: MouseEvent<HTMLDialogElement>) => e.target === dialog.current && close();

  const keys = (ks: Keys) =>
    ks.map((k, i) => (
      <span key={i}>
        {i > 0 && <span className="muted"> {t('shortcuts.key.or')} </span>}
        <kbd>{typeof k === 'string' ? k : t(k.msg)}</kbd>
      </span>
    ));
  const table = (rows: typeof GLOBAL) => (
    <table className="shortcut-table">
      <tbody>
        {rows.map(([ks, what]) => (
          <tr key={`${what}:${ks.length}`}>
            <th scope="row">{keys(ks)}</th>
            <td>{t(what)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <dialog
      ref={dialog}
      className="help-overlay"
      aria-labelledby="help-heading"
      data-testid="help-overlay"
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
      onClick={onClick}
    >
      <div className="help-body">
        <div className="help-head">
          <h2 id="help-heading">{t('shortcuts.heading')}</h2>
          <button ref={closeButton} type="button" onClick={close}>
            {t('shortcuts.close')}
          </button>
        </div>
        <h3>{t('shortcuts.global')}</h3>
        {table(GLOBAL)}
        <h3>{t('shortcuts.on_timeline')}</h3>
        {table(ON_TIMELINE)}
        <p className="note">{t('shortcuts.not_typing')}</p>
      </div>
    </dialog>
  );
}
