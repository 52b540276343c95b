// The app makes no network request beyond its own files: a whole session — load, play, a lesson, terminal
// commands, the language switch, the help, every export — asks only for files of the build it was served from
// (no fonts, CDNs, analytics, or anything else), each of them found in that build's folder. Downloads made in the
// page (a blob: URL of this origin) are the only other URLs.
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, type Page, type Request } from '@playwright/test';
import { choosePreset, watchProblems } from './page-helpers.ts';

test.use({ viewport: { width: 1366, height: 768 } });

// the folder playwright.config.ts builds the app into for this port
const PORT = Number(process.env.E2E_PORT ?? 4173);
const OUT = fileURLToPath(new URL(`../../${PORT === 4173 ? 'dist' : `.e2e-dist-${PORT}`}/`, import.meta.url));

/** The file of the build a same-origin URL names ('/' and '/?lang=en' are index.html), or null. */
function fileOf(url: URL): string | null {
  const path = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
  if (path.split('/').includes('..')) return null;
  const file = `${OUT}${path}`;
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

async function download(page: Page, testid: string): Promise<void> {
  await page.getByRole('button', { name: 'Export packets' }).click();
  const d = page.waitForEvent('download');
  await page.getByTestId(testid).click();
  expect((await d).suggestedFilename()).not.toBe('');
}

test('a whole session asks only for the app\'s own files', async ({ page, context, baseURL }) => {
  test.setTimeout(120_000);
  const origin = new URL(baseURL!).origin;
  const requests: string[] = [];
  const failed: string[] = [];
  // the context sees the page's, its worker's and its service worker's requests
  const record = (r: Request) => requests.push(r.url());
  context.on('request', record);
  context.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
  const problems = watchProblems(page);

  await page.goto('./?lang=en');
  await choosePreset(page, 'syn-flood-cookies');
  await page.getByLabel('Speed').selectOption('5');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await page.getByTestId('sim-time').getAttribute('data-ms'))).toBeGreaterThan(1000);
  await page.getByRole('button', { name: 'Pause' }).click();
  // the terminal, the log's explanations, the help, the other language
  const input = page.getByTestId('terminal-input');
  for (const line of ['ss -lnt', 'nstat -az', 'cat /proc/net/tcp']) {
    await input.fill(line);
    await input.press('Enter');
  }
  await expect(page.getByTestId('terminal-entry').last()).toHaveAttribute('data-state', 'done');
  await page.getByRole('button', { name: 'Explain all' }).click();
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await page.keyboard.press('Escape');
  // every export
  await download(page, 'export-pcap');
  await download(page, 'export-svg');
  await download(page, 'export-png');
  await page.getByTestId('export').click();
  // a lesson, which loads its own scenarios
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page.getByTestId('lesson-menu').getByRole('button').first().click();
  await expect(page.getByTestId('lesson-drawer')).toHaveAttribute('data-phase', 'ready');
  await page.getByTestId('lesson-drawer').getByTestId('lesson-next').click();
  await expect(page.getByTestId('lesson-drawer')).toHaveAttribute('data-phase', 'ready');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  // a reload, served by the service worker or the server
  await page.reload();
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', /\d+/);

  await test.info().attach('requests', { body: [...new Set(requests)].join('\n'), contentType: 'text/plain' });
  expect(requests.length).toBeGreaterThan(3);
  const foreign = requests.filter((u) => {
    const url = new URL(u);
    if (url.protocol === 'blob:') return !u.startsWith(`blob:${origin}/`);
    if (url.protocol === 'data:') return false;
    return url.origin !== origin || fileOf(url) === null;
  });
  expect(foreign, 'requests for anything but the app\'s own files').toEqual([]);
  expect(failed).toEqual([]);
  // and the page's files themselves name nothing outside (a font, a script or a stylesheet from elsewhere)
  const external = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('script[src], link[href], img[src], iframe[src], source[src]')]
      .map((e) => (e as HTMLScriptElement).src || (e as HTMLLinkElement).href)
      // a data: URL carries its bytes (the page's empty favicon): nothing is fetched for it
      .filter((u) => !u.startsWith('data:') && new URL(u, location.href).origin !== location.origin));
  expect(external).toEqual([]);
  expect(problems).toEqual([]);
});
