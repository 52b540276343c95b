// Marker lifecycle on a hand-driven clock: one burst per place and code, then a fade; Step markers stay put.
import { describe, expect, it } from 'vitest';
import { FADE_MS, HOLD_FRAMES, HOLD_MS, MarkerBoard, PER_PLACE } from '../../src/viz/queue_markers.ts';
import { packMarkers } from '../../src/viz/queue_pack.ts';

const ev = (code: string, n: number, place = 'syn_in') => ({ place, code, tone: 'drop', times: n, counts: [['TCPReqQFullDrop', n]] as [string, number][] });

describe('MarkerBoard', () => {
  it('adds up a burst at one place, then fades it and opens a new one', () => {
    const b = new MarkerBoard(HOLD_MS, FADE_MS, 0);
    b.add([ev('syn_queue_full_drop', 312)], 0, false);
    b.add([ev('syn_queue_full_drop', 300)], 33, false);
    expect(b.list().map((m) => m.counts.get('TCPReqQFullDrop'))).toEqual([612]);
    expect(b.nextDue(33)).toBe(HOLD_MS - 33);
    expect(b.tick(HOLD_MS)).toBe(true);
    expect(b.list()[0].closedAt).toBe(HOLD_MS);
    b.add([ev('syn_queue_full_drop', 5)], HOLD_MS + 10, false);
    expect(b.list().map((m) => [m.counts.get('TCPReqQFullDrop'), m.closedAt])).toEqual([[612, HOLD_MS], [5, null]]);
    b.tick(HOLD_MS + FADE_MS);
    expect(b.list().map((m) => m.counts.get('TCPReqQFullDrop'))).toEqual([5]);
  });
  it(`waits for ${HOLD_FRAMES} frames too, so a page that falls behind still shows a marker`, () => {
    const b = new MarkerBoard();
    b.add([ev('syn_queue_full_drop', 1)], 0, false);
    expect(b.tick(HOLD_MS * 5)).toBe(false);
    expect(b.nextDue(HOLD_MS * 5)).toBeNull();
    for (let i = 0; i < HOLD_FRAMES; i++) b.beginFrame(HOLD_MS * 5);
    expect(b.nextDue(HOLD_MS * 5)).toBe(0);
    expect(b.tick(HOLD_MS * 5)).toBe(true);
    expect(b.list()[0].closedAt).toBe(HOLD_MS * 5);
  });
  it('adds counts a frame could only take from the counters to the open marker of those counters', () => {
    const b = new MarkerBoard();
    b.add([{ place: 'acc_in', code: 'cookie_valid_child', tone: 'cookie', times: 1, counts: [['SyncookiesRecv', 1]] }], 0, false);
    b.add([{ place: 'acc_in', code: 'uncarried_acc_in_cookie', tone: 'cookie', times: 2, counts: [['SyncookiesRecv', 2]] }], 40, false);
    expect(b.list().map((m) => [m.code, m.counts.get('SyncookiesRecv')])).toEqual([['cookie_valid_child', 3]]);
  });
  it('keeps different codes and places apart', () => {
    const b = new MarkerBoard();
    b.add([ev('syn_queue_full_drop', 1), ev('syn_accept_queue_full', 1), ev('req_overflow_acked', 1, 'acc_in')], 0, false);
    expect(b.list().map((m) => `${m.place}/${m.code}`)).toEqual(['syn_in/syn_queue_full_drop', 'syn_in/syn_accept_queue_full', 'acc_in/req_overflow_acked']);
  });
  it('keeps a marker made while stepping until the next frame', () => {
    const b = new MarkerBoard();
    b.add([ev('syn_queue_full_drop', 1)], 0, true);
    expect(b.tick(60_000)).toBe(false);
    expect(b.nextDue(60_000)).toBeNull();
    b.beginFrame(60_000);
    expect(b.list()[0].closedAt).toBe(60_000);
    b.add([ev('syn_queue_full_drop', 1)], 60_000, true);
    expect(b.list().length).toBe(2);
  });
  it('freezes open markers when the run pauses, and lets them fade once it moves on', () => {
    const b = new MarkerBoard();
    b.add([ev('syn_queue_full_drop', 9)], 0, false);
    b.freeze();
    expect(b.tick(HOLD_MS * 10)).toBe(false);
    b.beginFrame(HOLD_MS * 10);
    expect(b.list()[0].closedAt).toBe(HOLD_MS * 10);
  });
  it(`keeps at most ${PER_PLACE} markers per place, dropping fading ones first`, () => {
    const b = new MarkerBoard();
    b.add([ev('a', 1)], 0, false);
    b.tick(HOLD_MS);
    for (const c of ['b', 'c', 'd']) b.add([ev(c, 1)], HOLD_MS + 1, false);
    expect(b.list().map((m) => m.code)).toEqual(['b', 'c', 'd']);
  });
});

describe('packMarkers', () => {
  it('puts the newest marker nearest the queue and wraps to the next line', () => {
    const p = packMarkers([{ id: 1, side: 'left', w: 200 }, { id: 2, side: 'left', w: 200 }, { id: 3, side: 'right', w: 150 }], 2, 400);
    expect(p.get(3)).toEqual({ line: 0, side: 'right', x: 0, w: 150 });
    expect(p.get(2)).toEqual({ line: 0, side: 'left', x: 0, w: 200 });
    expect(p.get(1)).toEqual({ line: 1, side: 'left', x: 0, w: 200 });
  });
  it('leaves out what does not fit', () => {
    const p = packMarkers([{ id: 1, side: 'left', w: 300 }, { id: 2, side: 'left', w: 300 }], 1, 400);
    expect([...p.keys()]).toEqual([2]);
  });
});
