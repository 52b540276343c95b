// The lessons on the real page: every lesson runs through to its end, each prediction is answered, revealed and
// judged — and the judgement is checked against the value the page's own panels show at that moment (the queue
// picture, the counters, the knobs, the clients' tally, the terminal), so the lesson can only call right what the
// model shows. A second pass answers from the revealed value and must be told it is right. A zh-CN lesson is
// photographed for the docs.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, type Locator, type Page } from '@playwright/test';
import { LESSONS } from '../../src/lessons/index.ts';
import { watchProblems } from './page-helpers.ts';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const DOCS = fileURLToPath(new URL('./docs/', import.meta.url));

/** Tcp fields live in /proc/net/snmp (nstat prefix Tcp); the others here in /proc/net/netstat (TcpExt). */
const TCP_FIELDS = new Set(['ActiveOpens', 'PassiveOpens', 'AttemptFails', 'EstabResets', 'CurrEstab', 'InSegs', 'OutSegs', 'RetransSegs', 'InErrs', 'OutRsts']);

const drawer = (page: Page) => page.getByTestId('lesson-drawer');

/** the number in a tool's output: the first line containing `row`, word `word` */
function wordOf(stdout: string, row: string, word: number): number {
  const line = stdout.split('\n').find((l) => l.includes(row));
  return Number(line?.trim().split(/\s+/)[word]);
}

async function attr(l: Locator, name: string): Promise<string> {
  return (await l.first().getAttribute(name)) ?? '';
}

/** Runs a terminal line and returns its output (the terminal panel is the model's shell). */
async function shell(page: Page, line: string): Promise<string> {
  const entries = page.getByTestId('terminal-output').getByTestId('terminal-entry');
  const before = await entries.count();
  const input = page.getByTestId('terminal-input');
  await input.fill(line);
  await input.press('Enter');
  const entry = entries.nth(before);
  await expect(entry).toHaveAttribute('data-state', 'done');
  return (await entry.locator('pre.term-stdout').textContent()) ?? '';
}

/** What the page's panels show for a lesson reader (engine readerKey), read independently of the lesson. */
async function pageValue(page: Page, read: string): Promise<number> {
  const [kind, a, b] = read.split(':');
  switch (kind) {
    case 'accept_len':
      return Number(await attr(page.getByTestId('accept-queue'), 'data-len'));
    case 'syn_len':
      return Number(await attr(page.getByTestId('syn-queue'), 'data-len'));
    case 'backlog': {
      const v = await attr(page.getByTestId('knobs-backlog'), 'data-value');
      return v === '' ? -1 : Number(v);
    }
    case 'port_parity':
      return Number(await attr(page.getByTestId('port'), 'data-value')) % 2;
    case 'tally': {
      let n = 0;
      for (const e of a.split(',')) n += Number(await attr(page.getByTestId(`experience-${e}`), 'data-value'));
      return n;
    }
    case 'counter': {
      const tile = page.getByTestId(`counter-${a}`);
      if ((await tile.count()) > 0) return Number(await attr(tile, 'data-value'));
      const name = `${TCP_FIELDS.has(a) ? 'Tcp' : 'TcpExt'}${a}`;
      return wordOf(await shell(page, `nstat -az ${name}`), name, 1);
    }
    case 'shell': {
      const last = page.getByTestId('terminal-output').getByTestId('terminal-entry').last();
      await expect(last).toHaveAttribute('data-state', 'done');
      return wordOf((await last.locator('pre.term-stdout').textContent()) ?? '', a, Number(b));
    }
    default:
      throw new Error(`unknown reader ${read}`);
  }
}

