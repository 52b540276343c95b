// Messages from outside the worker are checked before anything happens: a malformed one gets an error reply that
// says where it is wrong, and the worker's state is exactly as it was.
import { describe, expect, it } from 'vitest';
import { MAX_SCENARIO_CHARS, parseFromWorker, parseToWorker } from '../../src/worker/check.ts';
import { SimHost } from '../../src/worker/host.ts';
import { PROTOCOL_VERSION, type FromWorker } from '../../src/worker/protocol.ts';
import { fakeEnv, fakeOpen, type FakeSim } from './fake.ts';

const v = PROTOCOL_VERSION;

describe('parseToWorker', () => {
  it('accepts every message type and rebuilds it without unknown fields', () => {
    const good = [
      { v, type: 'load', gen: 1, text: '{}' },
      { v, type: 'reset', gen: 2 },
      { v, type: 'run_to_end' },
      { v, type: 'step' },
      { v, type: 'play', speed: 0.25 },
      { v, type: 'pause' },
      { v, type: 'act', action: { kind: 'sysctl', name: 'net.core.somaxconn', value: '128' } },
      { v, type: 'act', action: { kind: 'listen', backlog: -1 } },
      { v, type: 'act', action: { kind: 'accept', interval_ms: null } },
      { v, type: 'act', action: { kind: 'accept', interval_ms: 0.5 } },
      { v, type: 'act', action: { kind: 'traffic', normal_per_s: 10, flood_per_s: 10000 } },
      { v, type: 'shell', id: 3, line: 'ss -lnt' },
      { v, type: 'watch', clients: [0, 5, 7] },
      { v, type: 'step_back' },
      { v, type: 'seek', to: { events: 12 } },
      { v, type: 'seek', to: { t_ms: 1500.5 } },
    ];
    for (const m of good) expect(parseToWorker({ ...m, extra: 'dropped' })).toEqual({ ok: true, msg: m });
  });

  const bad: [string, unknown, string][] = [
    ['not an object', 'step', ''],
    ['null', null, ''],
    ['an array', [v, 'step'], ''],
    ['no version', { type: 'step' }, 'v'],
    ['another version', { v: v + 1, type: 'step' }, 'v'],
    ['an unknown type', { v, type: 'explode' }, 'type'],
    ['an inherited name as type', { v, type: 'toString' }, 'type'],
    ['load without text', { v, type: 'load', gen: 1 }, 'text'],
    ['load with an object as text', { v, type: 'load', gen: 1, text: {} }, 'text'],
    ['load with a huge text', { v, type: 'load', gen: 1, text: ' '.repeat(MAX_SCENARIO_CHARS + 1) }, 'text'],
    ['load without gen', { v, type: 'load', text: '{}' }, 'gen'],
    ['a negative gen', { v, type: 'reset', gen: -1 }, 'gen'],
    ['a fractional gen', { v, type: 'reset', gen: 1.5 }, 'gen'],
    ['play without speed', { v, type: 'play' }, 'speed'],
    ['a zero speed', { v, type: 'play', speed: 0 }, 'speed'],
    ['a negative speed', { v, type: 'play', speed: -1 }, 'speed'],
    ['a NaN speed', { v, type: 'play', speed: NaN }, 'speed'],
    ['an infinite speed', { v, type: 'play', speed: Infinity }, 'speed'],
    ['a speed as string', { v, type: 'play', speed: '2' }, 'speed'],
    ['act without action', { v, type: 'act' }, 'action'],
    ['a sysctl the page does not offer', { v, type: 'act', action: { kind: 'sysctl', name: 'kernel.panic', value: '1' } }, 'action.name'],
    ['a sysctl value that is not text', { v, type: 'act', action: { kind: 'sysctl', name: 'net.core.somaxconn', value: 5 } }, 'action.value'],
    ['a fractional backlog', { v, type: 'act', action: { kind: 'listen', backlog: 1.5 } }, 'action.backlog'],
    ['a backlog beyond int', { v, type: 'act', action: { kind: 'listen', backlog: 2 ** 31 } }, 'action.backlog'],
    ['a zero accept interval', { v, type: 'act', action: { kind: 'accept', interval_ms: 0 } }, 'action.interval_ms'],
    ['a negative flood', { v, type: 'act', action: { kind: 'traffic', normal_per_s: 0, flood_per_s: -1 } }, 'action.flood_per_s'],
    ['too many normal clients', { v, type: 'act', action: { kind: 'traffic', normal_per_s: 1e9, flood_per_s: 0 } }, 'action.normal_per_s'],
    ['an unknown action', { v, type: 'act', action: { kind: 'eval', code: '1' } }, 'action.kind'],
    ['a shell line as array', { v, type: 'shell', id: 1, line: ['ss'] }, 'line'],
    ['a shell without id', { v, type: 'shell', line: 'ss' }, 'id'],
    ['too many watched clients', { v, type: 'watch', clients: [1, 2, 3, 4, 5, 6, 7, 8, 9] }, 'clients'],
    ['a negative client', { v, type: 'watch', clients: [-1] }, 'clients'],
    ['a seek with both targets', { v, type: 'seek', to: { events: 1, t_ms: 2 } }, 'to'],
    ['a seek to negative time', { v, type: 'seek', to: { t_ms: -5 } }, 'to.t_ms'],
  ];
  it.each(bad)('rejects %s, naming the path', (_what, msg, path) => {
    const r = parseToWorker(msg);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0].path).toBe(path);
      expect(r.issues[0].message).toMatch(/^expected /);
    }
  });
});

