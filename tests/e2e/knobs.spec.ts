// The knobs panel against the real worker: a new somaxconn mid-run does not change the listener until listen() is
// called again (as on Linux: listen() reads somaxconn once), and a value the kernel refuses changes nothing.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, type Page } from '@playwright/test';
import { watchProblems } from './page-helpers.ts';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });

test.use({ viewport: { width: 1366, height: 768 } });

const simMs = async (page: Page) => Number(await page.getByTestId('sim-time').getAttribute('data-ms'));

/** somaxconn 8, listen(fd, 128): the listener's backlog is 8, the accept queue takes 9 */
async function openCap(page: Page, lang = 'en'): Promise<void> {
  await page.goto(`./?lang=${lang}&preset=somaxconn-cap`);
  await expect(page.getByTestId('scenario-title')).toHaveAttribute('data-name', 'somaxconn-cap');
  await expect(page.getByTestId('accept-queue')).toHaveAttribute('data-limit', '9');
}

/** a few kernel events in, paused */
async function stepIn(page: Page, name = 'Step'): Promise<void> {
  for (let i = 0; i < 40; i++) await page.getByRole('button', { name, exact: true }).click();
  await expect.poll(() => simMs(page)).toBeGreaterThan(0);
}

test('a new somaxconn waits for the next listen(); calling listen() again applies it', async ({ page }) => {
  const problems = watchProblems(page);
  await openCap(page);
  await stepIn(page);
  const events = Number(await page.getByTestId('sim-events').getAttribute('data-value'));
  expect(events).toBeGreaterThanOrEqual(40);

  const somaxconn = page.getByLabel('net.core.somaxconn', { exact: true });
  await expect(somaxconn).toHaveValue('8');
  await somaxconn.fill('64');
  await somaxconn.press('Enter');

  // the kernel took the value, but the listener keeps the backlog listen() computed
  await expect(somaxconn).toHaveValue('64');
  await expect(somaxconn).not.toHaveAttribute('aria-busy', 'true');
  const notes = page.getByTestId('knob-notes');
  await expect(notes).toHaveAttribute('data-row', 'net.core.somaxconn');
  await expect(notes).toContainText('The listener keeps backlog 8');
  await expect(notes).toContainText('would give 64');
  await expect(page.getByTestId('accept-queue')).toHaveAttribute('data-limit', '9');
  await expect(page.getByTestId('knobs-backlog')).toHaveAttribute('data-value', '8');
  // the run goes on with the old backlog
  await stepIn(page);
  await expect(page.getByTestId('accept-queue')).toHaveAttribute('data-limit', '9');
  await page.screenshot({ path: `${SHOTS}knobs-next-listen.png` });
  await page.locator('section.knobs').screenshot({ path: `${SHOTS}knobs-panel-next-listen.png` });

  await page.getByRole('button', { name: 'Call listen(fd, 128) again' }).click();
  await expect(page.getByTestId('accept-queue')).toHaveAttribute('data-limit', '65');
  await expect(page.getByTestId('knobs-backlog')).toHaveAttribute('data-value', '64');
  const listenNotes = page.getByTestId('knob-notes');
  await expect(listenNotes).toHaveAttribute('data-row', 'listen');
  await expect(listenNotes).toContainText('listen(fd, 128) was capped at somaxconn = 64');
  await expect(listenNotes).toContainText('from 8 to 64');
  await expect(page.getByRole('button', { name: 'Call listen()', exact: true })).toBeEnabled();
  await expect(page.getByLabel('listen(fd, backlog)', { exact: true })).not.toHaveAttribute('aria-busy', 'true');
  await page.screenshot({ path: `${SHOTS}knobs-listen-again.png` });
  await page.locator('section.knobs').screenshot({ path: `${SHOTS}knobs-panel-listen-again.png` });
  expect(problems).toEqual([]);
});