/** Chooses choice `pick` (or the one whose value is `value`), reveals, and checks the verdict against the page. */
async function answer(page: Page, how: { pick: number } | { value: number }): Promise<{ observed: number; right: boolean }> {
  const d = drawer(page);
  const choices = d.getByTestId('lesson-choice');
  let index = 'pick' in how ? how.pick : -1;
  if ('value' in how) {
    const values = await choices.evaluateAll((els) => els.map((e) => e.getAttribute('data-value')));
    index = values.indexOf(String(how.value));
    expect(index, `a choice with value ${how.value} among ${values.join(' ')}`).toBeGreaterThanOrEqual(0);
  }
  await expect(d.getByTestId('lesson-reveal')).toBeDisabled();
  await choices.nth(index).click();
  await expect(choices.nth(index)).toHaveAttribute('aria-checked', 'true');
  await d.getByTestId('lesson-reveal').click();
  await expect(d).toHaveAttribute('data-phase', 'revealed');
  const result = d.getByTestId('lesson-result');
  const observed = Number(await attr(result, 'data-observed'));
  const right = await attr(result, 'data-right');
  // exactly one choice is right, marked so, and it is the one whose value is what the model showed
  expect(right).toMatch(/^\d+$/);
  const marked = await choices.evaluateAll((els) => els.map((e) => e.getAttribute('data-right')));
  expect(marked.filter((m) => m === 'true')).toHaveLength(1);
  expect(marked[Number(right)]).toBe('true');
  const rightValue = await choices.nth(Number(right)).getAttribute('data-value');
  if (rightValue !== '') expect(Number(rightValue)).toBe(observed);
  // the page's own panels show the same value
  const read = await attr(result, 'data-read');
  expect(await pageValue(page, read), `${await attr(d, 'data-lesson')} step ${await attr(d, 'data-step')}: ${read}`).toBe(observed);
  // and the verdict follows from it
  const isRight = Number(right) === index;
  await expect(result).toHaveClass(isRight ? /is-right/ : /is-wrong/);
  return { observed, right: isRight };
}

test.use({ viewport: { width: 1366, height: 768 } });

test('every lesson runs through: each prediction answered, revealed, and judged by what the panels show', async ({ page }) => {
  test.setTimeout(240_000);
  const problems = watchProblems(page);
  await page.goto('./?lang=en');
  await expect(page.getByTestId('scenario-title')).toHaveAttribute('data-name', /.+/);
  await page.getByRole('button', { name: 'Lessons' }).click();
  await expect(page.getByTestId('lesson-menu').getByRole('listitem')).toHaveCount(LESSONS.length);
  await page.getByTestId(`lesson-open-${LESSONS[0].id}`).click();
  let predictions = 0;
  for (const [n, lesson] of LESSONS.entries()) {
    const d = drawer(page);
    await expect(d).toHaveAttribute('data-lesson', lesson.id);
    for (const [i, step] of lesson.steps.entries()) {
      await expect(d).toHaveAttribute('data-step', String(i));
      await expect(d).toHaveAttribute('data-phase', 'ready');
      // the scenario the lesson built runs, at the moment the step stops at
      await expect(page.getByTestId('scenario-title')).toHaveAttribute('data-name', `lesson-${lesson.id}-${step.scenario}`);
      if (step.predict) {
        await expect(d.getByTestId('lesson-next')).toBeDisabled();
        // the panels that would give the answer away are covered until the reveal
        for (const c of step.predict.conceal.filter((x) => x !== 'port')) {
          await expect(page.locator(`.cell-${c}`)).toHaveAttribute('data-lesson-mark', 'conceal');
        }
        // the first choice, the last one, and so on: both verdicts occur across the run
        await answer(page, { pick: predictions % 2 === 0 ? 0 : (await d.getByTestId('lesson-choice').count()) - 1 });
        predictions++;
        await expect(page.locator(`.cell-${step.predict.reveal.highlight}`)).toHaveAttribute('data-lesson-mark', 'highlight');
      } else if (step.highlight) {
        await expect(page.locator(`.cell-${step.highlight}`)).toHaveAttribute('data-lesson-mark', 'highlight');
      }
      // the drawer never covers the panel the step points to
      const mark = page.locator('[data-lesson-mark="highlight"]');
      if ((await mark.count()) > 0) {
        const [a, b] = [await d.boundingBox(), await mark.boundingBox()];
        expect(a && b && (a.x + a.width <= b.x || b.x + b.width <= a.x), `${lesson.id} step ${i}: drawer beside the highlighted panel`).toBe(true);
      }
      await d.getByTestId('lesson-next').click();
    }
    if (n === LESSONS.length - 1) await expect(page.getByTestId('lesson-menu')).toBeVisible();
  }
  // every lesson is marked done in the list
  await expect(page.getByTestId('lesson-menu').getByText('✓', { exact: false })).toHaveCount(LESSONS.length);
  expect(predictions).toBe(LESSONS.flatMap((l) => l.steps.filter((s) => s.predict)).length);
  expect(problems).toEqual([]);
});

