// Accessibility: axe-core (WCAG 2 A and AA rules) finds no violation on the page states a user meets — first load
// in English and in Chinese, a paused flood with every panel filled, the terminal with output, the Export menu,
// the lesson list and a lesson's prediction, the shortcuts' help, projector mode, the embed — and the whole page
// works from the keyboard alone: Tab reaches every control in the order of the page, with a visible focus.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { LESSONS } from '../../src/lessons/index.ts';
import { choosePreset, watchProblems } from './page-helpers.ts';

test.use({ viewport: { width: 1366, height: 768 } });

/** axe's verdict on the page as it is now: each violation with the elements it found, for a readable failure. */
async function violations(page: Page, within?: string): Promise<string[]> {
  // the panels' entrance transitions (a new counter's flash, a ladder row fading in) must not be caught half-way
  if (!within) await page.waitForTimeout(400);
  const axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']);
  const r = await (within ? axe.include(within) : axe).analyze();
  return r.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`));
}

async function expectClean(page: Page, state: string, within?: string): Promise<void> {
  expect(await violations(page, within), state).toEqual([]);
}

/**
 * Words drawn in SVG (the ladder, the queues, the timeline) that do not reach 4.5:1 against what is painted under
 * them: axe's color-contrast rule skips SVG text, so the same WCAG AA threshold is checked here. The background is
 * the topmost SVG shape under the word's centre, else the nearest HTML background.
 */
async function svgTextContrast(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? ['255', '255', '255']).slice(0, 3).map(Number);
    const lum = (c: string) => {
      const f = (x: number) => ((x /= 255) <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4);
      const [r, g, b] = rgb(c);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const painted = (c: string) => c !== '' && c !== 'none' && c !== 'transparent' && !c.startsWith('url') && !/rgba\(.*,\s*0\)$/.test(c);
    const htmlBg = (el: Element) => {
      for (let e: Element | null = el; e; e = e.parentElement) if (painted(getComputedStyle(e).backgroundColor)) return getComputedStyle(e).backgroundColor;
      return 'rgb(255, 255, 255)';
    };
    const out = new Set<string>();
    // a <text> is judged by its own words, a <tspan> (a label's flag, its note) by its own colour
    const ownWords = (t: Element) => [...t.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim());
    for (const t of document.querySelectorAll<SVGTextContentElement>('svg text, svg tspan')) {
      const r = t.getBoundingClientRect();
      const cs = getComputedStyle(t);
      if (!ownWords(t) || r.width === 0 || cs.visibility === 'hidden' || !painted(cs.fill)) continue;
      const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
      if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) continue;
      const under = document.elementsFromPoint(x, y).find((e) => !t.closest('text')?.contains(e) && e instanceof SVGGeometryElement && e.tagName !== 'line' && painted(getComputedStyle(e).fill));
      const bg = under ? getComputedStyle(under).fill : htmlBg(t);
      const [a, b] = [lum(cs.fill), lum(bg)];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      if (ratio < 4.5) out.add(`${ratio.toFixed(2)}:1 "${t.textContent.trim().slice(0, 24)}" (${t.getAttribute('class') ?? ''} in ${t.closest('svg')?.getAttribute('class') ?? ''}): ${cs.fill} on ${bg}`);
    }
    return [...out];
  });
}

const ready = (page: Page) => expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '0');

test('axe: first load in English and in Chinese', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('./?lang=en');
  await ready(page);
  await expectClean(page, 'first load (en)');
  expect(await svgTextContrast(page), 'SVG words at first load').toEqual([]);
  await page.goto('./?lang=zh-CN');
  await ready(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expectClean(page, 'first load (zh-CN)');
  expect(problems).toEqual([]);
});

test('axe: a flood played then paused, every panel filled; the terminal with output; the Export menu open', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('./?lang=en');
  await choosePreset(page, 'syn-flood-cookies');
  await page.getByLabel('Speed').selectOption('0.5');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await page.getByTestId('sim-time').getAttribute('data-ms')), { timeout: 15_000 }).toBeGreaterThan(700);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'paused');
  // every panel has something: queues, counters, arrows, decisions, clients
  await expect(page.getByTestId('ladder-arrow').first()).toBeVisible();
  await expect(page.getByTestId('counter-SyncookiesSent')).not.toHaveAttribute('data-value', '0');
  await expectClean(page, 'paused in a flood');
  expect(await svgTextContrast(page), 'SVG words in a flood').toEqual([]);

  const input = page.getByTestId('terminal-input');
  await input.fill('ss -lnt');
  await input.press('Enter');
  await input.fill('nstat -az TcpExtListen*');
  await input.press('Enter');
  await expect(page.getByTestId('terminal-entry')).toHaveCount(2);
  await expect(page.getByTestId('terminal-entry').last()).toHaveAttribute('data-state', 'done');
  await expectClean(page, 'terminal with output');

  // a counter chosen: the log shows only its decisions
  await page.getByTestId('counter-SyncookiesSent').click();
  await expectClean(page, 'log filtered by a counter');
  await page.getByTestId('counter-SyncookiesSent').click();

  await page.getByRole('button', { name: 'Export packets' }).click();
  await expect(page.getByRole('button', { name: 'Packets (.pcap)' })).toBeVisible();
  await expectClean(page, 'export menu open');
  await page.keyboard.press('Escape');
  expect(problems).toEqual([]);
});

test('axe: the lesson list, and every step of every lesson (each prediction before and after its reveal)', async ({ page }) => {
  test.setTimeout(420_000);
  const problems = watchProblems(page);
  await page.goto('./?lang=en');
  await ready(page);
  await page.getByRole('button', { name: 'Lessons' }).click();
  await expect(page.getByTestId('lesson-menu')).toBeVisible();
  await expectClean(page, 'lesson list');
  await page.getByTestId(`lesson-open-${LESSONS[0].id}`).click();
  const drawer = page.getByTestId('lesson-drawer');
  const inDrawer = '[data-testid="lesson-drawer"]';
  for (const lesson of LESSONS) {
    await expect(drawer).toHaveAttribute('data-lesson', lesson.id);
    const asks = lesson.steps.findIndex((s) => s.predict);
    for (const [i, step] of lesson.steps.entries()) {
      await expect(drawer).toHaveAttribute('data-step', String(i));
      await expect(drawer).toHaveAttribute('data-phase', 'ready');
      // the whole page (panels covered and highlighted) at the lesson's first question; the drawer alone elsewhere
      await expectClean(page, `lesson ${lesson.id}, step ${i}`, i === asks ? undefined : inDrawer);
      if (step.predict) {
        await drawer.getByTestId('lesson-choice').first().click();
        await drawer.getByTestId('lesson-reveal').click();
        await expect(drawer).toHaveAttribute('data-phase', 'revealed');
        await expectClean(page, `lesson ${lesson.id}, step ${i}, revealed`, inDrawer);
      }
      await drawer.getByTestId('lesson-next').click();
    }
  }
  await expect(page.getByTestId('lesson-menu')).toBeVisible();
  await expectClean(page, 'lesson list, all done');
  expect(problems).toEqual([]);
});

test('axe: a lesson in Chinese, at its first prediction and revealed', async ({ page }) => {
  await page.goto('./?lang=zh-CN');
  await ready(page);
  await page.getByTestId('lessons-button').click();
  const lesson = LESSONS.find((l) => l.steps.some((s) => s.predict))!;
  await page.getByTestId(`lesson-open-${lesson.id}`).click();
  const drawer = page.getByTestId('lesson-drawer');
  const first = lesson.steps.findIndex((s) => s.predict);
  for (let i = 0; i < first; i++) {
    await expect(drawer).toHaveAttribute('data-phase', 'ready');
    await drawer.getByTestId('lesson-next').click();
  }
  await expect(drawer).toHaveAttribute('data-phase', 'ready');
  await expectClean(page, 'zh-CN lesson prediction');
  await drawer.getByTestId('lesson-choice').last().click();
  await drawer.getByTestId('lesson-reveal').click();
  await expect(drawer).toHaveAttribute('data-phase', 'revealed');
  await expectClean(page, 'zh-CN lesson revealed');
});

test('axe: the shortcuts\' help', async ({ page }) => {
  await page.goto('./?lang=en');
  await ready(page);
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectClean(page, 'help overlay');
});

test.describe('at 1920×1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });
  test('axe: projector mode, stepped into a flood', async ({ page }) => {
    await page.goto('./?lang=en&projector=1&preset=syn-flood-cookies');
    await ready(page);
    await expect(page.locator('html')).toHaveClass(/\bprojector\b/);
    for (let i = 0; i < 30; i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(page.getByTestId('live-narration')).toContainText('Event ');
    await expectClean(page, 'projector mode');
    expect(await svgTextContrast(page), 'SVG words in projector mode').toEqual([]);
  });
});

test('axe: the embed with chosen panels', async ({ page }) => {
  await page.setViewportSize({ width: 720, height: 540 });
  await page.goto('./?embed=1&panels=queues,counters&lang=en');
  await expect(page.getByTestId('syn-queue')).toBeVisible();
  await expectClean(page, 'embed: queues, counters');
  await page.goto('./?embed=1&panels=packets,log,terminal&lang=zh-CN');
  await expect(page.getByTestId('terminal-input')).toBeVisible();
  await expectClean(page, 'embed: packets, log, terminal (zh-CN)');
});

test('axe: refusals on screen (a broken link, a knob the kernel refuses), the terminal enlarged, Copy link', async ({ page }) => {
  await page.goto('./?lang=en#scenario=not*base64');
  await expect(page.getByTestId('problem')).toHaveAttribute('data-code', 'bad_link');
  await expectClean(page, 'a broken link refused');
  await page.goto('./?lang=en&preset=somaxconn-cap');
  await ready(page);
  const somaxconn = page.getByLabel('net.core.somaxconn', { exact: true });
  await somaxconn.fill('-1');
  await somaxconn.press('Enter');
  await expect(page.getByTestId('knob-refused')).toHaveAttribute('data-row', 'net.core.somaxconn');
  await expectClean(page, 'a knob refused');
  await page.getByRole('button', { name: 'Enlarge' }).click();
  await page.getByTestId('terminal-input').fill('help');
  await page.getByTestId('terminal-input').press('Enter');
  await expect(page.getByTestId('terminal-entry').last()).toHaveAttribute('data-state', 'done');
  await expectClean(page, 'terminal enlarged');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expectClean(page, 'after Copy link');
});

test('axe: the sample course page with the lab embedded', async ({ page }) => {
  await page.goto('./course-sample.html');
  await expect(page.frameLocator('#lab').getByTestId('syn-queue')).toBeVisible();
  await expectClean(page, 'course sample page');
});

// ---- the keyboard alone ----

interface Stop {
  readonly key: string;
  /** which part of the page: header, scenario, controls, a panel's area, timeline */
  readonly part: string;
  /** the focus changes how the element, its neighbour or a near ancestor looks */
  readonly visible: boolean;
  readonly focusVisible: boolean;
}

/** The focused element, and whether its focus can be seen: what it and its surroundings look like focused and not. */
function describeFocus(): Stop | null {
  const el = document.activeElement as HTMLElement | null;
  if (!el || el === document.body) return null;
  // the header and the bars, else the grid cell (cell-knobs, …, cell-timeline) the element is in
  const part = el.closest('.header') ? 'header' : el.closest('.scenario-bar') ? 'scenario' : el.closest('.controls') ? 'controls'
    : (/\bcell-([a-z]+)/.exec(el.closest('.cell')?.className ?? '')?.[1] ?? '?');
  const near = [el, el.nextElementSibling, el.parentElement, el.parentElement?.parentElement].filter((x): x is Element => x instanceof Element);
  const look = () => near.map((n) => {
    const cs = getComputedStyle(n);
    return [cs.outlineStyle, cs.outlineWidth, cs.outlineColor, cs.boxShadow, cs.borderColor, cs.backgroundColor].join('|');
  }).join(';');
  const focusVisible = el.matches(':focus-visible');
  const focusedLook = look();
  el.blur();
  const blurredLook = look();
  el.focus();
  const id = el.dataset.testid ?? el.id ?? '';
  const name = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '';
  const key = el instanceof HTMLInputElement && el.type === 'radio' ? `radio:${el.name}` : `${el.tagName.toLowerCase()}#${id}[${name.trim().slice(0, 40)}]`;
  return { key, part, visible: focusedLook !== blurredLook, focusVisible };
}

