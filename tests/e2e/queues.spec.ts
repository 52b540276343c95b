// The queues picture on real runs in the worker: a request token enters the SYN queue, the same element moves on
// to the accept queue and leaves on accept(); drops are labelled with the counters they moved; a SYN flood with
// cookies lights the bypass arc. Screenshots during the runs at 1366×768 and 1920×1080 (en and zh-CN).
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, type Page } from '@playwright/test';
import { watchProblems } from './page-helpers.ts';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });

const tokens = (page: Page, side: 'syn' | 'accept') => page.locator(`svg.queues-view g.tok.${side}:not(.gone)`);

/** Step until `done` holds (each Step is one kernel event). */
async function stepUntil(page: Page, done: () => Promise<boolean>, max = 80): Promise<void> {
  const step = page.getByRole('button', { name: 'Step' });
  for (let i = 0; i < max; i++) {
    if (await done()) return;
    const events = await page.getByTestId('sim-events').getAttribute('data-value').catch(() => null);
    await step.click();
    // wait for the step's frame before looking again
    if (events !== null) await expect(page.getByTestId('sim-events')).not.toHaveAttribute('data-value', events);
    else await page.waitForTimeout(50);
  }
  expect(await done(), 'condition after stepping').toBe(true);
}

async function panelShot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}${name}.png` });
  const box = await page.locator('.panel.queues').boundingBox();
  if (box) await page.screenshot({ path: `${SHOTS}${name}-panel.png`, clip: box });
}

test.describe('at 1366×768', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('slow-accept: one token enters the SYN queue, moves to the accept queue and leaves on accept()', async ({ page }) => {
    const problems = watchProblems(page);
    await page.goto('./?lang=en&preset=slow-accept');
    await expect(page.getByTestId('scenario-title')).toHaveAttribute('data-name', 'slow-accept');
    await expect(page.getByTestId('syn-queue')).toHaveAttribute('data-limit', '5');
    await expect(page.getByTestId('accept-queue')).toHaveAttribute('data-limit', '5');

    await stepUntil(page, async () => (await tokens(page, 'syn').count()) > 0);
    await expect(page.getByTestId('syn-queue')).toHaveAttribute('data-len', '1');
    const token = await tokens(page, 'syn').first().elementHandle();
    const key = await token!.getAttribute('data-key');
    expect(key).toMatch(/^r\d+$/);

    // the final ACK: the same element (not a new one) is now in the accept queue, as a child socket
    await stepUntil(page, () => token!.evaluate((el) => el.classList.contains('accept')));
    expect(await token!.evaluate((el) => el.isConnected)).toBe(true);
    await expect(page.getByTestId('accept-queue')).toHaveAttribute('data-len', '1');
    await expect(page.locator(`g.tok[data-key="${key}"] title`)).toContainText('from request sock');

    // the accept queue fills (backlog 4 + 1 = 5): later SYNs are dropped at the SYN queue's entrance
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByTestId('accept-queue')).toHaveAttribute('data-len', '5');
    await expect(page.locator('g.mk.drop').first()).toContainText(/ListenOverflows \+\d+ · ListenDrops \+\d+/);
    await page.getByRole('button', { name: 'Pause' }).click();
    await panelShot(page, 'queues-slow-accept-1366');
    // accept() took the first connection: its token is gone
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => token!.evaluate((el) => el.isConnected), { timeout: 20_000 }).toBe(false);
    expect(problems).toEqual([]);
  });

  test('syn-flood-cookies: the SYN queue fills with requests, cookies bypass it', async ({ page }) => {
    const problems = watchProblems(page);
    await page.goto('./?lang=en&preset=syn-flood-cookies');
    await page.getByLabel('Speed').selectOption('0.1');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByTestId('syn-queue')).toHaveAttribute('data-len', '17');
    await expect(page.locator('.cookie-arc.lit')).toHaveCount(1);
    await expect(page.locator('g.mk.cookie').first()).toContainText(/TCPReqQFullDoCookies \+\d+ · SyncookiesSent \+\d+/);
    expect(await tokens(page, 'syn').count()).toBe(17);
    await page.getByRole('button', { name: 'Pause' }).click();
    await panelShot(page, 'queues-flood-cookies-1366');
    expect(problems).toEqual([]);
  });
});

test.describe('at 1920×1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('syn-flood-cookies in zh-CN: real clients get in by cookies while the SYN queue is full', async ({ page }) => {
    const problems = watchProblems(page);
    await page.goto('./?lang=zh-CN&preset=syn-flood-cookies');
    await expect(page.getByTestId('syn-queue').locator('text.label')).toHaveText('半连接队列');
    await expect(page.getByTestId('accept-queue').locator('text.label')).toHaveText('全连接队列');
    await page.getByRole('button', { name: '播放' }).click();
    // from 400 ms the real clients answer their cookie SYN-ACKs: SyncookiesRecv at the accept queue's entrance
    await expect(page.locator('g.mk.cookie', { hasText: 'SyncookiesRecv' })).toHaveCount(1, { timeout: 30_000 });
    await page.getByRole('button', { name: '暂停' }).click();
    await panelShot(page, 'queues-flood-cookies-1920-zh');
    expect(problems).toEqual([]);
  });
});
