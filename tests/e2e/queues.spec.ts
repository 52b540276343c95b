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
  const step = page.getByRole('button', { name: 'Step', exact: true });
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

/** Play/Pause without waiting for a busy page to settle (the button's position never changes). */
async function press(page: Page, name: string): Promise<void> {
  const button = page.getByRole('button', { name, exact: true });
  await expect(button).toBeEnabled();
  await button.dispatchEvent('click');
}

/**
 * Press Pause from inside the page the moment a marker with this text appears (a round trip from the test
 * could come too late on a busy machine: markers live for a moment of wall-clock time).
 */
async function pauseOnMarker(page: Page, text: string, pauseName = 'Pause'): Promise<void> {
  await page.evaluate(([text, pauseName]) => new Promise<void>((resolve) => {
    const hit = () => [...document.querySelectorAll('svg.queues-view g.mk:not(.closing)')].some((m) => m.textContent?.includes(text));
    const pause = () => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === pauseName);
      button?.click();
      resolve();
    };
    if (hit()) return pause();
    const obs = new MutationObserver(() => {
      if (!hit()) return;
      obs.disconnect();
      pause();
    });
    obs.observe(document.querySelector('svg.queues-view')!, { subtree: true, childList: true, characterData: true, attributes: true });
  }), [text, pauseName] as const);
}

/** A scenario link (#scenario=base64url of the JSON). */
const link = (scenario: object) => `#scenario=${Buffer.from(JSON.stringify(scenario)).toString('base64url')}`;

/**
 * A small cookie scene (light enough for a busy machine): 12 spoofed SYNs fill a backlog-8 SYN queue and get
 * their SYN-ACKs resent; from 1.1 s six real clients connect and get in by SYN cookies; accept() every 400 ms.
 */
const COOKIES = {
  format: 'backlog-scenario/1', name: 'queues-cookies', description: 'spoofed SYNs fill the SYN queue; real clients get in by SYN cookies',
  sysctl: { 'net.ipv4.tcp_syncookies': 1 },
  server: { port: 8080, backlog: 8, accept: { mode: 'every', interval_ms: 400, start_ms: 0 } },
  clients: [
    { count: 12, start_ms: 0, interval_ms: 5, kind: 'spoofed' },
    { count: 6, start_ms: 1100, interval_ms: 30, kind: 'normal' },
  ],
  duration_ms: 4000, sample_every_ms: 50,
};

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
    await press(page, 'Play');
    await expect(page.getByTestId('accept-queue')).toHaveAttribute('data-len', '5');
    await expect(page.locator('g.mk.drop').first()).toContainText(/ListenOverflows \+\d+ · ListenDrops \+\d+/);
    await press(page, 'Pause');
    await panelShot(page, 'queues-slow-accept-1366');
    // accept() took the first connection: its token is gone
    await press(page, 'Play');
    await expect.poll(() => token!.evaluate((el) => el.isConnected), { timeout: 20_000 }).toBe(false);
    expect(problems).toEqual([]);
  });

  test('syn-flood-cookies: the SYN queue fills with requests, cookies bypass it', async ({ page }) => {
    const problems = watchProblems(page);
    await page.goto('./?lang=en&preset=syn-flood-cookies');
    await page.getByLabel('Speed').selectOption('0.1');
    await press(page, 'Play');
    await expect(page.getByTestId('syn-queue')).toHaveAttribute('data-len', '17');
    await expect(page.locator('.cookie-arc.lit')).toHaveCount(1);
    await expect(page.locator('g.mk.cookie').first()).toContainText(/TCPReqQFullDoCookies \+\d+ · SyncookiesSent \+\d+/);
    expect(await tokens(page, 'syn').count()).toBe(17);
    await press(page, 'Pause');
    expect(problems).toEqual([]);
  });

  test('cookies: real clients get in by SYN cookies while spoofed requests fill the SYN queue; a paused picture stays', async ({ page }) => {
    const problems = watchProblems(page);
    await page.goto(`./?lang=en${link(COOKIES)}`);
    await expect(page.getByTestId('syn-queue')).toHaveAttribute('data-limit', '9');
    await press(page, 'Play');
    await pauseOnMarker(page, 'SyncookiesRecv');
    await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'paused');
    await expect(page.getByTestId('syn-queue')).toHaveAttribute('data-len', '9');
    expect(await tokens(page, 'syn').locator('g.badge:not([style*="none"])').count()).toBeGreaterThan(0);
    // paused: the picture, markers included, stays as it is
    await page.waitForTimeout(2500);
    await expect(page.locator('g.mk.cookie', { hasText: 'SyncookiesRecv' })).not.toHaveClass(/closing/);
    await expect(page.locator('.cookie-arc.lit')).toHaveCount(1);
    await panelShot(page, 'queues-cookies-1366');
    expect(problems).toEqual([]);
  });
});

