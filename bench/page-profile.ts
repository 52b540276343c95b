// A CPU profile of the page's main thread (Chrome DevTools Protocol `Profiler`), its self time summed per source
// file of the app through the build's source maps — to say which panel or dependency costs the frames.
import { positionAt, sourceLabel, type LineSegments } from './page-sourcemap.ts';

export interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number; // 0-based
  readonly columnNumber: number; // 0-based
}

export interface CpuProfile {
  readonly nodes: readonly { readonly id: number; readonly callFrame: CallFrame }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[]; // µs
  readonly startTime: number;
  readonly endTime: number;
}

/** a built chunk's decoded map, by the chunk's file name (last path segment of a URL) */
export type ChunkMaps = ReadonlyMap<string, { readonly sources: readonly string[]; readonly lines: readonly LineSegments[] }>;

/**
 * Where a profiled frame's code comes from: an app source file or an npm package (`detail: 'file'`), or that and
 * the function's line and name (`'function'`); or V8's own (program), (garbage collector)…; (native) for browser
 * functions called from JavaScript (setAttribute…).
 */
export function frameLabel(f: CallFrame, maps: ChunkMaps, detail: 'file' | 'function' = 'file'): string {
  if (f.url === '') return f.functionName.startsWith('(') ? f.functionName : detail === 'file' ? '(native)' : `(native) ${f.functionName}`;
  const map = maps.get(f.url.slice(f.url.lastIndexOf('/') + 1).split('?')[0]);
  if (!map) return f.url;
  const at = positionAt(map.lines, f.lineNumber, f.columnNumber);
  if (at.source < 0) return '(unmapped)';
  const file = sourceLabel(map.sources[at.source], 'file');
  // minified names mean nothing: the source line says which function it is
  return detail === 'file' || !file.startsWith('src/') ? file : `${file}:${at.line + 1}`;
}

/** self time per label, in ms; sample i lasts until sample i + 1 (the last one until endTime) */
export function selfTime(profile: CpuProfile, label: (f: CallFrame) => string): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, label(n.callFrame)]));
  const out = new Map<string, number>();
  let t = profile.startTime;
  const stamps = profile.timeDeltas.map((d) => (t += d));
  profile.samples.forEach((id, i) => {
    const until = i + 1 < stamps.length ? stamps[i + 1] : profile.endTime;
    const key = byId.get(id) ?? '(unknown)';
    out.set(key, (out.get(key) ?? 0) + Math.max(0, until - stamps[i]) / 1000);
  });
  return out;
}
