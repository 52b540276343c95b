// Links on the real store, bridge, worker host and model: the link of a moment (made from the worker's moment) opens
// in a fresh page at exactly that moment — event count, time, queues, counters and knobs after changes made while
// running — and the link of the reopened page is the same link. A lesson link opens the lesson at its step with the
// same numbers; changes the worker refuses are named as a broken link; the address bar is rewritten only once a
// link has opened, and at most once a second while playing.
import { describe, expect, it } from 'vitest';
import { currentLink } from '../../src/ui/share/current_link.ts';
import { readLink } from '../../src/ui/share/link_state.ts';
import { createLinkOpener } from '../../src/ui/share/open_link.ts';
import { PLAYING_MS, startUrlSync } from '../../src/ui/share/url_sync.ts';
import type { AppState } from '../../src/store/store.ts';
import { makeLab, type Lab } from '../embed/harness.ts';

const PAGE = 'https://lab.example/app/';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function shown(s: AppState) {
  if (s.run.phase !== 'live') throw new Error('no run');
  const f = s.run.frame;
  return { t_ms: f.t_ms, events: f.events, syn: f.syn_queue, accept: f.accept_queue, backlog: f.backlog, counters: f.counters, knobs: f.knobs, name: s.run.meta.name };
}

async function linkOf(lab: Lab, base = `${PAGE}?lang=en`): Promise<URL> {
  const p = currentLink(lab.store, lab.bridge, () => new URL(base));
  await lab.settled();
  const url = await p;
  if (!url) throw new Error('no link');
  return url;
}

async function open(url: URL): Promise<Lab> {
  const lab = makeLab();
  const opener = createLinkOpener(lab.store, lab.bridge);
  const done = opener.start(readLink(url));
  expect(opener.busy()).toBe(true);
  for (let i = 0; i < 20 && opener.busy(); i++) await lab.settled();
  await done;
  expect(opener.busy()).toBe(false);
  return lab;
}

