// The clients' view: what each client's connect() experienced, as the worker reports it (frame.clients). The live
// tally reads as the application would: three fates behind "connect() returned 0" (accepted, waiting in the
// accept queue, or stalled because the server dropped its ACK), a RST, ETIMEDOUT, still retrying, not started.
// Below it, the watched clients (the ladder's lanes) one by one, and the result file's tally at the end of a run.
import { useState } from 'react';
import type { ClientExperience, ClientsView, WatchedClient } from '../../worker/protocol.ts';
import { useApp, useT } from '../context.ts';
import type { Translate } from '../i18n/index.ts';
import { EXPERIENCES, expName, expSees, expWhy, watchedSees } from './experience.ts';
import { Outcomes } from './Outcomes.tsx';
import './experience.css';
import './clients.css';

function Bar(props: { tally: Readonly<Record<ClientExperience, number>>; total: number; t: Translate }) {
  const { tally, total, t } = props;
  const parts = EXPERIENCES.filter((e) => tally[e] > 0)
    .map((e) => `${t(expName(e))} ${tally[e]}`)
    .join(', ');
  return (
    <div className="exp-bar" role="img" aria-label={`${t('clients.bar_label')}: ${parts}`} title={t('clients.total', { n: total })}>
      {total > 0 &&
        EXPERIENCES.map((e) => (tally[e] > 0 ? <span key={e} className={`seg tone-${e}`} style={{ flexGrow: tally[e] }} /> : null))}
    </div>
  );
}

function Tally(props: { tally: Readonly<Record<ClientExperience, number>>; total: number; explain: boolean; t: Translate }) {
  const { tally, total, explain, t } = props;
  return (
    <table className="exp-table" aria-label={t('clients.total', { n: total })}>
      {EXPERIENCES.map((e) => (
        <tbody key={e} className={`tone-${e}${tally[e] === 0 ? ' dim' : ''}`} data-testid={`experience-${e}`} data-value={tally[e]} title={t(expWhy(e))}>
          <tr>
            <th scope="row">
              <span className="swatch" aria-hidden="true" />
              {t(expName(e))}
            </th>
            <td className="sees">{t(expSees(e))}</td>
            <td className="num">{tally[e]}</td>
          </tr>
          {explain && (
            <tr className="why">
              <td colSpan={3}>{t(expWhy(e))}</td>
            </tr>
          )}
        </tbody>
      ))}
    </table>
  );
}

function Watched(props: { watched: readonly WatchedClient[]; t: Translate }) {
  const { watched, t } = props;
  if (watched.length === 0) return <p className="note">{t('clients.none_watched')}</p>;
  return (
    <table className="watched-table">
      <thead>
        <tr>
          <th scope="col">{t('clients.col_id')}</th>
          <th scope="col">{t('clients.col_connect')}</th>
          <th scope="col" className="num" title={t('clients.col_syn')}>
            SYN
          </th>
          <th scope="col" className="num" title={t('clients.col_synack')}>
            SYN-ACK
          </th>
          <th scope="col" className="num" title={t('clients.col_ack')}>
            ACK
          </th>
        </tr>
      </thead>
      <tbody>
        {watched.map((c) => (
          <tr key={c.id} className={`tone-${c.experience}`} data-testid={`watched-${c.id}`} data-experience={c.experience} title={t(expWhy(c.experience))}>
            <th scope="row">
              #{c.id}
              {c.kind === 'spoofed' && <span className="kind"> {t('clients.kind_spoofed')}</span>}
            </th>
            <td>
              <span className="swatch" aria-hidden="true" />
              {t(expName(c.experience))} <span className="sees">{t(watchedSees(c))}</span>
            </td>
            <td className="num">{c.syn_sent}</td>
            <td className="num">{c.synack_received}</td>
            <td className="num">{c.acks_sent}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ClientsPanel() {
  const t = useT();
  const [explain, setExplain] = useState(false);
  const clients: ClientsView | null = useApp((s) => (s.run.phase === 'live' ? (s.run.frame.clients ?? null) : null));
  const tally = clients?.tally;
  const total = tally ? EXPERIENCES.reduce((n, e) => n + tally[e], 0) : 0;
  return (
    <section className="panel clients" data-area="clients" aria-labelledby="clients-heading">
      <div className="panel-head">
        <h2 id="clients-heading">{t('clients.heading')}</h2>
        <button type="button" className="explain-toggle" aria-pressed={explain} onClick={() => setExplain(!explain)}>
          {t('clients.explain')}
        </button>
      </div>
      {tally && (
        <>
          <Bar tally={tally} total={total} t={t} />
          <Tally tally={tally} total={total} explain={explain} t={t} />
          {clients.spoofed_sent > 0 && (
            <p className="note spoofed" data-testid="spoofed-sent" data-value={clients.spoofed_sent}>
              {t('clients.spoofed', { n: clients.spoofed_sent })}
            </p>
          )}
          <h3>{t('clients.watched')}</h3>
          <Watched watched={clients.watched} t={t} />
        </>
      )}
      <Outcomes />
    </section>
  );
}
