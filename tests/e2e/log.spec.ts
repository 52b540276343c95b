// What happened: the narrated log shows the kernel's decisions of a real run in the worker, names the function
// that took each with a link to its Linux 6.18 source, and the ListenOverflows tile filters it to exactly the
// decisions that moved ListenOverflows — their increments add up to the counter.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { watchProblems } from './page-helpers.ts';
import { LOG_CAP } from '../../src/store/live.ts';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const DOCS = fileURLToPath(new URL('./docs/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });
mkdirSync(DOCS, { recursive: true });

/** the machines running this suite can be busy: give the worker time */
const SLOW = 20_000;

async function open(page: Page, preset: string, lang = 'en'): Promise<void> {
  await page.goto(`./?lang=${lang}&preset=${preset}`);
  await expect(page.getByTestId('scenario-title')).toHaveAttribute('data-name', preset);
}

async function runToEnd(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: SLOW });
}

const panel = (page: Page) => page.getByRole('region', { name: /^(What happened|发生了什么)$/ });
const lines = (page: Page) => panel(page).getByTestId('log-line');

/** The rows that stand for decisions: lines, and folded runs of repeats. */
const decisionRows = (page: Page) => panel(page).locator('[data-testid="log-line"], [data-testid="log-repeats"]');

/** The decisions the list stands for, in order (a fold stands for the run of seqs it folds). */
async function shownSeqs(page: Page): Promise<number[]> {
  const rows = await decisionRows(page).evaluateAll((els) => els.map((e) => ({ ...(e as HTMLElement).dataset })));
  return rows.flatMap((d) => (d.seq !== undefined ? [Number(d.seq)] : d.open === 'true' ? [] : Array.from({ length: Number(d.last) - Number(d.first) + 1 }, (_, i) => Number(d.first) + i)));
}

/** How many times the lines shown moved `field` (data-mib lists every counter a line moved, repeats included). */
async function movedInLines(page: Page, field: string): Promise<number> {
  const mibs = await lines(page).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.mib ?? ''));
  return mibs.reduce((n, m) => n + m.split(' ').filter((f) => f === field).length, 0);
}

/** The newest decision listed (the log is a ring: once full, how many it shows no longer grows). */
async function newest(page: Page): Promise<number> {
  const seqs = await decisionRows(page).evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.seq ?? (e as HTMLElement).dataset.last)));
  return Math.max(-1, ...seqs);
}

/** How many decisions the shown rows stand for (an open fold's lines are listed after it). */
async function shownCount(page: Page): Promise<number> {
  const ns = await decisionRows(page).evaluateAll((els) => els.map((e) => {
    const d = (e as HTMLElement).dataset;
    return d.n === undefined ? 1 : d.open === 'true' ? 0 : Number(d.n);
  }));
  return ns.reduce((a, b) => a + b, 0);
}

/** The list is scrolled to its newest line. */
async function atBottom(page: Page): Promise<boolean> {
  return panel(page).locator('.log-scroll').evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight <= 12);
}

test.use({ viewport: { width: 1366, height: 768 } });

