// The scenario bar: the picker, Import (file chooser and drop), Export, and #scenario= links. Every scenario that
// opens shows, run to the end, what the simulator computes for the same text; everything refused leaves a message
// and the page as it was (the same run, at the same moment, still working).
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, type Page } from '@playwright/test';
import { expectedFor, expectedForText, presetIndex, presetText } from './expected.ts';
import { choosePreset, expectShows, value, watchProblems } from './page-helpers.ts';
import { encodeScenarioLink } from '../../src/ui/scenario/link.ts';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const DOCS = fileURLToPath(new URL('./docs/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });
mkdirSync(DOCS, { recursive: true });
const index = presetIndex();

test.use({ viewport: { width: 1366, height: 768 } });

/** A scenario of our own: a preset's set-up under another name and title, with a Chinese title. */
function customScenario(): { text: string; name: string } {
  const doc = JSON.parse(presetText('somaxconn-cap.json')) as Record<string, unknown>;
  const name = 'my-classroom-test';
  const text = JSON.stringify({ ...doc, name, title: 'Our own: somaxconn 8', title_zh: '我们自己的：somaxconn 为 8', explain: 'listen(fd, 64) capped at 8; one accept() every 500 ms.\nOur own variation.', explain_zh: 'listen(fd, 64) 被截为 8；每 500 毫秒 accept() 一次。\n我们自己的变体。', server: { port: 9090, backlog: 64, accept: { mode: 'every', interval_ms: 500 } } }, null, 2);
  return { text, name };
}

const problem = (page: Page) => page.getByTestId('problem');
const picker = (page: Page) => page.getByTestId('preset-select');

/** What a refusal must not change: the run (name, moment, counters, queues). */
async function snapshot(page: Page) {
  return {
    name: await page.getByTestId('scenario-title').getAttribute('data-name'),
    ms: await page.getByTestId('sim-time').getAttribute('data-ms'),
    events: await page.getByTestId('sim-time').textContent(),
    overflows: await value(page, 'counter-ListenOverflows'),
    opens: await value(page, 'counter-PassiveOpens'),
    accept: await page.getByTestId('accept-queue').getAttribute('data-len'),
    picker: await picker(page).inputValue(),
  };
}

async function pauseMidway(page: Page) {
  for (let i = 0; i < 25; i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(async () => Number(await page.getByTestId('sim-time').getAttribute('data-ms'))).toBeGreaterThan(0);
}

test('the picker lists every preset in the page language and opens each', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('./?lang=zh-CN');
  await expect(picker(page).locator('option')).toHaveText(index.presets.map((p) => p.title_zh));
  await expect(picker(page)).toHaveValue(index.default);
  await choosePreset(page, 'container-somaxconn');
  await expect(page).toHaveURL(/[?&]preset=container-somaxconn/);
  await expect(page.getByTestId('host-sysctl')).toHaveText('宿主机：somaxconn=128');
  await expect(page.getByTestId('scenario-explain').locator('p')).toHaveCount(2);
  await page.screenshot({ path: `${DOCS}scenario-bar-zh-CN.png`, clip: { x: 0, y: 0, width: 1366, height: 150 } });
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(picker(page).locator('option:checked')).toHaveText('A container has its own somaxconn');
  await expect(page.getByTestId('scenario-explain')).toContainText('net.core.somaxconn = 128');
  await page.screenshot({ path: `${DOCS}scenario-bar-en.png`, clip: { x: 0, y: 0, width: 1366, height: 150 } });
  await page.screenshot({ path: `${SHOTS}scenario-container.png` });
  // on a projector
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByRole('button', { name: '中文', exact: true }).click();
  await page.screenshot({ path: `${SHOTS}scenario-container-1920-zh-CN.png` });
  expect(problems).toEqual([]);
});

test('import a file with the file chooser: it runs, and run to the end it shows what the simulator computes', async ({ page }) => {
  const problems = watchProblems(page);
  const { text, name } = customScenario();
  await page.goto('./?lang=en&preset=relisten');
  await expect(page.getByTestId('scenario-title')).toHaveAttribute('data-name', 'relisten');
  await page.getByTestId('import-file').setInputFiles({ name: 'ours.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByTestId('scenario-title')).toHaveAttribute('data-name', name);
  await expect(picker(page).locator('option:checked')).toHaveText('Our own: somaxconn 8 · from ours.json');
  // an imported file is not a preset: the address no longer names one
  await expect(page).not.toHaveURL(/preset=/);
  await page.screenshot({ path: `${SHOTS}scenario-imported.png`, clip: { x: 0, y: 0, width: 1366, height: 150 } });
  await page.getByRole('button', { name: 'Run to end', exact: true }).click();
  await expectShows(page, expectedForText(text));
  // the presets are one choice away
  await choosePreset(page, 'listen-zero');
  await expect(picker(page).locator('option')).toHaveCount(index.presets.length);
  expect(problems).toEqual([]);
});

test('export downloads the running scenario under its name, and the file imports again', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('./?lang=en&preset=abort-on-overflow');
  await expect(page.getByTestId('scenario-title')).toHaveAttribute('data-name', 'abort-on-overflow');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  expect(download.suggestedFilename()).toBe('abort-on-overflow.json');
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  const saved = readFileSync(path, 'utf8');
  expect(saved).toBe(presetText('abort-on-overflow.json'));
  await choosePreset(page, 'slow-accept');
  await page.getByTestId('import-file').setInputFiles(path);
  await expect(page.getByTestId('scenario-title')).toHaveAttribute('data-name', 'abort-on-overflow');
  await page.getByRole('button', { name: 'Run to end', exact: true }).click();
  await expectShows(page, expectedFor('abort-on-overflow.json'));
  expect(problems).toEqual([]);
});

test('a file dropped on the page opens; the overlay shows only while files are dragged', async ({ page }) => {
  const problems = watchProblems(page);
  const { text, name } = customScenario();
  await page.goto('./?lang=en');
  await expect(page.getByTestId('scenario-title')).toHaveAttribute('data-name', index.default);
  const dt = await page.evaluateHandle((t) => {
    const d = new DataTransfer();
    d.items.add(new File([t], 'dropped.json', { type: 'application/json' }));
    return d;
  }, text);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: dt });
  await expect(page.getByTestId('drop-overlay')).toBeVisible();
  await page.screenshot({ path: `${DOCS}scenario-drop.png` });
  await page.dispatchEvent('main', 'drop', { dataTransfer: dt });
  await expect(page.getByTestId('drop-overlay')).toHaveCount(0);
  await expect(page.getByTestId('scenario-title')).toHaveAttribute('data-name', name);
  await expect(picker(page).locator('option:checked')).toHaveText('Our own: somaxconn 8 · from dropped.json');
  await page.getByRole('button', { name: 'Run to end', exact: true }).click();
  await expectShows(page, expectedForText(text));
  expect(problems).toEqual([]);
});

test('a bad import leaves the previous scenario running, unchanged, with a message', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('./?lang=en&preset=slow-accept');
  await expect(page.getByTestId('scenario-title')).toHaveAttribute('data-name', 'slow-accept');
  await pauseMidway(page);
  const before = await snapshot(page);
  const bad = (name: string, body: string | Buffer) => page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });

  await bad('notes.txt', 'this is not JSON');
  await expect(problem(page)).toHaveAttribute('data-code', 'bad_json');
  expect(await snapshot(page)).toEqual(before);

  const doc = JSON.parse(presetText('slow-accept.json')) as Record<string, unknown>;
  await bad('typo.json', JSON.stringify({ ...doc, server: { port: 8080, backlog: 'four', accept: { mode: 'never' } } }));
  await expect(problem(page)).toHaveAttribute('data-code', 'invalid_scenario');
  await expect(problem(page)).toContainText('server.backlog');
  expect(await snapshot(page)).toEqual(before);
  await page.screenshot({ path: `${DOCS}scenario-refused-import.png`, clip: { x: 0, y: 0, width: 1366, height: 230 } });

  await bad('huge.json', Buffer.alloc(1_000_001, 0x20));
  await expect(problem(page)).toHaveAttribute('data-code', 'too_large');
  await expect(problem(page)).toContainText('huge.json');
  expect(await snapshot(page)).toEqual(before);

  // a run that is playing keeps playing through a refusal
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'playing');
  await bad('again.json', '{');
  await expect(problem(page)).toHaveAttribute('data-code', 'bad_json');
  await expect(page.getByTestId('scenario-title')).toHaveAttribute('data-name', 'slow-accept');
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'playing');
  const now = Number(await page.getByTestId('sim-time').getAttribute('data-ms'));
  await expect.poll(async () => Number(await page.getByTestId('sim-time').getAttribute('data-ms'))).toBeGreaterThan(now);

  // and the run goes on to the end, as the simulator computes it
  await page.getByRole('button', { name: 'Run to end', exact: true }).click();
  await expectShows(page, expectedFor('slow-accept.json'));
  expect(problems).toEqual([]);
});

