// @vitest-environment happy-dom
// The lessons UI on the real store, bridge, worker host and model (in-process): the header button opens the list,
// a lesson's drawer shows its step, the prediction card covers the panels that would tell, Reveal shows the
// model's value and marks the choice equal to it, the wrong beliefs appear, and the drawer keeps away from the
// panel it points to. In English and in zh-CN.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { AppContext } from '../../src/ui/context.ts';
import { PanelBoundary } from '../../src/ui/PanelBoundary.tsx';
import { LessonsButton, LessonsDrawer } from '../../src/ui/lessons/LessonsDrawer.tsx';
import { LESSONS } from '../../src/lessons/index.ts';
import { makeLab, type Lab } from '../lessons/harness.ts';
import type { Lang } from '../../src/store/prefs.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const AREAS = ['knobs', 'queues', 'counters', 'packets', 'clients', 'log', 'terminal'];
let mounted: { root: Root; host: HTMLElement } | null = null;

afterEach(() => {
  if (mounted) act(() => mounted!.root.unmount());
  mounted?.host.remove();
  mounted = null;
});

async function page(lang: Lang = 'en'): Promise<{ lab: Lab; host: HTMLElement; settle: () => Promise<void> }> {
  const lab = makeLab({ lang, seeds: [5, 6, 7, 8] });
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  mounted = { root, host };
  act(() =>
    root.render(
      <AppContext value={{ store: lab.store, bridge: lab.bridge }}>
        <LessonsButton />
        <main className="grid">
          {AREAS.map((a) => (
            <PanelBoundary key={a} area={a}>
              <section className="panel">{a}</section>
            </PanelBoundary>
          ))}
          <LessonsDrawer />
        </main>
      </AppContext>,
    ),
  );
  return { lab, host, settle: () => act(() => lab.settled()) };
}

const q = <E extends Element = HTMLElement>(host: HTMLElement, sel: string) => host.querySelector<E & HTMLElement>(sel)!;
const byTestId = (host: HTMLElement, id: string) => q<HTMLButtonElement>(host, `[data-testid="${id}"]`);
const click = (el: HTMLElement) => act(() => el.click());
const cell = (host: HTMLElement, area: string) => q(host, `.cell-${area}`);

