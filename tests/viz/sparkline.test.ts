// The sparkline draws a counter's history as a line in a 100×20 box: time on x (the history's own span),
// the history's min..max on y, a flat history along the bottom.
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { SPARK_H, SPARK_W, createSparklineView, sparklinePaths } from '../../src/viz/sparkline.ts';

/** the (x, y) vertices of an SVG path made of M/L/H/V commands, as d3 writes them */
function vertices(d: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of d.matchAll(/([MLHVZ])([^MLHVZ]*)/g)) {
    const n = m[2].split(',').filter((s) => s !== '').map(Number);
    const prev = out[out.length - 1];
    if (m[1] === 'M' || m[1] === 'L') out.push([n[0], n[1]]);
    else if (m[1] === 'H') out.push([n[0], prev[1]]);
    else if (m[1] === 'V') out.push([prev[0], n[0]]);
  }
  return out;
}

describe('sparklinePaths', () => {
  it('climbs from the last frame before a move to the frame that saw it, scaled to the history span and range', () => {
    const p = sparklinePaths([{ t: 1000, v: 5 }, { t: 1250, v: 5 }, { t: 1500, v: 5 }, { t: 2000, v: 9 }, { t: 3000, v: 13 }])!;
    const v = vertices(p.line);
    expect(v[0]).toEqual([0, SPARK_H - 1.5]); // oldest point: left edge, lowest value at the bottom
    expect(v[v.length - 1]).toEqual([SPARK_W, 1.5]); // newest: right edge, highest at the top
    // flat (one run, no vertex at t=1250) until the last frame before the move (t=1500: a quarter of the way) …
    expect(v.slice(0, 2)).toEqual([[0, SPARK_H - 1.5], [25, SPARK_H - 1.5]]);
    // … then up to the frame that saw it (t=2000, half-way, value half-way up)
    expect(v[2]).toEqual([50, SPARK_H / 2]);
    expect(v).toHaveLength(4);
  });

  it('after a run to the end (two points), one ramp across the whole run, not a jump at one end', () => {
    expect(vertices(sparklinePaths([{ t: 0, v: 0 }, { t: 12_000, v: 293 }])!.line)).toEqual([[0, SPARK_H - 1.5], [SPARK_W, 1.5]]);
  });

  it('draws a flat history (or a single point) as a line along the bottom, across the whole width', () => {
    for (const pts of [[{ t: 0, v: 7 }, { t: 900, v: 7 }], [{ t: 40, v: 3 }]]) {
      const v = vertices(sparklinePaths(pts)!.line);
      expect(v.every(([, y]) => y === SPARK_H - 1.5)).toBe(true);
      expect(Math.min(...v.map(([x]) => x))).toBe(0);
      expect(Math.max(...v.map(([x]) => x))).toBe(SPARK_W);
    }
  });

  it('closes the area under the line at the bottom; nothing to draw without points', () => {
    const a = vertices(sparklinePaths([{ t: 0, v: 0 }, { t: 10, v: 2 }])!.area);
    expect(a.filter(([, y]) => y === SPARK_H).length).toBeGreaterThanOrEqual(2);
    expect(sparklinePaths([])).toBeNull();
  });
});

describe('createSparklineView', () => {
  it('draws into its host and removes what it drew', () => {
    const host = document.createElement('span');
    const view = createSparklineView(host);
    view.update({ points: [{ t: 0, v: 0 }, { t: 100, v: 4 }] });
    const line = host.querySelector('path.spark-line');
    expect(line?.getAttribute('d')).toBe(sparklinePaths([{ t: 0, v: 0 }, { t: 100, v: 4 }])!.line);
    expect(host.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    view.update({ points: [] });
    expect(line?.hasAttribute('d')).toBe(false);
    view.destroy();
    expect(host.childElementCount).toBe(0);
  });
});