test.describe('reduced motion', () => {
  test.use({ viewport: { width: 1366, height: 768 }, reducedMotion: 'reduce' });

  test('prefers-reduced-motion: tokens and markers change without animating', async ({ page }) => {
    await page.goto('./?lang=en&preset=slow-accept');
    const svg = page.locator('svg.queues-view');
    await expect(svg).toHaveAttribute('style', /--viz-ms: 0ms/);
    await expect(svg).not.toHaveClass(/animated/);
  });
});

test.describe('a queue of 50,000', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('50,000 requests in the SYN queue: a bar, a few tokens, "+N more"', async ({ page }) => {
    const problems = watchProblems(page);
    const flood = {
      format: 'backlog-scenario/1', name: 'queues-50k', description: '50,000 spoofed SYNs into a backlog of 65535',
      sysctl: { 'net.core.somaxconn': 65535 },
      server: { port: 8080, backlog: 65535, accept: { mode: 'never' } },
      clients: [{ count: 50_000, start_ms: 0, interval_ms: 0.05, kind: 'spoofed' }],
      duration_ms: 2600, sample_every_ms: 100,
    };
    await page.goto(`./?lang=en${link(flood)}`);
    await expect(page.getByTestId('syn-queue')).toHaveAttribute('data-limit', '65536');
    await press(page, 'Run to end');
    await expect(page.getByTestId('syn-queue')).toHaveAttribute('data-len', '50000', { timeout: 30_000 });
    const syn = page.getByTestId('syn-queue');
    await expect(syn).toHaveAttribute('data-mode', 'bar');
    await expect(syn.locator('rect.slot')).toHaveCount(0);
    const drawn = await tokens(page, 'syn').count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThanOrEqual(64);
    await expect(syn.locator('text.more')).toHaveText(`+${(50_000 - drawn).toLocaleString('en')} more`);
    expect(await page.locator('svg.queues-view *').count()).toBeLessThan(600);
    await panelShot(page, 'queues-50k-1366');
    expect(problems).toEqual([]);
  });
});

test.describe('at 1920×1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('cookies in zh-CN: the same picture, in Chinese, legible on a projector', async ({ page }) => {
    const problems = watchProblems(page);
    await page.goto(`./?lang=zh-CN${link(COOKIES)}`);
    await expect(page.getByTestId('syn-queue').locator('text.label')).toHaveText('半连接队列');
    await expect(page.getByTestId('accept-queue').locator('text.label')).toHaveText('全连接队列');
    await expect(page.getByTestId('syn-queue')).toHaveAttribute('data-limit', '9');
    await press(page, '播放');
    await pauseOnMarker(page, 'SyncookiesRecv', '暂停');
    await expect(page.locator('g.mk.cookie', { hasText: 'SyncookiesRecv' })).toHaveCount(1);
    await expect(page.getByTestId('syn-queue').locator('text.status')).toHaveText('9 / 9 · 已满');
    await page.waitForTimeout(1500); // let the last slides finish
    await panelShot(page, 'queues-cookies-1920-zh');
    expect(problems).toEqual([]);
  });
});
