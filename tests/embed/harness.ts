// The page's store and bridge wired to the real worker host and model in this process, with the preset files of
// public/scenarios and a hand-cranked wall clock for playing (`wall(ms)` moves it and runs the host's pacing).
// Messages go both ways through the task queue, as through a Worker; `settled()` lets every queued one through.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBridge, type Bridge } from '../../src/store/bridge.ts';
import { createAppStore, type AppStore } from '../../src/store/store.ts';
import type { Lang } from '../../src/store/prefs.ts';
import { SimHost } from '../../src/worker/host.ts';
import { openScenario } from '../../src/worker/open.ts';
import { PROTOCOL_VERSION, type FromWorker } from '../../src/worker/protocol.ts';

export interface Lab {
  readonly store: AppStore;
  readonly bridge: Bridge;
  /** message types sent to the worker, in order */
  readonly sent: string[];
  settled(): Promise<void>;
  /** moves the wall clock by `ms` (in the host's ticks) while playing */
  wall(ms: number): Promise<void>;
}

// paths, not URL objects: under happy-dom the global URL is not the one node:fs takes
const PUBLIC = join(dirname(fileURLToPath(import.meta.url)), '../../public');
export const presetText = (file: string) => readFileSync(join(PUBLIC, 'scenarios', file), 'utf8');

export function makeLab(lang: Lang = 'en'): Lab {
  const store = createAppStore(lang);
  const sent: string[] = [];
  let pending = 0;
  let now = 0;
  const tickers = new Set<() => void>();
  const later = (fn: () => void) => {
    pending++;
    setTimeout(() => {
      pending--;
      fn();
    }, 0);
  };
  const bridge = createBridge({
    store,
    connect: (onMessage: (m: FromWorker) => void) => {
      const host = new SimHost({
        post: (m) => later(() => onMessage(m)),
        now_ms: () => now,
        every: (_ms, fn) => {
          tickers.add(fn);
          return () => tickers.delete(fn);
        },
        open: openScenario,
      });
      return {
        send: (msg) => {
          sent.push(msg.type);
          later(() => host.handle({ ...msg, v: PROTOCOL_VERSION }));
        },
        terminate: () => {},
      };
    },
    fetchText: async (url) => readFileSync(join(PUBLIC, url.replace('http://lab.test/', '')), 'utf8'),
    baseUrl: 'http://lab.test/',
  });
  const settled = async () => {
    for (let i = 0; i < 2000 && pending > 0; i++) await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
  };
  return {
    store,
    bridge,
    sent,
    settled,
    wall: async (ms) => {
      for (let t = 0; t < ms; t += 33) {
        now += 33;
        for (const fn of [...tickers]) fn();
        await settled();
      }
    },
  };
}