/** Nothing focused: the keys go to the page (its shortcuts). */
const unfocus = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

/** Tabs from the top of the page until focus leaves it, returning each stop. */
async function tabThrough(page: Page): Promise<Stop[]> {
  // a click on the page's title: Tab starts from the top
  await page.locator('.brand h1').click();
  await unfocus(page);
  const stops: Stop[] = [];
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const s = await page.evaluate(describeFocus);
    if (!s || (stops.length > 0 && s.key === stops[0].key)) break;
    stops.push(s);
  }
  return stops;
}

/** Every control a pointer could use, as describeFocus names it (a radio group counts once: Tab enters it once). */
async function controls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seenGroups = new Set<string>();
    const all = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')];
    const keys: string[] = [];
    for (const el of all) {
      if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled || el.closest('[hidden], [inert]')) continue;
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      // visually hidden radios still take focus (their label shows it); other unseen things are not controls
      const radio = el instanceof HTMLInputElement && el.type === 'radio';
      if (!radio && (r.width === 0 || r.height === 0 || cs.visibility === 'hidden')) continue;
      if (radio) {
        if (seenGroups.has(el.name)) continue;
        seenGroups.add(el.name);
        keys.push(`radio:${el.name}`);
        continue;
      }
      const id = el.dataset.testid ?? el.id ?? '';
      const name = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '';
      keys.push(`${el.tagName.toLowerCase()}#${id}[${name.trim().slice(0, 40)}]`);
    }
    return keys;
  });
}

