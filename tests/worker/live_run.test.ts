// The worker's run: changes made while running behave as on Linux (a new somaxconn waits for the next listen()),
// refused changes change nothing, frames stay small whatever the queues hold, and time travel is exact — a step
// back, or a seek back and forth, lands on the very state the run had (changes made while running included).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LiveRun } from '../../src/worker/live_run.ts';
import { validateScenario } from '../../src/sim/validate.ts';
import { MAX_ITEMS, MAX_LOG, MAX_PACKETS, type SimFrame } from '../../src/worker/protocol.ts';

function preset(name: string, patch: Record<string, unknown> = {}): LiveRun {
  const json = { ...JSON.parse(readFileSync(new URL(`../../public/scenarios/${name}.json`, import.meta.url), 'utf8')), ...patch };
  const v = validateScenario(json);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return new LiveRun(v.scenario);
}

/** The state part of a frame (what must be identical after time travel); log and packets are deltas. */
function state(f: SimFrame) {
  const { log: _l, packets: _p, replace: _r, playing: _g, log_skipped: _s, timeline: _t, ...rest } = f;
  return rest;
}

describe('LiveRun changes while running', () => {
  it('a lower somaxconn leaves the listener alone until listen() is called again', () => {
    const r = preset('slow-accept', { server: { port: 8080, backlog: 64, accept: { mode: 'every', interval_ms: 200, start_ms: 0 } } });
    r.runUntil(500e6);
    expect(r.frame(false).backlog).toBe(64);
    const out = r.act({ kind: 'sysctl', name: 'net.core.somaxconn', value: '8' });
    expect(out).toEqual({ ok: true, notes: [{ kind: 'next_listen', knob: 'net.core.somaxconn', backlog_now: 64, backlog_after_listen: 8 }] });
    const f = r.frame(false);
    expect(f.knobs.sysctl['net.core.somaxconn']).toBe(8);
    expect(f.backlog).toBe(64);
    expect(f.accept_queue.limit).toBe(65);
    expect(r.act({ kind: 'listen', backlog: 64 })).toEqual({
      ok: true,
      notes: [{ kind: 'capped', requested: 64, somaxconn: 8 }, { kind: 'backlog_changed', from: 64, to: 8 }],
    });
    expect(r.frame(false)).toMatchObject({ backlog: 8, accept_queue: { limit: 9 }, knobs: { listen_backlog: 64 } });
  });

  it('refuses a value outside the proc handler’s range and changes nothing', () => {
    const r = preset('slow-accept');
    r.runUntil(300e6);
    const before = state(r.frame(false));
    for (const [name, value] of [['net.core.somaxconn', '-1'], ['net.ipv4.tcp_syncookies', '300'], ['net.ipv4.tcp_syn_retries', '0'], ['net.ipv4.tcp_synack_retries', 'five']] as const) {
      const out = r.act({ kind: 'sysctl', name, value });
      expect(out.ok, `${name}=${value}`).toBe(false);
      if (!out.ok) expect(out.issues[0].message).toContain('Invalid argument');
    }
    expect(state(r.frame(false))).toEqual(before);
  });

  it('applies `sysctl -w` typed in the terminal as a knob change, with the same notes', () => {
    const r = preset('slow-accept');
    const a = r.shell('sysctl -w net.core.somaxconn=2');
    expect(a.stdout).toBe('net.core.somaxconn = 2\n');
    expect(a.acted).toEqual([{ action: { kind: 'sysctl', name: 'net.core.somaxconn', value: '2' }, notes: [{ kind: 'next_listen', knob: 'net.core.somaxconn', backlog_now: 4, backlog_after_listen: 2 }] }]);
    expect(r.shell('sysctl net.core.somaxconn').stdout).toBe('net.core.somaxconn = 2\n');
    expect(r.shell('ss -lnt').stdout).toMatch(/^LISTEN 0 +4 +192\.0\.2\.1:8080/m);
  });

  it('stops and restarts the application’s accept() loop', () => {
    const r = preset('slow-accept');
    r.runUntil(1000e6);
    const accepted = r.frame(false).clients.tally.accepted;
    r.act({ kind: 'accept', interval_ms: null });
    r.runUntil(3000e6);
    const f = r.frame(false);
    expect(f.clients.tally.accepted).toBe(accepted);
    expect(f.knobs.accept_interval_ms).toBeNull();
    expect(f.accept_queue.len).toBe(5);
    r.act({ kind: 'accept', interval_ms: 1 });
    r.runUntil(3100e6);
    expect(r.frame(false).clients.tally.accepted).toBeGreaterThan(accepted + 4);
  });

  it('adds traffic from now on: normal clients connect, spoofed SYNs fill the SYN queue', () => {
    const r = preset('slow-accept', { clients: [] });
    r.runUntil(100e6);
    expect(r.frame(false).clients.tally).toMatchObject({ accepted: 0, waiting: 0 });
    r.act({ kind: 'traffic', normal_per_s: 10, flood_per_s: 1000 });
    r.runUntil(1100e6);
    const f = r.frame(false);
    expect(f.knobs).toMatchObject({ normal_per_s: 10, flood_per_s: 1000 });
    expect(f.clients.spoofed_sent).toBe(1001);
    const t = f.clients.tally;
    // ten a second from 100 ms: 11 have started by 1100 ms; accept() every 200 ms cannot keep up with them
    expect(t.accepted + t.queued + t.stalled + t.retrying + t.refused).toBe(11);
    expect(t.accepted).toBeGreaterThan(3);
    // 1000 spoofed SYNs against a backlog of 4 with cookies on: the queue is full and cookies answer the rest
    expect(f.syn_queue.len).toBe(5);
    expect(f.counters.SyncookiesSent).toBeGreaterThan(900);
    r.act({ kind: 'traffic', normal_per_s: 0, flood_per_s: 0 });
    const sent = r.frame(false).clients.spoofed_sent;
    r.runUntil(2000e6);
    expect(r.frame(false).clients.spoofed_sent).toBe(sent);
  });
});

