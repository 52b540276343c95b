// The ladder's geometry: lanes, one row per packet, arrows from sender to receiver, and what marks a packet.
import { describe, expect, it } from 'vitest';
import {
  GAP_H, GAP_MS, MAX_PITCH, MIN_PITCH, RIGHT_PAD, ROW_H, SERVER_X, arrowKind, laneLayout, layoutLadder, type LadderPacket, type LadderWords,
} from '../../src/viz/ladder_layout.ts';

const words: LadderWords = {
  retry: (n) => `retry ${n}`,
  rtx_timer: 'again (timer)',
  rtx_syn: 'again (SYN)',
  cookie: 'cookie',
  time: (t) => `${t} ms`,
};

let seq = 0;
const pkt = (t_ms: number, client: number, dir: 'in' | 'out', flags: string, why: string | null = null): LadderPacket => ({ seq: ++seq, t_ms, dir, client, flags, why });

describe('laneLayout', () => {
  it('puts the server on the left and the clients after it, in the order given, evenly spaced', () => {
    const l = laneLayout([3, 7, 9], 600);
    expect(l.server_x).toBe(SERVER_X);
    expect(l.lanes.map((x) => x.id)).toEqual([3, 7, 9]);
    const xs = l.lanes.map((x) => x.x);
    expect(xs[0]).toBeGreaterThan(l.server_x);
    expect(xs[1] - xs[0]).toBeCloseTo(xs[2] - xs[1]);
    expect(xs[1] - xs[0]).toBeCloseTo(xs[0] - l.server_x);
    expect(xs[2]).toBeLessThanOrEqual(600 - RIGHT_PAD);
    expect(l.width).toBe(600);
  });

  it('caps the spacing for a few clients and keeps a minimum for many (widening the drawing)', () => {
    expect(laneLayout([0], 2000).lanes[0].x).toBe(SERVER_X + MAX_PITCH);
    const tight = laneLayout([0, 1, 2, 3, 4, 5, 6, 7], 300);
    expect(tight.lanes[1].x - tight.lanes[0].x).toBe(MIN_PITCH);
    expect(tight.width).toBe(tight.lanes[7].x + RIGHT_PAD);
  });
});

describe('arrowKind', () => {
  it('names the four handshake packets from their flags', () => {
    expect(arrowKind('SYN')).toBe('syn');
    expect(arrowKind('SYN|ACK')).toBe('synack');
    expect(arrowKind('ACK')).toBe('ack');
    expect(arrowKind('RST')).toBe('rst');
    expect(arrowKind('RST|ACK')).toBe('rst');
    expect(arrowKind('FIN')).toBe('other');
  });
});

