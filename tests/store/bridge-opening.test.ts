// What the bridge does with a scenario that is not a preset: a #scenario= link opens instead of the preset; a link
// the worker refuses (or one that could not be read) leaves the preset running and the reason on screen, even after
// the preset has loaded; a text longer than the worker takes is refused without a message to the worker; a refused
// import puts back the run that was there, unchanged.
import { describe, expect, it } from 'vitest';
import { createBridge } from '../../src/store/bridge.ts';
import { createAppStore } from '../../src/store/store.ts';
import type { Problem } from '../../src/store/run.ts';
import { MAX_SCENARIO_CHARS, PROTOCOL_VERSION as v, type FromWorker, type ToWorkerBody } from '../../src/worker/protocol.ts';
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
const FILES: Record<string, string> = {
  'http://host/app/scenarios/index.json': INDEX,
  'http://host/app/scenarios/a.json': 'A',
  'http://host/app/scenarios/b.json': 'B',
};

function setup(files = FILES) {
  const store = createAppStore('en');
  const sent: ToWorkerBody[] = [];
  const fetched: string[] = [];
  let reply: (m: FromWorker) => void = () => {};
  const bridge = createBridge({
    store,
    baseUrl: 'http://host/app/',
    connect: (onMessage) => ((reply = onMessage), { send: (m) => sent.push(m), terminate: () => {} }),
    fetchText: async (url) => {
      fetched.push(url);
      const f = files[url];
      if (f === undefined) throw new Error(`404 ${url}`);
      return f;
    },
  });
  const loaded = (gen: number, name = 'x', t_ms = 0) => reply({ v, type: 'loaded', gen, meta: { ...META, name }, frame: makeFrame({ t_ms }) });
  const refused = (gen: number) => reply({ v, type: 'error', gen, code: 'invalid_scenario', issues: [{ path: 'server.backlog', message: 'expected an integer' }] });
  return { store, sent, fetched, bridge, reply, loaded, refused };
}
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('bridge: scenarios that are not presets', () => {
  it('opens a link instead of the preset', async () => {
    const { store, sent, fetched, bridge, loaded } = setup();
    await bridge.start('a', { text: 'LINK', label: 'link' });
    expect(sent).toEqual([{ type: 'load', gen: 1, text: 'LINK' }]);
    expect(fetched).toEqual(['http://host/app/scenarios/index.json']);
    expect(store.getState()).toMatchObject({ selected: null, custom: 'link', presets: { status: 'ready' } });
    loaded(1, 'linked');
    expect(store.getState()).toMatchObject({ run: { phase: 'live', meta: { name: 'linked' } }, scenarioText: 'LINK', problem: null });
  });

  it('falls back to the preset when the worker refuses the link, and keeps the reason on screen', async () => {
    const { store, sent, bridge, loaded, refused } = setup();
    await bridge.start('a', { text: '{"broken":true}', label: 'link' });
    refused(1);
    await flush();
    expect(sent.at(-1)).toEqual({ type: 'load', gen: 2, text: 'A' });
    expect(store.getState()).toMatchObject({ selected: 'a', custom: null, problem: { code: 'invalid_scenario' } });
    loaded(2, 'a');
    const s = store.getState();
    expect(s).toMatchObject({ run: { phase: 'live', meta: { name: 'a' } }, scenarioText: 'A' });
    expect(s.problem).toEqual({ code: 'invalid_scenario', issues: [{ path: 'server.backlog', message: 'expected an integer' }] });
    // the next scenario the viewer opens clears it
    await bridge.select('b');
    loaded(3, 'b');
    expect(store.getState().problem).toBeNull();
  });

  it('opens the preset with the reason when a link could not be read at all', async () => {
    const { store, sent, bridge, loaded } = setup();
    const problem: Problem = { code: 'bad_link', issues: [{ path: '#scenario=', message: 'not base64url' }] };
    await bridge.start(null, { problem });
    expect(sent).toEqual([{ type: 'load', gen: 1, text: 'B' }]);
    expect(store.getState().problem).toEqual(problem);
    loaded(1, 'b');
    expect(store.getState()).toMatchObject({ selected: 'b', run: { phase: 'live' }, problem });
  });

  it('still opens a link when the preset list cannot be loaded', async () => {
    const { store, sent, bridge, loaded } = setup({});
    await bridge.start(null, { text: 'LINK', label: 'link' });
    expect(sent).toEqual([{ type: 'load', gen: 1, text: 'LINK' }]);
    expect(store.getState().presets).toMatchObject({ status: 'error' });
    loaded(1, 'linked');
    expect(store.getState().run).toMatchObject({ phase: 'live', meta: { name: 'linked' } });
  });

  it('refuses a text longer than the worker takes without sending it, the run unchanged', async () => {
    const { store, sent, bridge, loaded } = setup();
    await bridge.start(null);
    loaded(1, 'b', 1234);
    const before = store.getState();
    bridge.loadText('x'.repeat(MAX_SCENARIO_CHARS + 1), 'big.json');
    const after = store.getState();
    expect(sent).toHaveLength(1);
    expect(after.problem).toEqual({ code: 'too_large', issues: [{ path: 'big.json', message: `${MAX_SCENARIO_CHARS + 1} characters; at most ${MAX_SCENARIO_CHARS}` }] });
    expect({ ...after, problem: null }).toEqual({ ...before, problem: null });
    // exactly the limit is sent
    bridge.loadText('y'.repeat(MAX_SCENARIO_CHARS), 'max.json');
    expect(sent).toHaveLength(2);
  });

  it('a too-long link at start opens the preset with the reason', async () => {
    const { store, sent, bridge } = setup();
    await bridge.start(null, { text: 'z'.repeat(MAX_SCENARIO_CHARS + 1), label: 'link' });
    expect(sent).toEqual([{ type: 'load', gen: 1, text: 'B' }]);
    expect(store.getState().problem).toMatchObject({ code: 'too_large' });
  });

  it('a refused import puts back the run that was there, as it was', async () => {
    const { store, sent, bridge, loaded, refused } = setup();
    await bridge.start('a');
    loaded(1, 'a', 2500);
    const before = store.getState();
    bridge.loadText('{nope', 'bad.json');
    expect(store.getState()).toMatchObject({ custom: 'bad.json', run: { phase: 'loading' } });
    refused(2);
    const after = store.getState();
    expect(after.problem).toMatchObject({ code: 'invalid_scenario' });
    expect({ ...after, problem: null }).toEqual({ ...before, problem: null });
    expect(sent).toHaveLength(2);
  });

  it('report() shows a problem and changes nothing else', async () => {
    const { store, bridge, loaded } = setup();
    await bridge.start(null);
    loaded(1, 'b');
    const before = store.getState();
    const problem: Problem = { code: 'read_failed', issues: [] };
    bridge.report(problem);
    expect(store.getState()).toEqual({ ...before, problem });
  });
});
