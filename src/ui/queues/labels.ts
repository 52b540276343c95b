// The queues picture's words in the viewer's language (the picture itself knows no language).
import type { Lang } from '../../store/prefs.ts';
import type { QueuesLabels } from '../../viz/queues.ts';
import { numberFormat, type MsgKey, type Translate } from '../i18n/index.ts';
import { queuesEn } from './messages.ts';

export function queuesLabels(t: Translate, lang: Lang): QueuesLabels {
  const int = numberFormat(lang);
  const sec = numberFormat(lang, 3);
  const num = (n: number) => int.format(n);
  return {
    syn: t('queues.syn'),
    accept: t('queues.accept'),
    synHint: t('queues.syn_hint'),
    acceptHint: t('queues.accept_hint'),
    status: (len, limit) => (limit === 0 ? t('queues.not_listening') : t('queues.count', { len: num(len), limit: num(limit) })),
    full: t('queues.full'),
    more: (n) => t('queues.more', { n: num(n) }),
    synIn: t('queues.syn_in'),
    acceptOut: t('queues.accept_out'),
    ack: t('queues.ack'),
    cookieArc: t('queues.cookie_arc'),
    num,
    caption: (code, times) => {
      const key = `queues.why.${code}`;
      return t('queues.times', { what: key in queuesEn ? t(key as MsgKey) : code, n: num(times) });
    },
    reqTitle: (tok) => {
      const who = tok.spoofed ? t('queues.req_spoofed', { id: tok.req ?? '' }) : t('queues.req', { id: tok.req ?? '', client: tok.client });
      const timer = tok.timer_ms === null ? '' : `\n${t('queues.req_timer', { retrans: tok.retrans, at: sec.format(tok.timer_ms / 1000) })}`;
      return `${who}${timer}${tok.acked ? `\n${t('queues.req_acked')}` : ''}`;
    },
    childTitle: (tok) => {
      const vars = { id: tok.sock ?? '', client: tok.client, req: tok.req ?? '' };
      return t(tok.cookie ? 'queues.child_cookie' : tok.req !== null ? 'queues.child' : 'queues.child_plain', vars);
    },
  };
}
