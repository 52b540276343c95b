// The shipped presets: index.json is well formed and lists them in teaching order; every file is a valid scenario
// whose name is its id, with a title and a two-line explanation (the set-up, then what happens) in both languages,
// short enough for one line each on a 1366 px screen; and every number an explanation states is what the model does
// with that file (so a change in the model that makes a text wrong fails here).
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePresetIndex } from '../../src/store/preset_index.ts';
import { validateScenario } from '../../src/sim/validate.ts';
import { Simulation } from '../../src/sim/run.ts';
import { HOST_NETNS } from '../../src/sim/kernel_host.ts';
import type { BacklogResult } from '../../src/sim/result.ts';

const dir = new URL('../../public/scenarios/', import.meta.url);
const read = (f: string): unknown => JSON.parse(readFileSync(new URL(f, dir), 'utf8'));

/** A line's width in em: CJK characters and full-width punctuation are 1 em, everything else about 0.55 em (measured
 *  in the page: 140 Latin characters take 940 px, 69 mostly Chinese ones 740 px, at 13.5 px). */
const ems = (line: string) => [...line].reduce((w, c) => w + (/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(c) ? 1 : 0.55), 0);
/** what fits one line of the bar at 1366 px: about 1340 px of 13.5 px type, with a margin */
const MAX_LINE_EM = 92;

describe('public/scenarios', () => {
  const parsed = parsePresetIndex(read('index.json'));
  it('has a valid index', () => expect(parsed).toMatchObject({ ok: true }));
  if (!parsed.ok) return;

  it('lists every scenario file once, in the order a lesson goes, the issue’s list complete', () => {
    const files = readdirSync(dir).filter((f) => f !== 'index.json').sort();
    expect(parsed.index.entries.map((e) => e.file).sort()).toEqual(files);
    expect(parsed.index.entries.map((e) => e.id)).toEqual([
      'slow-accept', 'somaxconn-cap', 'accept-overflow', 'abort-on-overflow', 'syn-flood-no-cookies', 'syn-flood-cookies',
      'listen-zero', 'relisten', 'autobind', 'container-somaxconn',
    ]);
    expect(parsed.index.default_id).toBe('slow-accept');
  });

  it.each(parsed.index.entries)('$id is a valid scenario with a title and a two-line explanation in both languages', (e) => {
    const v = validateScenario(read(e.file));
    expect(v.ok ? [] : v.errors).toEqual([]);
    if (!v.ok) return;
    const s = v.scenario;
    expect(s.name).toBe(e.id);
    expect([s.title, s.title_zh]).toEqual([e.title, e.title_zh]);
    const en = s.explain?.split('\n') ?? [];
    const zh = s.explain_zh?.split('\n') ?? [];
    expect(en).toHaveLength(2);
    expect(zh).toHaveLength(2);
    for (const line of en) expect(line.length, line).toBeGreaterThan(40);
    for (const line of [...en, ...zh]) expect(ems(line), line).toBeLessThanOrEqual(MAX_LINE_EM);
    // Chinese text uses full-width punctuation, English none
    for (const line of zh) expect(line, line).not.toMatch(/[\u4e00-\u9fff][,;:]|[,;:][\u4e00-\u9fff]/);
    expect(en.join(' ')).not.toMatch(/[\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]/);
  });

  it('rejects a broken index with paths', () => {
    const r = parsePresetIndex({ format: 'backlog-presets/1', default: 'x', presets: [{ id: 'A B', file: '../etc.json', title: '', title_zh: 'x' }] });
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['presets[0].id', 'presets[0].file', 'presets[0].title', 'default']);
  });

  it('rejects what is not an index at all, duplicates and a default that is not listed', () => {
    const paths = (x: unknown) => {
      const r = parsePresetIndex(x);
      return r.ok ? [] : r.issues.map((i) => i.path);
    };
    expect(paths(null)).toEqual(['format', 'presets', 'default']);
    expect(paths([])).toEqual(['format', 'presets', 'default']);
    expect(paths({ format: 'backlog-presets/1', default: 'a', presets: [] })).toEqual(['presets', 'default']);
    const entry = { id: 'a', file: 'a.json', title: 'A', title_zh: '甲' };
    expect(paths({ format: 'backlog-presets/1', default: 'a', presets: [entry, entry] })).toEqual(['presets[1].id']);
    expect(paths({ format: 'backlog-presets/1', default: 'b', presets: [entry] })).toEqual(['default']);
    expect(paths({ format: 'backlog-presets/2', default: 'a', presets: [entry] })).toEqual(['format']);
    expect(parsePresetIndex({ format: 'backlog-presets/1', default: 'a', presets: [{ ...entry, extra: 1 }] })).toEqual({
      ok: true,
      index: { default_id: 'a', entries: [entry] },
    });
  });
});

// ---- the explanations' claims, against the model ------------------------------------------------------------
function runPreset(id: string) {
  const v = validateScenario(read(`${id}.json`));
  if (!v.ok) throw new Error(id);
  const sim = new Simulation(v.scenario);
  sim.runToEnd();
  const r: BacklogResult = sim.result();
  const peak = (k: 'syn_recv' | 'accept_queue', until_ms = Infinity) => Math.max(...r.samples.filter((x) => x.t_ms < until_ms).map((x) => x[k]));
  const c = (k: string) => r.counters[k as keyof typeof r.counters] ?? 0;
  const normal = (r.clients ?? []).filter((x) => x.kind === 'normal');
  const tally = (o: string) => normal.filter((x) => x.outcome === o).length;
  return { sim, r, peak, c, normal, tally, final_accept: sim.listener()!.sk_ack_backlog };
}