test('a #scenario= link opens that scenario directly, in either language', async ({ page }) => {
  const problems = watchProblems(page);
  const { text, name } = customScenario();
  const link = `#scenario=${encodeScenarioLink(text)}`;
  const loads: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/scenarios/') && !r.url().endsWith('index.json')) loads.push(r.url());
  });
  await page.goto(`./?lang=zh-CN${link}`);
  await expect(page.getByTestId('scenario-title')).toHaveAttribute('data-name', name);
  await expect(page.getByTestId('scenario-title')).toHaveText('我们自己的：somaxconn 为 8');
  await expect(picker(page).locator('option:checked')).toHaveText('我们自己的：somaxconn 为 8 · 来自链接');
  // no preset was fetched first, and the link stays in the address bar while its scenario runs
  expect(loads).toEqual([]);
  await expect(page).toHaveURL(new RegExp(`${link}$`));
  await expect(page).not.toHaveURL(/preset=/);
  await page.getByRole('button', { name: '运行到结束', exact: true }).click();
  await expectShows(page, expectedForText(text));
  // choosing a preset drops the link: a reload then opens the preset
  await choosePreset(page, 'autobind');
  await expect(page).not.toHaveURL(/#scenario=/);
  await page.reload();
  await expect(page.getByTestId('scenario-title')).toHaveAttribute('data-name', 'autobind');
  expect(problems).toEqual([]);
});

