// The packets panel's Export menu: the run's packets as a pcap that tcpdump reads back (one record per packet, an
// IPv4/TCP datagram each, in time order), the ladder as a standalone SVG that keeps the page's colours and fonts,
// and as a PNG at twice its size. The standalone SVG is opened alone in a page and looked at.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, type Download, type Page } from '@playwright/test';
import { choosePreset, watchProblems } from './page-helpers.ts';

const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const DOCS = fileURLToPath(new URL('./docs/', import.meta.url));
const TCPDUMP = ['/usr/bin/tcpdump', '/usr/sbin/tcpdump'].find((p) => existsSync(p));

test.use({ viewport: { width: 1366, height: 768 } });

/** Chooses an entry of the Export menu and returns the file it downloads. */
async function exportFile(page: Page, which: 'pcap' | 'svg' | 'png'): Promise<{ name: string; bytes: Buffer; path: string }> {
  await page.getByRole('button', { name: 'Export packets' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId(`export-${which}`).click();
  const d: Download = await downloading;
  // kept outside test-results/, which another run on this machine may empty at any time
  const path = join(mkdtempSync(join(tmpdir(), 'backlog-lab-export-')), d.suggestedFilename());
  await d.saveAs(path);
  return { name: d.suggestedFilename(), bytes: readFileSync(path), path };
}

interface PcapRecord {
  readonly t_us: number;
  readonly data: Buffer;
}

/** The records of a classic little-endian pcap file, checking its header on the way. */
function readPcap(b: Buffer): { linktype: number; records: PcapRecord[] } {
  expect(b.readUInt32LE(0)).toBe(0xa1b2c3d4);
  expect([b.readUInt16LE(4), b.readUInt16LE(6)]).toEqual([2, 4]);
  const linktype = b.readUInt32LE(20);
  const records: PcapRecord[] = [];
  let at = 24;
  while (at < b.length) {
    expect(at + 16, 'a record header past the end').toBeLessThanOrEqual(b.length);
    const incl = b.readUInt32LE(at + 8);
    expect(b.readUInt32LE(at + 12), 'orig_len').toBe(incl);
    records.push({ t_us: b.readUInt32LE(at) * 1e6 + b.readUInt32LE(at + 4), data: b.subarray(at + 16, at + 16 + incl) });
    at += 16 + incl;
  }
  expect(at, 'the last record ends the file').toBe(b.length);
  return { linktype, records };
}

/** The ones' complement sum of an IPv4 header: 0xffff when its checksum is right. */
function ipHeaderSum(d: Buffer): number {
  let sum = 0;
  for (let i = 0; i < (d[0] & 0xf) * 4; i += 2) sum += d.readUInt16BE(i);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return sum;
}

test('pcap: every packet of the run, as IPv4/TCP records tcpdump reads back', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('./?lang=en');
  await choosePreset(page, 'slow-accept');
  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done');
  const end = Number(await page.getByTestId('sim-time').getAttribute('data-ms'));
  const file = await exportFile(page, 'pcap');
  expect(file.name).toBe(`slow-accept-${end}ms.pcap`);
  const { linktype, records } = readPcap(file.bytes);
  expect(linktype).toBe(101); // LINKTYPE_RAW: each record an IPv4 datagram
  // 30 clients: at least a SYN, a SYN-ACK and an ACK each
  expect(records.length).toBeGreaterThanOrEqual(90);
  const t0 = records[0].t_us;
  for (const [i, r] of records.entries()) {
    expect(r.data[0] >> 4, `record ${i}: IPv4`).toBe(4);
    expect(r.data.readUInt16BE(2), `record ${i}: IP total length`).toBe(r.data.length);
    expect(r.data[9], `record ${i}: TCP`).toBe(6);
    expect(ipHeaderSum(r.data), `record ${i}: IP header checksum`).toBe(0xffff);
    if (i > 0) expect(r.t_us, `record ${i}: in time order`).toBeGreaterThanOrEqual(records[i - 1].t_us);
  }
  expect((records.at(-1)!.t_us - t0) / 1000).toBeLessThanOrEqual(end);
  const flags = (r: PcapRecord) => r.data[(r.data[0] & 0xf) * 4 + 13];
  expect(records.filter((r) => flags(r) === 0x02).length, 'SYNs').toBeGreaterThanOrEqual(30);
  expect(records.filter((r) => flags(r) === 0x12).length, 'SYN-ACKs').toBeGreaterThanOrEqual(30);
  if (TCPDUMP) {
    // tcpdump reads the whole file back, one line per record, and finds every checksum right
    const out = execFileSync(TCPDUMP, ['-nn', '-vv', '-r', file.path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const lines = out.split('\n').filter((l) => /^\d\d:\d\d:\d\d\.\d{6} IP /.test(l));
    expect(lines).toHaveLength(records.length);
    expect(out).not.toMatch(/incorrect|bad cksum/);
    // -vv checks the TCP checksum of each (the IP header's is checked above)
    expect((out.match(/cksum 0x[0-9a-f]+ \(correct\)/g) ?? []).length).toBe(records.length);
  }
  expect(problems).toEqual([]);
});

test('ladder as SVG: a standalone file with the page\'s colours and fonts; as PNG at twice the size', async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto('./?lang=en');
  await choosePreset(page, 'syn-flood-cookies');
  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done');
  const arrows = page.getByTestId('ladder-arrow');
  await expect(arrows.first()).toBeVisible();
  const onPage = await arrows.count();
  // the colour the page gives a SYN-ACK's arrow, from its CSS variable
  const synackStroke = await page.locator('[data-testid="ladder-arrow"].kind-synack line.arrow').first().evaluate((l) => getComputedStyle(l).stroke);

  const svg = await exportFile(page, 'svg');
  expect(svg.name).toMatch(/^syn-flood-cookies-\d+ms-ladder\.svg$/);
  const text = svg.bytes.toString('utf8');
  expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  // Chromium's XML parser reads it, and it holds the ladder as on the page
  const read = await page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    const root = doc.documentElement;
    const synack = doc.querySelector('g.kind-synack line.arrow');
    return {
      errors: doc.getElementsByTagName('parsererror').length,
      ns: root.namespaceURI,
      name: root.localName,
      width: Number(root.getAttribute('width')),
      rows: doc.querySelectorAll('g.row').length,
      server: doc.querySelector('.lane-server .title')?.textContent ?? null,
      synackStyle: synack?.getAttribute('style') ?? '',
      fonts: root.querySelector(':scope > g')?.getAttribute('style') ?? '',
      testids: doc.querySelectorAll('[data-testid]').length,
    };
  }, text);
  expect(read).toMatchObject({ errors: 0, ns: 'http://www.w3.org/2000/svg', name: 'svg', server: 'server', testids: 0 });
  expect(read.rows).toBe(onPage);
  expect(read.synackStyle).toContain(`stroke:${synackStroke}`);
  expect(read.fonts).toMatch(/font-family:[^;]*sans-serif/);
  expect(read.fonts).toMatch(/font-size:\d/);

  // opened alone (no stylesheet, no page): drawn the same size, with coloured arrows
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(`${SHOTS}ladder-export.svg`, text);
  const alone = await page.context().newPage();
  await alone.setContent(`<body style="margin:0;background:#888"><img id="pic" src="data:image/svg+xml;base64,${svg.bytes.toString('base64')}"></body>`);
  const size = await alone.locator('#pic').evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  });
  expect(size[0]).toBe(read.width);
  await alone.screenshot({ path: `${SHOTS}ladder-export-svg.png`, fullPage: true });
  await alone.close();

  const png = await exportFile(page, 'png');
  expect(png.name).toMatch(/^syn-flood-cookies-\d+ms-ladder\.png$/);
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([size[0] * 2, size[1] * 2]);
  // the file as downloaded, kept for the docs
  mkdirSync(DOCS, { recursive: true });
  writeFileSync(`${DOCS}ladder-export.png`, png.bytes);
  expect(problems).toEqual([]);
});

