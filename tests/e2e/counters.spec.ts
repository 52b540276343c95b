// The counters panel on a real run in the worker: a counter moves with a rate and a sparkline while the flood
// plays, it is a toggle button (mouse and keyboard) that picks the counter filtering the log, its tooltip names it
// as nstat does, and the panel fits its cell at 1366×768 and at 1920×1080 (explanations in full there).
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, type Page } from '@playwright/test';
import { watchProblems } from './page-helpers.ts';

const DOCS = fileURLToPath(new URL('./docs/', import.meta.url));
mkdirSync(DOCS, { recursive: true });

/** the machines running this suite can be busy: give the worker time */
const SLOW = 30_000;
const tile = (page: Page, field: string) => page.getByTestId(`counter-${field}`);
const num = async (page: Page, field: string, attr: 'data-value' | 'data-rate') => Number((await tile(page, field).getAttribute(attr)) || 0);

/** how many distinct heights the sparkline's line visits (1: flat) */
async function sparkLevels(page: Page, field: string): Promise<number> {
  const d = (await tile(page, field).locator('path.spark-line').getAttribute('d')) ?? '';
  return new Set([...d.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => m[1])).size;
}

async function open(page: Page, preset: string, lang: string): Promise<void> {
  await page.goto(`./?lang=${lang}&preset=${preset}`);
  await expect(page.getByTestId('scenario-title')).toHaveAttribute('data-name', preset, { timeout: SLOW });
}

async function shootPanel(page: Page, name: string): Promise<void> {
  const box = await page.locator('.panel.counters').boundingBox();
  await page.screenshot({ path: `${DOCS}${name}.png`, clip: box ?? undefined });
}

test.describe('at 1366×768', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('a flood moves SyncookiesSent: value, rate, sparkline, flash; every key counter fits the cell', async ({ page }) => {
    const problems = watchProblems(page);
    await open(page, 'syn-flood-cookies', 'en');
    await expect(tile(page, 'SyncookiesSent')).toHaveAttribute('data-value', '0');
    // slow enough that the flood (0.3 s simulated) is still on when the page answers Pause on a busy machine
    await page.locator('#speed').selectOption('0.1');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => num(page, 'SyncookiesSent', 'data-value'), { timeout: SLOW }).toBeGreaterThan(50);
    await expect.poll(() => num(page, 'SyncookiesSent', 'data-rate'), { timeout: SLOW }).toBeGreaterThan(0);
    await expect(tile(page, 'SyncookiesSent').locator('.rate')).toHaveText(/^[\d,.]+\/s$/);
    await expect.poll(() => sparkLevels(page, 'SyncookiesSent'), { timeout: SLOW }).toBeGreaterThan(1);
    // it flashes: the glow element is there while its last move is in the recent frames
    await expect(tile(page, 'SyncookiesSent').locator('.flash')).toHaveCount(1);
    await page.getByRole('button', { name: 'Pause', exact: true }).click({ timeout: SLOW });
    await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'paused', { timeout: SLOW });
    // a counter that did not move: flat sparkline, rate 0, no flash
    expect(await sparkLevels(page, 'ListenOverflows')).toBe(1);
    await expect(tile(page, 'ListenOverflows')).toHaveAttribute('data-rate', '0');
    await expect(tile(page, 'ListenOverflows').locator('.flash')).toHaveCount(0);

    // all eleven key counters are inside the panel's visible box, none scrolled away
    const panel = (await page.locator('.panel.counters').boundingBox())!;
    for (const t of await page.locator('.counter-grid .counter').all()) {
      const b = (await t.boundingBox())!;
      expect(b.y, (await t.getAttribute('data-testid')) ?? '').toBeGreaterThanOrEqual(panel.y);
      expect(b.y + b.height, (await t.getAttribute('data-testid')) ?? '').toBeLessThanOrEqual(panel.y + panel.height);
    }
    await shootPanel(page, 'counters-1366-playing');
    expect(problems).toEqual([]);
  });

  test('a counter is a toggle button that picks what the log shows, by mouse and keyboard', async ({ page }) => {
    const problems = watchProblems(page);
    await open(page, 'accept-overflow', 'en');
    await page.getByRole('button', { name: 'Run to end' }).click();
    await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: SLOW });
    const overflows = page.getByRole('button', { name: /^ListenOverflows/ });
    await expect(overflows).toHaveAttribute('data-testid', 'counter-ListenOverflows');
    await expect(overflows).toHaveAttribute('aria-pressed', 'false');
    await expect(overflows).toHaveAttribute('title', /^TcpExtListenOverflows\naccept queue was full/);
    await expect(page.getByTestId('counter-filter')).toHaveCount(0);

    await overflows.click();
    await expect(overflows).toHaveAttribute('aria-pressed', 'true');
    const chip = page.getByTestId('counter-filter');
    await expect(chip).toBeVisible();
    await expect(chip).toHaveText(/log: ListenOverflows/);
    await expect(chip).toHaveAttribute('data-field', 'ListenOverflows');
    await shootPanel(page, 'counters-1366-selected');

    // another counter takes over; the same one again clears it
    await tile(page, 'PassiveOpens').click();
    await expect(overflows).toHaveAttribute('aria-pressed', 'false');
    await expect(chip).toHaveAttribute('data-field', 'PassiveOpens');
    await tile(page, 'PassiveOpens').click();
    await expect(chip).toHaveCount(0);

    // keyboard: focus, Space selects, Enter deselects; the chip's × clears too
    await overflows.focus();
    await page.keyboard.press('Space');
    await expect(overflows).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Enter');
    await expect(overflows).toHaveAttribute('aria-pressed', 'false');
    await overflows.click();
    await page.getByRole('button', { name: 'Stop filtering the log by ListenOverflows' }).click();
    await expect(overflows).toHaveAttribute('aria-pressed', 'false');
    expect(problems).toEqual([]);
  });
});

test.describe('at 1920×1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('three columns with the explanations in full, in Chinese', async ({ page }) => {
    const problems = watchProblems(page);
    await open(page, 'syn-flood-cookies', 'zh-CN');
    await page.getByRole('button', { name: '运行到结束' }).click();
    await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: SLOW });
    const explain = tile(page, 'TCPReqQFullDoCookies').locator('.explain');
    await expect(explain).toBeVisible();
    await expect(explain).toHaveText('半连接队列满，改用 SYN cookie 应答');
    // shown whole: its box is as wide as its text needs (no ellipsis) and at most two lines
    expect(await explain.evaluate((e) => e.scrollHeight <= e.clientHeight + 1 && e.scrollWidth <= e.clientWidth + 1)).toBe(true);
    const tops = new Set<number>();
    for (const t of await page.locator('.counter-grid .counter').all()) tops.add(Math.round((await t.boundingBox())!.y));
    expect(tops.size).toBe(4); // eleven tiles in rows of three
    await expect(page.getByRole('button', { name: /^另有 \d+ 个有变化/ })).toBeVisible();
    await shootPanel(page, 'counters-1920-zh-CN');
    expect(problems).toEqual([]);
  });
});
