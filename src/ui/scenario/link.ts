// Scenario links: `#scenario=` followed by the base64url (RFC 4648 §5, no padding) of the scenario's JSON as UTF-8.
// The fragment never reaches a server, so a link carries the whole scenario without any upload. Reading a link is
// checked like any outside input: it yields the text, or a problem that says what is wrong with it.
import { MAX_SCENARIO_CHARS } from '../../worker/protocol.ts';
import type { Problem } from '../../store/run.ts';

export const LINK_PREFIX = '#scenario=';
/** the label of a scenario opened from a link (the store's `custom`) */
export const LINK_LABEL = 'link';

/** base64url needs 4 characters for every 3 bytes, and a UTF-8 character takes at most 3 bytes per UTF-16 unit */
const MAX_LINK_CHARS = Math.ceil((MAX_SCENARIO_CHARS * 3 * 4) / 3);
const CHUNK = 0x8000;

export function encodeScenarioLink(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  // String.fromCharCode(...all) would overflow the call stack on a large scenario
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export type LinkRead = { readonly kind: 'none' } | { readonly kind: 'text'; readonly text: string } | { readonly kind: 'bad'; readonly problem: Problem };

const bad = (code: Problem['code'], message: string): LinkRead => ({ kind: 'bad', problem: { code, issues: [{ path: LINK_PREFIX, message }] } });

/**
 * The scenario text a location hash carries. Lenient where it costs nothing (standard base64 `+/`, `=` padding, a
 * percent-encoded fragment, as chat programs rewrite links), strict about everything else.
 */
export function readScenarioHash(hash: string): LinkRead {
  if (!hash.startsWith(LINK_PREFIX)) return { kind: 'none' };
  let data = hash.slice(LINK_PREFIX.length);
  if (data.length > MAX_LINK_CHARS) return bad('too_large', `${data.length} characters; a link holds at most ${MAX_SCENARIO_CHARS} characters of JSON`);
  try {
    data = decodeURIComponent(data);
  } catch {
    return bad('bad_link', 'not a valid percent-encoded URL fragment');
  }
  data = data.replace(/=+$/, '');
  if (data === '') return bad('bad_link', 'empty: nothing follows #scenario=');
  const wrong = data.search(/[^A-Za-z0-9\-_+/]/);
  if (wrong >= 0) return bad('bad_link', `not base64url: ${JSON.stringify(data[wrong])} at position ${wrong}`);
  if (data.length % 4 === 1) return bad('bad_link', 'not base64url: cut off (its length is one more than a multiple of 4)');
  const binary = atob(data.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return bad('bad_link', 'the decoded bytes are not UTF-8 text');
  }
  if (text.length > MAX_SCENARIO_CHARS) return bad('too_large', `${text.length} characters; at most ${MAX_SCENARIO_CHARS}`);
  return { kind: 'text', text };
}
