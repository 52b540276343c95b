// Time travel against the real worker: Step back restores exactly the state the run had (queues, counters, clients,
// time), Home and End go to the start and the end (and the end is the same each time: the model is deterministic),
// a tick on the timeline opens the decision that moved its counter, dragging the timeline seeks, and the keyboard
// shortcuts and their help work.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, type Page } from '@playwright/test';
import { watchProblems } from './page-helpers.ts';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const DOCS = fileURLToPath(new URL('./docs/', import.meta.url));

test.use({ viewport: { width: 1366, height: 768 } });

/** Everything the panels report through their stable hooks, for comparing two moments of a run. */
async function snapshot(page: Page): Promise<Record<string, string | null>> {
  return page.evaluate(() => {
    const out: Record<string, string | null> = {};
    for (const id of ['syn-queue', 'accept-queue']) {
      const e = document.querySelector(`[data-testid="${id}"]`);
      out[`${id}.len`] = e?.getAttribute('data-len') ?? null;
      out[`${id}.limit`] = e?.getAttribute('data-limit') ?? null;
    }
    for (const e of document.querySelectorAll('[data-testid^="counter-"][data-value], [data-testid^="experience-"][data-value], [data-testid="spoofed-sent"], [data-testid="knobs-backlog"]')) {
      out[e.getAttribute('data-testid')!] = e.getAttribute('data-value');
    }
    out.time = document.querySelector('[data-testid="sim-time"]')?.getAttribute('data-ms') ?? null;
    out.events = document.querySelector('[data-testid="sim-events"]')?.getAttribute('data-value') ?? null;
    out.slider = document.querySelector('[role="slider"]')?.getAttribute('aria-valuetext') ?? null;
    return out;
  });
}

const events = async (page: Page) => Number(await page.getByTestId('sim-events').getAttribute('data-value'));

async function open(page: Page, preset: string): Promise<void> {
  await page.goto(`./?lang=en&preset=${preset}`);
  await expect(page.getByTestId('scenario-title')).toHaveAttribute('data-name', preset);
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '0');
}

/** clicks a button and waits for the kernel event count it should lead to */
async function press(page: Page, name: string, expected: number): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
  await expect(page.getByTestId('sim-events')).toHaveAttribute('data-value', String(expected));
}

test('Step back restores exactly the earlier state; Step again gives the same later state', async ({ page }) => {
  const problems = watchProblems(page);
  await open(page, 'accept-overflow');
  await page.getByRole('button', { name: 'Run to end', exact: true }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done');
  // a moment three events before an overflow, so the steps move counters and queues
  const tick = page.locator('[data-testid="timeline-tick"][data-field="ListenOverflows"]').first();
  const e = Number(await tick.getAttribute('data-event'));
  expect(e).toBeGreaterThan(3);
  await page.getByRole('slider', { name: 'Time in the run' }).focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('sim-events')).toHaveAttribute('data-value', '0');
  // from the start, the tick seeks forward to its decision
  await tick.click();
  await expect(page.getByTestId('sim-events')).toHaveAttribute('data-value', String(e));
  for (let i = 1; i <= 3; i++) await press(page, 'Step back', e - i);
  const before = await snapshot(page);
  for (let i = 1; i <= 3; i++) await press(page, 'Step', e - 3 + i);
  const after = await snapshot(page);
  expect(Number(after['counter-ListenOverflows'])).toBeGreaterThan(Number(before['counter-ListenOverflows']));
  expect(after.time).not.toBe(before.time);
  for (let i = 1; i <= 3; i++) await press(page, 'Step back', e - i);
  expect(await snapshot(page)).toEqual(before);
  for (let i = 1; i <= 3; i++) await press(page, 'Step', e - 3 + i);
  expect(await snapshot(page)).toEqual(after);
  // the keyboard does the same: ← three times, → three times (the focus is on Step, which does not use arrows)
  for (let i = 1; i <= 3; i++) {
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('sim-events')).toHaveAttribute('data-value', String(e - i));
  }
  expect(await snapshot(page)).toEqual(before);
  for (let i = 1; i <= 3; i++) {
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('sim-events')).toHaveAttribute('data-value', String(e - 3 + i));
  }
  expect(await snapshot(page)).toEqual(after);
  expect(problems).toEqual([]);
});

test('Home goes to the start and End to the end, with the same end every time', async ({ page }) => {
  const problems = watchProblems(page);
  await open(page, 'syn-flood-cookies');
  const start = await snapshot(page);
  await page.keyboard.press('End');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '12000');
  const end = await snapshot(page);
  expect(Number(end['counter-SyncookiesSent'])).toBeGreaterThan(0);
  await page.keyboard.press('Home');
  await expect(page.getByTestId('sim-events')).toHaveAttribute('data-value', '0');
  expect(await snapshot(page)).toEqual(start);
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'ready');
  await page.keyboard.press('End');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done');
  expect(await snapshot(page)).toEqual(end);
  // the slider's own Home and End
  const slider = page.getByRole('slider', { name: 'Time in the run' });
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('sim-events')).toHaveAttribute('data-value', '0');
  await page.keyboard.press('End');
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '12000');
  expect(await snapshot(page)).toEqual(end);
  expect(problems).toEqual([]);
});

