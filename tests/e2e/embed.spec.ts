// Embed mode and its postMessage API, from the sample course page (public/course-sample.html): the iframe shows only
// the panels asked for; the page's buttons load a scenario, play, pause and seek, and the counter-changed events it
// lists agree with the counters the embed shows; malformed messages come back as errors and change nothing (and
// nothing is ever run); a window other than the parent, or an origin not on ?origin=, is not listened to. The
// embed fits 480 px without scrolling sideways, and asks for nothing beyond the app's own files.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, type FrameLocator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { watchProblems } from './page-helpers.ts';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const DOCS = fileURLToPath(new URL('./docs/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });

const lab = (page: Page): FrameLocator => page.frameLocator('#lab');

/** axe (WCAG 2 A and AA) on the page, its frames included: the ids of what it finds */
async function axe(page: Page): Promise<string[]> {
  // after the counters' short glow (a 650 ms animation): contrast is read from the colours at rest
  await expect.poll(() => page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length)).toBe(0);
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
const items = (page: Page, id: string) => page.locator(`#${id} li:not(.empty)`);

/** only the app's own origin is ever asked for anything */
function watchRequests(page: Page, origin: string): string[] {
  const foreign: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin !== origin && u.protocol !== 'data:' && u.protocol !== 'blob:') foreign.push(r.url());
  });
  return foreign;
}

async function openSample(page: Page): Promise<void> {
  await page.goto('./course-sample.html');
  await expect(items(page, 'log').first()).toHaveText('ready: panels queues, counters');
  await expect(lab(page).getByTestId('scenario-title')).toHaveAttribute('data-name', /.+/);
}

