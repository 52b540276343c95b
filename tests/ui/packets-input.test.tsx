// What the ladder view is handed: drops marked from the decisions, remembered after those decisions leave the
// page's log ring, forgotten with the run; the same array while nothing the ladder draws changed.
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/store/store.ts';
import { ladderInputMaker } from '../../src/ui/packets/ladder_input.ts';
import { translator } from '../../src/ui/i18n/index.ts';
import type { LogLine, PacketView, SimFrame } from '../../src/worker/protocol.ts';
import { META } from '../worker/fake.ts';
import { makeFrame } from '../fixtures/frames.ts';

const t = translator('en');
// packets from before the worker said which it dropped (no `dropped`): the ladder reads the drops from the log
const syn = (seq: number, t_ms: number, client: number): PacketView => ({ seq, t_ms, dir: 'in', client, flags: 'SYN', why: null }) as unknown as PacketView;
const drop = (t_ms: number, client: number): LogLine =>
  ({ seq: 0, t_ms, event: 0, fn: 'tcp_conn_request', code: 'syn_accept_queue_full', mib: ['ListenOverflows', 'ListenDrops'], client, req: null, sock: null, args: {} });
const other = (t_ms: number): LogLine => ({ seq: 0, t_ms, event: 0, fn: 'reqsk_timer_handler', code: 'req_timer_rtx', mib: ['TCPTimeouts'], client: 7, req: null, sock: null, args: {} });

function state(packets: PacketView[], log: LogLine[], frame: Partial<SimFrame> = {}) {
  const store = createAppStore('en');
  store.setState({ run: { phase: 'live', meta: META, frame: makeFrame(frame), result: null }, packets, log });
  return store.getState();
}

describe('ladderInputMaker', () => {
  it('marks a packet the listener dropped, and remembers it after the decision left the log', () => {
    const make = ladderInputMaker(t);
    const packets = [syn(1, 190, 19), syn(2, 200, 20)];
    const first = make(state(packets, [drop(190, 19)]));
    expect(first.packets.map((p) => p.drop ?? null)).toEqual(['dropped: accept queue full', null]);
    const later = make(state(packets, [other(300)]));
    expect(later.packets.map((p) => p.drop ?? null)).toEqual(['dropped: accept queue full', null]);
  });

  it('forgets the marks with the run (a frame that replaces the packets)', () => {
    const make = ladderInputMaker(t);
    make(state([syn(1, 190, 19)], [drop(190, 19)]));
    const again = make(state([syn(1, 190, 19)], [], { replace: true }));
    expect(again.packets[0].drop ?? null).toBeNull();
  });

  it('hands out the same packets array while the packets and their marks are the same', () => {
    const make = ladderInputMaker(t);
    const packets = [syn(1, 190, 19)];
    const a = make(state(packets, [drop(190, 19)]));
    const b = make(state(packets, [drop(190, 19), other(300)]));
    expect(b.packets).toBe(a.packets);
    const plain = [syn(1, 5, 3)];
    const c = make(state(plain, []));
    expect(make(state(plain, [other(9)])).packets).toBe(c.packets);
  });
});