describe('layoutLadder', () => {
  it('draws a handshake as three rows, client → server → client → server, slanting down', () => {
    const ps = [pkt(0, 1, 'in', 'SYN'), pkt(0, 1, 'out', 'SYN|ACK', 'synack'), pkt(0, 1, 'in', 'ACK')];
    const l = layoutLadder(ps, [1], 600, words);
    const cx = l.lanes[0].x;
    expect(l.rows.map((r) => [r.kind, r.label])).toEqual([['syn', 'SYN'], ['synack', 'SYN-ACK'], ['ack', 'ACK']]);
    expect(l.rows.map((r) => r.y)).toEqual([0, ROW_H, 2 * ROW_H]);
    const [syn, synack] = l.rows;
    expect(syn.x1).toBeGreaterThan(syn.x2); // from the client's lane (right) to the server's (left)
    expect(syn.x1).toBeCloseTo(cx, -1);
    expect(syn.x2).toBeCloseTo(l.server_x, -1);
    expect(synack.x1).toBeLessThan(synack.x2);
    for (const r of l.rows) {
      expect(r.y2).toBeGreaterThan(r.y1);
      expect(r.y1).toBeGreaterThan(r.y);
      expect(r.label_x).toBeCloseTo((l.server_x + cx) / 2);
    }
    expect(l.now_y).toBeGreaterThanOrEqual(3 * ROW_H);
    expect(l.height).toBeGreaterThan(l.now_y);
  });

  it('leaves out the packets of clients without a lane', () => {
    const ps = [pkt(0, 1, 'in', 'SYN'), pkt(0, 2, 'in', 'SYN'), pkt(0, 1, 'out', 'SYN|ACK', 'synack')];
    const l = layoutLadder(ps, [1], 600, words);
    expect(l.rows.map((r) => r.seq)).toEqual([ps[0].seq, ps[2].seq]);
    expect(l.rows[1].y).toBe(ROW_H);
  });

  it('marks a client’s SYN after its first as a numbered retry, per client', () => {
    const ps = [pkt(0, 0, 'in', 'SYN'), pkt(0, 1, 'in', 'SYN'), pkt(1000, 0, 'in', 'SYN'), pkt(3000, 0, 'in', 'SYN'), pkt(1020, 1, 'in', 'SYN')];
    const l = layoutLadder(ps, [0, 1], 600, words);
    expect(l.rows.map((r) => [r.client, r.rtx, r.note])).toEqual([
      [0, false, null], [1, false, null], [0, true, 'retry 1'], [0, true, 'retry 2'], [1, true, 'retry 1'],
    ]);
  });

  it('marks SYN-ACK retransmissions and cookies from why the server sent them', () => {
    const ps = [
      pkt(0, 0, 'out', 'SYN|ACK', 'synack'),
      pkt(1000, 0, 'out', 'SYN|ACK', 'synack_rtx_timer'),
      pkt(1000, 0, 'out', 'SYN|ACK', 'synack_rtx_syn'),
      pkt(1000, 0, 'out', 'SYN|ACK', 'synack_cookie'),
      pkt(1000, 0, 'out', 'RST|ACK', 'rst'),
    ];
    const l = layoutLadder(ps, [0], 600, words);
    expect(l.rows.map((r) => [r.rtx, r.cookie, r.note])).toEqual([
      [false, false, null],
      [true, false, 'again (timer)'],
      [true, false, 'again (SYN)'],
      [false, true, 'cookie'],
      [false, false, null],
    ]);
    expect(l.rows[4].label).toBe('RST');
  });

  it('ends a dropped packet on the server’s lane and says why, after any other note', () => {
    const ps = [{ ...pkt(0, 0, 'in', 'SYN'), drop: 'dropped: accept queue full' }, { ...pkt(1000, 0, 'in', 'SYN'), drop: 'dropped' }, pkt(3000, 0, 'in', 'SYN')];
    const l = layoutLadder(ps, [0], 600, words);
    expect(l.rows.map((r) => [r.dropped, r.note])).toEqual([
      [true, 'dropped: accept queue full'], [true, 'retry 1 · dropped'], [false, 'retry 2'],
    ]);
    expect(l.rows[0].x2).toBe(l.server_x);
    expect(l.rows[2].x2).toBeGreaterThan(l.server_x);
  });

  it('writes the time only where it changes and opens a gap after a silence', () => {
    const ps = [pkt(0, 0, 'in', 'SYN'), pkt(0, 0, 'out', 'SYN|ACK', 'synack'), pkt(20, 0, 'in', 'ACK'), pkt(20 + GAP_MS, 0, 'out', 'SYN|ACK', 'synack_rtx_timer')];
    const l = layoutLadder(ps, [0], 600, words);
    expect(l.rows.map((r) => r.time)).toEqual(['0 ms', null, '20 ms', `${20 + GAP_MS} ms`]);
    expect(l.rows.map((r) => r.gap)).toEqual([false, false, false, true]);
    expect(l.rows[3].y).toBe(3 * ROW_H + GAP_H);
  });

  it('has no rows and a short height when nothing is watched', () => {
    const l = layoutLadder([pkt(0, 0, 'in', 'SYN')], [], 600, words);
    expect(l.rows).toEqual([]);
    expect(l.now_y).toBe(0);
  });
});
