// A CPU profile of the page's main thread (Chrome DevTools Protocol `Profiler`), its self time summed per source
// file of the app through the build's source maps — to say which panel or dependency costs the frames.
import { sourceAt, sourceLabel, type LineSegments } from './page-sourcemap.ts';

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

/** where a profiled frame's code comes from: an app source file, an npm package, or V8's own (program), (gc)… */
export function frameLabel(f: CallFrame, maps: ChunkMaps): string {
  if (f.url === '') return f.functionName.startsWith('(') ? f.functionName : '(native)';
  const map = maps.get(f.url.slice(f.url.lastIndexOf('/') + 1).split('?')[0]);
  if (!map) return f.url;
  const s = sourceAt(map.lines, f.lineNumber, f.columnNumber);
  return s < 0 ? '(unmapped)' : sourceLabel(map.sources[s], 'file');
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
