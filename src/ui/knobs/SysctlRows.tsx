// The kernel's knobs, written as `sysctl -w name=value` would: the text goes to the worker as typed, the
// worker applies the proc handler's rule. Each input's accessible name is the sysctl's own name.
import type { KnobName } from '../../worker/protocol.ts';
import { useApp, useT } from '../context.ts';
import type { Translate } from '../i18n/index.ts';
import { NumberField, useField } from './NumberField.tsx';
import { RowFeedback } from './RowFeedback.tsx';
import { aboutKey, checkKnob, ruleText } from './rules.ts';
import type { ActFeedback } from './useActFeedback.ts';

const useSysctl = (name: KnobName) => useApp((s) => (s.run.phase === 'live' ? s.run.frame.knobs.sysctl[name] : null));

/** "net.core." dimmed, "somaxconn" in full ink: the text content stays the exact sysctl name */
function SysctlName({ name }: { name: KnobName }) {
  const dot = name.lastIndexOf('.') + 1;
  return (
    <code>
      <span className="ns">{name.slice(0, dot)}</span>
      <wbr />
      {name.slice(dot)}
    </code>
  );
}

export function SysctlRow({ name, fb, disabled }: { name: KnobName; fb: ActFeedback; disabled: boolean }) {
  const t = useT();
  const current = useSysctl(name);
  const field = useField(current, fb.state(name));
  const id = `knob-${name}`;
  return (
    <div className="knob-row" data-knob={name}>
      <div className="knob-name">
        <label htmlFor={id} title={t(aboutKey(name))}>
          <SysctlName name={name} />
        </label>
      </div>
      <NumberField
        id={id}
        field={field}
        disabled={disabled}
        problemOf={(text) => checkKnob(t, name, text)}
        onApply={(value) => fb.send({ kind: 'sysctl', name, value })}
        hint={
          <>
            <span className="rule">{ruleText(t, name)}</span> · {t('knobs.keys')}
            <br />
            {t(aboutKey(name))}
          </>
        }
      />
      <RowFeedback row={name} fb={fb} />
    </div>
  );
}

const COOKIES = 'net.ipv4.tcp_syncookies';
const COOKIE_CHOICES: readonly number[] = [0, 1, 2];

/** what a value means, in words (the three the kernel distinguishes; any other value is shown as is) */
function cookieMeaning(t: Translate, v: number): string {
  return v === 0 || v === 1 || v === 2 ? t(`knobs.cookies.${v}`) : t('knobs.cookies.other', { v });
}

/** tcp_syncookies as its three meaningful values; a scenario's other value (the kernel takes 0…255) shows as is */
export function CookiesRow({ fb, disabled }: { fb: ActFeedback; disabled: boolean }) {
  const t = useT();
  const current = useSysctl(COOKIES);
  const labelId = `knob-${COOKIES}-label`;
  const pending = fb.state(COOKIES).kind === 'pending';
  const choices = current === null || COOKIE_CHOICES.includes(current) ? COOKIE_CHOICES : [...COOKIE_CHOICES, current];
  return (
    <div className="knob-row" data-knob={COOKIES}>
      <div className="knob-name">
        <span id={labelId} title={t(aboutKey(COOKIES))}>
          <SysctlName name={COOKIES} />
        </span>
      </div>
      <div className={`seg${pending ? ' pending' : ''}`} role="radiogroup" aria-labelledby={labelId} aria-describedby={`${labelId}-now`}>
        {choices.map((v) => (
          <label key={v} title={`${v}: ${cookieMeaning(t, v)}`}>
            <input
              type="radio"
              name={COOKIES}
              value={v}
              checked={current === v}
              disabled={disabled}
              onChange={() => fb.send({ kind: 'sysctl', name: COOKIES, value: String(v) })}
            />
            <span>{v}</span>
          </label>
        ))}
      </div>
      <p className="knob-sub" id={`${labelId}-now`}>
        {current !== null && t('knobs.cookies.now', { v: current, meaning: cookieMeaning(t, current) })}
      </p>
      <RowFeedback row={COOKIES} fb={fb} />
    </div>
  );
}
