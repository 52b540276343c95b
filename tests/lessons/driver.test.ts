// The lesson driver against the real worker host and model: it loads the step's scenario, stops at the step's
// moment, waits for the frame (and the terminal's answer) before the step is ready, and at the reveal reads the
// answer from the frame it waited for. Navigation keeps the scenario when it can and reloads it when another
// scenario was opened meanwhile.
import { describe, expect, it } from 'vitest';
import { makeLab } from './harness.ts';
import { lessonById } from '../../src/lessons/index.ts';
import { choicesOf, lessonParams, shellNumber } from '../../src/lessons/engine.ts';

describe('lesson driver', () => {
  it('opens a lesson at a step: loads its scenario, seeks to the step’s moment, then the step is ready', async () => {
    const lab = makeLab();
    expect(lab.driver.open('backlog', 1, 7)).toBe(true);
    expect(lab.store.getState().lesson).toMatchObject({ id: 'backlog', step: 1, seed: 7, phase: 'entering' });
    await lab.settled();
    const s = lab.store.getState();
    expect(s.lesson).toMatchObject({ phase: 'ready', choice: null, observed: null });
    expect(s.run.phase === 'live' && s.run.meta.name).toBe('lesson-backlog-main');
    expect(s.run.phase === 'live' && s.run.frame.t_ms).toBe(0);
    expect(s.custom).toBe('lessons/backlog');
    expect(lab.sent).toEqual(['load', 'seek']);
  });

  it('reveals: the observed value is the frame’s, and exactly one choice has it', async () => {
    const lab = makeLab();
    lab.driver.open('backlog', 2, 3);
    await lab.settled();
    lab.driver.reveal(); // no choice yet: nothing happens
    expect(lab.store.getState().lesson?.phase).toBe('ready');
    lab.driver.choose(0);
    lab.driver.reveal();
    expect(lab.store.getState().lesson?.phase).toBe('revealing');
    await lab.settled();
    const s = lab.store.getState();
    const p = lessonParams(lessonById('backlog')!, 3);
    expect(s.run.phase === 'live' && s.run.frame.t_ms).toBe(1500);
    const acc = s.run.phase === 'live' ? s.run.frame.accept_queue.len : -1;
    expect(s.lesson).toMatchObject({ phase: 'revealed', observed: acc, choice: 0 });
    expect(acc).toBe(p.eff + 1);
    expect(s.lesson?.values?.filter((v) => v === acc)).toHaveLength(1);
    expect(s.lesson?.values).toHaveLength(choicesOf(lessonById('backlog')!.steps[2].predict!, p).length);
    lab.driver.choose(1); // after the reveal the choice is final
    expect(lab.store.getState().lesson?.choice).toBe(0);
  });

  it('keeps the scenario between steps, and reloads it after another scenario was opened', async () => {
    const lab = makeLab();
    lab.driver.open('backlog', 0, 5);
    await lab.settled();
    const gen = lab.store.getState().gen;
    lab.driver.next();
    await lab.settled();
    expect(lab.store.getState().gen).toBe(gen); // same scenario: only pause + seek
    expect(lab.sent.slice(-2)).toEqual(['pause', 'seek']);
    lab.driver.go(3); // the negative-backlog scenario
    await lab.settled();
    const s3 = lab.store.getState();
    expect(s3.gen).toBe(gen + 1);
    expect(s3.run.phase === 'live' && s3.run.meta.name).toBe('lesson-backlog-negative');
    // someone opens another scenario: the lesson's next step loads its own again
    lab.bridge.loadText(JSON.stringify({ format: 'backlog-scenario/1', name: 'other', description: '', sysctl: {}, server: { port: 80, backlog: 1, accept: { mode: 'never' } }, clients: [], duration_ms: 100, sample_every_ms: 50 }), 'x.json');
    await lab.settled();
    lab.driver.back();
    await lab.settled();
    const s = lab.store.getState();
    expect(s.run.phase === 'live' && s.run.meta.name).toBe('lesson-backlog-main');
    expect(s.lesson).toMatchObject({ step: 2, phase: 'ready' });
  });

  it('waits for a step’s terminal line, and reads a reveal from the terminal’s answer', async () => {
    const lab = makeLab();
    const tools = lessonById('tools')!;
    const step = tools.steps.findIndex((s) => s.shell && s.predict);
    lab.driver.open('tools', step, 9);
    expect(lab.store.getState().lesson?.wait?.shell).not.toBeNull();
    await lab.settled();
    const before = lab.store.getState();
    expect(before.lesson?.phase).toBe('ready');
    expect(before.terminal.at(-1)?.line).toBe('nstat -r TcpExtListenOverflows');
    lab.driver.choose(1);
    lab.driver.reveal();
    await lab.settled();
    const s = lab.store.getState();
    const out = s.terminal.at(-1)!;
    expect(out.line).toBe('nstat TcpExtListenOverflows');
    const printed = shellNumber(out.stdout ?? '', 'TcpExtListenOverflows', 1);
    expect(s.lesson?.observed).toBe(printed);
    // what nstat printed is the increase since the step's own nstat, not the total
    const total = s.run.phase === 'live' ? s.run.frame.counters.ListenOverflows ?? 0 : -1;
    expect(printed).toBe(total - (before.lesson?.before?.ListenOverflows ?? 0));
    expect(s.lesson?.values?.[1]).toBe(printed);
  });

  it('next walks through the lessons; the last step marks the lesson done; new numbers change the seed', async () => {
    const lab = makeLab({ seeds: [101, 202] });
    lab.driver.open('container', 99);
    expect(lab.store.getState().lesson).toMatchObject({ id: 'container', step: lessonById('container')!.steps.length - 1, seed: 101 });
    expect(lab.store.getState().lessonsDone).toEqual(['container']);
    await lab.settled();
    lab.driver.next();
    expect(lab.store.getState().lesson).toMatchObject({ id: 'tools', step: 0, seed: 202 });
    lab.driver.reseed();
    expect(lab.store.getState().lesson?.seed).toBe(99);
    expect(lab.driver.open('no-such-lesson')).toBe(false);
    expect(lab.store.getState().lesson?.id).toBe('tools');
    lab.driver.menu(true);
    expect(lab.store.getState().lessonMenu).toBe(true);
    lab.driver.close();
    expect(lab.store.getState()).toMatchObject({ lesson: null, lessonMenu: false });
  });
});
