// One typed value of the panel: it shows what the worker's last frame says until the viewer edits it; Enter (or
// leaving the field, for settings) sends the typed text, Esc goes back. While the worker has not answered, the
// typed text stays, marked as waiting; once it answers, the field shows the frame's value again — so a refused
// value never looks applied. Quick checks (`problemOf`) only colour the field and say why; they never block a
// write the worker could judge.
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import type { RowState } from './useActFeedback.ts';

export interface Field {
  /** what the field shows */
  readonly text: string;
  /** the viewer typed something other than the current value */
  readonly edited: boolean;
  readonly pending: boolean;
  set(text: string | null): void;
}

interface Typed {
  readonly draft: string | null;
  /** applied, but the frame showing the new value has not come yet (the worker posts 'acted', then the frame) */
  readonly settling: boolean;
  readonly kind: RowState['kind'];
  readonly current: number | null;
}

/** The field's typed text, dropped once the worker has answered: at once when it refuses, and when the frame
 *  shows the new value when it applies — so the field never flashes the old value in between. */
export function useField(current: number | null, state: RowState): Field {
  const [typed, setTyped] = useState<Typed>({ draft: null, settling: false, kind: state.kind, current });
  if (state.kind !== typed.kind || current !== typed.current) {
    // adjusting state while rendering: React's pattern for "reset when a prop changes"
    const answered = typed.kind === 'pending' && state.kind !== 'pending';
    const same = typed.draft !== null && typed.draft.trim() !== '' && Number(typed.draft) === current;
    const drop = (answered && (state.kind === 'refused' || same)) || (typed.settling && current !== typed.current);
    const settling = answered ? state.kind !== 'refused' && typed.draft !== null && !same : typed.settling && !drop;
    setTyped({ draft: drop ? null : typed.draft, settling, kind: state.kind, current });
  }
  const shown = current === null ? '' : String(current);
  const draft = typed.draft;
  return {
    text: draft ?? shown,
    edited: draft !== null && draft !== shown,
    pending: state.kind === 'pending' || typed.settling,
    set: (text) => setTyped((t) => ({ ...t, draft: text, settling: false })),
  };
}

export interface NumberFieldProps {
  readonly id: string;
  readonly field: Field;
  /** the accessible name when no <label htmlFor> names this field */
  readonly ariaLabel?: string;
  readonly disabled: boolean;
  readonly placeholder?: string;
  /** why the typed text looks wrong (null: fine) */
  readonly problemOf: (text: string) => string | null;
  /** send the typed text */
  readonly onApply: (text: string) => void;
  /** an action (listen()): Enter sends even an unchanged value, leaving the field sends nothing. Otherwise a
   *  setting: Enter or leaving the field sends a changed value. */
  readonly action?: boolean;
  /** shown while the field has focus or looks wrong: the rule, the keys */
  readonly hint?: ReactNode;
}

export function NumberField(props: NumberFieldProps) {
  const { id, field, ariaLabel, disabled, placeholder, problemOf, onApply, action = false, hint } = props;
  const [focused, setFocused] = useState(false);
  const problem = field.edited ? problemOf(field.text) : null;
  const apply = (how: 'enter' | 'blur') => {
    if (field.pending) return;
    if (action ? how === 'enter' : field.edited) onApply(field.text);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      apply('enter');
    } else if (e.key === 'Escape' && field.edited) {
      e.preventDefault();
      field.set(null);
    }
  };
  const hintId = `${id}-hint`;
  const showHint = (focused || problem !== null) && (hint !== undefined || problem !== null);
  return (
    <>
      <input
        id={id}
        className={`knob-input${field.edited ? ' edited' : ''}${field.pending ? ' pending' : ''}`}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        value={field.text}
        placeholder={placeholder}
        aria-label={ariaLabel}
        aria-invalid={problem !== null}
        aria-busy={field.pending}
        aria-describedby={showHint ? hintId : undefined}
        disabled={disabled}
        onChange={(e) => field.set(e.target.value)}
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false);
          apply('blur');
        }}
      />
      {showHint && (
        <p id={hintId} className="knob-hint">
          {problem !== null && <span className="bad">{problem} </span>}
          {hint}
        </p>
      )}
    </>
  );
}
