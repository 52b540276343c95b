// What the ladder view is handed for a state of the store: the packets the page accumulated (with the drops the
// kernel's decisions report), a lane per client the worker reports it watches (ascending ids, named and coloured
// by what its connect() experienced), and every word already translated.
import type { LadderInput } from '../../viz/ladder.ts';
import type { ArrowRow, LadderPacket } from '../../viz/ladder_layout.ts';
import type { AppState } from '../../store/store.ts';
import type { LogLine, PacketView, SimFrame } from '../../worker/protocol.ts';
import type { MsgKey, Translate } from '../i18n/index.ts';
import { expName } from '../clients/experience.ts';
import { dropKey, dropsOf, type DropReason } from './drops.ts';

const BASE_ANIM_MS = 200;

const DROP_KEY: Record<DropReason, MsgKey> = { accept_full: 'packets.drop_accept_full', syn_full: 'packets.drop_syn_full', other: 'packets.drop' };

/** the identity of a packet within a run (a seq alone may name another packet after a reset) */
const packetId = (p: PacketView) => `${p.seq}:${p.t_ms}:${p.client}:${p.dir}:${p.flags}`;

/**
 * A ladder input maker for one view. It marks the packets the listener dropped and remembers those marks: the
 * decisions that tell of a drop leave the page's log ring long before the packet leaves the packets ring (a flood
 * makes many more decisions than watched packets). The memory starts again with the run (a frame that replaces
 * the page's packets: load, reset, seek). While the store's packets and log stay the same arrays, it hands out
 * the same marked packets, so a frame without a new packet does not make the view lay the ladder out again.
 */
export function ladderInputMaker(t: Translate): (s: AppState) => LadderInput {
  /** the marked packets by identity: kept, so that marking the same packets again gives the same objects */
  const dropped = new Map<string, LadderPacket>();
  let memo: { packets: readonly PacketView[]; log: readonly LogLine[]; out: readonly LadderPacket[] } | null = null;
  let replaced: SimFrame | null = null;

  function mark(packets: readonly PacketView[], log: readonly LogLine[]): readonly LadderPacket[] {
    // packets say themselves whether they were dropped; the log is read only for packets that do not
    let fresh: ReadonlyMap<string, DropReason> | null = null;
    const kept = new Set<string>();
    const out = packets.map((p): LadderPacket => {
      if (p.dir !== 'in') return p;
      const id = packetId(p);
      kept.add(id);
      const known = dropped.get(id);
      if (known) return known;
      // the worker says so for each packet; the log is the fallback for frames from before it did
      const why = p.dropped !== undefined ? p.dropped : (fresh ??= dropsOf(log)).get(dropKey(p.client, p.t_ms));
      if (!why) return p;
      const marked = { ...p, drop: t(DROP_KEY[why]) };
      dropped.set(id, marked);
      return marked;
    });
    for (const id of dropped.keys()) if (!kept.has(id)) dropped.delete(id);
    // the same packets marked the same way: hand out the array the view already drew
    const same = memo !== null && memo.out.length === out.length && out.every((p, i) => p === memo!.out[i]);
    return same ? memo!.out : out;
  }

  return (s) => {
    const f = s.run.phase === 'live' ? s.run.frame : null;
    if (f?.replace && f !== replaced) {
      replaced = f;
      dropped.clear();
    }
    if (!memo || memo.packets !== s.packets || memo.log !== s.log) memo = { packets: s.packets, log: s.log, out: mark(s.packets, s.log) };
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
