// The scorer as a library: compareResult() scores a result (backlog-result/1) against one or two recordings of the
// same scenario on the real kernel, as `node compare-result.mjs SCENARIO EXPECTED [EXPECTED2] ACTUAL --json` does.
//
// THIS MUST STAY IDENTICAL TO ../../../shared/tools/compare-result.mjs: same checks in the same order, same names,
// bands, tolerances, gating and detail texts. It is a line-by-line port, oddities included (a missing port gives
// NaN parity, a missing value prints "undefined"), and compare.test.ts runs both on every recording to prove it.
// Change the original first, then this.
import type { ClientOutcome } from '../../src/sim/result.ts';

/** What the scorer reads of a result: BacklogResult, or a recording with fields missing. */
export interface ResultLike {
  readonly format?: unknown;
  readonly listen?: {
    readonly effective_backlog?: number | null;
    readonly port?: number | null;
    readonly relisten?: readonly { readonly effective_backlog: number | null }[];
  };
  readonly counters?: Readonly<Record<string, number>>;
  readonly samples?: readonly { readonly t_ms: number; readonly syn_recv: number; readonly accept_queue: number }[];
  readonly clients?: readonly { readonly outcome: string; readonly synack_received?: number }[];
  readonly packets?: readonly { readonly t_ms: number; readonly dir: string; readonly client: number; readonly flags: string }[];
}

export interface Check {
  readonly name: string;
  readonly pass: boolean;
  readonly detail: string;
  /** an info check (e.g. InSegs) is reported but does not decide the verdict */
  readonly gating: boolean;
}

export interface Verdict {
  readonly pass: boolean;
  readonly checks: readonly Check[];
}

interface ScenarioLike {
  readonly name?: string;
  readonly server?: { readonly port?: number | null };
  readonly sample_every_ms?: number;
}

export const CORE_COUNTERS = [
  'ListenOverflows', 'ListenDrops', 'TCPReqQFullDrop', 'TCPReqQFullDoCookies', 'SyncookiesSent',
  'SyncookiesRecv', 'SyncookiesFailed', 'TCPSynRetrans', 'PassiveOpens', 'EmbryonicRsts',
];
export const INFO_COUNTERS = ['TCPTimeouts', 'RetransSegs', 'OutRsts', 'InSegs', 'OutSegs', 'CurrEstab', 'TCPPureAcks'];
const OUTCOMES: readonly ClientOutcome[] = ['accepted', 'established', 'reset', 'timed_out', 'pending', 'spoofed'];
const SHARE_OK = 0.95; // share of samples that must agree

// [lo, hi] over the recordings. Where the recordings agree the kernel was exact, so the model must be too (1 % slack
// from 100 up, for events at the edge of the run); where they disagree, 2 % (at least 1) around their range.
function band(values: number[]): [number, number] {
  const lo = Math.min(...values), hi = Math.max(...values);
  const slack = lo === hi ? (hi >= 100 ? Math.max(1, Math.round(0.01 * hi)) : 0) : Math.max(1, Math.round(0.02 * hi));
  return [Math.max(0, lo - slack), hi + slack];
}
const inBand = (v: number, [lo, hi]: [number, number]) => v >= lo && v <= hi;
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : NaN; };

/**
 * Scores `actual` against one or two recordings. Throws on what the CLI rejects as bad input (exit 2): no or too
 * many recordings, or a result whose format is not "backlog-result/1".
 */