test('accept-overflow: narrated lines name tcp_check_req with an elixir link; the ListenOverflows filter keeps exactly the lines that moved it', async ({ page }) => {
  const problems = watchProblems(page);
  await open(page, 'accept-overflow');
  // played (not run to the end in one frame, which carries only the latest decisions): the page gets every one.
  // The burst of the first 0.3 s at the default 0.25×, the sparse rest at 10×.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await page.getByTestId('sim-time').getAttribute('data-ms')), { timeout: SLOW }).toBeGreaterThan(1000);
  await page.getByLabel('Speed').selectOption('10');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: 2 * SLOW });
  await expect(panel(page).getByTestId('log-skipped')).toHaveCount(0);

  // every decision of the run is here (fewer than the page keeps), in order, none left out
  const seqs = await shownSeqs(page);
  const all = seqs.length;
  expect(all).toBeGreaterThan(20);
  expect(seqs).toEqual(seqs.map((_, i) => i));
  expect(await shownCount(page)).toBe(all);
  await expect(panel(page).getByTestId('log-gap')).toHaveCount(0);
  // newest at the bottom, and the list shows it
  expect(await atBottom(page)).toBe(true);
  await panel(page).screenshot({ path: `${SHOTS}log-cell-end.png` });

  // the overflow the preset is about, in words, with the function that decided it
  const overflow = lines(page).and(page.locator('[data-code="req_overflow_acked"]')).first();
  await expect(overflow.locator('.log-text')).toHaveText(/^ACK from client \d+ dropped: accept queue full \(9 waiting, backlog 8\)\.$/);
  const link = overflow.getByRole('link', { name: /^tcp_check_req\(\) in net\/ipv4\/tcp_minisocks\.c: Linux v6\.18 source/ });
  await expect(link).toHaveText('tcp_check_req()');
  await expect(link).toHaveAttribute('href', 'https://elixir.bootlin.com/linux/v6.18/C/ident/tcp_check_req');
  await expect(link).toHaveAttribute('target', '_blank');
  // opened, it says why, and names the branch in the kernel's terms
  await overflow.locator('.log-text').click();
  await expect(overflow.getByTestId('log-why')).toContainText('With tcp_abort_on_overflow = 0 the kernel drops the ACK and keeps the request in the SYN queue');
  await expect(overflow.locator('.log-branch')).toHaveText('listen_overflow, !tcp_abort_on_overflow');
  await page.screenshot({ path: `${DOCS}log-accept-overflow-1366.png` });
  await expect(overflow.getByRole('button', { name: 'Show only decisions that moved ListenOverflows' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}log-accept-overflow.png` });
  await panel(page).screenshot({ path: `${SHOTS}log-cell-accept-overflow.png` });

  // filter with the counters panel's tile
  const overflows = Number(await page.getByTestId('counter-ListenOverflows').first().getAttribute('data-value'));
  expect(overflows).toBeGreaterThan(0);
  const moving = await lines(page).and(page.locator('[data-mib~="ListenOverflows"]')).count()
    + (await panel(page).getByTestId('log-repeats').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset)))
      .reduce((n, d) => n + (d.mib!.split(' ').includes('ListenOverflows') ? Number(d.n) : 0), 0);
  await page.getByTestId('counter-ListenOverflows').first().click();
  await expect(panel(page).getByTestId('log-filter')).toHaveAttribute('data-counter', 'ListenOverflows');
  await expect(panel(page).getByTestId('log-filter')).toContainText(`Only ListenOverflows: ${moving} of ${all} decisions`);
  await expect.poll(() => shownCount(page)).toBe(moving);
  // open every fold: each decision shown is one that moved the counter, and every increment is one of them
  for (const fold of await panel(page).getByTestId('log-repeats').locator('button.log-text').all()) await fold.click();
  await expect(lines(page)).toHaveCount(moving);
  expect(await lines(page).evaluateAll((els) => els.every((e) => (e as HTMLElement).dataset.mib!.split(' ').includes('ListenOverflows')))).toBe(true);
  const codes = await lines(page).evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLElement).dataset.code))].sort());
  expect(codes).toEqual(['cookie_valid_overflow', 'req_overflow_acked', 'syn_accept_queue_full']);
  expect(await movedInLines(page, 'ListenOverflows')).toBe(overflows);
  await panel(page).screenshot({ path: `${SHOTS}log-cell-filtered.png` });

  await panel(page).getByRole('button', { name: 'Show all decisions (stop filtering by ListenOverflows)' }).click();
  await expect(panel(page).getByTestId('log-filter')).toHaveCount(0);
  await expect.poll(() => shownCount(page)).toBe(all);
  expect(problems).toEqual([]);
});

test('clicking a decision’s time moves the run to right after it', async ({ page }) => {
  const problems = watchProblems(page);
  await open(page, 'accept-overflow');
  await runToEnd(page);
  const target = lines(page).and(page.locator('[data-code="req_overflow_acked"]')).first();
  const time = await target.locator('button.log-t').textContent();
  const text = await target.locator('.log-text').textContent();
  await target.getByRole('button', { name: `Go to ${time} s, right after this decision` }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'paused', { timeout: SLOW });
  await expect.poll(async () => Number(await page.getByTestId('sim-time').getAttribute('data-ms')), { timeout: SLOW }).toBeCloseTo(Number(time) * 1000, 0);
  // that decision is now the newest line, in view
  const last = lines(page).last();
  await expect(last).toHaveAttribute('data-code', 'req_overflow_acked');
  await expect(last.locator('.log-text')).toHaveText(text!);
  await expect(last).toBeInViewport();
  await expect(page.getByTestId('accept-queue')).toHaveAttribute('data-len', '9');
  await panel(page).screenshot({ path: `${SHOTS}log-cell-seek.png` });
  expect(problems).toEqual([]);
});

test('while playing the log follows the newest line unless the viewer scrolled up', async ({ page }) => {
  const problems = watchProblems(page);
  const scroll = panel(page).locator('.log-scroll');
  const latest = panel(page).getByRole('button', { name: /Latest/ });
  const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  /** the first row in view, and how far below the top of the view it is */
  const reading = () => scroll.evaluate((el) => {
    const item = [...el.querySelectorAll<HTMLElement>('.log-list > li')].find((li) => li.offsetTop + li.offsetHeight > el.scrollTop)!;
    return { key: item.dataset.key!, offset: item.offsetTop - el.scrollTop };
  });
  const offsetOf = (key: string) => scroll.evaluate((el, k) => {
    const item = el.querySelector(`.log-list > li[data-key="${k}"]`) as HTMLElement | null;
    return item === null ? 'gone' : item.offsetTop - el.scrollTop;
  }, key);
  // a flood makes decisions at a steady pace: soon more than the page keeps, so the oldest lines drop off the top
  await open(page, 'syn-flood-cookies');
  await page.getByLabel('Speed').selectOption('0.5');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => newest(page), { timeout: 2 * SLOW }).toBeGreaterThan(LOG_CAP + 20);
  await expect.poll(() => atBottom(page), { timeout: SLOW }).toBe(true);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'paused', { timeout: SLOW });

  // scroll up to read, then play on: new lines no longer pull the list down, and the line read stays where it was
  await scroll.evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
  await expect(latest).toBeVisible();
  await frames();
  const read = await reading();
  const before = await newest(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => newest(page), { timeout: SLOW }).toBeGreaterThan(before + 30);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'paused', { timeout: SLOW });
  await frames();
  expect(await atBottom(page)).toBe(false);
  expect(await offsetOf(read.key)).toBe(read.offset);

  // back to the newest line, and following again
  await latest.click();
  await expect.poll(() => atBottom(page), { timeout: SLOW }).toBe(true);
  await expect(latest).toHaveCount(0);
  const now = await newest(page);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => newest(page), { timeout: SLOW }).toBeGreaterThan(now + 5);
  await expect.poll(() => atBottom(page), { timeout: SLOW }).toBe(true);
  expect(problems).toEqual([]);
});

test('a line opened while playing stays in view (following stops); "Explain all" at the bottom stays at the bottom', async ({ page }) => {
  const problems = watchProblems(page);
  await open(page, 'syn-flood-cookies');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => newest(page), { timeout: SLOW }).toBeGreaterThan(20);
  // a line that does not repeat the one above (a repeat may fold away before the click lands)
  const seq = await lines(page).and(page.locator(':not(.same)')).last().getAttribute('data-seq');
  const opened = panel(page).locator(`[data-testid="log-line"][data-seq="${seq}"]`);
  await opened.locator('.log-text').click();
  await expect(opened.getByTestId('log-why')).toBeVisible();
  await expect(panel(page).getByRole('button', { name: /Latest/ })).toBeVisible();
  const before = await newest(page);
  await expect.poll(() => newest(page), { timeout: SLOW }).toBeGreaterThan(before + 20);
  await expect(opened.getByTestId('log-why')).toBeInViewport();
  await page.getByRole('button', { name: 'Pause' }).click();
  await panel(page).getByRole('button', { name: /Latest/ }).click();
  await expect.poll(() => atBottom(page), { timeout: SLOW }).toBe(true);
  await panel(page).getByRole('button', { name: 'Explain all' }).click();
  await expect(panel(page).getByTestId('log-why').first()).toBeVisible();
  await expect.poll(() => atBottom(page), { timeout: SLOW }).toBe(true);
  expect(problems).toEqual([]);
});

test('a flood in Chinese on a projector: the log reads in zh-CN, and what was left out is said', async ({ page }) => {
  const problems = watchProblems(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await open(page, 'syn-flood-cookies');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await page.getByTestId('sim-time').getAttribute('data-ms')), { timeout: SLOW }).toBeGreaterThan(700);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('button', { name: '中文' }).click();
  await expect(panel(page).getByRole('heading')).toHaveText('发生了什么');
  await expect(panel(page).locator('[data-code="syn_queue_full_cookie"] .log-text').first()).toHaveText(/^客户端 \d+ 的 SYN：半连接队列已满（17 个请求，backlog 16），改用 SYN cookie 应答。$/);
  await page.screenshot({ path: `${DOCS}log-flood-zh-1920.png` });
  await panel(page).screenshot({ path: `${SHOTS}log-cell-flood-zh-1920.png` });

  // the rest of the run in one frame: more decisions than a frame carries; each gap in the list says how many are
  // left out there, and together they are what the head says
  await page.getByRole('button', { name: '运行到结束' }).or(page.getByRole('button', { name: 'Run to end' })).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done', { timeout: SLOW });
  const gaps = panel(page).getByTestId('log-gap');
  await expect(gaps.last()).toHaveText(/^…… [\d.]+ 秒至 [\d.]+ 秒之间另有 [\d,]+ 条决策未显示$/);
  const skipped = Number(await panel(page).getByTestId('log-skipped').getAttribute('data-value'));
  await expect(panel(page).getByTestId('log-skipped')).toHaveText(`${skipped.toLocaleString('zh-CN')} 条决策未显示`);
  const gapSum = (await gaps.evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.n)))).reduce((a, b) => a + b, 0);
  expect(await shownCount(page)).toBeLessThan(LOG_CAP);
  expect(gapSum).toBe(skipped);
  const seqs = await shownSeqs(page);
  expect(seqs.length + gapSum).toBe(seqs[seqs.length - 1] + 1);
  await panel(page).screenshot({ path: `${SHOTS}log-cell-flood-end-zh-1920.png` });
  expect(problems).toEqual([]);
});

test('the log panel passes axe (WCAG 2 A/AA): lines, an opened line, a fold, the filter bar', async ({ page }) => {
  await open(page, 'accept-overflow');
  await runToEnd(page);
  await lines(page).and(page.locator('[data-code="req_overflow_acked"]')).first().locator('.log-text').click();
  await page.getByTestId('counter-ListenOverflows').first().click();
  await panel(page).getByTestId('log-repeats').first().locator('button.log-text').click();
  const r = await new AxeBuilder({ page }).include('section.panel.log').withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
