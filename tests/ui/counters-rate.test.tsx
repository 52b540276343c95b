// The counters panel's readings from the per-frame history: the rate per simulated second over a window, the
// moment of the latest move (what restarts the flash), and the names nstat prints.
import { describe, expect, it } from 'vitest';
import { KEY_COUNTERS, RATE_WINDOW_MS, lastMoveKey, nstatName, otherMoved, rateOf, seriesOf, shownRate } from '../../src/ui/counters/counters.ts';
import type { CounterPoint } from '../../src/store/live.ts';
import { initialLive, withFrame, type LiveSlice } from '../../src/store/live.ts';
import { makeFrame } from '../fixtures/frames.ts';

/** history points for one counter: [t_ms, value] */
const hist = (pts: [number, number][]): CounterPoint[] => pts.map(([t_ms, v]) => ({ t_ms, counters: { ListenOverflows: v } }));

describe('rateOf', () => {
  it('measures over the last window of simulated time, not the whole history', () => {
    // 10/s for the first 2 s, then 100/s; frames every 100 ms
    const pts: [number, number][] = [];
    for (let t = 0; t <= 3000; t += 100) pts.push([t, t <= 2000 ? t / 100 : 20 + (t - 2000) / 10]);
    const r = rateOf(hist(pts), 'ListenOverflows')!;
    expect(r.span_ms).toBe(RATE_WINDOW_MS);
    expect(r.per_s).toBeCloseTo(100);
    // over a 3 s window it is the average of both phases
    expect(rateOf(hist(pts), 'ListenOverflows', 3000)!.per_s).toBeCloseTo(40);
  });

  it('uses the oldest point when the history is shorter than the window (slow replay, run to the end)', () => {
    expect(rateOf(hist([[0, 0], [200, 1], [400, 4]]), 'ListenOverflows')).toEqual({ per_s: 10, span_ms: 400 });
    // a run to the end: the loaded frame and the last one
    expect(rateOf(hist([[0, 0], [12_000, 393]]), 'ListenOverflows')).toEqual({ per_s: 32.75, span_ms: 12_000 });
  });

  it('frames farther apart than the window: the rate is over the last gap', () => {
    expect(rateOf(hist([[0, 0], [3300, 33], [6600, 99]]), 'ListenOverflows')).toEqual({ per_s: 20, span_ms: 3300 });
  });

  it('is unknown (null) without simulated time to divide by: no point, one point, equal t_ms', () => {
    expect(rateOf([], 'ListenOverflows')).toBeNull();
    expect(rateOf(hist([[500, 9]]), 'ListenOverflows')).toBeNull();
    expect(rateOf(hist([[500, 9], [500, 12]]), 'ListenOverflows')).toBeNull();
    expect(shownRate(hist([[500, 9], [500, 12]]), 'ListenOverflows')).toBeNull();
  });

  it('a missing field counts as 0; a counter that does not move has rate 0', () => {
    expect(rateOf(hist([[0, 3], [1000, 3]]), 'ListenOverflows')!.per_s).toBe(0);
    expect(rateOf(hist([[0, 3], [1000, 8]]), 'TCPSynRetrans')!.per_s).toBe(0);
  });

  it('restarts when a frame replaces the history (load, reset, seek), and holds while paused', () => {
    let s: LiveSlice = initialLive;
    const feed = (t_ms: number, v: number, replace = false) => {
      s = { ...s, ...withFrame(s, makeFrame({ t_ms, replace, counters: { ListenOverflows: v } })) };
    };
    feed(0, 0, true);
    for (let t = 100; t <= 2000; t += 100) feed(t, t / 100); // 10/s
    expect(rateOf(s.history, 'ListenOverflows')!.per_s).toBeCloseTo(10);
    // a paused Step inside the same millisecond replaces the last point: the rate counts the new value
    feed(2000, 25);
    expect(rateOf(s.history, 'ListenOverflows')!.per_s).toBeCloseTo(15);
    // seek back to 500 ms: the history restarts, so there is no rate until simulated time passes again
    feed(500, 5, true);
    expect(rateOf(s.history, 'ListenOverflows')).toBeNull();
    feed(700, 9);
    expect(rateOf(s.history, 'ListenOverflows')).toEqual({ per_s: 20, span_ms: 200 });
  });
});

describe('shownRate', () => {
  it('rounds as the panel prints it: one decimal below 10/s, none above', () => {
    expect(shownRate(hist([[0, 0], [3000, 1]]), 'ListenOverflows')).toBe(0.3);
    expect(shownRate(hist([[0, 0], [1000, 123]]), 'ListenOverflows')).toBe(123);
    expect(shownRate(hist([[0, 0], [3000, 38]]), 'ListenOverflows')).toBe(13);
  });
});

describe('lastMoveKey', () => {
  it('names the latest frame that moved the counter; null when it did not move in the history', () => {
    expect(lastMoveKey(hist([[0, 1], [100, 1], [200, 1]]), 'ListenOverflows')).toBeNull();
    expect(lastMoveKey(hist([[0, 1], [100, 2], [200, 2]]), 'ListenOverflows')).toBe('100:2');
    expect(lastMoveKey(hist([[0, 1], [100, 2], [200, 5]]), 'ListenOverflows')).toBe('200:5');
    // one point after a reset is no move (no flash for a reset)
    expect(lastMoveKey(hist([[0, 0]]), 'ListenOverflows')).toBeNull();
  });
});

describe('names and lists', () => {
  it('prints the MIB table before the field, as nstat does', () => {
    expect(nstatName('ListenOverflows')).toBe('TcpExtListenOverflows');
    expect(nstatName('PassiveOpens')).toBe('TcpPassiveOpens');
    expect(nstatName('InSegs')).toBe('TcpInSegs');
    expect(KEY_COUNTERS.map(nstatName).filter((n) => n.startsWith('Tcp') && !n.startsWith('TcpExt'))).toEqual(['TcpPassiveOpens']);
  });

  it('lists the other counters only when they moved', () => {
    expect(otherMoved({ ListenOverflows: 4, InSegs: 12, OutSegs: 0, CurrEstab: 3 })).toEqual([['InSegs', 12], ['CurrEstab', 3]]);
  });

  it('turns the history into sparkline points', () => {
    expect(seriesOf(hist([[0, 1], [40, 3]]), 'ListenOverflows')).toEqual([{ t: 0, v: 1 }, { t: 40, v: 3 }]);
    expect(seriesOf(hist([[0, 1]]), 'PassiveOpens')).toEqual([{ t: 0, v: 0 }]);
  });
});