test('the Export menu works from the keyboard and closes with Escape', async ({ page }) => {
  await page.goto('./?lang=en');
  await choosePreset(page, 'slow-accept');
  const toggle = page.getByRole('button', { name: 'Export packets' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const pcap = page.getByRole('button', { name: 'Packets (.pcap)' });
  await expect(pcap).toBeVisible();
  await expect(pcap).toHaveAccessibleDescription(/Wireshark/);
  await page.keyboard.press('ArrowDown');
  await expect(pcap).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: 'Ladder (.svg)' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('button', { name: 'Ladder (.png)' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();
  await expect(pcap).toBeHidden();
  // Enter on an entry saves and closes
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await downloading).suggestedFilename()).toBe('slow-accept-0ms.pcap');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  // a click elsewhere closes it too
  await toggle.click();
  await expect(pcap).toBeVisible();
  await expectInsidePanel(page);
  await page.locator('section.packets').screenshot({ path: `${DOCS}export-menu.png` });
  await page.getByRole('heading', { name: 'Packets' }).click();
  await expect(pcap).toBeHidden();
});

/** The open list lies inside the packets panel (which clips what overflows it). */
async function expectInsidePanel(page: Page): Promise<void> {
  const panel = (await page.locator('section.packets').boundingBox())!;
  const list = (await page.locator('.export-list').boundingBox())!;
  expect(list.x).toBeGreaterThanOrEqual(panel.x);
  expect(list.x + list.width).toBeLessThanOrEqual(panel.x + panel.width);
  expect(list.y + list.height).toBeLessThanOrEqual(panel.y + panel.height);
}

test('the list opens inside the panel, whether the button sits before the chips or alone on the heading\'s line', async ({ page }) => {
  await page.goto('./?lang=en');
  await choosePreset(page, 'slow-accept');
  await page.getByRole('button', { name: 'Export packets' }).click();
  await expectInsidePanel(page);
  await page.keyboard.press('Escape');
  // eight watched clients: the chips take their own line, the button stays at the end of the heading's
  for (const id of ['10', '11']) {
    await page.getByRole('spinbutton', { name: 'Client id to watch' }).fill(id);
    await page.getByRole('button', { name: 'Watch', exact: true }).click();
  }
  await expect(page.getByTestId('watch-chip-11')).toBeVisible();
  const [heading, button] = [await page.getByRole('heading', { name: 'Packets' }).boundingBox(), await page.getByRole('button', { name: 'Export packets' }).boundingBox()];
  expect(Math.abs(heading!.y + heading!.height / 2 - (button!.y + button!.height / 2))).toBeLessThan(8);
  await page.getByRole('button', { name: 'Export packets' }).click();
  await expectInsidePanel(page);
  await page.locator('section.packets').screenshot({ path: `${SHOTS}export-menu-8-chips.png` });
});

test('zh-CN: the menu speaks Chinese', async ({ page }) => {
  await page.goto('./?lang=zh-CN');
  await expect(page.getByTestId('sim-time')).toHaveAttribute('data-ms', '0');
  await page.getByRole('button', { name: '导出数据包' }).click();
  await expect(page.getByRole('button', { name: '数据包（.pcap）' })).toBeVisible();
  await expect(page.getByRole('button', { name: '时序图（.png）' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}export-menu-zh.png`, clip: { x: 330, y: 370, width: 620, height: 260 } });
});
