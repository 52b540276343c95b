// Just enough of source maps (v3) to say which source file a byte or a profiled function of a built chunk comes
// from: the bench's size breakdown and CPU profile use it. No dependency: the mappings are base64 VLQ.
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...B64].map((c, i) => [c, i]));

/** one generated line's segments: [generated column, source index, source line (0-based)] sorted by column
 * (source and line -1: no source) */
export type LineSegments = [col: number, source: number, line: number][];

export interface SourceMapV3 {
  readonly sources: readonly string[];
  readonly mappings: string;
}

function decodeVlq(text: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const c of text) {
    const d = DIGIT.get(c);
    if (d === undefined) throw new Error(`bad VLQ character ${JSON.stringify(c)}`);
    value += (d & 31) << shift;
    if (d & 32) {
      shift += 5;
      continue;
    }
    out.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return out;
}

/** the mappings per generated line; column restarts on each line, source index and line are delta-coded across
 * the whole map */
export function decodeMappings(mappings: string): LineSegments[] {
  const lines: LineSegments[] = [];
  let source = 0;
  let srcLine = 0;
  for (const line of mappings.split(';')) {
    const segs: LineSegments = [];
    let col = 0;
    for (const seg of line.split(',')) {
      if (seg === '') continue;
      const f = decodeVlq(seg);
      col += f[0];
      if (f.length >= 4) {
        source += f[1];
        srcLine += f[2];
        segs.push([col, source, srcLine]);
      } else segs.push([col, -1, -1]);
    }
    lines.push(segs);
  }
  return lines;
}

/** the source index and source line (0-based) at a generated position (0-based line and column); -1s if none */
export function positionAt(lines: readonly LineSegments[], line: number, col: number): { source: number; line: number } {
  const segs = lines[line];
  if (!segs || segs.length === 0 || segs[0][0] > col) return { source: -1, line: -1 };
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid][0] <= col) lo = mid;
    else hi = mid - 1;
  }
  return { source: segs[lo][1], line: segs[lo][2] };
}

/** the generated text of each source index (-1: unmapped), from each segment to the next or the line's end */
export function textPerSource(code: string, lines: readonly LineSegments[]): Map<number, string> {
  const parts = new Map<number, string[]>();
  const add = (s: number, text: string) => {
    const list = parts.get(s);
    if (list) list.push(text);
    else parts.set(s, [text]);
  };
  code.split('\n').forEach((text, i) => {
    const segs = lines[i] ?? [];
    const line = `${text}\n`;
    if (segs.length === 0) return add(-1, line);
    add(-1, line.slice(0, segs[0][0]));
    segs.forEach(([col, s], k) => add(s, line.slice(col, k + 1 < segs.length ? segs[k + 1][0] : line.length)));
  });
  return new Map([...parts].map(([s, list]) => [s, list.join('')]));
}

/**
 * A readable name for a source path of a map: the npm package for node_modules, else the path from src/ — the whole
 * file path (`detail: 'file'`) or its folder (`'folder'`).
 */
export function sourceLabel(path: string, detail: 'file' | 'folder'): string {
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (nm) return nm[1];
  const src = /(?:^|\/)(src\/.*)$/.exec(path);
  if (src) return detail === 'file' ? src[1] : src[1].slice(0, src[1].lastIndexOf('/') + 1);
  if (path.includes('\0') || /vite|rolldown/.test(path)) return '(bundler runtime)';
  return path;
}
