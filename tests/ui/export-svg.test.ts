// @vitest-environment happy-dom
// The SVG export: a standalone, well-formed file with the SVG namespace, every style the page's stylesheets and
// CSS variables gave the drawing written on its elements (only where a parent does not already give it), the
// page's own attributes left out, and stacked parts at their natural size. happy-dom computes declared and
// inherited font properties; the browser's full cascade is checked by tests/e2e/exports.spec.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pngScale, stackSvgs, svgSize } from '../../src/viz/svg_export.ts';
import { backgroundOf, ladderSvg } from '../../src/viz/svg_export_ladder.ts';
import { createLadderView, type LadderInput } from '../../src/viz/ladder.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
let sheet: HTMLStyleElement;
let host: HTMLDivElement;

beforeEach(() => {
  sheet = document.createElement('style');
  sheet.textContent = `
    :root { --syn: #d9822b; --ink: #1d2330; --panel: #fafbfc; }
    .pic { font-size: 12px; font-family: "Noto Sans", sans-serif; }
    .arrow { stroke: var(--syn); stroke-width: 2; stroke-dasharray: 5 3; }
    .flag { fill: var(--ink); font-weight: 700; }
    .small { font-size: 10px; }
    .hidden { display: none; }
    .wrap { background-color: var(--panel); }
  `;
  document.head.append(sheet);
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  sheet.remove();
  host.remove();
});

function svg(markup: string): SVGSVGElement {
  host.insertAdjacentHTML('beforeend', markup);
  return host.lastElementChild as SVGSVGElement;
}

