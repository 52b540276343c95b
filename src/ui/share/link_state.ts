// The page's state as a URL, both ways. The query holds the choices a reader may type by hand (?lang=, ?preset=,
// and ?embed=/panels= for course pages, which this module leaves alone); the fragment holds the moment, which never
// reaches a server:
//
//   #scenario=<base64url JSON>   the running scenario when it is not an unmodified preset (then ?preset=<id>)
//   &lesson=<id>.<step>.<seed>   the open lesson, its step counted from 1 as the drawer shows it, the seed of its numbers
//   &t=<ms>                      simulated time (readable; used alone when there is no e=)
//   &e=<events>                  the exact cursor: kernel events run since the start
//   &c=<base64url JSON>          the changes made while running (knobs, listen(), accept/traffic, sysctl -w), as the
//                                worker's RecordedChange[]; the worker checks each before replaying it
//
// Every part is optional; a link with nothing in its fragment opens the start of its scenario. Reading is checked
// like any outside input: what is malformed is reported (as a Problem) and left out, never guessed at.
import { MAX_CHANGES } from '../../worker/protocol.ts';
import type { Problem } from '../../store/run.ts';
import { isLang, type Lang } from '../../store/prefs.ts';
import { LINK_PREFIX, encodeScenarioLink, readScenarioHash } from '../scenario/link.ts';

export interface LessonAt {
  readonly id: string;
  /** from 0 (the URL counts from 1) */
  readonly step: number;
  readonly seed: number;
}

/** What a link says. Every field may be missing (null). */
export interface LinkState {
  readonly lang: Lang | null;
  readonly preset: string | null;
  /** the scenario's JSON text */
  readonly scenario: string | null;
  readonly lesson: LessonAt | null;
  readonly t_ms: number | null;
  readonly events: number | null;
  /** the recorded changes as parsed JSON: the worker checks them (checkMoment) before anything is replayed */
  readonly changes: readonly unknown[] | null;
}

export interface LinkRead {
  readonly state: LinkState;
  /** what was malformed (and left out) */
  readonly problems: readonly Problem[];
}

export const EMPTY_LINK: LinkState = { lang: null, preset: null, scenario: null, lesson: null, t_ms: null, events: null, changes: null };

const PRESET_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const LESSON = /^([a-z0-9][a-z0-9-]{0,63})\.([1-9][0-9]{0,3})\.([1-9][0-9]{0,9})$/;
const INTEGER = /^(0|[1-9][0-9]{0,15})$/;
const DECIMAL = /^(0|[1-9][0-9]{0,15})(\.[0-9]{1,6})?$/;

const bad = (path: string, message: string): Problem => ({ code: 'bad_link', issues: [{ path, message }] });

/** The fragment's key=value parts (a key given twice: the last one). Values stay encoded. */
export function fragmentParts(hash: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const part of hash.replace(/^#/, '').split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    parts.set(eq < 0 ? part : part.slice(0, eq), eq < 0 ? '' : part.slice(eq + 1));
  }
  return parts;
}

/** base64url JSON text → the text (the scenario link's own reader, with its bounds and messages) */
function decodeText(key: string, data: string): { text: string } | { problem: Problem } {
  const r = readScenarioHash(LINK_PREFIX + data);
  if (r.kind === 'text') return { text: r.text };
  const issue = r.kind === 'bad' ? r.problem.issues[0] : { message: 'empty' };
  return { problem: { code: r.kind === 'bad' ? r.problem.code : 'bad_link', issues: [{ path: `#${key}=`, message: issue.message }] } };
}

function readChanges(data: string, problems: Problem[]): unknown[] | null {
  const d = decodeText('c', data);
  if ('problem' in d) return (problems.push(d.problem), null);
  let json: unknown;
  try {
    json = JSON.parse(d.text);
  } catch {
    return (problems.push(bad('#c=', 'not JSON')), null);
  }
  if (!Array.isArray(json) || json.length > MAX_CHANGES) return (problems.push(bad('#c=', `expected a list of at most ${MAX_CHANGES} changes`)), null);
  return json;
}