test('the sample course page drives the embed: load, play, pause, seek; counter-changed agrees with the counters', async ({ page, baseURL }) => {
  const problems = watchProblems(page);
  const foreign = watchRequests(page, new URL(baseURL!).origin);
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.setViewportSize({ width: 1100, height: 1000 });
  await openSample(page);
  const frame = lab(page);

  // only the panels asked for: no header, scenario bar, knobs, terminal, log or ladder
  await expect(frame.getByTestId('embed')).toHaveAttribute('data-panels', 'queues,counters');
  await expect(frame.getByTestId('syn-queue')).toBeVisible();
  await expect(frame.getByTestId('counter-ListenOverflows')).toBeVisible();
  for (const gone of ['scenario-bar', 'terminal-input', 'knobs', 'lessons-button', 'copy-link']) await expect(frame.getByTestId(gone)).toHaveCount(0);
  await expect(frame.getByRole('button', { name: 'Copy link' })).toHaveCount(0);
  await expect(frame.locator('.cell')).toHaveCount(2);
  expect(await frame.locator('.cell').evaluateAll((cells) => cells.map((c) => c.className))).toEqual(['cell cell-queues', 'cell cell-counters']);

  // load the course's own scenario
  await page.getByRole('button', { name: "Load this lesson's scenario" }).click();
  await expect(items(page, 'log').last()).toHaveText('loaded: course-full-accept-queue (answer to load-1)');
  await expect(frame.getByTestId('scenario-title')).toHaveAttribute('data-name', 'course-full-accept-queue');
  await expect(frame.getByTestId('accept-queue')).toHaveAttribute('data-limit', '3');

  // play until the accept queue overflows, then pause
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(frame.getByTestId('run-status')).toHaveAttribute('data-status', 'playing');
  await expect(items(page, 'counters').filter({ hasText: 'ListenOverflows' }).first()).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(frame.getByTestId('run-status')).toHaveAttribute('data-status', 'paused');
  await expect(page.locator('#now')).toContainText('paused');
  // the last change listed for a counter is the value the embed shows
  for (const field of ['ListenOverflows', 'PassiveOpens']) {
    const shown = await frame.getByTestId(`counter-${field}`).getAttribute('data-value');
    await expect(items(page, 'counters').filter({ hasText: new RegExp(`\\s${field}\\s`) }).last()).toHaveText(new RegExp(`→ ${shown}$`));
  }
  await page.screenshot({ path: `${DOCS}embed-course-sample.png`, fullPage: true });
  expect(await axe(page)).toEqual([]);

  // seek
  await page.locator('#seek-ms').fill('1000');
  await page.getByRole('button', { name: 'Seek', exact: true }).click();
  await expect(frame.getByTestId('sim-time')).toHaveAttribute('data-ms', '1000');
  await expect(page.locator('#now')).toContainText('1.000 s of 4.000 s');
  const atSeek = await frame.getByTestId('counter-ListenOverflows').getAttribute('data-value');

  // "Open in Backlog Lab": the full app, in a new tab, at the same moment of the course's scenario
  const inner = page.frames().find((f) => f.url().includes('embed=1'))!;
  await expect.poll(() => new URL(inner.url()).hash).toMatch(/^#scenario=.*&t=1000&e=\d+$/);
  const [full] = await Promise.all([page.waitForEvent('popup'), frame.getByTestId('embed-open-full').click()]);
  await expect(full.getByTestId('scenario-title')).toHaveAttribute('data-name', 'course-full-accept-queue');
  await expect(full.getByTestId('sim-time')).toHaveAttribute('data-ms', '1000');
  expect(new URL(full.url()).searchParams.has('embed')).toBe(false);
  await expect(full.getByRole('button', { name: 'Copy link' })).toBeVisible();
  await expect(full.getByTestId('counter-ListenOverflows')).toHaveAttribute('data-value', atSeek!);
  await full.close();

  // malformed messages: each refused with a reason, none changes anything, nothing is run
  const errorsBefore = await items(page, 'log').filter({ hasText: 'error' }).count();
  await page.getByRole('button', { name: 'Send malformed messages' }).click();
  const errors = items(page, 'log').filter({ hasText: 'error' });
  await expect(errors).toHaveCount(errorsBefore + 5);
  const texts = (await errors.allTextContents()).slice(errorsBefore);
  expect(texts[0]).toMatch(/^error \(bad-1\): refused: cmd: expected one of load, preset, play/);
  expect(texts[1]).toMatch(/^error \(bad-2\): refused: onDone: unknown field for 'play'.*speed: expected one of/);
  expect(texts[2]).toMatch(/^error \(bad-3\): refused: t_ms: expected a number ≥ 0, got -5/);
  expect(texts[3]).toMatch(/^error \(bad-4\): refused: v: expected 1, got 99/);
  expect(texts[4]).toMatch(/^error: refused: expected a message object/);
  await expect(frame.getByTestId('sim-time')).toHaveAttribute('data-ms', '1000');
  await expect(frame.getByTestId('run-status')).toHaveAttribute('data-status', 'paused');
  expect(await frame.getByTestId('counter-ListenOverflows').getAttribute('data-value')).toBe(atSeek);

  // a preset by id
  await page.getByRole('button', { name: 'Load the preset “slow-accept”' }).click();
  await expect(items(page, 'log').last()).toHaveText('loaded: slow-accept (answer to preset-1)');
  await expect(frame.getByTestId('accept-queue')).toHaveAttribute('data-limit', '5');
  expect(problems).toEqual([]);
  expect(foreign).toEqual([]);
});

test('only the parent window is listened to, and with ?origin= only those origins', async ({ page }) => {
  await openSample(page);
  const frame = lab(page);
  await expect(frame.getByTestId('sim-time')).toHaveAttribute('data-ms', '0');
  // a sibling frame of the same origin posts a valid command straight to the lab: ignored, not answered
  await page.evaluate(() => {
    const other = document.createElement('iframe');
    other.srcdoc = `<script>parent.frames[0].postMessage({ type: 'backlog-lab', v: 1, cmd: 'seek', t_ms: 2000 }, '*');</` + `script>`;
    document.body.append(other);
  });
  await page.waitForTimeout(800);
  await expect(frame.getByTestId('sim-time')).toHaveAttribute('data-ms', '0');
  // the parent itself is obeyed
  await page.locator('#seek-ms').fill('700');
  await page.getByRole('button', { name: 'Seek', exact: true }).click();
  await expect(frame.getByTestId('sim-time')).toHaveAttribute('data-ms', '700');

  // an embed that allows another origin only: the course page is neither obeyed nor answered
  const logged = await items(page, 'log').count();
  await page.evaluate(() => {
    const f = document.getElementById('lab') as HTMLIFrameElement;
    f.src = './?embed=1&panels=queues,counters&lang=en&origin=https://course.example.org';
  });
  await expect(frame.getByTestId('sim-time')).toHaveAttribute('data-ms', '0');
  await expect(frame.getByTestId('scenario-title')).toHaveAttribute('data-name', /.+/);
  await page.getByRole('button', { name: 'Seek', exact: true }).click();
  await page.getByRole('button', { name: 'Send malformed messages' }).click();
  await page.waitForTimeout(800);
  await expect(frame.getByTestId('sim-time')).toHaveAttribute('data-ms', '0');
  await expect(items(page, 'log')).toHaveCount(logged);
});

test('embed mode fits 480 px (no sideways scroll), keeps the panels in the order asked, in zh-CN too', async ({ page }) => {
  const problems = watchProblems(page);
  await page.setViewportSize({ width: 480, height: 720 });
  await page.goto('./?embed=1&panels=counters,queues,terminal,packets,log&lang=zh-CN');
  await expect(page.getByTestId('scenario-title')).toHaveAttribute('data-name', /.+/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  expect(await page.locator('.cell').evaluateAll((cells) => cells.map((c) => c.className.replace('cell cell-', '')))).toEqual(['counters', 'queues', 'terminal', 'packets', 'log']);
  await page.getByRole('button', { name: '运行到结束' }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done');
  const fit = await page.evaluate(() => {
    const grid = document.querySelector('.embed-grid')!;
    const boxes = [...document.querySelectorAll('.cell, .cell > *, .embed-strip, .embed-strip *')];
    return {
      page: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
      grid: [grid.scrollWidth, grid.clientWidth],
      widest: Math.max(...boxes.map((c) => c.getBoundingClientRect().right)),
      // panels that scroll sideways inside themselves
      sideways: [...document.querySelectorAll('.cell > *')].filter((p) => p.scrollWidth > p.clientWidth + 1).map((p) => p.className),
    };
  });
  expect(fit.page[0]).toBeLessThanOrEqual(fit.page[1]);
  expect(fit.grid[0]).toBeLessThanOrEqual(fit.grid[1]);
  expect(fit.widest).toBeLessThanOrEqual(480);
  expect(fit.sideways).toEqual([]);
  await page.screenshot({ path: `${DOCS}embed-480.png` });
  expect(await axe(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}embed-480-full.png`, fullPage: true });

  // wider: the panels share the width in columns
  await page.setViewportSize({ width: 1000, height: 720 });
  const tops = await page.locator('.cell').evaluateAll((cells) => cells.map((c) => Math.round(c.getBoundingClientRect().top)));
  expect(tops[0]).toBe(tops[1]);
  await page.screenshot({ path: `${SHOTS}embed-1000.png` });
  expect(problems).toEqual([]);
});