const ORDER = ['header', 'scenario', 'controls', 'knobs', 'queues', 'counters', 'packets', 'clients', 'log', 'terminal', 'timeline'];

test('keyboard: Tab reaches every control in the order of the page, and the focus is always visible', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('./?lang=en');
  await choosePreset(page, 'slow-accept');
  await page.getByRole('button', { name: 'Step', exact: true }).focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('Enter');
  await expect(page.getByTestId('sim-events')).toHaveAttribute('data-value', '6');
  // the controls on screen before the walk (tabbing into the log scrolls it, which shows its 'Latest' button)
  const wanted = await controls(page);
  const stops = await tabThrough(page);
  const reached = new Set(stops.map((s) => s.key));
  expect(wanted.filter((k) => !reached.has(k)), 'controls Tab never reaches').toEqual([]);
  expect(stops.length).toBeGreaterThan(40);
  // the parts of the page come in reading order, each once (no jumping back and forth)
  const parts = stops.map((s) => s.part).filter((p, i, a) => i === 0 || a[i - 1] !== p);
  expect(stops.filter((s) => !ORDER.includes(s.part)).map((s) => s.key), 'stops outside the known parts').toEqual([]);
  expect(new Set(parts).size, `parts visited once each: ${parts.join(' → ')}`).toBe(parts.length);
  expect(parts).toEqual(ORDER.filter((p) => parts.includes(p)));
  for (const p of ['header', 'scenario', 'controls', 'knobs', 'counters', 'packets', 'log', 'terminal', 'timeline']) expect(parts).toContain(p);
  // the focus can be seen at every stop
  expect(stops.filter((s) => !s.focusVisible).map((s) => s.key), ':focus-visible').toEqual([]);
  expect(stops.filter((s) => !s.visible).map((s) => s.key), 'no visible focus').toEqual([]);
  expect(problems).toEqual([]);
});

