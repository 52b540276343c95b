// The packet ladder and the clients' view against the real worker: a client reset by tcp_abort_on_overflow gets
// a RST on its lane and reads "refused"; with a slow accept() the first client's handshake is SYN → SYN-ACK → ACK;
// clients whose ACK found the accept queue full (the ACK ends in a cross) are "stalled" while their SYN-ACK is
// retransmitted.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, type Page } from '@playwright/test';
import { watchProblems } from './page-helpers.ts';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });

test.use({ viewport: { width: 1366, height: 768 } });

async function open(page: Page, preset: string, lang = 'en'): Promise<void> {
  await page.goto(`./?lang=${lang}&preset=${preset}`);
  await expect(page.getByTestId('scenario-title')).toHaveAttribute('data-name', preset);
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '0');
}

async function watch(page: Page, id: number): Promise<void> {
  await page.getByRole('spinbutton', { name: 'Client id to watch' }).fill(String(id));
  await page.getByRole('button', { name: 'Watch', exact: true }).click();
  await expect(page.getByTestId(`watch-chip-${id}`)).toBeVisible();
}

const flagsOf = (page: Page, client: number) =>
  page.locator(`[data-testid="ladder-arrow"][data-client="${client}"]`).evaluateAll((els) => els.map((e) => `${e.getAttribute('data-flags')}`));

test('abort-on-overflow: a watched client whose ACK finds the accept queue full gets a RST and reads refused', async ({ page }) => {
  const problems = watchProblems(page);
  await open(page, 'abort-on-overflow');
  await watch(page, 12);
  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done');
  expect(await flagsOf(page, 12)).toEqual(['SYN', 'SYN|ACK', 'ACK', 'RST']);
  await expect(page.locator('[data-testid="ladder-arrow"][data-client="12"][data-flags="RST"]')).toHaveAttribute('data-why', 'rst');
  await expect(page.getByTestId('watched-12')).toHaveAttribute('data-experience', 'refused');
  await expect(page.getByTestId('watched-12')).toContainText('ECONNRESET');
  // the live tally and the result file agree: 8 clients reset
  await expect(page.getByTestId('experience-refused')).toHaveAttribute('data-value', '8');
  await expect(page.getByTestId('outcome-reset')).toHaveAttribute('data-value', '8');
  await page.screenshot({ path: `${SHOTS}ladder-abort-on-overflow.png` });
  expect(problems).toEqual([]);
});

test('slow-accept: client 0 connects with SYN → SYN-ACK → ACK, step by step', async ({ page }) => {
  const problems = watchProblems(page);
  await open(page, 'slow-accept');
  const arrows0 = page.locator('[data-testid="ladder-arrow"][data-client="0"]');
  for (let i = 0; i < 20 && (await arrows0.count()) < 3; i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(arrows0).toHaveCount(3);
  expect(await arrows0.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-flags')} ${e.getAttribute('class')?.match(/dir-\w+/)?.[0]}`))).toEqual([
    'SYN dir-in', 'SYN|ACK dir-out', 'ACK dir-in',
  ]);
  // the ladder's "now" line reads the simulated clock
  await expect(page.locator('.ladder-body .now-time')).toHaveText(/^0\.\d{3} s$/);
  // stepping back takes the ACK off the ladder again (the frame after a step back replaces the packets)
  for (let i = 0; i < 20 && (await arrows0.count()) === 3; i++) await page.getByRole('button', { name: 'Step back' }).click();
  await expect(arrows0).toHaveCount(2);
  expect(await flagsOf(page, 0)).toEqual(['SYN', 'SYN|ACK']);
  expect(problems).toEqual([]);
});

test('accept-overflow: a stalled client sees its SYN-ACK again (timer) and ACKs again', async ({ page }) => {
  const problems = watchProblems(page);
  await open(page, 'accept-overflow');
  await watch(page, 11);
  await watch(page, 19);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.locator('[data-testid="ladder-arrow"][data-client="11"][data-why="synack_rtx_timer"]').first()).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  // while playing, the ladder followed the present: its last arrow is in view
  const follow = page.getByRole('button', { name: '↓ Follow the present' });
  await expect(follow).toBeHidden();
  await expect(page.locator('[data-testid="ladder-arrow"]').last()).toBeInViewport();
  // scrolled up to read, it stops following and offers the way back
  await page.locator('.ladder-host').hover();
  await page.mouse.wheel(0, -2000);
  await expect(follow).toBeVisible();
  await follow.click();
  await expect(follow).toBeHidden();
  await expect(page.locator('[data-testid="ladder-arrow"]').last()).toBeInViewport();
  await expect(page.getByTestId('watched-11')).toHaveAttribute('data-experience', 'stalled');
  await expect(page.locator('.ladder-body .rtx').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}ladder-accept-overflow.png` });
  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done');
  expect(await flagsOf(page, 11)).toEqual(['SYN', 'SYN|ACK', 'ACK', 'SYN|ACK', 'ACK', 'SYN|ACK', 'ACK']);
  // every ACK of client 11 found the accept queue full and was dropped: that is why it is stalled
  await expect(page.locator('[data-testid="ladder-arrow"][data-client="11"][data-flags="ACK"]:not([data-dropped])')).toHaveCount(0);
  await expect(page.locator('[data-testid="ladder-arrow"][data-client="11"][data-flags="ACK"][data-dropped]')).toHaveCount(3);
  // client 19 never got a SYN-ACK: its SYN and every retry were dropped
  await expect(page.locator('[data-testid="ladder-arrow"][data-client="19"].rtx').first()).toBeAttached();
  await expect(page.locator('[data-testid="ladder-arrow"][data-client="19"]:not([data-dropped])')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}ladder-accept-overflow-end.png` });
  expect(problems).toEqual([]);
});

test('the ladder and the clients’ view in Chinese, and on a projector', async ({ page }) => {
  const problems = watchProblems(page);
  await open(page, 'accept-overflow', 'zh-CN');
  await page.getByRole('button', { name: '运行到结束' }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('experience-stalled')).toContainText('假连接');
  await page.screenshot({ path: `${SHOTS}ladder-zh-CN.png` });
  await page.setViewportSize({ width: 1920, height: 1080 });
  // a wider cell enlarges the drawing and the ladder stays at the present
  await expect(page.locator('.ladder-body .now-time')).toBeInViewport();
  await expect(page.getByRole('button', { name: '↓ 跟随最新' })).toBeHidden();
  await page.screenshot({ path: `${SHOTS}ladder-1920.png` });
  expect(problems).toEqual([]);
});
