/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { SINGLE_MODE, embeddedFiles, serviceWorker, singleFile } from './build/offline.ts';

export default defineConfig(({ mode }) => ({
  plugins: [
    react(),
    embeddedFiles('public'),
    serviceWorker(),
    singleFile(),
    // the single-file page inlines the worker too (a blob URL), as it has no other file to load it from
    {
      name: 'backlog-inline-worker',
      enforce: 'pre' as const,
      async resolveId(this: { resolve: (id: string, importer?: string) => Promise<{ id: string } | null> }, id: string, importer?: string) {
        if (mode !== SINGLE_MODE || !id.endsWith('.worker.ts?worker')) return null;
        const r = await this.resolve(id.replace(/\?worker$/, ''), importer);
        return r ? `${r.id}?worker&inline` : null;
      },
    },
  ],
  base: './',
  // the single-file page embeds the presets (virtual:embedded-files): no public folder beside it
  publicDir: mode === SINGLE_MODE ? false : 'public',
  // the single-file page runs from file://, where Chromium refuses module workers from blob URLs: classic there
  worker: { format: mode === SINGLE_MODE ? ('iife' as const) : ('es' as const) },
  build: { target: 'es2022' },
  preview: { port: 4173, strictPort: true, host: '127.0.0.1' },
  server: { port: 5173, strictPort: true, host: '127.0.0.1' },
  test: {
    environment: 'node',
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
  },
}));