/** Presses Tab until the focused element matches, as a keyboard user would get there. */
async function tabTo(page: Page, target: ReturnType<Page['getByRole']>, max = 200): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

const events = async (page: Page) => Number(await page.getByTestId('sim-events').getAttribute('data-value'));

test('keyboard: play, pause, step and step back; a knob applied with Enter; a terminal command', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('./?lang=en');
  await choosePreset(page, 'slow-accept');
  await page.locator('.brand h1').click();
  const status = page.getByTestId('run-status');

  // Play with Enter: focus moves on to Pause (Play is disabled now), and Space there pauses
  const play = page.getByRole('button', { name: 'Play' });
  const pause = page.getByRole('button', { name: 'Pause' });
  await tabTo(page, play);
  await page.keyboard.press('Enter');
  await expect(status).toHaveAttribute('data-status', 'playing', { timeout: 15_000 });
  await expect(pause).toBeFocused();
  // let the run move first: a pause before the first tick leaves it "ready" at 0 s, not "paused"
  await expect.poll(async () => Number(await page.getByTestId('sim-events').getAttribute('data-value'))).toBeGreaterThan(0);
  await page.keyboard.press('Space');
  await expect(status).toHaveAttribute('data-status', 'paused', { timeout: 15_000 });
  await expect(play).toBeFocused();

  // Step and Step back, with the keys and with the buttons
  const step = page.getByRole('button', { name: 'Step', exact: true });
  await tabTo(page, step);
  const before = await events(page);
  await page.keyboard.press('Enter');
  await expect.poll(() => events(page)).toBe(before + 1);
  await page.keyboard.press('Space');
  await expect.poll(() => events(page)).toBe(before + 2);
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Step back' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => events(page)).toBe(before + 1);
  // the page's shortcuts, from anywhere but a field
  await unfocus(page);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => events(page)).toBe(before + 2);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => events(page)).toBe(before + 1);
  await page.keyboard.press('Space');
  await expect(status).toHaveAttribute('data-status', 'playing', { timeout: 15_000 });
  await page.keyboard.press('Space');
  await expect(status).toHaveAttribute('data-status', 'paused', { timeout: 15_000 });

  // a knob: reached with Tab, typed, applied with Enter
  await page.locator('.brand h1').click();
  const somaxconn = page.getByRole('textbox', { name: 'net.core.somaxconn', exact: true });
  await tabTo(page, somaxconn);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('64');
  await page.keyboard.press('Enter');
  await expect(somaxconn).toHaveValue('64');
  await expect(somaxconn).not.toHaveAttribute('aria-busy', 'true');
  // the kernel took it: the terminal reads it back
  const input = page.getByTestId('terminal-input');
  await tabTo(page, input);
  await page.keyboard.type('sysctl net.core.somaxconn');
  await page.keyboard.press('Enter');
  const entry = page.getByTestId('terminal-entry').last();
  await expect(entry).toHaveAttribute('data-state', 'done', { timeout: 15_000 });
  await expect(entry).toContainText('net.core.somaxconn = 64');
  await expect(input).toBeFocused();

  // Run to end disables Step and Run to end: focus goes to Reset, and Enter starts again
  await page.locator('.brand h1').click();
  const toEnd = page.getByRole('button', { name: 'Run to end' });
  await tabTo(page, toEnd);
  await page.keyboard.press('Enter');
  await expect(status).toHaveAttribute('data-status', 'done', { timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Reset' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '0', { timeout: 15_000 });
  expect(problems).toEqual([]);
});