test('answering with the value the model revealed is judged right; the same seed gives the same numbers', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('./?lang=en');
  await page.getByRole('button', { name: 'Lessons' }).click();
  for (const id of ['backlog', 'accept-overflow', 'tools']) {
    await page.getByTestId(`lesson-open-${id}`).click();
    const d = drawer(page);
    await expect(d).toHaveAttribute('data-lesson', id);
    const first = LESSONS.find((l) => l.id === id)!.steps.findIndex((s) => s.predict);
    for (let i = 0; i < first; i++) {
      await expect(d).toHaveAttribute('data-phase', 'ready');
      await d.getByTestId('lesson-next').click();
    }
    await expect(d).toHaveAttribute('data-phase', 'ready');
    const question = await d.getByTestId('lesson-predict').locator('.lesson-question').textContent();
    const { observed } = await answer(page, { pick: 0 });
    // back to the list and into the same lesson: same seed, same question, same numbers
    await d.getByTestId('lesson-list').click();
    await page.getByTestId(`lesson-open-${id}`).click();
    for (let i = 0; i < first; i++) {
      await expect(d).toHaveAttribute('data-phase', 'ready');
      await d.getByTestId('lesson-next').click();
    }
    await expect(d).toHaveAttribute('data-phase', 'ready');
    await expect(d.getByTestId('lesson-predict').locator('.lesson-question')).toHaveText(question ?? '');
    if (id !== 'tools') {
      const { right } = await answer(page, { value: observed });
      expect(right).toBe(true);
      await expect(d.getByTestId('lesson-result')).toContainText('Right.');
    }
    await d.getByTestId('lesson-list').click();
  }
  // Escape closes the drawer and the marks go
  await drawer(page).press('Escape');
  await expect(drawer(page)).toHaveCount(0);
  await expect(page.locator('[data-lesson-mark]')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('a lesson in zh-CN: predicting with the answer covered, then revealed', async ({ page }) => {
  const problems = watchProblems(page);
  // the same numbers every run, so the docs' screenshot changes only when the page does
  await page.addInitScript(() => {
    Math.random = () => 0.25;
  });
  await page.goto('./?lang=zh-CN');
  await page.getByRole('button', { name: '课程' }).click();
  await page.getByTestId('lesson-open-accept-overflow').click();
  const d = drawer(page);
  await expect(d).toHaveAttribute('data-phase', 'ready');
  await expect(d).toContainText('全连接队列');
  await d.getByTestId('lesson-next').click();
  await expect(d).toHaveAttribute('data-phase', 'ready');
  await d.getByTestId('lesson-choice').first().click();
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}lesson-zh-CN-predict.png` });
  await d.getByTestId('lesson-reveal').click();
  await expect(d).toHaveAttribute('data-phase', 'revealed');
  await expect(d.getByTestId('lesson-result')).toContainText('为什么');
  await expect(d.getByTestId('lesson-belief')).toContainText('常见误解');
  await page.screenshot({ path: `${SHOTS}lesson-zh-CN.png` });
  mkdirSync(DOCS, { recursive: true });
  await page.screenshot({ path: `${DOCS}lesson-zh-CN.png` });
  expect(problems).toEqual([]);
});

test('projector width: the drawer keeps to its column and the text grows', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('./?lang=en');
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page.getByTestId('lesson-open-syn-cookies').click();
  const d = drawer(page);
  await expect(d).toHaveAttribute('data-phase', 'ready');
  await d.getByTestId('lesson-next').click();
  await expect(d).toHaveAttribute('data-phase', 'ready');
  await d.getByTestId('lesson-choice').nth(1).click();
  await d.getByTestId('lesson-reveal').click();
  await expect(d).toHaveAttribute('data-phase', 'revealed');
  await page.screenshot({ path: `${SHOTS}lesson-1920.png` });
  const box = await d.boundingBox();
  expect(box && box.width).toBeLessThan(700);
});