describe('parseFromWorker', () => {
  it('accepts what the worker sends and rejects a foreign or stale message', () => {
    expect(parseFromWorker({ v, type: 'error', gen: null, code: 'bad_message', issues: [] }).ok).toBe(true);
    expect(parseFromWorker({ v, type: 'frame', gen: 3, frame: {} }).ok).toBe(true);
    expect(parseFromWorker({ v: 0, type: 'frame', gen: 3, frame: {} }).ok).toBe(false);
    expect(parseFromWorker({ v, type: 'frame', gen: null, frame: {} }).ok).toBe(false);
    expect(parseFromWorker({ v, type: 'result', gen: 1, frame: {} }).ok).toBe(false);
    expect(parseFromWorker('hello').ok).toBe(false);
  });
});

describe('SimHost and malformed messages', () => {
  function setup() {
    const sims: FakeSim[] = [];
    const env = fakeEnv(fakeOpen(sims));
    return { env, sims, host: new SimHost(env) };
  }
  const last = (posted: FromWorker[]) => posted[posted.length - 1];

  it('answers a malformed message with bad_message and gen null, before any load', () => {
    const { env, host } = setup();
    host.handle({ v, type: 'play', speed: -3 });
    expect(env.posted).toEqual([
      { v, type: 'error', gen: null, code: 'bad_message', issues: [{ path: 'speed', message: 'expected a number > 0 and ≤ 1000000, got -3' }] },
    ]);
    expect(env.timer).toBeNull();
  });

  it('leaves a loaded run untouched by malformed messages', () => {
    const { env, host, sims } = setup();
    host.handle({ v, type: 'load', gen: 1, text: 'ok:1,2,3' });
    expect(last(env.posted)).toMatchObject({ type: 'loaded', gen: 1, frame: { t_ms: 0, syn_queue: { len: 0, limit: 5 }, accept_queue: { limit: 5 } } });
    const before = env.posted.length;
    for (const junk of [undefined, 42, { v, type: 'load', gen: 2 }, { v, type: 'play', speed: 0 }, { v: 99, type: 'reset', gen: 2 }, { v, type: '__proto__' }]) {
      host.handle(junk);
    }
    expect(env.posted.slice(before).map((m) => (m.type === 'error' ? [m.code, m.gen] : m.type))).toEqual(Array(6).fill(['bad_message', null]));
    expect(sims).toHaveLength(1);
    expect(sims[0].steps).toBe(0);
    expect(env.timer).toBeNull();
    // the run carries on as if nothing had come in
    host.handle({ v, type: 'step' });
    expect(last(env.posted)).toMatchObject({ type: 'frame', gen: 1, frame: { t_ms: 1, syn_queue: { len: 1 }, counters: { ListenOverflows: 1 } } });
  });

  it('keeps the current run when a new scenario is invalid', () => {
    const { env, host, sims } = setup();
    host.handle({ v, type: 'load', gen: 1, text: 'ok:1' });
    host.handle({ v, type: 'load', gen: 2, text: 'not a scenario' });
    expect(last(env.posted)).toMatchObject({ type: 'error', gen: 2, code: 'invalid_scenario', issues: [{ path: 'format' }] });
    host.handle({ v, type: 'run_to_end' });
    expect(last(env.posted)).toMatchObject({ type: 'result', gen: 1, result: { peaks: { syn_recv: 1, accept_queue: 2 } } });
    expect(sims).toHaveLength(1);
  });

  it('answers act, shell and watch, and refuses a change the run rejects', () => {
    const { env, host, sims } = setup();
    host.handle({ v, type: 'load', gen: 4, text: 'ok:1,2' });
    host.handle({ v, type: 'act', action: { kind: 'sysctl', name: 'net.core.somaxconn', value: 'bad' } });
    expect(last(env.posted)).toMatchObject({ type: 'error', gen: 4, code: 'bad_action', issues: [{ path: 'net.core.somaxconn' }] });
    expect(sims[0].acted).toEqual([]);
    host.handle({ v, type: 'act', action: { kind: 'listen', backlog: 9 } });
    expect(env.posted.slice(-2).map((m) => m.type)).toEqual(['acted', 'frame']);
    expect(sims[0].acted).toEqual([{ kind: 'listen', backlog: 9 }]);
    host.handle({ v, type: 'shell', id: 7, line: 'ss -lnt' });
    expect(env.posted.slice(-2)[0]).toEqual({ v, type: 'shell_out', gen: 4, id: 7, line: 'ss -lnt', stdout: 'ran ss -lnt\n', stderr: '', exit: 0 });
    host.handle({ v, type: 'watch', clients: [3, 3, 4] });
    expect(sims[0].watched).toEqual([3, 4]);
  });

  it('steps back and seeks, pausing a step back', () => {
    const { env, host, sims } = setup();
    host.handle({ v, type: 'load', gen: 1, text: 'ok:1,2,3' });
    host.handle({ v, type: 'seek', to: { events: 2 } });
    expect(last(env.posted)).toMatchObject({ type: 'frame', frame: { events: 2, t_ms: 2 } });
    host.handle({ v, type: 'play', speed: 1 });
    host.handle({ v, type: 'step_back' });
    expect(env.timer).toBeNull();
    expect(last(env.posted)).toMatchObject({ type: 'frame', frame: { events: 1, playing: false } });
    host.handle({ v, type: 'seek', to: { t_ms: 10 } });
    expect(last(env.posted)).toMatchObject({ type: 'result', frame: { done: true } });
    expect(sims).toHaveLength(1);
  });

  it('holds paced frames back while the page has not taken the earlier ones, and runs on meanwhile', () => {
    const { env, host, sims } = setup();
    host.handle({ v, type: 'load', gen: 1, text: 'ok:1,2,3,4,5,6,7,8,9' });
    host.handle({ v, type: 'play', speed: 0.01 }); // 1 frame posted, not acknowledged
    const frames = () => env.posted.filter((m) => m.type === 'frame').length;
    env.clock += 100;
    env.timer?.(); // the 2nd
    env.clock += 100;
    env.timer?.(); // held back: two are unanswered
    env.clock += 100;
    env.timer?.();
    expect(frames()).toBe(2);
    expect(sims[0].steps).toBe(3); // the run went on
    host.handle({ v, type: 'frame_ack' });
    env.clock += 100;
    env.timer?.();
    expect(frames()).toBe(3);
    expect(last(env.posted)).toMatchObject({ type: 'frame', frame: { events: 4 } });
  });

  it('refuses commands before a load', () => {
    const { env, host } = setup();
    host.handle({ v, type: 'step' });
    expect(last(env.posted)).toMatchObject({ type: 'error', code: 'no_scenario' });
  });

  it('paces play from the injected clock, and pause stops it', () => {
    const { env, host, sims } = setup();
    host.handle({ v, type: 'load', gen: 1, text: 'ok:1,2,3,9' });
    host.handle({ v, type: 'play', speed: 0.1 });
    expect(last(env.posted)).toMatchObject({ type: 'frame', frame: { playing: true } });
    env.clock = 25; // 25 ms of wall time at 0.1× is 2.5 ms simulated
    env.timer?.();
    expect(last(env.posted)).toMatchObject({ type: 'frame', frame: { t_ms: 2.5, playing: true } });
    expect(sims[0].steps).toBe(2);
    host.handle({ v, type: 'pause' });
    expect(env.timer).toBeNull();
    expect(last(env.posted)).toMatchObject({ type: 'frame', frame: { playing: false } });
  });

  it('stops a run whose model throws until it is reset', () => {
    const { env, host, sims } = setup();
    host.handle({ v, type: 'load', gen: 1, text: 'ok:1,2' });
    sims[0].throwAt = 0;
    host.handle({ v, type: 'step' });
    expect(last(env.posted)).toMatchObject({ type: 'error', gen: 1, code: 'sim_failed' });
    host.handle({ v, type: 'step' });
    expect(last(env.posted)).toMatchObject({ type: 'error', code: 'sim_failed' });
    host.handle({ v, type: 'reset', gen: 2 });
    expect(last(env.posted)).toMatchObject({ type: 'loaded', gen: 2 });
    host.handle({ v, type: 'run_to_end' });
    expect(last(env.posted)).toMatchObject({ type: 'result', gen: 2, frame: { done: true, t_ms: 10 } });
  });
});
