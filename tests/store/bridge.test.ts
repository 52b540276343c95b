// The bridge feeds the store from worker messages: it loads the preset list and the default preset, drops
// replies about runs the page has moved past, and turns failures into a problem the page can show.
import { describe, expect, it } from 'vitest';
import { createBridge } from '../../src/store/bridge.ts';
import { createAppStore } from '../../src/store/store.ts';
import { PROTOCOL_VERSION as v, type FromWorker, type SimFrame, type ToWorkerBody } from '../../src/worker/protocol.ts';
import { META } from '../worker/fake.ts';
import { makeFrame } from '../fixtures/frames.ts';

const INDEX = JSON.stringify({
  format: 'backlog-presets/1',
  default: 'b',
  presets: [
    { id: 'a', file: 'a.json', title: 'A', title_zh: '甲' },
    { id: 'b', file: 'b.json', title: 'B', title_zh: '乙' },
  ],
});
const frame = (t_ms: number): SimFrame => makeFrame({ t_ms, end_ms: 10 });

function setup(files: Record<string, string>) {
  const store = createAppStore('en');
  const sent: ToWorkerBody[] = [];
  let reply: (m: FromWorker) => void = () => {};
  const bridge = createBridge({
    store,
    baseUrl: 'http://host/app/',
    connect: (onMessage) => ((reply = onMessage), { send: (m) => sent.push(m), terminate: () => {} }),
    fetchText: async (url) => {
      const f = files[url];
      if (f === undefined) throw new Error(`404 ${url}`);
      return f;
    },
  });
  return { store, sent, bridge, reply: (m: FromWorker) => reply(m) };
}

describe('bridge', () => {
  const files = { 'http://host/app/scenarios/index.json': INDEX, 'http://host/app/scenarios/a.json': 'A', 'http://host/app/scenarios/b.json': 'B' };

  it('opens the default preset, relative to the page', async () => {
    const { store, sent, bridge, reply } = setup(files);
    await bridge.start(null);
    expect(sent).toEqual([{ type: 'load', gen: 1, text: 'B' }]);
    expect(store.getState()).toMatchObject({ selected: 'b', run: { phase: 'loading' } });
    reply({ v, type: 'loaded', gen: 1, meta: META, frame: frame(0) });
    expect(store.getState().run).toMatchObject({ phase: 'live', frame: { t_ms: 0 }, result: null });
  });

  it('drops messages about an older run', async () => {
    const { store, bridge, reply } = setup(files);
    await bridge.start('a');
    reply({ v, type: 'loaded', gen: 1, meta: META, frame: frame(0) });
    await bridge.select('b');
    reply({ v, type: 'frame', gen: 1, frame: frame(5) });
    expect(store.getState().run).toEqual({ phase: 'loading' });
    reply({ v, type: 'loaded', gen: 2, meta: META, frame: frame(0) });
    reply({ v, type: 'frame', gen: 1, frame: frame(7) });
    expect(store.getState().run).toMatchObject({ phase: 'live', frame: { t_ms: 0 } });
  });

  it('reports a missing preset file and a broken index as problems', async () => {
    const { store, bridge } = setup({ 'http://host/app/scenarios/index.json': INDEX });
    await bridge.start(null);
    expect(store.getState()).toMatchObject({ run: { phase: 'empty' }, problem: { code: 'fetch_failed' } });
    const broken = setup({ 'http://host/app/scenarios/index.json': '{"format":"nope"}' });
    await broken.bridge.start(null);
    const s = broken.store.getState();
    expect(s).toMatchObject({ presets: { status: 'error' }, problem: { code: 'presets_failed' } });
    expect(s.problem?.issues.map((i) => i.path)).toEqual(['format', 'presets', 'default']);
  });
});
