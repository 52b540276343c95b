// The application and the traffic: listen(fd, backlog) called again, the accept() loop's pace, and the clients
// started from now on. These are actions of the lab's program, not sysctls; the worker still judges them.
import { useState } from 'react';
import { useApp, useT } from '../context.ts';
import { NumberField, useField } from './NumberField.tsx';
import { RowFeedback } from './RowFeedback.tsx';
import { numberProblem, parseNumber } from './rules.ts';
import type { ActFeedback } from './useActFeedback.ts';

interface RowProps {
  readonly fb: ActFeedback;
  readonly disabled: boolean;
}

/** the interval Start uses when the run has never called accept() and nothing is typed */
const DEFAULT_ACCEPT_MS = 100;

export function ListenRow({ fb, disabled }: RowProps) {
  const t = useT();
  const asked = useApp((s) => (s.run.phase === 'live' ? s.run.frame.knobs.listen_backlog : null));
  const backlog = useApp((s) => (s.run.phase === 'live' ? s.run.frame.backlog : null));
  const field = useField(asked, fb.state('listen'));
  const call = (text: string) => {
    const n = parseNumber(text);
    if (n !== null) fb.send({ kind: 'listen', backlog: n });
  };
  return (
    <div className="knob-row call" data-knob="listen">
      <div className="knob-name">
        <code>listen(fd,</code>
        <NumberField
          id="knob-listen"
          field={field}
          ariaLabel={t('knobs.listen_label')}
          disabled={disabled}
          problemOf={(text) => numberProblem(t, text)}
          onApply={call}
          action
          hint={t('knobs.listen_hint')}
        />
        <code>)</code>
      </div>
      <button type="button" disabled={disabled || field.pending} onClick={() => call(field.text)}>
        {t('knobs.listen_call')}
      </button>
      <p className="knob-sub" data-testid="knobs-backlog" data-value={backlog ?? ''} title={t('knobs.listen_now_title')}>
        {backlog === null ? t('knobs.listen_none') : t('knobs.listen_now', { backlog })}
      </p>
      <RowFeedback row="listen" fb={fb} />
    </div>
  );
}

export function AcceptRow({ fb, disabled }: RowProps) {
  const t = useT();
  const lang = useApp((s) => s.lang);
  const interval = useApp((s) => (s.run.phase === 'live' ? s.run.frame.knobs.accept_interval_ms : null));
  const live = useApp((s) => s.run.phase === 'live');
  const field = useField(interval, fb.state('accept'));
  // the last pace the application had, for Start after Stop
  const [last, setLast] = useState<number | null>(interval);
  if (interval !== null && interval !== last) setLast(interval);
  const stopped = live && interval === null;
  const send = (text: string) => {
    const ms = parseNumber(text);
    if (ms !== null) fb.send({ kind: 'accept', interval_ms: ms });
  };
  const toggle = () => (stopped ? fb.send({ kind: 'accept', interval_ms: parseNumber(field.text) ?? last ?? DEFAULT_ACCEPT_MS }) : fb.send({ kind: 'accept', interval_ms: null }));
  return (
    <div className="knob-row call" data-knob="accept">
      <div className="knob-name">
        <label htmlFor="knob-accept">
          <code>accept()</code> {t('knobs.accept_label')}
        </label>
        <NumberField
          id="knob-accept"
          field={field}
          disabled={disabled}
          placeholder="—"
          problemOf={(text) => numberProblem(t, text)}
          onApply={send}
          hint={t('knobs.keys')}
        />
        <span className="unit">{t('knobs.accept_unit')}</span>
      </div>
      <button type="button" disabled={disabled || field.pending} aria-label={stopped ? t('knobs.accept_start_label') : t('knobs.accept_stop_label')} onClick={toggle}>
        {stopped ? t('knobs.accept_start') : t('knobs.accept_stop')}
      </button>
      <p className="knob-sub">
        {live && (interval === null ? t('knobs.accept_stopped') : t('knobs.accept_every', { ms: interval, rate: new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(1000 / interval) }))}
      </p>
      <RowFeedback row="accept" fb={fb} />
    </div>
  );
}

/** normal clients and spoofed SYNs per simulated second, sent together as one 'traffic' act */
export function TrafficRows({ fb, disabled }: RowProps) {
  const t = useT();
  const normal = useApp((s) => (s.run.phase === 'live' ? s.run.frame.knobs.normal_per_s : null));
  const flood = useApp((s) => (s.run.phase === 'live' ? s.run.frame.knobs.flood_per_s : null));
  const state = fb.state('traffic');
  const normalField = useField(normal, state);
  const floodField = useField(flood, state);
  const send = (which: 'normal' | 'flood', text: string) => {
    const n = parseNumber(text);
    if (n === null) return;
    fb.send({ kind: 'traffic', normal_per_s: which === 'normal' ? n : (normal ?? 0), flood_per_s: which === 'flood' ? n : (flood ?? 0) });
  };
  const rows = [
    { which: 'normal', field: normalField, label: t('knobs.normal_label'), hint: t('knobs.traffic_unit') },
    { which: 'flood', field: floodField, label: t('knobs.flood_label'), hint: t('knobs.traffic_flood') },
  ] as const;
  return (
    <div className="knob-group" data-knob="traffic">
      {rows.map((r) => (
        <div className="knob-row" key={r.which}>
          <div className="knob-name">
            <label htmlFor={`knob-${r.which}`}>{r.label}</label>
          </div>
          <NumberField
            id={`knob-${r.which}`}
            field={r.field}
            disabled={disabled}
            problemOf={(text) => numberProblem(t, text)}
            onApply={(text) => send(r.which, text)}
            hint={`${r.hint} · ${t('knobs.keys')}`}
          />
        </div>
      ))}
      <p className="knob-sub">{t('knobs.traffic_scenario')}</p>
      <RowFeedback row="traffic" fb={fb} />
    </div>
  );
}
