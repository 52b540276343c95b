// Sharing on the real page: "Copy link" puts on the clipboard a link that, opened in a fresh page, shows exactly the
// same moment — the same simulated time and event count, the same queues and every counter, the same knob values
// after changes made while running (a knob, listen() again, a terminal sysctl -w) — in the same language. A lesson
// link reopens the lesson at its step with the same numbers; a hand-written #t= opens at that time; a malformed
// part of a link is named on the page while the rest opens; without a clipboard the link is shown in a field.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { watchProblems } from './page-helpers.ts';
import { encodeScenarioLink } from '../../src/ui/scenario/link.ts';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });

test.use({ viewport: { width: 1366, height: 768 } });

/** Everything the page shows that a link must bring back: time, events, queues, knobs and every counter. */
async function moment(page: Page): Promise<Record<string, string | null>> {
  return page.evaluate(() => {
    const out: Record<string, string | null> = {};
    const attr = (sel: string, name: string) => document.querySelector(sel)?.getAttribute(name) ?? null;
    out.ms = attr('[data-testid="sim-time"]', 'data-ms');
    out.events = attr('[data-testid="sim-events"]', 'data-value');
    for (const q of ['syn-queue', 'accept-queue']) {
      out[`${q}.len`] = attr(`[data-testid="${q}"]`, 'data-len');
      out[`${q}.limit`] = attr(`[data-testid="${q}"]`, 'data-limit');
    }
    out.backlog = attr('[data-testid="knobs-backlog"]', 'data-value');
    for (const el of document.querySelectorAll('[data-testid^="counter-"]')) {
      const id = el.getAttribute('data-testid')!;
      if (!(id in out)) out[id] = el.getAttribute('data-value');
    }
    for (const el of document.querySelectorAll<HTMLInputElement>('.knobs input[aria-label], .knobs input[id]')) out[`knob:${el.getAttribute('aria-label') ?? el.id}`] = el.value;
    return out;
  });
}

const events = async (page: Page) => page.getByTestId('sim-events').getAttribute('data-value');

async function shell(page: Page, line: string): Promise<void> {
  const entries = page.getByTestId('terminal-output').getByTestId('terminal-entry');
  const before = await entries.count();
  await page.getByTestId('terminal-input').fill(line);
  await page.getByTestId('terminal-input').press('Enter');
  await expect(entries.nth(before)).toHaveAttribute('data-state', 'done');
}

/** somaxconn-cap, 40 events in, with three changes made while running, then played on a little and paused */
async function makeMoment(page: Page, lang: 'en' | 'zh-CN'): Promise<void> {
  await page.goto(`./?lang=${lang}&preset=somaxconn-cap`);
  await expect(page.getByTestId('scenario-title')).toHaveAttribute('data-name', 'somaxconn-cap');
  const step = page.locator('.controls button[aria-keyshortcuts="ArrowRight"]');
  for (let i = 0; i < 40; i++) await step.click();
  await expect.poll(() => events(page)).toBe('40');
  const somaxconn = page.getByLabel('net.core.somaxconn', { exact: true });
  await somaxconn.fill('64');
  await somaxconn.press('Enter');
  await expect(somaxconn).toHaveValue('64');
  await expect(page.getByTestId('knob-notes')).toHaveAttribute('data-row', 'net.core.somaxconn');
  // leave the field first: its focus hint goes on blur and the rows below move up (a click's mousedown would blur it
  // and its mouseup land elsewhere)
  await somaxconn.blur();
  await page.getByRole('button', { name: lang === 'en' ? 'Call listen(fd, 128) again' : /listen\(fd, 128\)/ }).click();
  await expect(page.getByTestId('accept-queue')).toHaveAttribute('data-limit', '65');
  await shell(page, 'sysctl -w net.ipv4.tcp_abort_on_overflow=1');
  for (let i = 0; i < 25; i++) await step.click();
  await expect.poll(() => events(page)).toBe('65');
}