describe('lessons UI', () => {
  it('opens the list from the header, then a lesson at its first step', async () => {
    const { host, settle } = await page();
    expect(byTestId(host, 'lesson-drawer')).toBeNull();
    const button = byTestId(host, 'lessons-button');
    expect(button.textContent).toBe('Lessons');
    click(button);
    const items = host.querySelectorAll('[data-testid="lesson-menu"] li');
    expect(items).toHaveLength(LESSONS.length);
    expect(items[0].textContent).toContain('listen()’s backlog and somaxconn');
    click(byTestId(host, 'lesson-open-two-queues'));
    await settle();
    const drawer = byTestId(host, 'lesson-drawer');
    expect(drawer.dataset).toMatchObject({ lesson: 'two-queues', step: '0', phase: 'ready' });
    expect(drawer.getAttribute('aria-label')).toBe('Lesson');
    expect(drawer.textContent).toContain('Lesson 2 of 11');
    expect(drawer.textContent).toContain('Step 1 of 4');
    expect(drawer.textContent).toContain('4.4BSD kept two lists under one limit');
    expect(cell(host, 'queues').dataset.lessonMark).toBe('highlight');
    expect(byTestId(host, 'lesson-back').disabled).toBe(true);
  });

  it('asks before it shows: covered panels, Reveal after a choice, then the model’s value and the right choice', async () => {
    const { lab, host, settle } = await page();
    act(() => void lab.driver.open('backlog', 2, 4));
    await settle();
    const next = byTestId(host, 'lesson-next');
    expect(next.disabled).toBe(true);
    expect(cell(host, 'queues').dataset.lessonMark).toBe('conceal');
    expect(cell(host, 'queues').hasAttribute('inert')).toBe(true);
    expect(cell(host, 'queues').dataset.lessonLabel).toBe('Hidden until you reveal');
    const reveal = byTestId(host, 'lesson-reveal');
    expect(reveal.disabled).toBe(true);
    const choices = [...host.querySelectorAll<HTMLButtonElement>('[data-testid="lesson-choice"]')];
    expect(choices.length).toBeGreaterThanOrEqual(3);
    click(choices[0]);
    expect(choices[0].getAttribute('aria-checked')).toBe('true');
    click(byTestId(host, 'lesson-reveal'));
    await settle();
    const result = byTestId(host, 'lesson-result');
    const s = lab.store.getState();
    const acc = s.run.phase === 'live' ? s.run.frame.accept_queue.len : -1;
    expect(result.dataset.observed).toBe(String(acc));
    const marked = [...host.querySelectorAll<HTMLButtonElement>('[data-testid="lesson-choice"]')];
    const right = marked.filter((b) => b.dataset.right === 'true');
    expect(right).toHaveLength(1);
    expect(right[0].dataset.value).toBe(String(acc));
    expect(right[0].textContent).toContain('the model');
    expect(result.textContent).toContain(right[0] === marked[0] ? 'Right.' : 'Not this time.');
    expect(result.textContent).toContain(`${acc} connections wait in the accept queue.`);
    expect(result.textContent).toContain('sk_acceptq_is_full()');
    expect(q(host, '.lesson-why code')).not.toBeNull();
    expect(byTestId(host, 'lesson-belief').textContent).toContain('A backlog of N lets N connections wait.');
    expect(cell(host, 'queues').dataset.lessonMark).toBe('highlight');
    expect(cell(host, 'queues').hasAttribute('inert')).toBe(false);
    expect(marked.every((b) => b.disabled)).toBe(true);
    expect(byTestId(host, 'lesson-next').disabled).toBe(false);
  });

  it('the choices are a radio group the arrow keys move through', async () => {
    const { lab, host, settle } = await page();
    act(() => void lab.driver.open('two-queues', 1, 4));
    await settle();
    const group = q(host, '[role="radiogroup"]');
    expect(group.getAttribute('aria-label')).toBe('Your prediction');
    const radios = () => [...group.querySelectorAll<HTMLButtonElement>('[role="radio"]')];
    expect(radios().map((r) => r.tabIndex)).toEqual(radios().map((_, i) => (i === 0 ? 0 : -1)));
    const key = (k: string) => act(() => void group.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })));
    key('ArrowDown');
    expect(lab.store.getState().lesson?.choice).toBe(0);
    key('ArrowDown');
    expect(lab.store.getState().lesson?.choice).toBe(1);
    expect(document.activeElement).toBe(radios()[1]);
    expect(radios()[1].getAttribute('aria-checked')).toBe('true');
    key('ArrowUp');
    key('ArrowUp');
    expect(lab.store.getState().lesson?.choice).toBe(radios().length - 1);
  });

  it('docks away from the panel it points to, and Escape closes it', async () => {
    const { lab, host, settle } = await page();
    act(() => void lab.driver.open('backlog', 0, 1)); // points to the knobs (left column)
    await settle();
    expect(byTestId(host, 'lesson-drawer').dataset.side).toBe('right');
    click(byTestId(host, 'lesson-next'));
    await settle();
    expect(byTestId(host, 'lesson-drawer').dataset.side).toBe('left');
    act(() => {
      byTestId(host, 'lesson-drawer').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(byTestId(host, 'lesson-drawer')).toBeNull();
    expect(host.querySelectorAll('[data-lesson-mark]')).toHaveLength(0);
  });

  it('says so when another scenario runs, and takes the learner back', async () => {
    const { lab, host, settle } = await page();
    act(() => void lab.driver.open('backlog', 0, 1));
    await settle();
    expect(byTestId(host, 'lesson-resume')).toBeNull();
    act(() => lab.bridge.reset()); // the same scenario again: still the lesson's
    await settle();
    expect(byTestId(host, 'lesson-resume')).toBeNull();
    act(() => lab.bridge.loadText(JSON.stringify({ format: 'backlog-scenario/1', name: 'other', description: '', sysctl: {}, server: { port: 80, backlog: 1, accept: { mode: 'never' } }, clients: [], duration_ms: 100, sample_every_ms: 50 }), 'x.json'));
    await settle();
    click(byTestId(host, 'lesson-resume'));
    await settle();
    expect(byTestId(host, 'lesson-resume')).toBeNull();
    const s = lab.store.getState();
    expect(s.run.phase === 'live' && s.run.meta.name).toBe('lesson-backlog-main');
  });

  it('the last step lists the beliefs the lesson corrects and leads to the next lesson', async () => {
    const { lab, host, settle } = await page();
    const last = LESSONS[0].steps.length - 1;
    act(() => void lab.driver.open(LESSONS[0].id, last, 2));
    await settle();
    const recap = q(host, '.lesson-recap');
    expect(recap.querySelectorAll('li')).toHaveLength(LESSONS[0].beliefs.length);
    const next = byTestId(host, 'lesson-next');
    expect(next.textContent).toContain('Next lesson');
    click(next);
    await settle();
    expect(byTestId(host, 'lesson-drawer').dataset.lesson).toBe(LESSONS[1].id);
    click(byTestId(host, 'lesson-list'));
    expect(q(host, `[data-testid="lesson-open-${LESSONS[0].id}"]`).textContent).toContain('done');
  });

  it('speaks zh-CN: chrome and lesson written in Chinese, kernel names kept', async () => {
    const { lab, host, settle } = await page('zh-CN');
    expect(byTestId(host, 'lessons-button').textContent).toBe('课程');
    act(() => void lab.driver.open('syn-flood', 1, 3));
    await settle();
    const drawer = byTestId(host, 'lesson-drawer');
    expect(drawer.textContent).toContain('第 5 课，共 11 课');
    expect(drawer.textContent).toContain('半连接队列');
    expect(byTestId(host, 'lesson-reveal').textContent).toBe('揭晓');
    click(host.querySelectorAll<HTMLButtonElement>('[data-testid="lesson-choice"]')[1]);
    click(byTestId(host, 'lesson-reveal'));
    await settle();
    const result = byTestId(host, 'lesson-result');
    expect(result.textContent).toMatch(/答对了。|这次没猜中。/);
    expect(result.textContent).toContain('inet_csk_reqsk_queue_is_full()');
    expect(byTestId(host, 'lesson-belief').textContent).toContain('常见误解');
  });
});
