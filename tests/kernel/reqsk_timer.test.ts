// The request timer: kernel-notes.md §0 rules T1–T3 and §4 (net/ipv4/inet_connection_sock.c reqsk_timer_handler,
// syn_ack_recalc; net/ipv4/tcp_output.c tcp_rtx_synack; kernel/time/timer.c calc_wheel_index).
import { describe, it, expect } from 'vitest';
import { Lab, HZ, T0, SYNACK, xmits } from './lab.ts';
import { calc_wheel_index } from '../../src/kernel/timer.ts';
import { jiffies } from '../../src/kernel/types.ts';
import type { RequestSock } from '../../src/kernel/types.ts';

const RTX = { TCPTimeouts: 1, TCPSynRetrans: 1, RetransSegs: 1, OutSegs: 1 };

/** the wheel level's granularity for a timer `delta` jiffies out (HZ = 250: 9 levels, 8× per level) */
function gran(delta: number): number {
  let lvl = 0;
  while (delta >= 63 * 8 ** lvl) lvl++;
  return 8 ** lvl;
}

describe('the timer wheel (calc_wheel_index) as the request timer uses it', () => {
  it('T2/S7 (timer wheel): a 250-jiffy timeout armed at jiffy j fires at the next multiple of 8 strictly above j + 250', () => {
    for (const j of [T0, T0 + 1, T0 + 5, T0 + 6, T0 + 7, 1_000_000, 1_000_006, 123_457]) {
      const fires = calc_wheel_index(jiffies(j + 250), jiffies(j), HZ);
      expect(fires % 8).toBe(0);
      expect(fires).toBeGreaterThan(j + 250);
      expect(fires).toBeLessThanOrEqual(j + 250 + 8);
    }
    // j + 250 already a multiple of 8: still strictly above
    expect(calc_wheel_index(jiffies(999_750 + 250), jiffies(999_750), HZ)).toBe(1_000_008);
  });

  it('T2 (timer wheel levels): < 63 jiffies rounds up by one jiffy, then 8, 64, 512 … jiffies', () => {
    const clk = 2_000_000;
    expect(calc_wheel_index(jiffies(clk + 10), jiffies(clk), HZ)).toBe(clk + 11);
    expect(calc_wheel_index(jiffies(clk + 62), jiffies(clk), HZ)).toBe(clk + 63);
    for (const delta of [63, 250, 503, 504, 1000, 4031, 4032, 8000, 30000]) {
      const e = clk + delta;
      const f = calc_wheel_index(jiffies(e), jiffies(clk), HZ);
      const g = gran(delta);
      expect(f % g).toBe(0);
      expect(f).toBeGreaterThan(e);
      expect(f).toBeLessThanOrEqual(e + g);
    }
    // an expiry already past runs at the next tick
    expect(calc_wheel_index(jiffies(clk - 5), jiffies(clk), HZ)).toBe(clk);
  });
});