describe('links on the real model', () => {
  it('a moment with changes made while running reopens exactly, and gives back the same link', async () => {
    const lab = makeLab();
    await lab.bridge.start('somaxconn-cap');
    await lab.settled();
    for (let i = 0; i < 40; i++) lab.bridge.step();
    lab.bridge.act({ kind: 'sysctl', name: 'net.core.somaxconn', value: '64' });
    lab.bridge.act({ kind: 'listen', backlog: 128 });
    lab.bridge.shell('sysctl -w net.ipv4.tcp_abort_on_overflow=1');
    lab.bridge.act({ kind: 'traffic', normal_per_s: 50, flood_per_s: 0 });
    lab.bridge.seek({ t_ms: 2500 });
    await lab.settled();
    const before = shown(lab.store.getState());
    expect(before.knobs.sysctl['net.ipv4.tcp_abort_on_overflow']).toBe(1);
    expect(before.backlog).toBe(64);
    const url = await linkOf(lab);
    expect(url.searchParams.get('preset')).toBe('somaxconn-cap');
    expect(url.hash).toMatch(/^#t=2500&e=\d+&c=/);

    const again = await open(url);
    expect(shown(again.store.getState())).toEqual(before);
    expect(again.sent.filter((t) => t === 'moment_open')).toHaveLength(1);
    expect((await linkOf(again)).href).toBe(url.href);
  });

  it('a scenario link (not a preset) carries the scenario; a hand-written #t= opens at that time', async () => {
    const lab = makeLab();
    await lab.bridge.start('slow-accept');
    await lab.settled();
    const text = lab.store.getState().scenarioText!.replace('"slow-accept"', '"own"');
    lab.bridge.loadText(text, 'my-file.json');
    await lab.settled();
    lab.bridge.seek({ t_ms: 1234 });
    await lab.settled();
    const url = await linkOf(lab);
    expect(url.searchParams.has('preset')).toBe(false);
    const again = await open(url);
    expect(again.store.getState()).toMatchObject({ scenarioText: text, custom: 'link' });
    expect(shown(again.store.getState())).toEqual(shown(lab.store.getState()));

    const byHand = await open(new URL(`${PAGE}?preset=slow-accept#t=1500`));
    expect(shown(byHand.store.getState()).t_ms).toBe(1500);
  });

  it('a lesson link opens the lesson at its step with its numbers, and is a lesson link again', async () => {
    const lab = await open(new URL(`${PAGE}?lang=en#lesson=accept-overflow.2.4242`));
    const s = lab.store.getState();
    expect(s.lesson).toMatchObject({ id: 'accept-overflow', step: 1, seed: 4242, phase: 'ready' });
    expect(s.custom).toBe('lessons/accept-overflow');
    const url = await linkOf(lab);
    expect(url.hash).toMatch(/^#lesson=accept-overflow\.2\.4242(&t=[\d.]+&e=\d+)?$/);
    expect(url.hash).not.toContain('scenario=');
    const again = await open(url);
    expect(again.store.getState().lesson).toMatchObject({ id: 'accept-overflow', step: 1, seed: 4242, phase: 'ready' });
    expect(shown(again.store.getState())).toEqual(shown(s));
  });

  it('a lesson open over another scenario: the link carries both, and reopens both', async () => {
    const lab = await open(new URL(`${PAGE}?lang=en#lesson=backlog.1.99`));
    const other = JSON.stringify({ ...JSON.parse(lab.store.getState().scenarioText!), name: 'elsewhere' });
    lab.bridge.loadText(other, 'mine.json');
    await lab.settled();
    lab.bridge.step();
    await lab.settled();
    const url = await linkOf(lab);
    expect(url.hash).toMatch(/^#scenario=[\w-]+&lesson=backlog\.1\.99&t=[\d.]+&e=1$/);
    const again = await open(url);
    const s = again.store.getState();
    expect(s.lesson).toMatchObject({ id: 'backlog', step: 0, seed: 99 });
    expect(s).toMatchObject({ scenarioText: other, custom: 'link' });
    expect(shown(s)).toEqual(shown(lab.store.getState()));
  });

  it('names changes the worker refuses as a broken link; the scenario still opens', async () => {
    const c = Buffer.from(JSON.stringify([{ events: 3, t_ns: 1, action: { kind: 'sysctl', name: 'net.core.nonsense', value: '1' } }])).toString('base64url');
    const lab = await open(new URL(`${PAGE}?preset=slow-accept#e=10&c=${c}`));
    const s = lab.store.getState();
    expect(s.problem).toMatchObject({ code: 'bad_link', issues: [{ path: expect.stringContaining('#c=') }] });
    expect(s.run).toMatchObject({ phase: 'live', meta: { name: 'slow-accept' } });
  });

  it('keeps the address bar as the link: not while a link opens, then soon after a change, at most once a second while playing', async () => {
    const lab = makeLab();
    let href = `${PAGE}?lang=en&projector=1&preset=slow-accept#t=700`;
    const writes: string[] = [];
    const opener = createLinkOpener(lab.store, lab.bridge);
    const sync = startUrlSync({ store: lab.store, bridge: lab.bridge, opener, read: () => new URL(href), write: (u) => void writes.push((href = u.href)) });
    const opening = opener.start(readLink(new URL(href)));
    for (let i = 0; i < 20 && opener.busy(); i++) {
      await lab.settled();
      expect(writes).toEqual([]);
    }
    await opening;
    await sleep(400);
    await lab.settled();
    expect(shown(lab.store.getState()).t_ms).toBe(700);
    // the link's own fragment, with the exact cursor added; ?projector= stays
    expect(href).toMatch(/\?lang=en&projector=1&preset=slow-accept#t=700&e=\d+$/);
    const settledWrites = writes.length;

    lab.bridge.setLang('zh-CN');
    await sleep(300);
    await lab.settled();
    expect(new URL(href).searchParams.get('lang')).toBe('zh-CN');
    expect(writes.length).toBe(settledWrites + 1);

    lab.bridge.play();
    const start = writes.length;
    const t0 = Date.now();
    for (let i = 0; i < 40; i++) await lab.wall(33);
    const elapsed = Date.now() - t0;
    lab.bridge.pause();
    await sleep(PLAYING_MS + 300);
    await lab.settled();
    // one write a second at most while playing (plus the one after the pause)
    expect(writes.length - start).toBeLessThanOrEqual(Math.ceil(elapsed / PLAYING_MS) + 2);
    const f = shown(lab.store.getState());
    expect(href).toContain(`e=${f.events}`);
    sync.stop();
  });
});