test('values the kernel refuses change nothing and show the kernel’s rule', async ({ page }) => {
  const problems = watchProblems(page);
  await openCap(page);
  await stepIn(page);

  const somaxconn = page.getByLabel('net.core.somaxconn', { exact: true });
  await somaxconn.fill('-1');
  await expect(somaxconn).toHaveAttribute('aria-invalid', 'true');
  await somaxconn.press('Enter');
  const refused = page.getByTestId('knob-refused');
  await expect(refused).toHaveAttribute('data-row', 'net.core.somaxconn');
  await expect(refused).toContainText('proc_dointvec_minmax');
  await expect(refused).toContainText('-1');
  await expect(somaxconn).toHaveValue('8');
  await expect(page.getByTestId('accept-queue')).toHaveAttribute('data-limit', '9');
  await page.screenshot({ path: `${SHOTS}knobs-refused.png` });
  await page.locator('section.knobs').screenshot({ path: `${SHOTS}knobs-panel-refused.png` });

  // u8 knobs: the proc handler takes 0…255
  const synack = page.getByLabel('net.ipv4.tcp_synack_retries', { exact: true });
  await synack.fill('300');
  await synack.press('Enter');
  await expect(page.getByTestId('knob-refused')).toHaveAttribute('data-row', 'net.ipv4.tcp_synack_retries');
  await expect(page.getByTestId('knob-refused')).toContainText('proc_dou8vec_minmax');
  await expect(synack).toHaveValue('5');

  // tcp_syncookies written from the terminal: refused at 300, so the panel's choice stays on 1; taken at 2
  const cookies = page.getByRole('radiogroup', { name: 'net.ipv4.tcp_syncookies' });
  await expect(cookies.getByRole('radio', { name: '1' })).toBeChecked();
  const term = page.getByTestId('terminal-input');
  await term.fill('sysctl -w net.ipv4.tcp_syncookies=300');
  await term.press('Enter');
  await expect(page.getByTestId('terminal-output')).toContainText('Invalid argument');
  await expect(cookies.getByRole('radio', { name: '1' })).toBeChecked();
  await term.fill('sysctl -w net.ipv4.tcp_syncookies=2');
  await term.press('Enter');
  await expect(cookies.getByRole('radio', { name: '2' })).toBeChecked();
  await expect(page.getByText('2: always')).toBeVisible();

  // a listen() backlog that is not a number is not sent at all
  const listen = page.getByLabel('listen(fd, backlog)', { exact: true });
  await listen.fill('lots');
  await listen.press('Enter');
  await expect(page.getByText('Type a number.')).toBeVisible();
  await expect(page.getByTestId('knobs-backlog')).toHaveAttribute('data-value', '8');
  expect(problems).toEqual([]);
});

test('the application and the traffic change while the run goes on', async ({ page }) => {
  const problems = watchProblems(page);
  await openCap(page);
  await stepIn(page);
  // the scenario never calls accept(): start it, and the accept queue drains
  await expect(page.getByText('does not call accept()')).toBeVisible();
  const every = page.getByLabel('accept() every', { exact: true });
  await every.fill('5');
  await every.press('Enter');
  await expect(page.getByText('One accept() every 5 ms')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop calling accept()' })).toBeVisible();

  const flood = page.getByLabel('SYN flood / s', { exact: true });
  await flood.fill('2000');
  await flood.press('Enter');
  await expect(flood).toHaveValue('2000');
  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done');
  expect(Number(await page.getByTestId('counter-PassiveOpens').getAttribute('data-value'))).toBeGreaterThan(9);
  await page.screenshot({ path: `${SHOTS}knobs-traffic.png` });
  expect(problems).toEqual([]);
});

test('the speed list and the clock; the panel in Chinese and on a projector', async ({ page }) => {
  const problems = watchProblems(page);
  await openCap(page, 'zh-CN');
  const speed = page.getByLabel('速度', { exact: true });
  await expect(speed.locator('option')).toHaveText(['0.1×', '0.25×', '0.5×', '1×（实时）', '2×', '5×', '10×', '100×', '1000×']);
  await speed.selectOption('1000');
  await stepIn(page, '单步');
  const somaxconn = page.getByLabel('net.core.somaxconn', { exact: true });
  await somaxconn.fill('64');
  await somaxconn.press('Enter');
  await expect(page.getByTestId('knob-notes')).toContainText('监听套接字的 backlog 仍为 8');
  await page.screenshot({ path: `${SHOTS}knobs-zh-CN.png` });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: `${SHOTS}knobs-1920.png` });
  await page.locator('section.knobs').screenshot({ path: `${SHOTS}knobs-panel-1920.png` });
  expect(problems).toEqual([]);
});