describe('T1–T3 the default SYN-ACK schedule (tcp_synack_retries = 5)', () => {
  it('T2 at ~1, 3, 7, 15, 31 s, T3 silent expiry at ~63 s; exact counters; every firing on its wheel bucket', () => {
    const lab = new Lab();
    const sk = lab.listener(8);
    const created = lab.delta(() => lab.syn(0));
    expect(created).toEqual({ InSegs: 1, OutSegs: 1 });
    const req = lab.req(0)!;
    expect(req.timer_fires).toBe(calc_wheel_index(jiffies(T0 + HZ), jiffies(T0), HZ));
    expect(req.timer_fires % 8).toBe(0);
    expect(req.timer_fires).toBeGreaterThan(T0 + HZ);

    const fired_at: number[] = [];
    const deltas = [];
    let clk = T0; // the clock the timer was armed with
    while (lab.net.reqs.has(req.id)) {
      const { timer_expires: expires, timer_fires: fires } = req;
      // the wheel: the bucket above `expires` at the granularity of the level the delta picks
      expect(fires).toBe(calc_wheel_index(expires, jiffies(clk), HZ));
      expect(fires).toBeGreaterThan(expires);
      expect(fires - expires).toBeLessThanOrEqual(gran(expires - clk));
      const n = req.num_timeout;
      deltas.push(lab.delta(() => lab.fire(req)));
      fired_at.push((lab.now - T0) / HZ);
      if (lab.net.reqs.has(req.id)) {
        // rearmed from the firing time: now + (1 s << num_timeout), with the wheel clock at jiffies + 1
        expect(req.num_timeout).toBe(n + 1);
        expect(req.timer_expires).toBe(lab.now + (HZ << req.num_timeout));
        clk = lab.now + 1;
      }
    }
    expect(deltas).toEqual([RTX, RTX, RTX, RTX, RTX, { TCPTimeouts: 1 }]);
    // nominal 1, 3, 7, 15, 31, 63 s plus the wheel's slack (≤ 32 ms, 32 ms, 256 ms ×3, 2.048 s, summed)
    const nominal = [1, 3, 7, 15, 31, 63];
    const slack = [0.032, 0.064, 0.32, 0.576, 0.832, 2.88];
    fired_at.forEach((t, i) => {
      expect(t).toBeGreaterThan(nominal[i]);
      expect(t).toBeLessThanOrEqual(nominal[i] + slack[i]);
    });
    // T3: no RST, no counter but TCPTimeouts; the request is unlinked and accounted for
    expect(xmits(lab.out)).toEqual([]);
    expect(lab.codes()).toEqual(['req_timer_expired']);
    expect(lab.out.some((e) => e.kind === 'timer_del' && e.req === req.id)).toBe(true);
    expect(sk.qlen).toBe(0);
    expect(sk.young).toBe(0);
    expect(lab.net.ehash.size).toBe(0);
    expect(req.num_retrans).toBe(5);
    // per request over its life (kernel-notes §4): TCPTimeouts 6, TCPSynRetrans 5, RetransSegs 5, OutSegs 6
    expect(lab.net.mib).toMatchObject({ TCPTimeouts: 6, TCPSynRetrans: 5, RetransSegs: 5, OutSegs: 6, ListenDrops: 0, OutRsts: 0 });
  });

  it('T2: each retransmission is the same SYN-ACK (same ISN) and the first firing makes the request old (young--)', () => {
    const lab = new Lab();
    const sk = lab.listener(8);
    const first = xmits(lab.syn(0))[0].seg;
    const req = lab.req(0)!;
    expect(sk.young).toBe(1);
    lab.fire(req);
    expect(lab.codes()).toEqual(['req_timer_rtx']);
    const [x] = xmits(lab.out);
    expect(x.why).toBe('synack_rtx_timer');
    expect(x.seg).toEqual({ ...first });
    expect(x.seg.flags).toBe(SYNACK);
    expect(sk.young).toBe(0);
    expect(sk.qlen).toBe(1);
    lab.fire(req);
    expect(sk.young).toBe(0);
  });

  it('T1: TCP_SYNCNT on the listener overrides tcp_synack_retries (1 ⇒ one retransmission, gone by ~3 s, TCPTimeouts 2)', () => {
    const lab = new Lab();
    const sk = lab.listener(8);
    sk.icsk_syn_retries = 1;
    lab.syn(0);
    const req = lab.req(0)!;
    const d = lab.delta(() => {
      lab.fire(req);
      lab.fire(req);
    });
    expect(lab.net.reqs.has(req.id)).toBe(false);
    expect(d).toEqual({ TCPTimeouts: 2, TCPSynRetrans: 1, RetransSegs: 1, OutSegs: 1 });
    expect((lab.now - T0) / HZ).toBeLessThan(3.1);
  });

  it('T3: tcp_synack_retries = 0 drops the request at the first timer without any retransmission', () => {
    const lab = new Lab({ sysctl: { 'net.ipv4.tcp_synack_retries': 0 } });
    const sk = lab.listener(8);
    lab.syn(0);
    const req = lab.req(0)!;
    const d = lab.delta(() => lab.fire(req));
    expect(d).toEqual({ TCPTimeouts: 1 });
    expect(xmits(lab.out)).toEqual([]);
    expect(sk.qlen).toBe(0);
    expect(sk.young).toBe(0);
  });

  it('T2: the backoff is capped at TCP_RTO_MAX (120 s)', () => {
    const lab = new Lab({ sysctl: { 'net.ipv4.tcp_synack_retries': 10 } });
    lab.listener(8);
    lab.syn(0);
    const req = lab.req(0)!;
    const gaps: number[] = [];
    for (let i = 0; i < 9; i++) {
      lab.fire(req);
      gaps.push((req.timer_expires - lab.now) / HZ);
    }
    expect(gaps).toEqual([2, 4, 8, 16, 32, 64, 120, 120, 120]);
  });

  it('T1: a sysctl change applies to the next firing of an existing request', () => {
    const lab = new Lab();
    lab.listener(8);
    lab.syn(0);
    const req = lab.req(0)!;
    lab.fire(req);
    lab.fire(req);
    lab.net.sysctl['net.ipv4.tcp_synack_retries'] = 2;
    const d = lab.delta(() => lab.fire(req));
    expect(d).toEqual({ TCPTimeouts: 1 });
    expect(lab.net.reqs.has(req.id)).toBe(false);
  });
});

