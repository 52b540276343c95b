// The timeline's pure parts: marks grouped into lanes by counter family, the tick a click or [ ] opens, the time
// labels, the tooltips, and the picture's geometry (what a pointer is over).
import { describe, expect, it } from 'vitest';
import { TIMELINE_FIELDS } from '../../src/worker/timeline.ts';
import type { TimelineMark } from '../../src/worker/protocol.ts';
import { FAMILY_OF, headOf, laneTicker, laneTicks, tickAfter } from '../../src/ui/timeline/ticks.ts';
import { axisOf, axisStep, tickTip, ticksMemo, ticksOf } from '../../src/ui/timeline/view_input.ts';
import { translator } from '../../src/ui/i18n/index.ts';
import { GUTTER, PICK_PX, geometry, laneAt, legendAt, pick, xOf } from '../../src/viz/timeline_layout.ts';

const en = translator('en');
const zh = translator('zh-CN');
const mark = (bucket: number, field: TimelineMark['field'], moves: number, first_event: number): TimelineMark => ({ bucket, field, moves, first_event });

describe('lanes', () => {
  it('every counter the worker follows has a lane', () => {
    for (const f of TIMELINE_FIELDS) expect(FAMILY_OF[f], f).toBeDefined();
  });

  it('groups the counters of one family into one tick, earliest decision first', () => {
    const ticks = laneTicks([
      mark(3, 'ListenDrops', 12, 501),
      mark(3, 'ListenOverflows', 12, 501),
      mark(3, 'SyncookiesSent', 4, 480),
      mark(1, 'TCPSynRetrans', 2, 90),
      mark(1, 'TCPTimeouts', 2, 89),
    ]);
    expect(ticks.map((t) => t.key)).toEqual(['retrans:1', 'drops:3', 'cookies:3']);
    const drops = ticks[1];
    expect(drops.moves).toBe(24);
    // same first event: the family's order (ListenOverflows before ListenDrops) decides what a click selects
    expect(drops.parts.map((p) => p.field)).toEqual(['ListenOverflows', 'ListenDrops']);
    expect(headOf(ticks[0])).toEqual({ field: 'TCPTimeouts', moves: 2, first_event: 89 });
    expect(ticks.map((t) => t.lane)).toEqual([2, 0, 1]);
  });

  it('reuses the ticks of buckets whose marks did not change (a flood frame changes a few)', () => {
    const a = mark(1, 'ListenOverflows', 1, 10);
    const b = mark(2, 'ListenOverflows', 1, 20);
    const ticker = laneTicker();
    const first = ticker([a, b]);
    expect(first).toEqual(laneTicks([a, b]));
    const b2 = { ...b, moves: 5 };
    const second = ticker([a, b2, mark(3, 'PassiveOpens', 1, 30)]);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1].moves).toBe(5);
    expect(second.map((t) => t.key)).toEqual(['drops:1', 'drops:2', 'opens:3']);
    // marks out of bucket order are grouped afresh, never doubled
    expect(ticker([b, a, mark(1, 'ListenDrops', 1, 11)]).map((t) => t.key)).toEqual(['drops:1', 'drops:2']);
    // the picture's ticks too: unchanged ones (same lane maximum) are the same objects, a new selection changes them
    const c = mark(2, 'PassiveOpens', 1, 20);
    const memo = ticksMemo();
    const v1 = memo([a, c], null).view;
    const v2 = memo([a, { ...c, moves: 5 }], null).view;
    expect(v2[0]).toBe(v1[0]);
    expect(v2[1]).not.toBe(v1[1]);
    expect(memo([a, { ...c, moves: 5 }], 'PassiveOpens').view[0]).not.toBe(v2[0]);
  });

  it('draws no tick for a counter it does not know', () => {
    expect(laneTicks([mark(0, 'InSegs', 5, 1)])).toEqual([]);
  });

  it('[ and ] open the previous and next decision, strictly before or after the present', () => {
    const ticks = laneTicks([mark(1, 'ListenOverflows', 1, 100), mark(2, 'PassiveOpens', 1, 200), mark(5, 'SyncookiesSent', 1, 300)]);
    expect(headOf(tickAfter(ticks, 0, 1)!).first_event).toBe(100);
    expect(headOf(tickAfter(ticks, 100, 1)!).first_event).toBe(200);
    expect(headOf(tickAfter(ticks, 200, -1)!).first_event).toBe(100);
    expect(headOf(tickAfter(ticks, 250, -1)!).first_event).toBe(200);
    expect(tickAfter(ticks, 300, 1)).toBeNull();
    expect(tickAfter(ticks, 100, -1)).toBeNull();
  });
});