/** Reads a page URL (a link someone shared, or the address bar). */
export function readLink(url: URL): LinkRead {
  const problems: Problem[] = [];
  const q = url.searchParams;
  const lang = q.get('lang');
  const preset = q.get('preset');
  const parts = fragmentParts(url.hash);
  const num = (key: string, re: RegExp): number | null => {
    const v = parts.get(key);
    if (v === undefined) return null;
    if (re.test(v)) return Number(v);
    problems.push(bad(`#${key}=`, `expected ${re === INTEGER ? 'an integer' : 'a number'} ≥ 0, got ${JSON.stringify(v.slice(0, 24))}`));
    return null;
  };
  let scenario: string | null = null;
  const s = parts.get('scenario');
  if (s !== undefined) {
    const d = decodeText('scenario', s);
    if ('text' in d) scenario = d.text;
    else problems.push(d.problem);
  }
  let lesson: LessonAt | null = null;
  const l = parts.get('lesson');
  if (l !== undefined) {
    const m = LESSON.exec(decodeURIComponentSafe(l));
    if (m) lesson = { id: m[1], step: Number(m[2]) - 1, seed: Number(m[3]) };
    else problems.push(bad('#lesson=', `expected <lesson>.<step>.<seed>, got ${JSON.stringify(l.slice(0, 40))}`));
  }
  const c = parts.get('c');
  return {
    state: {
      lang: isLang(lang) ? lang : null,
      preset: preset !== null && PRESET_ID.test(preset) ? preset : null,
      scenario,
      lesson,
      t_ms: num('t', DECIMAL),
      events: num('e', INTEGER),
      changes: c === undefined ? null : readChanges(c, problems),
    },
    problems,
  };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** What a link is made from: the page's state and, for the moment, what the worker reported. */
export interface LinkInput {
  readonly lang: Lang;
  readonly preset: string | null;
  readonly scenario: string | null;
  readonly lesson: LessonAt | null;
  readonly moment: { readonly events: number; readonly t_ms: number; readonly changes: readonly unknown[] } | null;
}

/** ms with at most 6 decimals (a nanosecond clock), no exponent */
const ms = (t: number) => String(Math.round(t * 1e6) / 1e6).replace(/e.*$/, '');

/** base64url of a scenario's text; the last one is kept, as the address bar is rewritten often with the same one */
let lastEncoded: { text: string; data: string } | null = null;
function encoded(text: string): string {
  if (lastEncoded?.text !== text) lastEncoded = { text, data: encodeScenarioLink(text) };
  return lastEncoded.data;
}

/** The fragment of a link (without '#'): empty at the start of a plain preset. */
export function fragmentOf(i: LinkInput): string {
  const out: string[] = [];
  if (i.preset === null && i.scenario !== null) out.push(`scenario=${encoded(i.scenario)}`);
  if (i.lesson) out.push(`lesson=${i.lesson.id}.${i.lesson.step + 1}.${i.lesson.seed}`);
  const m = i.moment;
  if (m && (m.events > 0 || m.changes.length > 0)) {
    out.push(`t=${ms(m.t_ms)}`, `e=${m.events}`);
    if (m.changes.length > 0) out.push(`c=${encodeScenarioLink(JSON.stringify(m.changes))}`);
  }
  return out.join('&');
}

/**
 * The link for `i`, made from `base` (the page's own URL): its other query parameters (projector, embed…) stay,
 * ?lang= and ?preset= are set from `i`, the fragment is replaced.
 */
export function linkOf(base: URL, i: LinkInput): URL {
  const url = new URL(base.href);
  url.searchParams.set('lang', i.lang);
  if (i.preset !== null) url.searchParams.set('preset', i.preset);
  else url.searchParams.delete('preset');
  const f = fragmentOf(i);
  url.hash = f === '' ? '' : `#${f}`;
  return url;
}