describe('what the explanations say is what the model does', () => {
  it('slow-accept: the accept queue peaks at 5, later SYNs are dropped, and those clients get in on a retransmission', () => {
    const { peak, c, normal, tally } = runPreset('slow-accept');
    expect(peak('accept_queue')).toBe(5);
    expect(c('ListenOverflows')).toBeGreaterThan(0);
    expect(tally('accepted')).toBe(30);
    expect(normal.filter((x) => x.syn_sent > 1).length).toBeGreaterThan(0);
  });

  it('somaxconn-cap: listen(128) becomes 8, 9 fill the queue, the rest of the SYNs are dropped', () => {
    const { r, peak, c, tally } = runPreset('somaxconn-cap');
    expect(r.listen).toMatchObject({ requested_backlog: 128, effective_backlog: 8 });
    expect(peak('accept_queue')).toBe(9);
    expect(tally('established')).toBe(9);
    expect(c('ListenOverflows')).toBeGreaterThan(0);
  });

  it('accept-overflow: late ACKs are dropped, not reset, and 10 clients are "connected" with no socket on the server', () => {
    const { c, tally, final_accept, normal } = runPreset('accept-overflow');
    expect(normal).toHaveLength(20);
    expect(final_accept).toBe(9);
    expect(tally('established') - final_accept).toBe(10);
    expect(tally('reset')).toBe(0);
    expect(c('TCPSynRetrans')).toBeGreaterThan(0);
  });

  it('abort-on-overflow: 8 clients are reset, 2 cookie ACKs are dropped without a RST', () => {
    const { c, tally } = runPreset('abort-on-overflow');
    expect(tally('reset')).toBe(8);
    expect(c('EmbryonicRsts')).toBe(8);
    expect(c('OutRsts')).toBe(8);
    expect(c('SyncookiesRecv')).toBe(2);
  });

  it('syn-flood-no-cookies: 17 request socks, drops, and the 10 real clients get in at 7.4 s on their 7th SYN', () => {
    const { r, peak, c, normal } = runPreset('syn-flood-no-cookies');
    expect((r.clients ?? []).filter((x) => x.kind === 'spoofed')).toHaveLength(300);
    expect(peak('syn_recv')).toBe(17);
    expect(c('TCPReqQFullDrop')).toBeGreaterThan(0);
    expect(normal.map((x) => [x.outcome, x.syn_sent])).toEqual(Array(10).fill(['accepted', 7]));
    expect(Math.min(...normal.map((x) => x.first_synack_ms!))).toBeGreaterThanOrEqual(7400);
    expect(normal[0].first_synack_ms! - 400).toBe(7000);
  });

  it('syn-flood-cookies: the same flood but for tcp_syncookies; cookies let the 10 clients in at once', () => {
    const a = read('syn-flood-no-cookies.json') as Record<string, unknown>;
    const b = read('syn-flood-cookies.json') as Record<string, unknown>;
    const setup = (x: Record<string, unknown>) => JSON.stringify({ ...x, name: '', description: '', title: '', title_zh: '', explain: '', explain_zh: '', sysctl: { ...(x.sysctl as object), 'net.ipv4.tcp_syncookies': 0 } });
    expect(setup(b)).toBe(setup(a));
    const { peak, c, normal } = runPreset('syn-flood-cookies');
    expect(peak('syn_recv')).toBe(17);
    expect(c('TCPReqQFullDoCookies')).toBeGreaterThan(0);
    expect(c('SyncookiesRecv')).toBe(10);
    expect(normal.map((x) => [x.outcome, x.syn_sent])).toEqual(Array(10).fill(['accepted', 1]));
  });

  it('listen-zero: one connection waits in the accept queue, every other SYN is dropped', () => {
    const { r, peak, c, tally } = runPreset('listen-zero');
    expect(r.listen.effective_backlog).toBe(0);
    expect(peak('accept_queue')).toBe(1);
    expect([tally('established'), tally('pending')]).toEqual([1, 19]);
    expect(c('ListenOverflows')).toBeGreaterThan(0);
  });

  it('relisten: full at 9 before 3 s, 33 after listen(fd, 32)', () => {
    const { r, peak, normal } = runPreset('relisten');
    expect(normal).toHaveLength(40);
    expect(peak('accept_queue', 3000)).toBe(9);
    expect(peak('accept_queue')).toBe(33);
    expect(r.listen.relisten).toEqual([{ at_ms: 3000, effective_backlog: 32 }]);
  });

  it('autobind: an odd port from ip_local_port_range, 5 clients accepted', () => {
    const { r, tally } = runPreset('autobind');
    const port = r.listen.port!;
    expect(port % 2).toBe(1);
    expect(port).toBeGreaterThanOrEqual(32768);
    expect(port).toBeLessThanOrEqual(60999);
    expect(tally('accepted')).toBe(5);
  });

  it('container-somaxconn: the host says 128, the server’s namespace 4096; listen(1024) keeps 1024 and 200 fit', () => {
    const { sim, r, peak, c } = runPreset('container-somaxconn');
    expect(sim.host.nets.get(HOST_NETNS)!.sysctl['net.core.somaxconn']).toBe(128);
    expect(sim.server().sysctl['net.core.somaxconn']).toBe(4096);
    expect(r.listen.effective_backlog).toBe(1024);
    expect(peak('accept_queue')).toBe(200);
    expect(c('ListenOverflows')).toBe(0);
  });
});
