// The page's store and bridge wired to the real worker host running the real model, in this process: messages go
// both ways through the task queue, as they do through a Worker, so the lesson driver meets the same ordering it
// meets in the browser. `settled()` lets every queued message through.
import { createBridge, type Bridge } from '../../src/store/bridge.ts';
import { createAppStore, type AppStore } from '../../src/store/store.ts';
import { createLessonDriver, type LessonDriver } from '../../src/store/lesson.ts';
import type { Lang } from '../../src/store/prefs.ts';
import { SimHost } from '../../src/worker/host.ts';
import { openScenario } from '../../src/worker/open.ts';
import { PROTOCOL_VERSION, type FromWorker } from '../../src/worker/protocol.ts';

export interface Lab {
  readonly store: AppStore;
  readonly bridge: Bridge;
  readonly driver: LessonDriver;
  /** every message sent to the worker, by type */
  readonly sent: string[];
  settled(): Promise<void>;
}

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

export function makeLab(opts: { lang?: Lang; seeds?: number[] } = {}): Lab {
  const store = createAppStore(opts.lang ?? 'en');
  const sent: string[] = [];
  let pending = 0;
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
        now_ms: () => 0,
        every: () => () => {},
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
    fetchText: () => Promise.reject(new Error('no presets in this test')),
    baseUrl: 'http://lab.test/',
  });
  const seeds = [...(opts.seeds ?? [11, 22, 33, 44, 55])];
  const driver = createLessonDriver({ store, bridge, newSeed: () => seeds.shift() ?? 99 });
  return {
    store, bridge, driver, sent,
    settled: async () => {
      for (let i = 0; i < 1000 && pending > 0; i++) await tick();
      await tick();
    },
  };
}
