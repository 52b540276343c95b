// The terminal on the real page: lines typed into data-testid="terminal-input" run in the worker's shell on the
// live state, and the transcript shows what Linux 6.18.44's tools print — compared with the real captures of the
// same scenario (tests/fixtures/kernel-traces/linux-6.18.44/tools/slow-accept-b4.tools.json, its end moment) and
// with the numbers the page shows elsewhere.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, type Page } from '@playwright/test';
import { value, watchProblems } from './page-helpers.ts';

const SHOTS = 'tests/e2e/screenshots/';
const CAPTURE = fileURLToPath(new URL('../fixtures/kernel-traces/linux-6.18.44/tools/slow-accept-b4.tools.json', import.meta.url));

interface ToolsCapture {
  tools: { at: string; consistent: boolean; outputs: Record<string, string> }[];
}
/** what the real tools printed when slow-accept-b4 (the slow-accept preset) had ended */
function realAtEnd(): Record<string, string> {
  const c = JSON.parse(readFileSync(CAPTURE, 'utf8')) as ToolsCapture;
  const end = c.tools.find((t) => t.at === 'end' && t.consistent);
  if (!end) throw new Error('no consistent capture at the end of slow-accept-b4');
  return end.outputs;
}

interface Answer {
  readonly stdout: string;
  readonly stderr: string;
  readonly exit: number;
}

/** Type a line, press Enter, wait for its answer and read it back from the transcript. */
async function run(page: Page, line: string): Promise<Answer> {
  const entries = page.getByTestId('terminal-output').getByTestId('terminal-entry');
  const before = await entries.count();
  const input = page.getByTestId('terminal-input');
  await input.fill(line);
  await input.press('Enter');
  const entry = entries.nth(before);
  await expect(entry.locator('.term-line')).toHaveText(line);
  await expect(entry).toHaveAttribute('data-state', 'done');
  const text = async (sel: string) => ((await entry.locator(sel).count()) ? ((await entry.locator(sel).textContent()) ?? '') : '');
  return { stdout: await text('pre.term-stdout'), stderr: await text('pre.term-stderr'), exit: Number(await entry.getAttribute('data-exit')) };
}

/** a socket listing's header and its other lines as a sorted set (the kernel lists sockets in hash order) */
const listing = (out: string) => {
  const [head, ...rows] = out.split('\n');
  return { head, rows: rows.filter((r) => r !== '').sort() };
};

test.use({ viewport: { width: 1366, height: 768 } });

