// The embed API (src/embed/api.ts) on the real store, bridge, worker host and model: commands from the parent window
// drive the run and are answered under their id; events (ready, loaded, frame, counter-changed, error) go to the
// parent at the right origin only, throttled; a malformed message is answered with an error and changes nothing; a
// window other than the parent, an origin off the allow-list and other scripts' messages are not listened to.
import { afterEach, describe, expect, it } from 'vitest';
import { EVENT_MS, startEmbedApi, type EmbedWindow } from '../../src/embed/api.ts';
import type { EmbedConfig } from '../../src/embed/params.ts';
import { makeLab, presetText, type Lab } from './harness.ts';

type Posted = { msg: Record<string, unknown>; origin: string };
const COURSE = 'https://course.example';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function fakeWindow(referrer = `${COURSE}/week3.html`) {
  const posted: Posted[] = [];
  const parent = { postMessage: (msg: unknown, origin: string) => void posted.push({ msg: msg as Record<string, unknown>, origin }) };
  const listeners = new Set<(e: MessageEvent) => void>();
  const win: EmbedWindow = {
    addEventListener: (_t, fn) => void listeners.add(fn),
    removeEventListener: (_t, fn) => void listeners.delete(fn),
    parent,
    referrer,
  };
  /** a message as the browser delivers it: from `source` (the parent by default), at `origin` */
  const send = (data: unknown, { source = parent as unknown, origin = COURSE } = {}) => {
    for (const fn of [...listeners]) fn({ data, source, origin } as MessageEvent);
  };
  return { win, parent, posted, send, listeners };
}

const CONFIG: EmbedConfig = { panels: ['queues', 'counters'], controls: true, origins: null };
let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
});

async function setup(config: EmbedConfig = CONFIG, referrer?: string) {
  const lab = makeLab();
  const w = fakeWindow(referrer);
  stop = startEmbedApi({ store: lab.store, bridge: lab.bridge, config, win: w.win }).stop;
  await lab.bridge.start('slow-accept');
  await lab.settled();
  await sleep(EVENT_MS + 20);
  return { lab, ...w, events: (name: string) => w.posted.filter((p) => p.msg.event === name).map((p) => p.msg) };
}

const msg = (m: Record<string, unknown>) => ({ type: 'backlog-lab', v: 1, ...m });
const frameOf = (lab: Lab) => {
  const r = lab.store.getState().run;
  if (r.phase !== 'live') throw new Error('no run');
  return r.frame;
};

