// What the ladder view is handed for a state of the store: the packets the page accumulated (with the drops the
// kernel's decisions report), a lane per client the worker reports it watches (ascending ids, named and coloured
// by what its connect() experienced), and every word already translated.
import type { LadderInput } from '../../viz/ladder.ts';
import type { ArrowRow, LadderPacket } from '../../viz/ladder_layout.ts';
import type { AppState } from '../../store/store.ts';
import type { LogLine, PacketView } from '../../worker/protocol.ts';
import type { MsgKey, Translate } from '../i18n/index.ts';
import { expName } from '../clients/experience.ts';
import { dropKey, dropsOf, type DropReason } from './drops.ts';

const BASE_ANIM_MS = 200;

const DROP_KEY: Record<DropReason, MsgKey> = { accept_full: 'packets.drop_accept_full', syn_full: 'packets.drop_syn_full', other: 'packets.drop' };

/** the packets with their drops marked; a new array only when the packets or the log changed */
function withDrops(packets: readonly PacketView[], log: readonly LogLine[], t: Translate): readonly LadderPacket[] {
  const drops = dropsOf(log);
  if (drops.size === 0) return packets;
  return packets.map((p) => {
    const why = p.dir === 'in' ? drops.get(dropKey(p.client, p.t_ms)) : undefined;
    return why ? { ...p, drop: t(DROP_KEY[why]) } : p;
  });
}

/** A ladder input maker for one view: it keeps the marked packets while the store's packets and log stay the same
 *  arrays, so a frame with no new packet does not make the view lay the ladder out again. */
export function ladderInputMaker(t: Translate): (s: AppState) => LadderInput {
  let memo: { packets: readonly PacketView[]; log: readonly LogLine[]; out: readonly LadderPacket[] } | null = null;
  return (s) => {
    if (!memo || memo.packets !== s.packets || memo.log !== s.log) memo = { packets: s.packets, log: s.log, out: withDrops(s.packets, s.log, t) };
    return ladderInput(s, memo.out, t);
  };
}

function ladderInput(s: AppState, packets: readonly LadderPacket[], t: Translate): LadderInput {
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
    packets,
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