test('a copied link reopens exactly the same moment, changes made while running included', async ({ page, context, browser }) => {
  const problems = watchProblems(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await makeMoment(page, 'en');
  const before = await moment(page);
  expect(before['accept-queue.limit']).toBe('65');

  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  await expect(page.getByTestId('copy-link-status')).toHaveText('✓ Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const url = new URL(link);
  expect(url.searchParams.get('lang')).toBe('en');
  expect(url.searchParams.get('preset')).toBe('somaxconn-cap');
  expect(url.hash).toMatch(/^#t=[0-9.]+&e=65&c=[A-Za-z0-9_-]+$/);
  await page.screenshot({ path: `${SHOTS}share-copied.png`, clip: { x: 700, y: 0, width: 666, height: 90 } });
  // the address bar says the same once the page settles
  await expect.poll(() => page.url()).toBe(link);

  // a fresh browser (nothing shared with the first page) opens the link at the same moment
  const other = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const fresh = await other.newPage();
  const freshProblems = watchProblems(fresh);
  await fresh.goto(link);
  await expect(fresh.getByTestId('scenario-title')).toHaveAttribute('data-name', 'somaxconn-cap');
  await expect.poll(() => events(fresh)).toBe('65');
  expect(await moment(fresh)).toEqual(before);
  await expect(fresh.getByLabel('net.core.somaxconn', { exact: true })).toHaveValue('64');
  await expect(fresh.getByTestId('run-status')).toHaveAttribute('data-status', 'paused');
  // and runs on from there as the first page does
  await page.getByRole('button', { name: 'Run to end', exact: true }).click();
  await fresh.getByRole('button', { name: 'Run to end', exact: true }).click();
  await expect(fresh.getByTestId('run-status')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done');
  expect(await moment(fresh)).toEqual(await moment(page));
  await other.close();
  expect(problems).toEqual([]);
  expect(freshProblems).toEqual([]);
});

test('without a clipboard the link is shown to copy by hand; a scenario link in zh-CN reopens its moment', async ({ page, browser }) => {
  const problems = watchProblems(page);
  await page.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
  const doc = JSON.parse(await (await page.request.get('./scenarios/slow-accept.json')).text()) as Record<string, unknown>;
  const text = JSON.stringify({ ...doc, name: 'shared-own', title: 'Our own', title_zh: '我们自己的', seed: 4242 });
  await page.goto(`./?lang=zh-CN#scenario=${encodeScenarioLink(text)}`);
  await expect(page.getByTestId('scenario-title')).toHaveAttribute('data-name', 'shared-own');
  await page.getByRole('button', { name: '运行到结束', exact: true }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done');
  // back to the middle of the run
  for (let i = 0; i < 30; i++) await page.locator('.controls button[aria-keyshortcuts="ArrowLeft"]').click();
  const before = await moment(page);

  await page.getByRole('button', { name: '复制链接', exact: true }).click();
  const field = page.getByTestId('share-link');
  await expect(field).toBeVisible();
  await expect(field).toBeFocused();
  const link = await field.inputValue();
  expect(link).toContain('lang=zh-CN');
  expect(link).not.toContain('preset=');
  expect(new URL(link).hash).toMatch(new RegExp(`^#scenario=${encodeScenarioLink(text)}&t=`));
  await page.screenshot({ path: `${SHOTS}share-manual.png`, clip: { x: 566, y: 0, width: 800, height: 200 } });
  const axe = await new AxeBuilder({ page }).include('.share').withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(field).toHaveCount(0);
  await expect(page.getByRole('button', { name: '复制链接', exact: true })).toBeFocused();

  const other = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const fresh = await other.newPage();
  await fresh.goto(link);
  await expect(fresh.getByTestId('scenario-title')).toHaveAttribute('data-name', 'shared-own');
  await expect.poll(() => events(fresh)).toBe(before.events);
  expect(await moment(fresh)).toEqual(before);
  await expect(fresh.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await other.close();
  expect(problems).toEqual([]);
});

test('a lesson link reopens the lesson at its step with the same numbers', async ({ page, context }) => {
  const problems = watchProblems(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./?lang=en#lesson=syn-flood.2.777');
  const drawer = page.getByTestId('lesson-drawer');
  await expect(drawer).toHaveAttribute('data-lesson', 'syn-flood');
  await expect(drawer).toHaveAttribute('data-step', '1');
  await expect(drawer).toHaveAttribute('data-phase', 'ready');
  const text = await drawer.locator('.lesson-text').textContent();
  const before = await moment(page);
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(link).hash).toMatch(/^#lesson=syn-flood\.2\.777(&|$)/);
  expect(link).not.toContain('scenario=');

  const again = await context.newPage();
  await again.goto(link);
  const d2 = again.getByTestId('lesson-drawer');
  await expect(d2).toHaveAttribute('data-phase', 'ready');
  await expect(d2).toHaveAttribute('data-step', '1');
  await expect(d2.locator('.lesson-text')).toHaveText(text ?? '');
  await expect.poll(() => events(again)).toBe(before.events);
  expect(await moment(again)).toEqual(before);
  expect(problems).toEqual([]);
});

test('a hand-written #t= opens at that time; a malformed part is named and the rest opens', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('./?lang=en&preset=slow-accept#t=1500');
  await expect(page.getByTestId('scenario-title')).toHaveAttribute('data-name', 'slow-accept');
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '1500');
  // the address bar then carries the exact cursor too
  await expect.poll(() => new URL(page.url()).hash).toMatch(/^#t=1500&e=[1-9][0-9]*$/);

  await page.goto('./?lang=en&preset=slow-accept#t=1500&e=12x');
  await expect(page.getByTestId('problem')).toHaveAttribute('data-code', 'bad_link');
  await expect(page.getByTestId('problem')).toContainText('#e=');
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '1500');

  // changes the worker refuses (a sysctl that does not exist) are named; the scenario stays at its start
  const bad = Buffer.from(JSON.stringify([{ events: 3, t_ns: 1, action: { kind: 'sysctl', name: 'net.core.nonsense', value: '1' } }])).toString('base64url');
  await page.goto(`./?lang=en&preset=slow-accept#e=10&c=${bad}`);
  await expect(page.getByTestId('problem')).toHaveAttribute('data-code', 'bad_link');
  await expect(page.getByTestId('problem')).toContainText('#c=');
  await expect(page.getByTestId('scenario-title')).toHaveAttribute('data-name', 'slow-accept');
  expect(problems).toEqual([]);
});
