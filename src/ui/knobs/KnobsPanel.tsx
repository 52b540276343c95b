// The knobs: the kernel's sysctls, the application (listen(), accept()) and the traffic, changed while the run
// goes on. Every value shown is the worker's last frame; a change is sent as an 'act' and shows only once the
// worker's frames carry it, with the worker's notes (or its refusal, with the kernel's rule) under the row.
// Sysctls read by the connecting side (tcp_syn_retries) sit with the traffic: the listener never reads them.
import { KNOB_NAMES, KNOB_RULES } from '../../worker/protocol.ts';
import { useApp, useT } from '../context.ts';
import { AcceptRow, ListenRow, TrafficRows } from './AppRows.tsx';
import { CookiesRow, SysctlRow } from './SysctlRows.tsx';
import { useActFeedback } from './useActFeedback.ts';
import './knobs.css';

const SERVER_SIDE = KNOB_NAMES.filter((n) => !KNOB_RULES[n].client_side);
const CLIENT_SIDE = KNOB_NAMES.filter((n) => KNOB_RULES[n].client_side);

export function KnobsPanel() {
  const t = useT();
  const fb = useActFeedback();
  const disabled = useApp((s) => s.run.phase !== 'live');
  return (
    <section className="panel knobs" data-area="knobs" aria-labelledby="knobs-heading">
      <div className="panel-head">
        <h2 id="knobs-heading" title={t('knobs.live_note')}>
          {t('knobs.heading')}
        </h2>
      </div>
      <h3>{t('knobs.kernel')}</h3>
      {SERVER_SIDE.map((name) =>
        name === 'net.ipv4.tcp_syncookies' ? <CookiesRow key={name} fb={fb} disabled={disabled} /> : <SysctlRow key={name} name={name} fb={fb} disabled={disabled} />,
      )}
      <h3>{t('knobs.application')}</h3>
      <ListenRow fb={fb} disabled={disabled} />
      <AcceptRow fb={fb} disabled={disabled} />
      <h3>{t('knobs.traffic')}</h3>
      <TrafficRows fb={fb} disabled={disabled} />
      {CLIENT_SIDE.map((name) => (
        <SysctlRow key={name} name={name} fb={fb} disabled={disabled} />
      ))}
    </section>
  );
}