export function compareResult(scenarioIn: unknown, expected: readonly ResultLike[], actual: ResultLike): Verdict {
  if (expected.length < 1 || expected.length > 2) throw new Error(`compare-result: expected 1 or 2 recordings, got ${expected.length}`);
  for (const [r, f] of [...expected.map((e, i) => [e, `EXPECTED${i + 1}`] as const), [actual, 'ACTUAL'] as const]) {
    if (r.format !== 'backlog-result/1') throw new Error(`compare-result: ${f}: format is ${JSON.stringify(r.format)}, expected "backlog-result/1"`);
  }
  const scenario = scenarioIn as ScenarioLike;
  const checks: Check[] = [];
  const check = (name: string, pass: boolean, detail: string, gating = true) => { checks.push({ name, pass, detail, gating }); };

  // 1. listen()
  const lis = (r: ResultLike) => r.listen ?? {};
  check('effective_backlog', expected.every((e) => lis(e).effective_backlog === lis(actual).effective_backlog),
    `expected ${expected.map((e) => lis(e).effective_backlog).join('/')}, got ${lis(actual).effective_backlog}`);
  const rl = (r: ResultLike) => (lis(r).relisten ?? []).map((x) => x.effective_backlog).join(',');
  check('relisten', expected.every((e) => rl(e) === rl(actual)), `expected [${rl(expected[0])}], got [${rl(actual)}]`);
  if (scenario.server?.port == null) {
    // `as number`: the original's arithmetic on a missing port (NaN parity, undefined >= 1024 is false) is kept
    const parity = (r: ResultLike) => (lis(r).port as number) % 2;
    check('autobind_port', expected.every((e) => parity(e) === parity(actual)) && (lis(actual).port as number) >= 1024,
      `expected parity ${expected.map(parity).join('/')}, got port ${lis(actual).port}`);
  } else {
    check('port', lis(actual).port === scenario.server.port, `got ${lis(actual).port}`);
  }

  // 2. counters
  const ctr = (r: ResultLike, k: string) => r.counters?.[k] ?? 0;
  for (const k of [...CORE_COUNTERS, ...INFO_COUNTERS]) {
    const vals = expected.map((e) => ctr(e, k));
    const a = ctr(actual, k);
    if (vals.every((v) => v === 0) && a === 0) continue;
    const b = band(vals);
    check(`counter ${k}`, inBand(a, b), `expected ${vals.join('/')} (ok ${b[0]}..${b[1]}), got ${a}`, CORE_COUNTERS.includes(k));
  }

  // 3. outcome tally
  const tally = (r: ResultLike) =>
    Object.fromEntries(OUTCOMES.map((o) => [o, (r.clients ?? []).filter((c) => c.outcome === o).length])) as Record<ClientOutcome, number>;
  const et = expected.map(tally), at = tally(actual);
  for (const o of OUTCOMES) {
    const vals = et.map((t) => t[o]);
    if (vals.every((v) => v === 0) && at[o] === 0) continue;
    const b = band(vals);
    check(`outcome ${o}`, inBand(at[o], b), `expected ${vals.join('/')} (ok ${b[0]}..${b[1]}), got ${at[o]}`);
  }
  check('client count', (actual.clients ?? []).length === (expected[0].clients ?? []).length,
    `expected ${(expected[0].clients ?? []).length}, got ${(actual.clients ?? []).length}`);

  // 4. SYN-ACKs per client, as a histogram (which client the kernel prunes first is not repeatable, how many is)
  const hist = (r: ResultLike) => {
    const h = new Map<number, number>();
    for (const c of r.clients ?? []) h.set(c.synack_received ?? 0, (h.get(c.synack_received ?? 0) ?? 0) + 1);
    return h;
  };
  const eH = expected.map(hist), aH = hist(actual);
  const keys = new Set([...eH.flatMap((h) => [...h.keys()]), ...aH.keys()]);
  let hOk = true; const hDetail: string[] = [];
  for (const k of [...keys].sort((a, b) => a - b)) {
    const vals = eH.map((h) => h.get(k) ?? 0), a = aH.get(k) ?? 0;
    const b = band(vals);
    if (!inBand(a, b)) { hOk = false; hDetail.push(`${k} SYN-ACKs: expected ${vals.join('/')} clients, got ${a}`); }
  }
  check('synacks per client', hOk, hOk ? 'histogram agrees' : hDetail.join('; '));

  // 5. queue peaks and course
  const peak = (r: ResultLike, k: 'syn_recv' | 'accept_queue') => Math.max(0, ...(r.samples ?? []).map((s) => s[k]));
  for (const k of ['syn_recv', 'accept_queue'] as const) {
    const vals = expected.map((e) => peak(e, k));
    const b = band(vals);
    check(`peak ${k}`, inBand(peak(actual, k), b), `expected ${vals.join('/')} (ok ${b[0]}..${b[1]}), got ${peak(actual, k)}`);
    // course: the actual value at t must lie within what the recordings show within one sample period of t
    const step = scenario.sample_every_ms ?? 50;
    const series = expected.map((e) => (e.samples ?? []).map((s) => [s.t_ms, s[k]] as const));
    let ok = 0, n = 0;
    for (const s of actual.samples ?? []) {
      const near = series.flatMap((ser) => ser.filter(([t]) => Math.abs(t - s.t_ms) <= step * 1.01).map(([, v]) => v));
      if (!near.length) continue;
      n++;
      const slack = Math.max(1, Math.round(0.03 * Math.max(...near))) - 1; // exact for small queues
      if (s[k] >= Math.min(...near) - slack && s[k] <= Math.max(...near) + slack) ok++;
    }
    check(`course ${k}`, n > 0 && ok / n >= SHARE_OK, `${ok}/${n} samples agree`);
  }

  // 6. SYN-ACK retransmission times, relative to each client's first SYN-ACK: for the k-th retransmission, how many
  // clients had one and when (median). Kernel timers are coarse (HZ, timer wheel), hence the tolerance.
  const rtx = (r: ResultLike) => {
    const m = new Map<number, number[]>();
    for (const p of r.packets ?? []) {
      if (p.dir !== 'out' || p.flags !== 'SA') continue;
      if (!m.has(p.client)) m.set(p.client, []);
      m.get(p.client)?.push(p.t_ms);
    }
    const byIndex: number[][] = [];
    for (const ts of m.values()) ts.slice(1).forEach((t, i) => (byIndex[i] ??= []).push(t - ts[0]));
    return byIndex;
  };
  const eR = expected.map(rtx), aR = rtx(actual);
  const nIdx = Math.max(aR.length, ...eR.map((x) => x.length));
  for (let i = 0; i < nIdx; i++) {
    const counts = eR.map((x) => (x[i] ?? []).length), a = (aR[i] ?? []).length;
    const b = band(counts);
    const meds = eR.map((x) => median(x[i] ?? [])).filter((v) => !Number.isNaN(v));
    const am = median(aR[i] ?? []);
    const tol = (t: number) => 40 + 0.05 * t;
    const timeOk = !a || !meds.length || meds.some((m) => Math.abs(m - am) <= tol(m));
    check(`synack retransmit #${i + 1}`, inBand(a, b) && timeOk,
      `expected ${counts.join('/')} clients at ~${meds.map((m) => Math.round(m)).join('/')} ms, got ${a} at ~${Number.isNaN(am) ? '-' : Math.round(am)} ms`);
  }

  return { pass: checks.every((c) => !c.gating || c.pass), checks };
}

/** The verdict as the CLI prints it without --json: one line per check, then the summary line. */
export function formatVerdict(name: string, v: Verdict): string {
  const lines = v.checks.map((c) => `${c.pass ? 'ok  ' : c.gating ? 'FAIL' : 'info'} ${c.name}: ${c.detail}`);
  const gating = v.checks.filter((c) => c.gating);
  const failed = gating.filter((c) => !c.pass);
  lines.push(`${name}: ${failed.length === 0 ? 'PASS' : `FAIL (${failed.length} of ${gating.length} checks)`}`);
  return lines.join('\n');
}
