// The first page proves the worker path: it opens on the default preset with no setup, runs it in the web worker,
// and shows the counters, queues, backlog and outcomes that the simulator computes for the same file.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';
import { expectedFor, presetIndex } from './expected.ts';
import { choosePreset, expectShows, watchProblems } from './page-helpers.ts';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const index = presetIndex();
const byId = (id: string) => index.presets.find((p) => p.id === id)!;

test.use({ viewport: { width: 1366, height: 768 } });

test('opens on the default preset, runs it in the worker, shows what runScenario reports', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('./?lang=en');
  const preset = byId(index.default);
  await expect(page.getByTestId('scenario-title')).toHaveAttribute('data-name', preset.id);
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '0');
  await expect(page.getByTestId('accept-queue')).toHaveAttribute('data-len', '0');

  await page.getByRole('button', { name: 'Run to end', exact: true }).click();
  await expectShows(page, expectedFor(preset.file));

  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}first-page.png` });
  expect(problems).toEqual([]);
});

test('every preset, chosen in the picker and run to the end, shows what runScenario reports', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('./?lang=en');
  for (const p of index.presets) {
    await choosePreset(page, p.id);
    await page.getByRole('button', { name: 'Run to end', exact: true }).click();
    await expectShows(page, expectedFor(p.file));
  }
  expect(problems).toEqual([]);
});

test('play, pause and step move simulated time forward; reset goes back to 0', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('./?lang=en&preset=syn-flood-cookies');
  await expect(page.getByTestId('scenario-title')).toHaveAttribute('data-name', 'syn-flood-cookies');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'playing');
  await expect.poll(async () => Number(await page.getByTestId('sim-time').getAttribute('data-ms'))).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'paused');
  const paused = Number(await page.getByTestId('sim-time').getAttribute('data-ms'));
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(async () => Number(await page.getByTestId('sim-time').getAttribute('data-ms'))).toBeGreaterThan(paused);
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '0');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'ready');
  expect(problems).toEqual([]);
});

test('?lang=zh-CN shows the page in Simplified Chinese', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('./?lang=zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('button', { name: '运行到结束', exact: true })).toBeEnabled();
  await expect(page.getByTestId('syn-queue')).toContainText('半连接队列');
  await expect(page.getByTestId('accept-queue')).toContainText('全连接队列');
  await expect(page.getByTestId('scenario-title')).toHaveText(byId(index.default).title_zh);
  await page.getByRole('button', { name: '运行到结束', exact: true }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done');
  await page.screenshot({ path: `${SHOTS}first-page-zh-CN.png` });
  expect(problems).toEqual([]);
});
