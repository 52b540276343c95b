// What the page benchmark counts as the initial JavaScript of a build, and its static server.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { initialScripts, startupChunks } from '../../bench/page-bundle.ts';
import { serveStatic } from '../../bench/page-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'page-bundle-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files: Record<string, string> = {
  'index.html': `<!doctype html><html><head>
    <script type="module" crossorigin src="./assets/index-A.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/vendor-B.js">
    <link rel="stylesheet" href="./assets/index-C.css">
  </head><body><div id="root"></div></body></html>`,
  'assets/index-A.js': 'import{a}from"./vendor-B.js";import"./shared-D.js";const w=new Worker(new URL(`sim.worker-E.js`,import.meta.url));import("./lazy-F.js");navigator.serviceWorker.register(`./sw.js`);',
  'sw.js': 'self.addEventListener("install",()=>{});',
  'assets/vendor-B.js': 'export const a=1;'.repeat(50),
  'assets/shared-D.js': 'export const d=2;',
  'assets/sim.worker-E.js': "import {x} from './worker-dep-G.js';postMessage(x);",
  'assets/worker-dep-G.js': 'export const x=3;',
  'assets/lazy-F.js': 'export default 4;',
  'assets/index-C.css': 'body{}',
};
mkdirSync(join(dir, 'assets'));
for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);

describe('initial JavaScript of a build', () => {
  it('reads the entry script and the modulepreload links of index.html, not the stylesheet', () => {
    expect(initialScripts(files['index.html'])).toEqual([
      { src: './assets/index-A.js', role: 'entry' },
      { src: './assets/vendor-B.js', role: 'preload' },
    ]);
  });

  it('follows static imports, worker URLs and the service worker (from the document), leaves lazy import() chunks out, and gzips each at level 9', () => {
    const chunks = startupChunks(dir);
    expect(chunks.map((c) => [c.file, c.role])).toEqual([
      ['assets/index-A.js', 'entry'],
      ['assets/vendor-B.js', 'import'],
      ['assets/shared-D.js', 'import'],
      ['assets/sim.worker-E.js', 'worker'],
      ['assets/worker-dep-G.js', 'worker'],
      ['sw.js', 'service worker'],
    ]);
    const vendor = chunks.find((c) => c.file === 'assets/vendor-B.js')!;
    expect(vendor.raw).toBe(files['assets/vendor-B.js'].length);
    expect(vendor.gzip).toBe(gzipSync(files['assets/vendor-B.js'], { level: 9 }).length);
    expect(vendor.gzip).toBeLessThan(vendor.raw);
  });
});

describe('bench static server', () => {
  it('serves the build folder and nothing outside it', async () => {
    const server = await serveStatic(dir);
    try {
      const get = async (path: string) => {
        const r = await fetch(new URL(path, server.url));
        return [r.status, r.headers.get('content-type'), await r.text()];
      };
      expect(await get('/')).toEqual([200, 'text/html; charset=utf-8', files['index.html']]);
      expect(await get('assets/shared-D.js')).toEqual([200, 'text/javascript; charset=utf-8', files['assets/shared-D.js']]);
      expect((await get('missing.js'))[0]).toBe(404);
      expect((await get('/..%2f..%2f..%2fetc/passwd'))[0]).toBe(403);
    } finally {
      await server.close();
    }
  });
});
