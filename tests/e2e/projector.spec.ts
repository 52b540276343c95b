// Projector mode at 1920×1080: the 1366×768 layout zoomed to fill the screen (larger type, thicker lines, darker
// greys), every panel and the timeline still inside the screen, the toggle in the header, P and ?projector=1, and
// the timeline's ticks still open the right decision under the zoom. The screenshots are kept in tests/e2e/docs.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, type Page } from '@playwright/test';
import { watchProblems } from './page-helpers.ts';

const DOCS = fileURLToPath(new URL('./docs/', import.meta.url));
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

test.use({ viewport: { width: 1920, height: 1080 } });

/** The rendered size (px on screen) of a panel heading's text. */
const headingPx = (page: Page) => page.locator('.panel h2').first().evaluate((h) => h.getBoundingClientRect().height);

async function inside(page: Page, w: number, h: number): Promise<void> {
  for (const sel of ['.grid .cell', '.cell-timeline', '.controls', '.header']) {
    for (const el of await page.locator(sel).all()) {
      const b = (await el.boundingBox())!;
      expect(b.x + b.width, sel).toBeLessThanOrEqual(w + 0.5);
      expect(b.y + b.height, sel).toBeLessThanOrEqual(h + 0.5);
    }
  }
}

test('projector mode fills the screen with larger type and keeps every panel in it', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('./?lang=en&preset=syn-flood-cookies');
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '0');
  const normal = await headingPx(page);
  const toggle = page.getByRole('button', { name: 'Projector' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(page.locator('html')).toHaveClass(/\bprojector\b/);
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(new URL(page.url()).searchParams.get('projector')).toBe('1');
  // type 1.4 times as large: the layout made for 1366×768 fills 1920×1080
  expect(await headingPx(page)).toBeGreaterThan(normal * 1.35);
  await inside(page, 1920, 1080);
  const strip = (await page.getByRole('slider', { name: 'Time in the run' }).boundingBox())!;
  expect(strip.y + strip.height).toBeGreaterThan(1000);
  expect(strip.height).toBeGreaterThan(40 * 1.35);
  // a moment of the flood with every panel busy: 40 % into the run, then a few steps
  await page.getByRole('slider', { name: 'Time in the run' }).focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('PageUp');
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '4800');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('live-narration')).toContainText('Event ');
  mkdirSync(DOCS, { recursive: true });
  await page.screenshot({ path: `${DOCS}projector-1920.png` });
  // P turns it off and on again
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('p');
  await expect(page.locator('html')).not.toHaveClass(/\bprojector\b/);
  expect(await headingPx(page)).toBeCloseTo(normal, 0);
  await page.keyboard.press('p');
  await expect(page.locator('html')).toHaveClass(/\bprojector\b/);
  expect(problems).toEqual([]);
});

test('?projector=1 opens in projector mode (zh-CN), and a tick still opens its decision under the zoom', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('./?lang=zh-CN&preset=accept-overflow&projector=1');
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '0');
  await expect(page.locator('html')).toHaveClass(/\bprojector\b/);
  await expect(page.getByRole('button', { name: '投影模式' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: '运行到结束' }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done');
  const tick = page.locator('[data-testid="timeline-tick"][data-field="ListenOverflows"]').nth(2);
  const e = (await tick.getAttribute('data-event'))!;
  await tick.hover();
  await expect(page.getByTestId('timeline-tip')).toContainText('ListenOverflows ×');
  await tick.click();
  await expect(page.getByTestId('sim-events')).toHaveAttribute('data-value', e);
  await expect(page.getByTestId('log-filter')).toHaveAttribute('data-counter', 'ListenOverflows');
  await inside(page, 1920, 1080);
  mkdirSync(DOCS, { recursive: true });
  await page.screenshot({ path: `${DOCS}projector-1920-zh-CN.png` });
  // the help at projector size
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: '键盘快捷键' })).toBeVisible();
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}projector-help-zh-CN.png` });
  expect(problems).toEqual([]);
});

test('at 1366×768 projector mode keeps the size and raises the contrast', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('./?lang=en&preset=slow-accept&projector=1');
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '0');
  const muted = await page.locator('.clock .muted').first().evaluate((e) => getComputedStyle(e).color);
  expect(muted).toBe('rgb(57, 65, 80)');
  await inside(page, 1366, 768);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}projector-1366.png` });
});
