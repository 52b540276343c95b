// The packet ladder (src/viz/ladder.ts) as one drawing: its sticky head (the lanes' names) above its body (the
// arrows), on the panel's background, at its natural size whatever the zoom and the scroll on screen.
import { stackSvgs, type SvgFile } from './svg_export.ts';

const TRANSPARENT = new Set(['', 'transparent', 'rgba(0, 0, 0, 0)']);

/** The colour the element is seen on: its own background or that of the nearest ancestor that has one. */
export function backgroundOf(el: Element | null): string {
  for (let e = el; e; e = e.parentElement) {
    const bg = getComputedStyle(e).backgroundColor;
    if (!TRANSPARENT.has(bg)) return bg;
  }
  return '#ffffff';
}

/** The ladder drawn in `host` as a standalone SVG, or null when it has not been drawn. */
export function ladderSvg(host: HTMLElement, title: string): SvgFile | null {
  const body = host.querySelector<SVGSVGElement>('svg.ladder-body');
  if (!body) return null;
  const head = host.querySelector<SVGSVGElement>('svg.ladder-head-svg');
  return stackSvgs(head ? [head, body] : [body], { background: backgroundOf(head ?? body), title });
}