describe('T1 the young-based reduction of retries (queue more than half full of old requests)', () => {
  /** n requests on a listener with backlog N; returns them in creation order */
  function flood(lab: Lab, N: number, n: number): RequestSock[] {
    lab.listener(N);
    const reqs: RequestSock[] = [];
    for (let i = 0; i < n; i++) {
      lab.syn(i);
      reqs.push(lab.req(i)!);
    }
    return reqs;
  }

  const retries_of = (lab: Lab): number => {
    const d = lab.out.find((e) => e.kind === 'decision');
    return Number(d && d.kind === 'decision' ? d.args?.retries : NaN);
  };

  it('T1: 2·qlen > max(8, N): retries drop by one per halving of young/qlen, never below 2', () => {
    const lab = new Lab();
    const reqs = flood(lab, 16, 10); // 2·10 > max(8, 16)
    const seen: number[] = [];
    for (const r of reqs) {
      lab.fire(r);
      seen.push(retries_of(lab));
    }
    // young before each firing: 10, 9, … 1 out of qlen 10
    // young > qlen/2 ⇒ 5; (¼, ½] ⇒ 4; (⅛, ¼] ⇒ 3; below ⇒ 2 (the floor)
    expect(seen).toEqual([5, 5, 5, 5, 5, 4, 4, 4, 3, 2]);
    expect(lab.decisions.filter((d) => d.code === 'req_timer_rtx_pruned').length).toBe(5);
  });

  it('T1: with young = 0 the retries are 2: a request is freed at its third firing (~7 s) instead of at 63 s', () => {
    const lab = new Lab();
    const rs = flood(lab, 16, 10);
    const sk = lab.sk(rs[0].listener);
    for (const r of rs) lab.fire(r); // all old now
    for (const r of rs) lab.fire(r); // num_timeout 2 each
    expect(sk.young).toBe(0);
    expect(lab.net.reqs.size).toBe(10);
    const d = lab.delta(() => lab.fire(rs[0]));
    expect(d).toEqual({ TCPTimeouts: 1 });
    expect(lab.codes()).toEqual(['req_timer_expired_pruned']);
    expect(retries_of(lab)).toBe(2);
    expect((lab.now - T0) / HZ).toBeLessThan(7.5);
    expect(sk.qlen).toBe(9);
  });

  it('T1: no reduction while 2·qlen ≤ max(8, N) (4 old requests, N = 16)', () => {
    const lab = new Lab();
    const reqs = flood(lab, 16, 4);
    for (let round = 0; round < 5; round++) for (const r of reqs) lab.fire(r);
    expect(lab.decisions.some((d) => d.code === 'req_timer_rtx_pruned' || d.code === 'req_timer_expired_pruned')).toBe(false);
    expect(lab.net.reqs.size).toBe(4); // num_timeout 5 each: one more firing to expire
    for (const r of reqs) lab.fire(r);
    expect(lab.net.reqs.size).toBe(0);
    expect(lab.net.mib.TCPSynRetrans).toBe(20);
  });

  it('T1: the floor of 8 in max(8, N): with N = 0, 4 requests are not reduced (2·4 = 8), 5 are', () => {
    const last_retries = (n: number): number => {
      const lab = new Lab({ sysctl: { 'net.ipv4.tcp_syncookies': 0 } });
      const sk = lab.listener(8);
      for (let i = 0; i < n; i++) lab.syn(i);
      lab.listen(sk.id, 0);
      for (const r of [...lab.net.reqs.values()]) lab.fire(r);
      return retries_of(lab); // young before the last firing: 1 of n
    };
    expect(last_retries(4)).toBe(5);
    expect(last_retries(5)).toBe(3); // 2·1 ≤ 5 ⇒ 4, 4 ≤ 5 ⇒ 3, 8 > 5 stop
  });

  it('T1: configured retries ≤ 2 are never reduced (1 stays 1)', () => {
    const lab = new Lab({ sysctl: { 'net.ipv4.tcp_synack_retries': 1 } });
    const reqs = flood(lab, 16, 10);
    for (const r of reqs) lab.fire(r);
    expect(lab.decisions.filter((d) => d.fn === 'reqsk_timer_handler').map((d) => d.args?.retries)).toEqual(Array(10).fill(1));
    for (const r of reqs) lab.fire(r);
    expect(lab.net.reqs.size).toBe(0);
  });
});