describe('LiveRun frames', () => {
  it('stay bounded with 50,000 requests in the SYN queue', () => {
    const r = preset('syn-flood-no-cookies', {
      server: { port: 8080, backlog: 65535, accept: { mode: 'never' } },
      sysctl: { 'net.core.somaxconn': 65535, 'net.ipv4.tcp_max_syn_backlog': 200000, 'net.ipv4.tcp_syncookies': 0 },
      clients: [{ count: 50000, start_ms: 0, interval_ms: 0.01, kind: 'spoofed' }],
      duration_ms: 2000,
    });
    r.runUntil(900e6);
    const f = r.frame(true);
    expect(f.syn_queue.len).toBe(50000);
    expect(f.syn_items).toHaveLength(MAX_ITEMS);
    expect(f.log.length).toBe(MAX_LOG);
    expect(f.log_skipped).toBeGreaterThan(49000);
    expect(f.packets.length).toBeLessThanOrEqual(MAX_PACKETS);
    expect(JSON.stringify(f).length).toBeLessThan(64_000);
  });

  it('number log lines and packets without gaps across frames', () => {
    const r = preset('accept-overflow');
    const seqs: number[] = [];
    let skipped = 0;
    for (let t = 0; t <= 4000; t += 33) {
      r.runUntil(t * 1e6);
      const f = r.frame(true);
      skipped += f.log_skipped;
      seqs.push(...f.log.map((l) => l.seq));
    }
    expect(skipped).toBe(0);
    expect(seqs).toEqual(seqs.map((_, i) => i));
  });

  it('tell a connected-but-stalled client from one waiting for accept()', () => {
    const r = preset('accept-overflow');
    r.runToEnd();
    const f = r.frame(false);
    expect(f.clients.tally.queued).toBe(f.accept_queue.len);
    expect(f.clients.tally.stalled).toBeGreaterThan(0);
  });
});

