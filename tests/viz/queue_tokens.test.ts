// Which tokens enter, stay, cross from the SYN queue to the accept queue, or leave, given two frames.
import { describe, expect, it } from 'vitest';
import { BASE_H, BASE_W, layoutFor, rowGeom } from '../../src/viz/queue_layout.ts';
import { TimerTrack, childKey, planTokens, tokensOf, type Token } from '../../src/viz/queue_tokens.ts';
import type { AcceptItem, SynItem } from '../../src/worker/protocol.ts';

const L = layoutFor(BASE_W, BASE_H);
const syn = (id: number, over: Partial<SynItem> = {}): SynItem => ({ id, client: id, spoofed: false, retrans: 0, timeouts: 0, timer_ms: 1000, acked: false, ...over });
const child = (id: number, from_req: number | null, over: Partial<AcceptItem> = {}): AcceptItem => ({ id, client: id, spoofed: false, cookie: false, from_req, ...over });

function tokens(s: SynItem[], a: AcceptItem[], limit = 5): Token[] {
  return tokensOf(L, rowGeom(L, 'syn', s.length, limit), rowGeom(L, 'accept', a.length, limit), s, a, (c) => c < 0);
}
const byKey = (ts: Token[]) => new Map(ts.map((t) => [t.key, t]));

describe('tokensOf', () => {
  it('keys a child by the request it came from, so it is the same token', () => {
    expect(childKey(child(40, 7))).toBe('r7');
    expect(childKey(child(41, null, { cookie: true }))).toBe('c41');
    const ts = tokens([syn(1, { client: -1 })], [child(40, 7)]);
    expect(ts.map((t) => [t.key, t.side, t.spoofed])).toEqual([['r1', 'syn', true], ['r7', 'accept', false]]);
  });
  it('draws no more tokens than the row can hold (a 50,000-entry queue gets a strip)', () => {
    const many = Array.from({ length: 64 }, (_, i) => syn(i));
    const ts = tokensOf(L, rowGeom(L, 'syn', 50_000, 65_536), rowGeom(L, 'accept', 0, 65_536), many, [], () => false);
    expect(ts.length).toBe(rowGeom(L, 'syn', 50_000, 65_536).maxTokens);
    expect(ts.length).toBeLessThan(64);
  });
});

describe('planTokens', () => {
  it('a SYN enters, the final ACK moves it across, accept() takes it out', () => {
    const f0 = tokens([], []);
    const f1 = tokens([syn(7)], []);
    const p1 = planTokens(byKey(f0), f1);
    expect(p1.enter.map((t) => t.key)).toEqual(['r7']);
    expect(p1.exit).toEqual([]);

    const f2 = tokens([syn(8)], [child(40, 7)]);
    const p2 = planTokens(byKey(f1), f2);
    expect(p2.enter.map((t) => t.key)).toEqual(['r8']);
    expect([...p2.crossed]).toEqual(['r7']);
    expect(p2.stay.find((t) => t.key === 'r7')!.side).toBe('accept');

    const f3 = tokens([syn(8)], []);
    const p3 = planTokens(byKey(f2), f3);
    expect(p3.exit.map((t) => [t.key, t.sock])).toEqual([['r7', 40]]);
    expect(p3.crossed.size).toBe(0);
  });
  it('a cookie child enters the accept queue without ever being in the SYN queue', () => {
    const p = planTokens(byKey(tokens([syn(1)], [])), tokens([syn(1)], [child(50, null, { cookie: true })]));
    expect(p.enter.map((t) => [t.key, t.side, t.cookie])).toEqual([['c50', 'accept', true]]);
    expect(p.crossed.size).toBe(0);
  });
  it('notices a SYN-ACK retransmission and moves tokens that shift in their queue', () => {
    const before = tokens([syn(1), syn(2)], []);
    const after = tokens([syn(2, { retrans: 1 })], []);
    const p = planTokens(byKey(before), after);
    expect([...p.retransmitted]).toEqual(['r2']);
    expect(p.exit.map((t) => t.key)).toEqual(['r1']);
    // r2 becomes the oldest: it slides to the right end
    expect(after[0].x).toBeGreaterThan(before[1].x);
  });
});

describe('TimerTrack', () => {
  it('counts the ring down over the interval first seen, and refills it when the timer is re-armed', () => {
    const tt = new TimerTrack();
    expect(tt.fraction('r1', 1000, 0)).toBe(1);
    expect(tt.fraction('r1', 1000, 250)).toBeCloseTo(0.75);
    expect(tt.fraction('r1', 1000, 1000)).toBe(0);
    expect(tt.fraction('r1', 3000, 1000)).toBe(1);
    expect(tt.fraction('r1', 3000, 2000)).toBeCloseTo(0.5);
    tt.keep(new Set());
    expect(tt.fraction('r1', 3000, 2000)).toBe(1);
  });
});