test.describe('terminal after slow-accept has run to its end', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('./?lang=en&preset=slow-accept');
    await expect(page.getByTestId('scenario-title')).toHaveAttribute('data-name', 'slow-accept');
    await page.getByRole('button', { name: 'Run to end' }).click();
    await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done');
  });

  test('ss prints what the real ss printed, and Send-Q is the effective backlog', async ({ page }) => {
    const problems = watchProblems(page);
    const real = realAtEnd();
    const ss = await run(page, 'ss -lnt');
    expect(ss).toEqual({ stdout: real['ss -lnt'], stderr: '', exit: 0 });
    const [head, listen] = ss.stdout.split('\n');
    expect(head).toBe('State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess');
    const [state, recvQ, sendQ] = listen.trim().split(/\s+/);
    expect(state).toBe('LISTEN');
    // the accept queue takes backlog + 1 entries (sk_acceptq_is_full is `>`), so its limit is the backlog plus one
    const accept = page.getByTestId('accept-queue');
    expect(Number(sendQ)).toBe(Number(await accept.getAttribute('data-limit')) - 1);
    expect(recvQ).toBe(await accept.getAttribute('data-len'));

    for (const cmd of ['ss -lnt sport = :8080', 'ss -tn state syn-recv sport = :8080']) expect((await run(page, cmd)).stdout, cmd).toBe(real[cmd]);
    // the brief's spelling, without -t: every socket type, so a Netid column
    expect((await run(page, 'ss -n state syn-recv sport = :8080')).stdout).toBe('Netid Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n');
    expect(listing((await run(page, 'ss -tan')).stdout)).toEqual(listing(real['ss -tan']));
    expect(listing((await run(page, 'netstat -tan')).stdout.replace(/^.*\n/, ''))).toEqual(listing(real['netstat -tan'].replace(/^.*\n/, '')));
    await page.screenshot({ path: `${SHOTS}terminal-ss.png` });
    expect(problems).toEqual([]);
  });

  test('nstat -az and netstat -s list the counters the page shows, in the tools’ own format', async ({ page }) => {
    const problems = watchProblems(page);
    const real = realAtEnd();
    const nstat = await run(page, 'nstat -az');
    const lines = nstat.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('#kernel');
    const names = (out: string) => out.trimEnd().split('\n').slice(1).map((l) => l.split(' ')[0]);
    expect(names(nstat.stdout)).toEqual(names(real['nstat -az'])); // the same 390 counters in the same order
    for (const l of lines.slice(1)) expect(l).toMatch(/^\S+ +\d+ +0\.0$/);
    const overflows = await value(page, 'counter-ListenOverflows');
    expect(Number(overflows)).toBeGreaterThan(0);
    const line = lines.find((l) => l.startsWith('TcpExtListenOverflows '));
    expect(line).toBe(`${'TcpExtListenOverflows'.padEnd(32)}${String(overflows).padEnd(16)}   0.0`);
    expect(line).toBe(real['nstat -az'].split('\n').find((l) => l.startsWith('TcpExtListenOverflows ')));

    const netstat = await run(page, 'netstat -s');
    expect(netstat.stdout).toContain(`\n    ${overflows} times the listen queue of a socket overflowed\n`);
    const section = (out: string, name: string) => out.split(/\n(?=\S)/).find((s) => s.startsWith(`${name}:`));
    for (const s of ['Tcp', 'TcpExt']) expect(section(netstat.stdout, s), s).toBe(section(real['netstat -s'], s));
    expect(problems).toEqual([]);
  });

  test('sysctl reads, writes through the model, and refuses what the kernel refuses', async ({ page }) => {
    const problems = watchProblems(page);
    const real = realAtEnd();
    const somaxconn = real['sysctl net.core.somaxconn net.ipv4.tcp_max_syn_backlog net.ipv4.tcp_syncookies net.ipv4.tcp_synack_retries net.ipv4.tcp_abort_on_overflow'].split('\n')[0];
    expect(somaxconn).toBe('net.core.somaxconn = 4096');
    expect(await run(page, 'sysctl net.core.somaxconn')).toEqual({ stdout: `${somaxconn}\n`, stderr: '', exit: 0 });

    expect(await run(page, 'sysctl -w net.ipv4.tcp_syncookies=0')).toEqual({ stdout: 'net.ipv4.tcp_syncookies = 0\n', stderr: '', exit: 0 });
    expect((await run(page, 'sysctl net.ipv4.tcp_syncookies')).stdout).toBe('net.ipv4.tcp_syncookies = 0\n');
    expect((await run(page, 'cat /proc/sys/net/ipv4/tcp_syncookies')).stdout).toBe('0\n');

    const refused = await run(page, 'sysctl -w net.core.somaxconn=-1');
    expect(refused).toEqual({ stdout: '', stderr: 'sysctl: setting key "net.core.somaxconn": Invalid argument\n', exit: 1 });
    expect((await run(page, 'sysctl net.core.somaxconn')).stdout).toBe(`${somaxconn}\n`);
    const entry = page.getByTestId('terminal-entry').filter({ hasText: 'somaxconn=-1' });
    await expect(entry.locator('.term-exit')).toHaveText('exit 1');
    const knob = page.getByRole('textbox', { name: 'net.core.somaxconn', exact: true });
    await expect(knob).toHaveValue('4096');

    // a write is a knob change: the knob panel shows it; the listener keeps the backlog listen() gave it
    expect((await run(page, 'sysctl -w net.core.somaxconn=2')).stdout).toBe('net.core.somaxconn = 2\n');
    await expect(knob).toHaveValue('2');
    expect((await run(page, 'ss -lnt')).stdout).toBe(real['ss -lnt']);
    await page.screenshot({ path: `${SHOTS}terminal-sysctl.png` });
    expect(problems).toEqual([]);
  });

  test('an unknown command gets a short helpful answer; help lists the commands', async ({ page }) => {
    const problems = watchProblems(page);
    const foo = await run(page, 'foo');
    expect(foo.exit).toBe(127);
    expect(foo.stdout).toBe('');
    expect(foo.stderr).toMatch(/^foo: command not found\n/);
    expect(foo.stderr).toContain('help');
    expect(foo.stderr.split('\n').length).toBeLessThanOrEqual(4);
    expect((await run(page, 'help')).stdout).toContain('ss -lnt');
    expect(problems).toEqual([]);
  });
});

test('the panel: examples, history, clear, a long listing scrolls inside the panel', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('./?lang=en&preset=slow-accept');
  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done');
  const out = page.getByTestId('terminal-output');
  const input = page.getByTestId('terminal-input');

  await page.getByRole('group', { name: 'Examples' }).getByRole('button', { name: 'ss -lnt', exact: true }).click();
  await expect(out.getByTestId('terminal-entry').last()).toHaveAttribute('data-state', 'done');
  await expect(input).toBeFocused();
  await run(page, 'cat /proc/net/tcp');
  const box = await out.boundingBox();
  const panel = await page.locator('.panel.terminal').boundingBox();
  expect(box && panel && box.y + box.height <= panel.y + panel.height).toBe(true);
  // the 149-column /proc/net/tcp lines scroll sideways inside the transcript instead of wrapping
  expect(await out.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await page.screenshot({ path: `${SHOTS}terminal-proc.png` });

  await run(page, 'netstat -s');
  // the newest answer is in view from its first line: the prompt line of `netstat -s` shows at the top
  const last = out.getByTestId('terminal-entry').last();
  await expect(last.locator('.term-line')).toBeInViewport();
  await page.screenshot({ path: `${SHOTS}terminal-netstat.png` });

  await input.press('ArrowUp');
  await expect(input).toHaveValue('netstat -s');
  await input.press('ArrowUp');
  await expect(input).toHaveValue('cat /proc/net/tcp');
  await input.fill('clear');
  await input.press('Enter');
  await expect(out.getByTestId('terminal-entry')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('1920×1080 in Chinese: the UI speaks Chinese, the tools print as Linux does', async ({ page }) => {
  const problems = watchProblems(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('./?lang=zh-CN&preset=slow-accept');
  await page.getByRole('button', { name: '运行到结束' }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done');
  await expect(page.getByRole('heading', { name: '终端' })).toBeVisible();
  const ss = await run(page, 'ss -lnt');
  expect(ss.stdout).toBe(realAtEnd()['ss -lnt']);
  await run(page, 'nstat -az TcpExtListen*');
  await run(page, 'foo');
  await page.screenshot({ path: `${SHOTS}terminal-1920-zh.png` });
  expect(problems).toEqual([]);
});