describe('LiveRun time travel', () => {
  it('a step back restores exactly the state before the last event', () => {
    const r = preset('abort-on-overflow');
    const frames: ReturnType<typeof state>[] = [];
    for (let i = 0; i < 120; i++) {
      frames.push(state(r.frame(false)));
      r.step();
    }
    for (let i = 119; i >= 100; i--) {
      r.stepBack();
      expect(state(r.frame(false)), `after stepping back to ${i}`).toEqual(frames[i]);
    }
  });

  it('a seek back and forth lands on the same states, with the changes made while running', () => {
    const r = preset('slow-accept');
    r.runUntil(700e6);
    r.act({ kind: 'sysctl', name: 'net.core.somaxconn', value: '2' });
    r.act({ kind: 'listen', backlog: 10 });
    r.runUntil(1500e6);
    r.act({ kind: 'traffic', normal_per_s: 20, flood_per_s: 100 });
    r.runUntil(5000e6);
    const at5 = state(r.frame(false));
    r.seek({ t_ms: 1000 });
    const at1 = state(r.frame(false));
    expect(at1).toMatchObject({ t_ms: 1000, backlog: 2, knobs: { flood_per_s: 0 } });
    r.seek({ t_ms: 5000 });
    expect(state(r.frame(false))).toEqual(at5);
    // and a fresh run to 1000 ms with the same changes gives the seek's state
    const fresh = preset('slow-accept');
    fresh.runUntil(700e6);
    fresh.act({ kind: 'sysctl', name: 'net.core.somaxconn', value: '2' });
    fresh.act({ kind: 'listen', backlog: 10 });
    fresh.runUntil(1000e6);
    expect(state(fresh.frame(false))).toEqual(at1);
  });

  it('a change made after going back rewrites the future', () => {
    const r = preset('slow-accept');
    r.runUntil(2000e6);
    r.act({ kind: 'accept', interval_ms: null });
    r.runUntil(4000e6);
    r.seek({ t_ms: 1000 });
    r.act({ kind: 'accept', interval_ms: 10 });
    r.runUntil(4000e6);
    expect(r.frame(false).knobs.accept_interval_ms).toBe(10);
    expect(r.frame(false).clients.tally.accepted).toBe(30);
  });

  it('the frame after a seek replaces the page’s log with the latest decisions', () => {
    const r = preset('slow-accept');
    r.runUntil(3000e6);
    r.frame(false);
    r.seek({ t_ms: 2000 });
    const f = r.frame(false);
    expect(f.replace).toBe(true);
    expect(f.log.length).toBeGreaterThan(0);
    expect(f.log[f.log.length - 1].t_ms).toBeLessThanOrEqual(2000);
    expect(r.frame(false).replace).toBe(false);
  });
});

describe('LiveRun timeline', () => {
  it('marks where the key counters moved, and each mark seeks to the decision that moved it', () => {
    const r = preset('slow-accept');
    r.runToEnd();
    const marks = r.frame(false).timeline;
    const overflows = marks.filter((m) => m.field === 'ListenOverflows');
    expect(overflows.reduce((n, m) => n + m.moves, 0)).toBe(r.frame(false).counters.ListenOverflows ?? -1);
    const first = overflows.sort((a, b) => a.first_event - b.first_event)[0];
    r.seek({ events: first.first_event });
    const f = r.frame(false);
    expect(f.events).toBe(first.first_event);
    expect(f.counters.ListenOverflows).toBe(1);
    const last = f.log[f.log.length - 1];
    expect(last.event).toBe(first.first_event);
    expect(last.mib).toContain('ListenOverflows');
  });

  it('sends only the changed marks between frames, and all of them after a seek', () => {
    const r = preset('slow-accept');
    r.runUntil(3000e6);
    const all = r.frame(false).timeline.length;
    r.runUntil(3100e6);
    expect(r.frame(false).timeline.length).toBeLessThan(all);
    r.seek({ t_ms: 1000 });
    expect(r.frame(false).timeline.length).toBeGreaterThanOrEqual(all);
  });
});

