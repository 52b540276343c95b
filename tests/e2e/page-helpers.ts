// Shared steps of the e2e specs: collect console errors and failed requests, read data-* values, choose a preset.
import { expect, type Page } from '@playwright/test';
import type { Expected } from './expected.ts';

export const KEY_COUNTERS = [
  'ListenOverflows', 'ListenDrops', 'TCPReqQFullDrop', 'TCPReqQFullDoCookies', 'SyncookiesSent', 'SyncookiesRecv',
  'SyncookiesFailed', 'TCPSynRetrans', 'TCPTimeouts', 'PassiveOpens', 'EmbryonicRsts',
] as const;
export const OUTCOMES = ['accepted', 'established', 'reset', 'timed_out', 'pending', 'spoofed'] as const;

/** Everything that went wrong in the page: console errors, uncaught exceptions, HTTP errors. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
  });
  return problems;
}

/** Chooses a preset in the scenario bar's picker and waits until it runs. */
export async function choosePreset(page: Page, id: string): Promise<void> {
  await page.getByTestId('preset-select').selectOption(id);
  await expect(page.getByTestId('scenario-title')).toHaveAttribute('data-name', id);
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '0');
}

export async function value(page: Page, testid: string): Promise<string | null> {
  return page.getByTestId(testid).first().getAttribute('data-value');
}

/** The page, after a run to the end, shows exactly what the simulator reports for the same file. */
export async function expectShows(page: Page, exp: Expected): Promise<void> {
  const r = exp.result;
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', String(exp.duration_ms));
  const counters = new Set<string>([...KEY_COUNTERS, ...Object.keys(r.counters).filter((k) => r.counters[k] !== 0)]);
  for (const c of counters) expect(await value(page, `counter-${c}`), c).toBe(String(r.counters[c] ?? 0));
  for (const o of OUTCOMES) expect(await value(page, `outcome-${o}`), o).toBe(String(r.outcomes?.[o] ?? 0));
  // the listener's backlog now (after any listen() again), and the port where the kernel chose it
  expect(await value(page, 'knobs-backlog')).toBe(String(exp.final.backlog ?? ''));
  if (exp.autobind) expect(await value(page, 'port')).toBe(String(r.listen.port));
  const limit = exp.final.backlog === null ? 0 : exp.final.backlog + 1;
  await expect(page.getByTestId('syn-queue')).toHaveAttribute('data-len', String(exp.final.syn));
  await expect(page.getByTestId('accept-queue')).toHaveAttribute('data-len', String(exp.final.accept));
  await expect(page.getByTestId('syn-queue')).toHaveAttribute('data-limit', String(limit));
  await expect(page.getByTestId('accept-queue')).toHaveAttribute('data-limit', String(limit));
}
