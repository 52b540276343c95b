// What the ladder view is handed for a state of the store: the packets the page accumulated, a lane per client the
// worker reports it watches (ascending ids, named and coloured by what its connect() experienced), and every word
// already translated.
import type { LadderInput } from '../../viz/ladder.ts';
import type { ArrowRow } from '../../viz/ladder_layout.ts';
import type { AppState } from '../../store/store.ts';
import type { Translate } from '../i18n/index.ts';
import { expName } from '../clients/experience.ts';

const BASE_ANIM_MS = 200;

export function ladderInput(s: AppState, t: Translate): LadderInput {
  const f = s.run.phase === 'live' ? s.run.frame : null;
  const watched = [...(f?.clients?.watched ?? [])].sort((a, b) => a.id - b.id);
  const time = (ms: number) => t('packets.time', { s: (ms / 1000).toFixed(3) });
  const server = t('packets.server');
  const who = (id: number) => t('packets.client', { id });
  const describe = (r: ArrowRow) => {
    const [from, to] = r.dir === 'in' ? [who(r.client), server] : [server, who(r.client)];
    const flags = r.note ? `${r.flags} (${r.note})` : r.flags;
    return t('packets.describe', { time: time(r.t_ms), from, to, flags });
  };
  return {
    packets: s.packets,
    lanes: watched.map((c) => ({
      id: c.id,
      title: `#${c.id}`,
      sub: c.kind === 'spoofed' ? t('packets.spoofed') : t(expName(c.experience)),
      tone: c.experience,
    })),
    server: { title: server, sub: f?.port != null ? t('packets.port', { port: f.port }) : '' },
    words: {
      retry: (n) => t('packets.retry', { n }),
      rtx_timer: t('packets.rtx_timer'),
      rtx_syn: t('packets.rtx_syn'),
      cookie: t('packets.cookie'),
      time,
    },
    now: f ? { time: time(f.t_ms), label: t('packets.now') } : null,
    empty: f && watched.length === 0 ? t('packets.no_clients') : t('packets.empty'),
    follow: t('packets.follow'),
    describe,
    aria_label: t('packets.aria'),
    duration_ms: Math.round(BASE_ANIM_MS / Math.max(1, s.speed)),
  };
}