test('a tick on the timeline opens the decision that moved its counter', async ({ page }) => {
  const problems = watchProblems(page);
  await open(page, 'accept-overflow');
  await page.getByRole('button', { name: 'Run to end', exact: true }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done');
  const ticks = page.getByTestId('timeline-tick');
  await expect(ticks.first()).toBeVisible();
  const tick = page.locator('[data-testid="timeline-tick"][data-field="ListenOverflows"]').nth(1);
  const e = await tick.getAttribute('data-event');
  await tick.hover();
  await expect(page.getByTestId('timeline-tip')).toContainText(/ListenOverflows ×\d+ from \d+\.\d+ s/);
  await expect(page.getByTestId('timeline-tip')).toContainText('Click: go to the decision that moved ListenOverflows');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}timeline-tip-1366.png` });
  await tick.click();
  await expect(page.getByTestId('sim-events')).toHaveAttribute('data-value', e!);
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'paused');
  // the log shows that counter's decisions and ends with this one; the live region names it
  await expect(page.getByTestId('log-filter')).toHaveAttribute('data-counter', 'ListenOverflows');
  const last = page.getByTestId('log-list').locator(':scope > li').last();
  await expect(last).toHaveAttribute('data-mib', /ListenOverflows/);
  await expect(page.getByTestId('live-narration')).toContainText(`Event ${Number(e).toLocaleString('en')} at `);
  await expect(page.getByTestId('live-narration')).toContainText('ListenOverflows +1');
  const fn = await page.getByTestId('log-list').locator('[data-testid="log-line"]').last().getAttribute('data-fn');
  await expect(page.getByTestId('live-narration')).toContainText(`${fn}():`);
  // the counter's ticks stand out, the others step back
  await expect(tick).toHaveClass(/\bsel\b/);
  await expect(page.locator('.tl-tick.dim').first()).toBeAttached();
  await page.screenshot({ path: `${SHOTS}timeline-opened-1366.png` });
  expect(problems).toEqual([]);
});

test('dragging the timeline seeks; the strip fits under the panels at 1366×768', async ({ page }) => {
  const problems = watchProblems(page);
  await open(page, 'syn-flood-cookies');
  const slider = page.getByRole('slider', { name: 'Time in the run' });
  const box = (await slider.boundingBox())!;
  // the strip is inside the window, and so is every panel above it
  expect(box.y + box.height).toBeLessThanOrEqual(768);
  expect(box.height).toBeGreaterThanOrEqual(40);
  for (const cell of await page.locator('.grid .cell').all()) {
    const b = (await cell.boundingBox())!;
    expect(b.y + b.height).toBeLessThanOrEqual(box.y);
  }
  // the track runs from the legend (122 px) to 12 px before the end; the time labels' row is below the lanes
  const x = (f: number) => box.x + 122 + f * (box.width - 122 - 12);
  const y = box.y + box.height - 6;
  await page.mouse.move(x(0.1), y);
  await page.mouse.down();
  for (let f = 0.1; f <= 0.5; f += 0.05) await page.mouse.move(x(f), y, { steps: 2 });
  await page.mouse.up();
  await expect.poll(async () => Number(await page.getByTestId('sim-time').getAttribute('data-ms'))).toBeGreaterThan(5800);
  expect(Number(await page.getByTestId('sim-time').getAttribute('data-ms'))).toBeLessThan(6200);
  expect(await events(page)).toBeGreaterThan(0);
  await expect(slider).toHaveAttribute('aria-valuenow', await page.getByTestId('sim-time').getAttribute('data-ms') as string);
  // a click (no drag) seeks too
  await page.mouse.click(x(0.25), y);
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', /^(29\d\d|30\d\d)(\.\d+)?$/);
  expect(problems).toEqual([]);
});

test('keyboard shortcuts: Space plays and pauses, the help lists them and keeps the focus', async ({ page }) => {
  const problems = watchProblems(page);
  await open(page, 'slow-accept');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'playing');
  // let the run move before pausing (a pause before the first tick leaves it "ready" at 0 s)
  await expect.poll(() => events(page)).toBeGreaterThan(0);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'paused');
  const n = await events(page);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('sim-events')).toHaveAttribute('data-value', String(n + 1));
  // typing in the terminal is typing, not shortcuts
  await page.getByTestId('terminal-input').click();
  await page.keyboard.type('ss -lnt p ');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('sim-events')).toHaveAttribute('data-value', String(n + 1));
  await expect(page.getByTestId('terminal-input')).toHaveValue('ss -lnt p ');
  await expect(page.locator('html')).not.toHaveClass(/projector/);
  // the help: ? opens it, Tab stays inside, Esc closes it and the focus goes back
  await page.getByRole('button', { name: 'Step back', exact: true }).focus();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(help.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(help.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.screenshot({ path: `${SHOTS}help-1366.png` });
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(page.getByRole('button', { name: 'Step back', exact: true })).toBeFocused();
  // the header's ? button, in Chinese
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('button', { name: '键盘快捷键' }).click();
  await expect(page.getByRole('dialog', { name: '键盘快捷键' })).toBeVisible();
  mkdirSync(DOCS, { recursive: true });
  await page.screenshot({ path: `${DOCS}shortcuts-help-zh-CN-1366.png` });
  await page.getByRole('button', { name: '关闭' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  expect(problems).toEqual([]);
});