function parse(text: string): Document {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

const styleOf = (el: Element | null | undefined) => el?.getAttribute('style') ?? '';

describe('stackSvgs', () => {
  it('writes a well-formed standalone SVG in the SVG namespace, with a prolog, size and viewBox', () => {
    const a = svg(`<svg class="pic" viewBox="0 0 200 30" width="290" height="43.5"><text class="flag">SYN &amp; &lt;ACK&gt; "x"</text></svg>`);
    const file = stackSvgs([a], { title: 'Packets < 2 & "more"' });
    expect(file.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const doc = parse(file.text);
    const root = doc.documentElement;
    expect(root.localName).toBe('svg');
    expect(root.namespaceURI).toBe(SVG_NS);
    // the natural size (the viewBox), not the page's zoomed width
    expect([file.width, file.height]).toEqual([200, 30]);
    expect(root.getAttribute('viewBox')).toBe('0 0 200 30');
    expect(root.querySelector('title')?.textContent).toBe('Packets < 2 & "more"');
    expect(root.querySelector('text')?.textContent).toBe('SYN & <ACK> "x"');
  });

  it('resolves CSS variables and classes into inline styles', () => {
    const a = svg(`<svg class="pic" viewBox="0 0 100 20"><g><line class="arrow" x1="0" x2="10"/><text class="flag">SYN</text></g></svg>`);
    const doc = parse(stackSvgs([a]).text);
    const line = doc.querySelector('line');
    expect(styleOf(line)).toContain('stroke:#d9822b');
    expect(styleOf(line)).toContain('stroke-width:2');
    expect(styleOf(line)).toContain('stroke-dasharray:5 3');
    expect(styleOf(doc.querySelector('text'))).toContain('fill:#1d2330');
    expect(styleOf(doc.querySelector('text'))).toContain('font-weight:700');
    // the group that stands for the page's <svg> carries what its children inherit
    const group = doc.documentElement.querySelector('g');
    expect(styleOf(group)).toContain('font-size:12px');
    expect(styleOf(group)).toMatch(/font-family:"Noto Sans", sans-serif/);
  });

  it('writes an inherited property only where it differs from the parent', () => {
    const a = svg(`<svg class="pic" viewBox="0 0 100 20"><text id="same">a</text><text id="other" class="small">b</text></svg>`);
    const doc = parse(stackSvgs([a]).text);
    expect(styleOf(doc.getElementById('same'))).not.toContain('font-size');
    expect(styleOf(doc.getElementById('other'))).toContain('font-size:10px');
  });

  it('keeps display:none, and leaves out the page\'s data-* and style attributes', () => {
    const a = svg(`<svg class="pic" viewBox="0 0 100 20" data-testid="ladder" style="--viz-ms: 200ms"><g class="hidden" data-seq="3"><text>gone</text></g><g display="none"/></svg>`);
    const text = stackSvgs([a]).text;
    expect(text).not.toContain('data-');
    expect(text).not.toContain('--viz-ms');
    const doc = parse(text);
    expect(styleOf(doc.querySelector('g.hidden'))).toContain('display:none');
    expect(doc.querySelector('g[display="none"]')).not.toBeNull();
  });

  it('stacks parts top to bottom at their natural size, on the background', () => {
    const head = svg(`<svg class="pic head" viewBox="0 0 200 38" width="290"><text>server</text></svg>`);
    const body = svg(`<svg class="pic body" viewBox="0 0 180 100" aria-label="Packets"><line class="arrow"/></svg>`);
    const file = stackSvgs([head, body], { background: 'rgb(250, 251, 252)' });
    expect([file.width, file.height]).toEqual([200, 138]);
    const doc = parse(file.text);
    const rect = doc.documentElement.querySelector(':scope > rect');
    expect(rect?.getAttribute('fill')).toBe('rgb(250, 251, 252)');
    const groups = doc.documentElement.querySelectorAll(':scope > g');
    expect(groups).toHaveLength(2);
    expect(groups[0].getAttribute('transform')).toBeNull();
    expect(groups[1].getAttribute('transform')).toBe('translate(0,38)');
    expect(groups[1].getAttribute('aria-label')).toBe('Packets');
    expect(groups[1].getAttribute('class')).toBe('pic body');
  });

  it('drops characters XML cannot hold', () => {
    const a = svg(`<svg viewBox="0 0 10 10"><text>a</text></svg>`);
    a.querySelector('text')!.textContent = 'a\u0001b\u0008c';
    const doc = parse(stackSvgs([a]).text);
    expect(doc.querySelector('text')?.textContent).toBe('abc');
  });
});

describe('svgSize and pngScale', () => {
  it('reads the viewBox, else width and height', () => {
    expect(svgSize(svg(`<svg viewBox="0 0 640 480" width="900"></svg>`))).toEqual({ width: 640, height: 480 });
    expect(svgSize(svg(`<svg width="300" height="150"></svg>`))).toEqual({ width: 300, height: 150 });
    expect(svgSize(svg(`<svg viewBox="0 0 0 0" width="30" height="15"></svg>`))).toEqual({ width: 30, height: 15 });
  });

  it('draws at 2× unless the canvas would be too large', () => {
    expect(pngScale(640, 2000, 2)).toBe(2);
    const s = pngScale(640, 12_000, 2);
    expect(s).toBeLessThan(2);
    expect(12_000 * s).toBeLessThanOrEqual(16_384);
    expect(640 * s * 12_000 * s).toBeLessThanOrEqual(64 * 1024 * 1024);
  });
});

describe('ladderSvg', () => {
  function input(): LadderInput {
    return {
      packets: [
        { seq: 1, t_ms: 0, dir: 'in', client: 0, flags: 'SYN', why: null },
        { seq: 2, t_ms: 1, dir: 'out', client: 0, flags: 'SYN|ACK', why: 'synack' },
      ],
      lanes: [{ id: 0, title: '#0', sub: 'queued', tone: 'queued' }],
      server: { title: 'server', sub: 'port 8080' },
      words: { retry: (n) => `retry ${n}`, rtx_timer: 'again (timer)', rtx_syn: 'again (SYN)', cookie: 'cookie', time: (t) => `${t} ms` },
      now: { time: '0.001 s', label: 'now' },
      empty: 'nothing yet',
      follow: 'follow',
      describe: (r) => `${r.flags} #${r.client}`,
      aria_label: 'Packets between the server and the watched clients',
      duration_ms: 0,
    };
  }

  it('is null before the ladder is drawn, and then holds its head and every arrow', () => {
    expect(ladderSvg(host, 'Packets')).toBeNull();
    const view = createLadderView(host);
    view.update(input());
    const file = ladderSvg(host, 'Packets')!;
    const doc = parse(file.text);
    const groups = doc.documentElement.querySelectorAll(':scope > g');
    expect([...groups].map((g) => g.getAttribute('class'))).toEqual(['ladder-head-svg', 'ladder-body']);
    expect(doc.querySelectorAll('g.row')).toHaveLength(2);
    expect(doc.querySelector('.lane-server .title')?.textContent).toBe('server');
    // the markers the arrows point at travel with them
    const marker = doc.querySelector('line.arrow')!.getAttribute('marker-end')!.match(/#([^)]+)/)![1];
    expect(doc.getElementById(marker)?.localName).toBe('marker');
    expect(doc.querySelector('title')?.textContent).toBe('Packets');
    view.destroy();
  });

  it('paints the colour the ladder is seen on', () => {
    host.className = 'wrap';
    expect(backgroundOf(host)).toBe('#fafbfc');
    host.className = '';
    expect(backgroundOf(host)).toBe('#ffffff');
  });
});