describe('embed API', () => {
  it('says ready, then what loaded and where the run is, to the embedding page only', async () => {
    const { posted, events } = await setup();
    expect(posted.map((p) => p.msg.event)).toEqual(['ready', 'loaded', 'frame']);
    expect(posted.every((p) => p.origin === COURSE && p.msg.type === 'backlog-lab' && p.msg.v === 1)).toBe(true);
    expect(events('ready')[0]).toMatchObject({ panels: ['queues', 'counters'], controls: true, lang: 'en', commands: expect.arrayContaining(['load', 'play', 'pause', 'seek']) });
    expect(events('loaded')[0]).toMatchObject({ id: null, name: 'slow-accept', duration_ms: 12000 });
    expect(events('frame')[0]).toMatchObject({ t_ms: 0, events: 0, playing: false, done: false, accept_queue: { len: 0, limit: 5 } });
  });

  it('loads a scenario given as an object, answering under its id; a refused one keeps the run and says why', async () => {
    const { lab, send, events } = await setup();
    const doc = { ...JSON.parse(presetText('accept-overflow.json')), name: 'course-own' };
    send(msg({ cmd: 'load', scenario: doc, id: 'load-1' }));
    await lab.settled();
    expect(events('loaded').at(-1)).toMatchObject({ id: 'load-1', name: 'course-own' });
    expect(lab.store.getState()).toMatchObject({ custom: 'embed', scenarioText: JSON.stringify(doc) });

    send(msg({ cmd: 'load', scenario: { ...doc, duration_ms: -5 }, id: 'load-2' }));
    await lab.settled();
    const err = events('error').at(-1)!;
    expect(err).toMatchObject({ id: 'load-2', message: expect.stringContaining('invalid_scenario') });
    expect(JSON.stringify(err.issues)).toContain('duration_ms');
    expect(events('loaded')).toHaveLength(2);
    expect(lab.store.getState().run).toMatchObject({ phase: 'live', meta: { name: 'course-own' } });
  });

  it('plays, pauses and seeks; counter-changed says what the counters show, previous value included', async () => {
    const { lab, send, events, posted } = await setup();
    send(msg({ cmd: 'play', speed: 10 }));
    await lab.settled();
    expect(lab.store.getState().speed).toBe(10);
    await lab.wall(300);
    expect(frameOf(lab).playing).toBe(true);
    expect(frameOf(lab).t_ms).toBeGreaterThan(0);
    send(msg({ cmd: 'pause' }));
    await lab.settled();
    expect(frameOf(lab).playing).toBe(false);

    const before = posted.length;
    send(msg({ cmd: 'seek', t_ms: 3000 }));
    await lab.settled();
    await sleep(EVENT_MS + 20);
    const f = frameOf(lab);
    expect(f.t_ms).toBe(3000);
    expect(events('frame').at(-1)).toMatchObject({ t_ms: 3000, playing: false });
    const changed = posted.slice(before).map((p) => p.msg).filter((m) => m.event === 'counter-changed');
    expect(changed.length).toBeGreaterThan(0);
    for (const c of changed) expect(c.value).toBe(f.counters[c.field as keyof typeof f.counters] ?? 0);
    expect(changed.map((c) => c.field)).toContain('ListenOverflows');
    expect(changed.every((c) => c.t_ms === 3000 && c.value !== c.previous)).toBe(true);

    // back to the start: the counters go down again, and say so
    send(msg({ cmd: 'seek', events: 0 }));
    await lab.settled();
    await sleep(EVENT_MS + 20);
    expect(events('counter-changed').filter((c) => c.field === 'ListenOverflows').at(-1)).toMatchObject({ value: 0, t_ms: 0 });
  });

  it('throttles: a burst of steps gives one frame event', async () => {
    const { lab, send, events } = await setup();
    const frames = events('frame').length;
    for (let i = 0; i < 20; i++) send(msg({ cmd: 'step' }));
    await lab.settled();
    await sleep(EVENT_MS + 20);
    expect(frameOf(lab).events).toBe(20);
    expect(events('frame').length - frames).toBe(1);
    expect(events('frame').at(-1)).toMatchObject({ events: 20 });
  });

  it('answers get with the state, lang and preset by id, and refuses an unknown preset', async () => {
    const { lab, send, events } = await setup();
    send(msg({ cmd: 'get', id: 9 }));
    expect(events('state').at(-1)).toMatchObject({ id: 9, scenario: 'slow-accept', t_ms: 0, counters: expect.any(Object) });
    send(msg({ cmd: 'lang', lang: 'zh-CN' }));
    expect(lab.store.getState().lang).toBe('zh-CN');
    send(msg({ cmd: 'preset', preset: 'relisten', id: 'p' }));
    // the preset's file is read first, then loaded
    await lab.settled();
    await lab.settled();
    expect(events('loaded').at(-1)).toMatchObject({ id: 'p', name: 'relisten' });
    send(msg({ cmd: 'preset', preset: 'nope', id: 'p2' }));
    expect(events('error').at(-1)).toMatchObject({ id: 'p2', message: expect.stringContaining('no preset "nope" (one of slow-accept') });
  });

  it('refuses a malformed message with an error to its sender, and does nothing else', async () => {
    const { lab, send, posted } = await setup();
    const sent = lab.sent.length;
    const before = posted.length;
    send(msg({ cmd: 'eval', code: 'globalThis.pwned = true', id: 'x' }));
    send(msg({ cmd: 'seek', t_ms: 100, extra: 1 }));
    send('play');
    await lab.settled();
    const replies = posted.slice(before);
    expect(replies.map((r) => [r.msg.event, r.msg.id, r.origin])).toEqual([
      ['error', 'x', COURSE],
      ['error', null, COURSE],
      ['error', null, COURSE],
    ]);
    expect(replies[1].msg.message).toContain("extra: unknown field for 'seek'");
    expect(lab.sent.length).toBe(sent);
    expect(frameOf(lab).t_ms).toBe(0);
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it('does not listen to other windows, to origins off the allow-list, or to other scripts’ messages', async () => {
    const { lab, send, posted } = await setup({ ...CONFIG, origins: ['https://allowed.example'] });
    // events go to the allowed origin only (the referrer is not on the list)
    expect(posted.every((p) => p.origin === 'https://allowed.example')).toBe(true);
    const sent = lab.sent.length;
    const before = posted.length;
    send(msg({ cmd: 'step' }), { source: {} });
    send(msg({ cmd: 'step' }), { origin: COURSE });
    send(msg({ cmd: 'nope' }), { origin: 'https://evil.example' });
    send({ type: 'webpackHotUpdate', cmd: 'x' }, { origin: 'https://allowed.example' });
    await lab.settled();
    expect(lab.sent.length).toBe(sent);
    expect(posted.length).toBe(before);
    send(msg({ cmd: 'step' }), { origin: 'https://allowed.example' });
    await lab.settled();
    expect(frameOf(lab).events).toBe(1);
  });

  it('with no referrer and no allow-list, events wait for the page to speak, then go to its origin', async () => {
    const { lab, send, posted } = await setup(CONFIG, '');
    expect(posted.map((p) => [p.msg.event, p.origin])).toEqual([['ready', '*']]);
    send(msg({ cmd: 'step' }), { origin: 'https://quiet.example' });
    await lab.settled();
    await sleep(EVENT_MS + 20);
    expect(posted.slice(1).map((p) => p.origin)).not.toHaveLength(0);
    expect(posted.slice(1).every((p) => p.origin === 'https://quiet.example')).toBe(true);
  });
});
