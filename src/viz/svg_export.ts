// Drawings on screen as files that look the same when opened alone. The page styles its SVGs with stylesheets
// (classes, CSS variables, the page's fonts); a file opened alone has none of these, so each element's computed
// style is written on it. Several SVGs (the ladder's sticky head and its body) are stacked into one drawing, at
// their natural size (their viewBox), under a background. Nothing here reaches the network: the PNG is drawn from
// a data: URL on a canvas of the page.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Inherited presentation properties: written on an element only where they differ from its parent's. */
const INHERITED = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-dashoffset',
  'stroke-linecap', 'stroke-linejoin', 'paint-order', 'font-family', 'font-size', 'font-weight', 'font-style',
  'letter-spacing', 'text-anchor', 'dominant-baseline', 'visibility',
] as const;
/** Properties not inherited, written only where an element has them: hidden, or see-through. (Any display other
 *  than none draws an SVG element the same.) */
const OWN: Readonly<Record<string, (v: string) => boolean>> = { display: (v) => v === 'none', opacity: (v) => v !== '1' };

export interface SvgFile {
  /** the file's text: an XML prolog and one <svg> with every style written on its elements */
  readonly text: string;
  /** its size in CSS px (the drawings' natural size, not the page's zoom) */
  readonly width: number;
  readonly height: number;
}

export interface StackOptions {
  /** painted under the drawings (a CSS colour); none: transparent */
  readonly background?: string;
  /** the drawing's title (a <title> that viewers show) */
  readonly title?: string;
}

/** The natural size of an SVG: its viewBox, else its width and height attributes. */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = (svg.getAttribute('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
  if (box.length === 4 && box.every(Number.isFinite) && box[2] > 0 && box[3] > 0) return { width: box[2], height: box[3] };
  return { width: Number.parseFloat(svg.getAttribute('width') ?? '') || 0, height: Number.parseFloat(svg.getAttribute('height') ?? '') || 0 };
}

type Styles = Readonly<Record<string, string>>;

/** The element's computed values of the properties above. */
function stylesOf(el: Element): Styles {
  const cs = getComputedStyle(el);
  const out: Record<string, string> = {};
  for (const p of [...INHERITED, ...Object.keys(OWN)]) out[p] = cs.getPropertyValue(p).trim();
  // an opacity caught in the middle of an entrance animation is not how the drawing looks
  if ((el as Element & { getAnimations?: () => Animation[] }).getAnimations?.().length) out.opacity = '1';
  return out;
}

/** The declarations the copy of an element needs: those that its parent's values do not already give it. */
function declarations(own: Styles, parent: Styles | null): string {
  const out: string[] = [];
  for (const p of INHERITED) {
    const v = own[p];
    if (v !== '' && v !== parent?.[p]) out.push(`${p}:${v}`);
  }
  for (const [p, drawn] of Object.entries(OWN)) {
    const v = own[p];
    if (v !== '' && drawn(v)) out.push(`${p}:${v}`);
  }
  return out.join(';');
}

/** Attributes that belong to the page (its tests, its inline custom properties), not to the drawing. */
const pageOnly = (name: string) => name === 'style' || name.startsWith('data-');

// XML 1.0 forbids these characters anywhere, even escaped
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const escText = (s: string) => s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s: string) => escText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');

function tag(name: string, attrs: readonly (readonly [string, string])[]): string {
  return `<${name}${attrs.map(([k, v]) => ` ${k}="${escAttr(v)}"`).join('')}`;
}

function close(open: string, name: string, inner: string): string {
  return inner === '' ? `${open}/>` : `${open}>${inner}</${name}>`;
}

/** `src` and its descendants as XML, with the computed styles they need written on them. Written here rather
 *  than with XMLSerializer so the file is the same in every browser (and in tests). */
function serialize(src: Element, parentStyles: Styles | null): string {
  const styles = stylesOf(src);
  const attrs: [string, string][] = [];
  for (const a of Array.from(src.attributes)) if (!pageOnly(a.name)) attrs.push([a.name, a.value]);
  const css = declarations(styles, parentStyles);
  if (css) attrs.push(['style', css]);
  return close(tag(src.localName, attrs), src.localName, children(src, styles));
}

function children(src: Element, styles: Styles): string {
  let inner = '';
  for (const child of Array.from(src.childNodes)) {
    if (child.nodeType === 1) inner += serialize(child as Element, styles);
    else if (child.nodeType === 3) inner += escText(child.textContent ?? '');
  }
  return inner;
}

/**
 * One SVG file of `parts` stacked top to bottom, each at its natural size, every element carrying the style it has
 * on the page. Each part becomes a <g> moved below the previous one, with the part's own attributes that matter
 * to a group (class, aria-label) and all its styles written on it, so its descendants inherit as on the page.
 */
export function stackSvgs(parts: readonly SVGSVGElement[], options: StackOptions = {}): SvgFile {
  const sizes = parts.map(svgSize);
  const width = Math.ceil(Math.max(0, ...sizes.map((s) => s.width)));
  const height = Math.ceil(sizes.reduce((h, s) => h + s.height, 0));
  let inner = '';
  if (options.title) inner += `<title>${escText(options.title)}</title>`;
  if (options.background) inner += `${tag('rect', [['width', '100%'], ['height', '100%'], ['fill', options.background]])}/>`;
  let y = 0;
  parts.forEach((svg, i) => {
    const attrs: [string, string][] = [];
    if (y > 0) attrs.push(['transform', `translate(0,${y})`]);
    for (const name of ['class', 'aria-label']) {
      const v = svg.getAttribute(name);
      if (v !== null) attrs.push([name, v]);
    }
    const styles = stylesOf(svg);
    // the group starts from nothing: every property the part's children inherit is written on it
    const css = declarations({ ...styles, display: 'inline' }, null);
    if (css) attrs.push(['style', css]);
    inner += close(tag('g', attrs), 'g', children(svg, styles));
    y += sizes[i].height;
  });
  const root: [string, string][] = [['xmlns', SVG_NS]];
  if (inner.includes(' xlink:')) root.push(['xmlns:xlink', 'http://www.w3.org/1999/xlink']);
  root.push(['width', String(width)], ['height', String(height)], ['viewBox', `0 0 ${width} ${height}`]);
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${close(tag('svg', root), 'svg', inner)}\n`;
  return { text, width, height };
}

/** Canvas sides and area Chromium and Firefox draw reliably; a longer drawing is drawn smaller. */
const MAX_SIDE = 16_384;
const MAX_AREA = 64 * 1024 * 1024;

/** The scale a PNG of the drawing is drawn at: `wanted`, or less if that canvas would be too large. */
export function pngScale(width: number, height: number, wanted: number): number {
  if (width <= 0 || height <= 0) return wanted;
  return Math.min(wanted, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_AREA / (width * height)));
}

/** The drawing as PNG bytes, `scale` times its natural size (2: sharp on a projector and in slides). */
export async function svgToPng(file: SvgFile, scale = 2): Promise<Uint8Array> {
  const s = pngScale(file.width, file.height, scale);
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(file.text)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(file.width * s));
  canvas.height = Math.max(1, Math.round(file.height * s));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the canvas gave no PNG');
  return new Uint8Array(await blob.arrayBuffer());
}
