// Geometry of the queues picture: slots while they are readable, a bar past that; where tokens sit.
import { describe, expect, it } from 'vitest';
import { BASE_H, BASE_W, MAX_SLOTS, barFill, barTicks, layoutFor, rowGeom, slotsOf, tokenAt } from '../../src/viz/queue_layout.ts';

const L = layoutFor(BASE_W, BASE_H);

describe('layoutFor', () => {
  it('scales to its host and gives spare height to the bands, not the rows', () => {
    expect(L.scale).toBe(1);
    const big = layoutFor(BASE_W * 1.5, BASE_H * 2);
    expect(big.scale).toBe(1.5);
    expect(big.W).toBeCloseTo(BASE_W);
    expect(big.syn.h).toBe(L.syn.h);
    expect(big.bandA.h).toBeGreaterThan(L.bandA.h);
    expect(big.accept.top).toBeGreaterThan(big.syn.top + big.syn.h);
  });
  it('keeps a usable size before the host has one', () => {
    expect(layoutFor(0, 0).W).toBe(BASE_W);
  });
});

describe('rowGeom', () => {
  it('draws backlog + 1 slots, both queues ending at the ACK connector', () => {
    const syn = rowGeom(L, 'syn', 3, 5);
    const acc = rowGeom(L, 'accept', 2, 5);
    expect(syn.mode).toBe('slots');
    expect(syn.n).toBe(5);
    expect(syn.x0 + syn.n * syn.pitch).toBeCloseTo(L.xr);
    expect(acc.x0).toBeCloseTo(syn.x0);
    expect(syn.tokenR).toBeGreaterThanOrEqual(9);
  });
  it('has no slots while nothing listens', () => {
    expect(rowGeom(L, 'syn', 0, 0).mode).toBe('none');
  });
  it(`switches to a bar past ${MAX_SLOTS} slots, and the bar draws a bounded strip of tokens`, () => {
    expect(rowGeom(L, 'syn', 10, MAX_SLOTS).mode).toBe('slots');
    const bar = rowGeom(L, 'syn', 50_000, 65_536);
    expect(bar.mode).toBe('bar');
    expect(bar.maxTokens).toBeGreaterThan(10);
    expect(bar.maxTokens).toBeLessThan(64);
  });
  it('draws more slots than the limit when a smaller listen() left more entries in the queue', () => {
    const g = rowGeom(L, 'accept', 12, 9);
    expect(g.n).toBe(12);
    const slots = slotsOf(g);
    expect(slots.filter((s) => s.over).map((s) => s.i)).toEqual([9, 10, 11]);
    expect(slots.every((s) => s.used)).toBe(true);
  });
});

describe('tokenAt and slotsOf', () => {
  it('puts the oldest request at the SYN queue’s right end (next to the ACK) and fills slots from there', () => {
    const g = rowGeom(L, 'syn', 2, 5);
    const oldest = tokenAt(L, g, 0);
    const next = tokenAt(L, g, 1);
    expect(oldest.x).toBeCloseTo(L.xr - g.pitch / 2);
    expect(next.x).toBeLessThan(oldest.x);
    expect(oldest.y).toBe(L.syn.mid);
    expect(slotsOf(g).map((s) => s.used)).toEqual([false, false, false, true, true]);
  });
  it('puts the accept queue’s head at its left end, next to accept()', () => {
    const g = rowGeom(L, 'accept', 2, 5);
    expect(tokenAt(L, g, 0).x).toBeCloseTo(g.x0 + g.pitch / 2);
    expect(tokenAt(L, g, 0).y).toBe(L.accept.mid);
    expect(slotsOf(g).map((s) => s.used)).toEqual([true, true, false, false, false]);
  });
  it('fills a bar from the queue’s exit end in proportion', () => {
    const syn = rowGeom(L, 'syn', 1024, 4097);
    const fill = barFill(L, syn);
    expect(fill.x + fill.w).toBeCloseTo(L.xr);
    expect(fill.w / (L.xr - syn.x0)).toBeCloseTo(1024 / 4097);
    const acc = rowGeom(L, 'accept', 9000, 4097);
    expect(barFill(L, acc)).toEqual({ x: acc.x0, w: L.xr - acc.x0 });
  });
});

describe('barTicks', () => {
  it('marks a 2^k + 1 queue on powers of two', () => {
    expect(barTicks(4097)).toEqual([512, 1024, 1536, 2048, 2560, 3072, 3584, 4096]);
    expect(barTicks(65_536).length).toBe(7);
  });
  it('marks other sizes on a 1-2-5 step, at most 10 ticks', () => {
    expect(barTicks(1000)).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900]);
    const t = barTicks(301);
    expect(t[0]).toBe(50);
    expect(t.length).toBeLessThanOrEqual(10);
  });
});
