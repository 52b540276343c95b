// The gzip size of the JavaScript the built page loads at start: the entry script and modulepreload links of
// index.html, every chunk they import statically, and the worker script(s) they start with `new URL(…,
// import.meta.url)` (and the worker's own static imports); a service worker the page registers is listed apart.
// Chunks reached only through import() are lazy and not counted. gzip level 9, as a static host that precompresses
// would serve them; kB = 1000 bytes.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, relative, resolve } from 'node:path';

export interface Chunk {
  /** path relative to the build folder */
  readonly file: string;
  readonly raw: number;
  readonly gzip: number;
  /** 'service worker': registered by the page once it runs, off its critical path (reported, not counted) */
  readonly role: 'entry' | 'preload' | 'import' | 'worker' | 'service worker';
}

const Q = '[`"\']';
const STATIC_IMPORT = new RegExp(`(?:\\bfrom\\s*|\\bimport\\s*)${Q}(\\.{1,2}/[^\`"']+\\.js)${Q}`, 'g');
const WORKER_URL = new RegExp(`new URL\\(\\s*${Q}([^\`"']+\\.js)${Q}\\s*,\\s*import\\.meta\\.url`, 'g');
/** resolved against the document, not the chunk */
const SERVICE_WORKER = new RegExp(`serviceWorker\\.register\\(\\s*${Q}([^\`"']+\\.js)${Q}`, 'g');

function attr(tag: string, name: string): string | null {
  return new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`).exec(tag)?.[1] ?? null;
}

/** script and modulepreload URLs of index.html, in order */
export function initialScripts(html: string): { src: string; role: 'entry' | 'preload' }[] {
  const out: { src: string; role: 'entry' | 'preload' }[] = [];
  for (const m of html.matchAll(/<(script|link)\b[^>]*>/g)) {
    const tag = m[0];
    if (m[1] === 'script' && attr(tag, 'src')) out.push({ src: attr(tag, 'src')!, role: 'entry' });
    if (m[1] === 'link' && attr(tag, 'rel') === 'modulepreload' && attr(tag, 'href')) out.push({ src: attr(tag, 'href')!, role: 'preload' });
  }
  return out;
}

export function startupChunks(outDir: string): Chunk[] {
  const root = resolve(outDir);
  const seen = new Map<string, Chunk>();
  const visit = (abs: string, role: Chunk['role']) => {
    if (seen.has(abs)) return;
    const text = readFileSync(abs);
    seen.set(abs, { file: relative(root, abs), raw: text.length, gzip: gzipSync(text, { level: 9 }).length, role });
    const code = text.toString('utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) visit(resolve(dirname(abs), m[1]), role === 'worker' || role === 'service worker' ? role : 'import');
    for (const m of code.matchAll(WORKER_URL)) visit(resolve(dirname(abs), m[1]), 'worker');
    for (const m of code.matchAll(SERVICE_WORKER)) visit(resolve(root, m[1].replace(/^\//, '')), 'service worker');
  };
  for (const s of initialScripts(readFileSync(join(root, 'index.html'), 'utf8'))) visit(resolve(root, s.src.replace(/^\//, '')), s.role);
  return [...seen.values()];
}
