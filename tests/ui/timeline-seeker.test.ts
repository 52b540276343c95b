// Seeking while dragging or holding a key: one seek in flight; the latest target waits for the worker's answer (a
// frame with `replace`) and replaces any older one; a lost answer does not block seeking for good.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, type AppStore } from '../../src/store/store.ts';
import type { ScenarioMeta, SeekTarget, SimFrame } from '../../src/worker/protocol.ts';
import { createSeeker, SEEK_TIMEOUT_MS } from '../../src/ui/timeline/seeker.ts';
import { makeFrame } from '../fixtures/frames.ts';

const META = { name: 'x', duration_ms: 10_000 } as ScenarioMeta;

let store: AppStore;
const sent: SeekTarget[] = [];
const frame = (f: SimFrame) => store.setState({ run: { phase: 'live', meta: META, frame: f, result: null } });

beforeEach(() => {
  vi.useFakeTimers();
  store = createAppStore('en');
  frame(makeFrame());
  sent.length = 0;
});
afterEach(() => vi.useRealTimers());

describe('seeker', () => {
  it('sends one seek at a time and then only the latest target', () => {
    const s = createSeeker(store, (to) => sent.push(to));
    s.to({ t_ms: 100 });
    s.to({ t_ms: 200 });
    s.to({ t_ms: 300 });
    expect(sent).toEqual([{ t_ms: 100 }]);
    expect(s.heading()).toEqual({ t_ms: 300 });
    // a frame of play sent before the seek was handled is not its answer
    frame(makeFrame({ t_ms: 50, playing: true }));
    expect(sent).toHaveLength(1);
    frame(makeFrame({ t_ms: 100, replace: true }));
    expect(sent).toEqual([{ t_ms: 100 }, { t_ms: 300 }]);
    frame(makeFrame({ t_ms: 300, replace: true }));
    expect(s.heading()).toBeNull();
    s.to({ events: 0 });
    expect(sent).toEqual([{ t_ms: 100 }, { t_ms: 300 }, { events: 0 }]);
    s.destroy();
  });

  it('a refused seek (a problem) or no answer at all frees it', () => {
    const s = createSeeker(store, (to) => sent.push(to));
    s.to({ t_ms: 1 });
    s.to({ t_ms: 2 });
    store.setState({ problem: { code: 'sim_failed', issues: [] } });
    expect(sent).toEqual([{ t_ms: 1 }, { t_ms: 2 }]);
    s.to({ t_ms: 3 });
    vi.advanceTimersByTime(SEEK_TIMEOUT_MS - 1);
    expect(sent).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([{ t_ms: 1 }, { t_ms: 2 }, { t_ms: 3 }]);
    s.destroy();
  });
});