describe('what the picture is given', () => {
  it('weights ticks by the log of their moves within their lane, and marks the selected counter', () => {
    const { view } = ticksOf([mark(0, 'ListenOverflows', 100, 1), mark(1, 'ListenOverflows', 10, 5), mark(1, 'PassiveOpens', 1, 6)], 'ListenOverflows');
    const byKey = Object.fromEntries(view.map((v) => [v.key, v]));
    expect(byKey['drops:0'].weight).toBe(1);
    expect(byKey['drops:1'].weight).toBeCloseTo(0.5);
    // alone in its lane: full height
    expect(byKey['opens:1'].weight).toBe(1);
    expect(byKey['drops:1'].emphasis).toBe('sel');
    expect(byKey['opens:1'].emphasis).toBe('dim');
    expect(byKey['drops:1']).toMatchObject({ x0: 1 / 400, x1: 2 / 400, field: 'ListenOverflows', event: 5, fields: 'ListenOverflows' });
    expect(ticksOf([mark(0, 'ListenOverflows', 1, 1)], null).view[0].emphasis).toBeNull();
  });

  it('time labels at 1, 2 or 5 × 10^k, the end always labelled', () => {
    expect(axisStep(12_000, 10)).toBe(2000);
    expect(axisStep(600_000, 10)).toBe(100_000);
    expect(axisStep(250, 10)).toBe(50);
    expect(axisOf(12_000, en, 'en').map((m) => m.label)).toEqual(['0 s', '2 s', '4 s', '6 s', '8 s', '10 s', '12 s']);
    expect(axisOf(2_500, en, 'en').map((m) => m.label)).toEqual(['0.0 s', '0.5 s', '1.0 s', '1.5 s', '2.0 s', '2.5 s']);
    // a step label too close to the end gives way to it
    expect(axisOf(10_300, en, 'en').map((m) => m.label).slice(-2)).toEqual(['8 s', '10.3 s']);
    expect(axisOf(12_000, zh, 'zh-CN')[1].label).toBe('2 秒');
    expect(axisOf(0, en, 'en')).toEqual([]);
  });

  it('a tick says each counter, how often and from when, then what a click does', () => {
    const [tick] = laneTicks([mark(40, 'ListenOverflows', 12, 700), mark(40, 'ListenDrops', 12, 700)]);
    expect(tickTip(tick, 12_000, en, 'en')).toEqual({
      lines: ['ListenOverflows ×12 from 1.20 s', 'ListenDrops ×12 from 1.20 s'],
      hint: 'Click: go to the decision that moved ListenOverflows',
    });
    expect(tickTip(tick, 12_000, zh, 'zh-CN').lines[0]).toBe('ListenOverflows ×12，自 1.20 秒起');
    // a short run: buckets under 10 ms get milliseconds
    expect(tickTip(tick, 2_000, en, 'en').lines[0]).toBe('ListenOverflows ×12 from 0.200 s');
  });
});

describe('geometry', () => {
  const g = geometry(466, 40, 4);
  const ticks = [
    { key: 'a', lane: 0, x0: 0.5, x1: 0.5025 },
    { key: 'b', lane: 1, x0: 0.5, x1: 0.5025 },
    { key: 'c', lane: 0, x0: 0.6, x1: 0.6025 },
  ];
  const mid = (lane: number) => 2 + (lane + 0.5) * g.laneH;

  it('places fractions of the run on the track right of the legend', () => {
    expect(g.trackW).toBe(466 - GUTTER - 12);
    expect(g.laneH).toBe(6.5);
    expect(xOf(g, 0)).toBe(GUTTER);
    expect(xOf(g, 1)).toBe(GUTTER + g.trackW);
    expect(xOf(g, 2)).toBe(GUTTER + g.trackW);
    expect(laneAt(g, 0)).toBeNull();
    expect(laneAt(g, 3)).toBe(0);
    expect(laneAt(g, mid(3))).toBe(3);
    // the time labels' row
    expect(laneAt(g, 35)).toBeNull();
    // the legend: two columns, two rows over the lanes' height
    expect(legendAt(g, 0)).toEqual({ x: 8, y: 2 + 6.5 });
    expect(legendAt(g, 3)).toEqual({ x: 66, y: 2 + 19.5 });
    expect(legendAt(g, 3).x + 50).toBeLessThan(GUTTER);
  });

  it('picks the tick near the pointer: its own lane first, then the next lane, never further', () => {
    const x = xOf(g, 0.5);
    expect(pick(g, ticks, x + 0.2, mid(0))?.key).toBe('a');
    expect(pick(g, ticks, x + 0.2, mid(1))?.key).toBe('b');
    expect(pick(g, ticks, x - PICK_PX + 0.5, mid(0))?.key).toBe('a');
    expect(pick(g, ticks, x - PICK_PX - 1, mid(0))).toBeNull();
    expect(pick(g, ticks, xOf(g, 0.6), mid(0))?.key).toBe('c');
    // a lane a few pixels high is easy to miss by one
    expect(pick(g, ticks, xOf(g, 0.6), mid(1))?.key).toBe('c');
    expect(pick(g, ticks, x, mid(2))?.key).toBe('b');
    expect(pick(g, ticks, x, mid(3))).toBeNull();
    // over the time labels: no tick (a click there seeks)
    expect(pick(g, ticks, x, 36)).toBeNull();
  });
});
