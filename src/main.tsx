/// <reference types="vite/client" />
// The page's entry: one store, one worker behind the bridge, then React. The store starts in the language the
// URL or the browser asks for; the preset list and the first scenario (a preset, or the scenario a #scenario= link
// carries) load without any setup.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAppStore } from './store/store.ts';
import { createBridge } from './store/bridge.ts';
import { saveFile } from './ui/save_file.ts';
import { createSimClient } from './worker/client.ts';
import { App } from './ui/App.tsx';
import { AppContext } from './ui/context.ts';
import { langFrom } from './ui/i18n/index.ts';
import { LINK_LABEL, readScenarioHash } from './ui/scenario/link.ts';
import './ui/app.css';
import embedded from 'virtual:embedded-files';

/** Files of the app: from the single-file build's embedded copies, else over the network (or the service worker). */
async function fetchText(url: string): Promise<string> {
  const key = /scenarios\/[^/?#]+$/.exec(url)?.[0];
  const copy = key !== undefined ? embedded?.[key] : undefined;
  if (copy !== undefined) return copy;
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.text();
}

const params = new URLSearchParams(window.location.search);
const store = createAppStore(langFrom(window.location.search, navigator.language));
const bridge = createBridge({ store, connect: createSimClient, fetchText, baseUrl: document.baseURI, saveFile });

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <AppContext value={{ store, bridge }}>
      <App />
    </AppContext>
  </StrictMode>,
);
// a #scenario= link opens its scenario instead of a preset; a broken one shows why, over the preset
const link = readScenarioHash(window.location.hash);
void bridge.start(
  params.get('preset'),
  link.kind === 'text' ? { text: link.text, label: LINK_LABEL } : link.kind === 'bad' ? { problem: link.problem } : undefined,
);

// offline after the first visit: the service worker (written by the build, build/offline.ts) precaches the app
if (import.meta.env.PROD && embedded === null && 'serviceWorker' in navigator && window.location.protocol.startsWith('http')) {
  navigator.serviceWorker.register('./sw.js').catch(() => {
    // no offline copy (e.g. a private window): the app works the same online
  });
}
