// What the live region says after a step, a step back or a seek: the event, its time, the listener's decisions in
// that event with the counters they moved (worded as the log panel words them), and the two queues. Pure.
import type { LogLine, SimFrame } from '../../worker/protocol.ts';
import type { Lang } from '../../store/prefs.ts';
import { numberFormat, type Translate } from '../i18n/index.ts';
import { chipsOf, narrate } from '../log/narrate.ts';

/** at most this many decisions are read out; the rest are counted */
const MOST = 3;

/** The decisions the event just run took: the log's last lines that carry it. */
export function decisionsOf(log: readonly LogLine[], event: number): LogLine[] {
  const out: LogLine[] = [];
  for (let i = log.length - 1; i >= 0 && log[i].event >= event; i--) if (log[i].event === event) out.unshift(log[i]);
  return out;
}

export function decisionText(line: LogLine, t: Translate, lang: Lang): string {
  const moved = chipsOf(line.mib, null).map((c) => `${c.field} +${c.times}`);
  const said = t('live.decision', { fn: line.fn, text: narrate(line, t, lang).text });
  return moved.length > 0 ? `${said} ${t('live.moved', { moved: moved.join(', ') })}` : said;
}

export function narrationOf(f: SimFrame, log: readonly LogLine[], t: Translate, lang: Lang): string {
  const n = numberFormat(lang);
  const s = numberFormat(lang, 3).format(f.t_ms / 1000);
  if (f.done) return t('live.done', { t: s, events: n.format(f.events) });
  const lines = decisionsOf(log, f.events);
  const said = lines.slice(0, MOST).map((l) => decisionText(l, t, lang));
  if (lines.length > MOST) said.push(t('live.more', { n: n.format(lines.length - MOST) }));
  const what = said.length > 0 ? said.join(' ') : t('live.no_decision');
  const queues = t('live.queues', {
    syn: n.format(f.syn_queue.len), syn_limit: n.format(f.syn_queue.limit),
    acc: n.format(f.accept_queue.len), acc_limit: n.format(f.accept_queue.limit),
  });
  return `${t('live.step', { events: n.format(f.events), t: s, what })} ${queues}`;
}