describe('LiveRun moments (links)', () => {
  it('a moment reopened in a fresh run gives the same state, changes made while running included', () => {
    const r = preset('slow-accept');
    r.runUntil(600e6);
    r.shell('sysctl -w net.ipv4.tcp_invalid_ratelimit=0');
    r.act({ kind: 'sysctl', name: 'net.core.somaxconn', value: '2' });
    r.act({ kind: 'listen', backlog: 9 });
    r.runUntil(1200e6);
    r.act({ kind: 'traffic', normal_per_s: 5, flood_per_s: 50 });
    r.runUntil(2500e6);
    const want = state(r.frame(false));
    const changes = JSON.parse(JSON.stringify(r.moment()));
    expect(changes).toHaveLength(4);
    const other = preset('slow-accept');
    expect(other.openMoment(r.events, changes)).toEqual({ ok: true, notes: [] });
    expect(state(other.frame(false))).toEqual(want);
  });

  it('refuses a moment with a change the kernel would refuse, and keeps the run', () => {
    const r = preset('slow-accept');
    r.runUntil(300e6);
    const before = state(r.frame(false));
    const out = r.openMoment(10, [{ events: 5, t_ns: 100, action: { kind: 'sysctl', name: 'net.core.somaxconn', value: '-5' } }]);
    expect(out.ok).toBe(false);
    expect(state(r.frame(false))).toEqual(before);
  });
});

describe('LiveRun packets', () => {
  it('say which incoming packets the listener dropped, and why', () => {
    const r = preset('slow-accept');
    r.watch([20, 21]);
    r.runUntil(1000e6);
    const ps = r.frame(false).packets;
    // clients 20 and 21 connect at 400 and 420 ms into a full accept queue: their SYNs are dropped
    const drops = ps.filter((p) => p.dropped !== null);
    expect(drops.length).toBeGreaterThan(0);
    for (const p of drops) expect(p).toMatchObject({ dir: 'in', flags: 'SYN', dropped: 'accept_full' });
    expect(ps.filter((p) => p.dir === 'out').every((p) => p.dropped === null)).toBe(true);
  });
});

describe('LiveRun packets after a seek', () => {
  it('the frame after a seek has the packets that led there, numbered as before', () => {
    // enough traffic for several checkpoints: the seek starts from one, well after the start
    const r = preset('slow-accept', { clients: [{ count: 3000, start_ms: 0, interval_ms: 2, kind: 'normal' }] });
    const seen = new Map<number, string>();
    for (let t = 0; t <= 6000; t += 33) {
      r.runUntil(t * 1e6);
      for (const p of r.frame(false).packets) seen.set(p.seq, `${p.t_ms}:${p.client}:${p.flags}:${p.dir}`);
    }
    expect(r.events).toBeGreaterThan(10_000);
    r.seek({ t_ms: 5000 });
    const f = r.frame(false);
    // every watched packet up to the target (they are fewer than a frame holds), not only the replayed stretch
    const upTo = [...seen.entries()].filter(([, v]) => Number(v.split(':')[0]) <= 5000).map(([k]) => k);
    expect(upTo.length).toBeLessThan(MAX_PACKETS);
    expect(f.packets.map((p) => p.seq)).toEqual(upTo);
    for (const p of f.packets) expect(seen.get(p.seq), `packet ${p.seq}`).toBe(`${p.t_ms}:${p.client}:${p.flags}:${p.dir}`);
    expect(f.packets[f.packets.length - 1].t_ms).toBeLessThanOrEqual(5000);
  });
});

describe('LiveRun decisions', () => {
  it('name the client of a request whose timer expired (after the request is gone)', () => {
    const seen: { code: string; client: number | null }[] = [];
    const again = preset('syn-flood-no-cookies');
    for (let t = 0; t <= 30_000; t += 100) {
      again.runUntil(t * 1e6);
      seen.push(...again.frame(false).log);
    }
    const expired = seen.filter((l) => l.code.startsWith('req_timer_expired'));
    expect(expired.length).toBeGreaterThan(0);
    for (const l of expired) expect(l.client).not.toBeNull();
  });
});
