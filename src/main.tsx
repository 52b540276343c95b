/// <reference types="vite/client" />
// The page's entry: one store, one worker behind the bridge, then React. The store starts in the language the
// URL or the browser asks for; the preset list and the first scenario load without any setup. A link
// (src/ui/share/link_state.ts) then reopens its moment: the scenario (?preset= or #scenario=), the lesson at its
// step, and the cursor with the changes made while running. ?embed=1 renders the embed (src/ui/EmbedApp.tsx).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAppStore } from './store/store.ts';
import { createBridge } from './store/bridge.ts';
import { saveFile } from './ui/save_file.ts';
import { createSimClient } from './worker/client.ts';
import { App } from './ui/App.tsx';
import { EmbedApp } from './ui/EmbedApp.tsx';
import { readEmbed } from './embed/params.ts';
import { readLink } from './ui/share/link_state.ts';
import { linkOpener } from './ui/share/open_link.ts';
import { AppContext } from './ui/context.ts';
import { langFrom } from './ui/i18n/index.ts';
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

const embed = readEmbed(window.location.search);
const store = createAppStore(langFrom(window.location.search, navigator.language));
const bridge = createBridge({ store, connect: createSimClient, fetchText, baseUrl: document.baseURI, saveFile });

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <AppContext value={{ store, bridge }}>
      {embed ? <EmbedApp config={embed} /> : <App />}
    </AppContext>
  </StrictMode>,
);
// a link's scenario opens instead of the default preset (a broken one shows why, over the preset), then its moment
void linkOpener(store, bridge).start(readLink(new URL(window.location.href)));

// offline after the first visit: the service worker (written by the build, build/offline.ts) precaches the app
if (import.meta.env.PROD && embedded === null && 'serviceWorker' in navigator && window.location.protocol.startsWith('http')) {
  navigator.serviceWorker.register('./sw.js').catch(() => {
    // no offline copy (e.g. a private window): the app works the same online
  });
}