test('a link pasted into the address bar of an open page opens too', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('./?lang=en&preset=listen-zero');
  await expect(page.getByTestId('scenario-title')).toHaveAttribute('data-name', 'listen-zero');
  const text = presetText('relisten.json');
  await page.evaluate((h) => (window.location.hash = h), `#scenario=${encodeScenarioLink(text)}`);
  await expect(page.getByTestId('scenario-title')).toHaveAttribute('data-name', 'relisten');
  await expect(picker(page).locator('option:checked')).toHaveText('listen() again: 8 → 32 · from a link');
  await page.getByRole('button', { name: 'Run to end', exact: true }).click();
  await expectShows(page, expectedFor('relisten.json'));
  expect(problems).toEqual([]);
});

test('a malformed link shows why, and the default preset runs instead', async ({ page }) => {
  const problems = watchProblems(page);
  const doc = JSON.parse(presetText('listen-zero.json')) as Record<string, unknown>;
  const cases: [string, string, string][] = [
    ['#scenario=not*base64', 'bad_link', 'not base64url: "*" at position 3'],
    [`#scenario=${encodeScenarioLink('{"format": "backlog-scenario/1", ')}`, 'bad_json', 'JSON'],
    [`#scenario=${encodeScenarioLink(JSON.stringify({ ...doc, duration_ms: -5 }))}`, 'invalid_scenario', 'duration_ms'],
  ];
  for (const [hash, code, detail] of cases) {
    await page.goto(`./?lang=en${hash}`);
    await expect(problem(page)).toHaveAttribute('data-code', code);
    await expect(problem(page)).toContainText(detail);
    await expect(page.getByTestId('scenario-title')).toHaveAttribute('data-name', index.default);
    await expect(picker(page)).toHaveValue(index.default);
    // the broken link is gone from the address bar: a reload opens the preset without the message
    await expect(page).not.toHaveURL(/#scenario=/);
    if (code === 'invalid_scenario') await page.screenshot({ path: `${DOCS}scenario-bad-link.png`, clip: { x: 0, y: 0, width: 1366, height: 230 } });
    await page.getByRole('button', { name: 'Run to end', exact: true }).click();
    await expectShows(page, expectedFor(`${index.default}.json`));
    // the message stays until the viewer opens something else
    await expect(problem(page)).toHaveAttribute('data-code', code);
  }
  await choosePreset(page, 'relisten');
  await expect(problem(page)).toHaveCount(0);
  expect(problems).toEqual([]);
});
