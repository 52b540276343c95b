// Offline use: after a first visit the service worker answers a reload with no network; the single-file build
// opens from disk (file://) with no server, runs a preset to its end, and asks the network for nothing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { watchProblems } from './page-helpers.ts';

const SINGLE_DIR = resolve('.e2e-dist-single');

test('a reload with no network opens the app from the service worker', async ({ page, context }) => {
  const problems = watchProblems(page);
  await page.goto('/?preset=slow-accept');
  await expect(page.getByTestId('scenario-title')).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // the page that registered the worker is not controlled by it until the next load
  await page.reload();
  await expect(page.getByTestId('scenario-title')).toBeVisible();
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('scenario-title')).toHaveAttribute('data-name', 'slow-accept');
  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done');
  await context.setOffline(false);
  expect(problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
});

test('the single-file build runs from disk with no network at all', async ({ page, context }) => {
  test.setTimeout(120_000);
  execFileSync('npx', ['vite', 'build', '--mode', 'single', '--outDir', SINGLE_DIR, '--emptyOutDir'], { stdio: 'ignore' });
  expect(existsSync(resolve(SINGLE_DIR, 'index.html'))).toBe(true);
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  const problems = watchProblems(page);
  await page.goto(`${pathToFileURL(resolve(SINGLE_DIR, 'index.html')).href}?preset=accept-overflow`);
  await expect(page.getByTestId('scenario-title')).toHaveAttribute('data-name', 'accept-overflow');
  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('counter-ListenOverflows')).not.toHaveAttribute('data-value', '0');
  expect(requests).toEqual([]);
  expect(problems).toEqual([]);
});
