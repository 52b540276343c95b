// What the counters panel shows and how it reads the store: which counters always appear (in teaching order: the
// listen path's drops and overflows first, then cookies, then retransmits and opens), the name nstat prints for
// each, and the rate and movement read from the per-frame history. Presentation only: every number comes from
// the frames the worker sent.
import type { CounterField, Counters } from '../../worker/protocol.ts';
import type { AppState } from '../../store/store.ts';
import type { CounterPoint } from '../../store/live.ts';
import type { Lang } from '../../store/prefs.ts';
import { numberFormat, type MsgKey } from '../i18n/index.ts';

export const KEY_COUNTERS = [
  'ListenOverflows',
  'ListenDrops',
  'TCPReqQFullDrop',
  'TCPReqQFullDoCookies',
  'SyncookiesSent',
  'SyncookiesRecv',
  'SyncookiesFailed',
  'TCPSynRetrans',
  'TCPTimeouts',
  'PassiveOpens',
  'EmbryonicRsts',
] as const satisfies readonly CounterField[];
export type KeyCounter = (typeof KEY_COUNTERS)[number];

export const isKeyCounter = (f: string): f is KeyCounter => (KEY_COUNTERS as readonly string[]).includes(f);

/** A compile error here means a key counter lacks its description in the messages. */
export const counterKey = (f: KeyCounter): MsgKey => `counter.${f}`;

/**
 * The MIB table each field is printed under: Tcp: in /proc/net/snmp, TcpExt: in /proc/net/netstat. nstat glues the
 * two (TcpExtListenOverflows, TcpPassiveOpens). A Record over every field, so a counter the model adds without a
 * table here is a compile error.
 */
const MIB_OF: Readonly<Record<CounterField, 'Tcp' | 'TcpExt'>> = {
  ActiveOpens: 'Tcp', PassiveOpens: 'Tcp', AttemptFails: 'Tcp', EstabResets: 'Tcp', CurrEstab: 'Tcp',
  InSegs: 'Tcp', OutSegs: 'Tcp', RetransSegs: 'Tcp', InErrs: 'Tcp', OutRsts: 'Tcp',
  SyncookiesSent: 'TcpExt', SyncookiesRecv: 'TcpExt', SyncookiesFailed: 'TcpExt', EmbryonicRsts: 'TcpExt',
  ListenOverflows: 'TcpExt', ListenDrops: 'TcpExt', TCPTimeouts: 'TcpExt', TCPSynRetrans: 'TcpExt',
  TCPReqQFullDoCookies: 'TcpExt', TCPReqQFullDrop: 'TcpExt', TCPDeferAcceptDrop: 'TcpExt',
  TCPACKSkippedSynRecv: 'TcpExt', PAWSEstab: 'TcpExt', TCPPureAcks: 'TcpExt', TCPMigrateReqFailure: 'TcpExt',
};

/** The counter's name as `nstat` prints it (TcpExtListenOverflows); a field the page does not know stays as is. */
export function nstatName(f: string): string {
  const mib = (MIB_OF as Readonly<Record<string, string>>)[f];
  return mib ? `${mib}${f}` : f;
}

/** Counters other than the key ones that are not 0, in the order the frame lists them. */
export function otherMoved(c: Counters): [CounterField, number][] {
  return (Object.entries(c) as [CounterField, number][]).filter(([f, v]) => v !== 0 && !isKeyCounter(f));
}

/** The counters on screen: the result's at the end of a run (what `npm run sim` reports), else the last frame's. */
export function shownCounters(s: AppState): Counters | null {
  return s.run.phase === 'live' ? (s.run.result?.counters ?? s.run.frame.counters) : null;
}

/** null before a run is loaded; a field the frame leaves out is 0. */
export function valueOf(s: AppState, f: string): number | null {
  const c = shownCounters(s);
  return c === null ? null : ((c as Readonly<Record<string, number>>)[f] ?? 0);
}

const at = (p: CounterPoint, f: string): number => (p.counters as Readonly<Record<string, number>>)[f] ?? 0;

/** One counter's history as (simulated ms, value) points, oldest first: what its sparkline draws. */
export function seriesOf(history: readonly CounterPoint[], f: string): { t: number; v: number }[] {
  return history.map((p) => ({ t: p.t_ms, v: at(p, f) }));
}

/**
 * The rate looks back this much simulated time: long enough that a SYN-ACK retransmitted once a second does not
 * read as 0 between two frames, short enough to follow a flood starting and stopping.
 */
export const RATE_WINDOW_MS = 1000;

export interface Rate {
  /** change per simulated second */
  readonly per_s: number;
  /** the simulated time the rate was measured over */
  readonly span_ms: number;
}

/**
 * The counter's change per simulated second, measured from the newest point back to the newest point at least
 * `window_ms` older (or the oldest point when the history is shorter than that: a slow replay, a run to the end).
 * null while there is no simulated time to divide by (one point after a load, reset or seek). A pause adds no
 * points, so the rate stays what it was over the last simulated second.
 */
export function rateOf(history: readonly CounterPoint[], f: string, window_ms = RATE_WINDOW_MS): Rate | null {
  const last = history[history.length - 1];
  if (!last) return null;
  let ref = history[0];
  for (let i = history.length - 2; i >= 0; i--) {
    if (history[i].t_ms <= last.t_ms - window_ms) {
      ref = history[i];
      break;
    }
  }
  const span_ms = last.t_ms - ref.t_ms;
  if (!(span_ms > 0)) return null;
  return { per_s: ((at(last, f) - at(ref, f)) * 1000) / span_ms, span_ms };
}

/** Digits a rate is shown with: one decimal below 10/s (a retransmit every few seconds), none above. */
export const rateDigits = (per_s: number): number => (per_s !== 0 && Math.abs(per_s) < 10 ? 1 : 0);

const formats = new Map<string, Intl.NumberFormat>();
/** Number formats are costly to build and every tile formats on every frame: one per language and digits. */
export function formatter(lang: Lang, digits = 0): Intl.NumberFormat {
  const key = `${lang}|${digits}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = numberFormat(lang, digits)));
  return f;
}

/** The rate rounded as it is shown, so a component re-renders only when the text would change. */
export function shownRate(history: readonly CounterPoint[], f: string): number | null {
  const r = rateOf(history, f);
  if (r === null) return null;
  const k = 10 ** rateDigits(r.per_s);
  return Math.round(r.per_s * k) / k;
}

/**
 * Names the latest move of the counter inside the history ("t_ms:value"), null if it did not move there. It changes
 * exactly when a frame moves the counter, never on a load, reset or seek (those restart the history), so the
 * panel restarts its flash on it.
 */
export function lastMoveKey(history: readonly CounterPoint[], f: string): string | null {
  for (let i = history.length - 1; i >= 1; i--) {
    const v = at(history[i], f);
    if (v !== at(history[i - 1], f)) return `${history[i].t_ms}:${v}`;
  }
  return null;
}
