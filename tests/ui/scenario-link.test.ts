// Scenario links (#scenario=<base64url of the JSON as UTF-8>): any text survives the round trip, Chinese titles and
// characters outside the BMP included; what is not such a link says why, and a link longer than the worker would take
// is refused before it is decoded.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LINK_PREFIX, encodeScenarioLink, readScenarioHash } from '../../src/ui/scenario/link.ts';
import { MAX_SCENARIO_CHARS } from '../../src/worker/protocol.ts';

const open = (text: string) => readScenarioHash(LINK_PREFIX + encodeScenarioLink(text));
const problemOf = (hash: string) => {
  const r = readScenarioHash(hash);
  return r.kind === 'bad' ? { code: r.problem.code, message: r.problem.issues[0].message } : r;
};

describe('encodeScenarioLink / readScenarioHash', () => {
  it('round-trips a preset with its zh-CN title and explanation', () => {
    const text = readFileSync(new URL('../../public/scenarios/syn-flood-cookies.json', import.meta.url), 'utf8');
    expect(text).toMatch(/同样的洪泛/);
    const encoded = encodeScenarioLink(text);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(readScenarioHash(LINK_PREFIX + encoded)).toEqual({ kind: 'text', text });
  });

  it('round-trips any string, surrogate pairs included', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
      expect(open(s)).toEqual(s === '' ? { kind: 'bad', problem: expect.anything() } : { kind: 'text', text: s });
    }));
    expect(open('{"title_zh":"半连接队列 🧪"}')).toEqual({ kind: 'text', text: '{"title_zh":"半连接队列 🧪"}' });
  });

  it('uses the URL-safe alphabet without padding', () => {
    // standard base64 writes these Pz8+ and Pz8/; "{}" is e30= with padding
    expect(encodeScenarioLink('{}')).toBe('e30');
    expect(encodeScenarioLink('??>')).toBe('Pz8-');
    expect(encodeScenarioLink('???')).toBe('Pz8_');
  });

  it('encodes a scenario of the largest size without overflowing the stack', () => {
    const big = 'x'.repeat(MAX_SCENARIO_CHARS);
    expect(open(big)).toEqual({ kind: 'text', text: big });
  });

  it('accepts what chat programs and other encoders make of a link: padding, + and /, percent-encoding', () => {
    expect(readScenarioHash('#scenario=e30=')).toEqual({ kind: 'text', text: '{}' });
    expect(readScenarioHash('#scenario=e30%3D')).toEqual({ kind: 'text', text: '{}' });
    expect(readScenarioHash('#scenario=Pz8+')).toEqual({ kind: 'text', text: '??>' });
    expect(readScenarioHash('#scenario=Pz8/')).toEqual({ kind: 'text', text: '???' });
  });

  it('ignores other fragments', () => {
    for (const h of ['', '#', '#top', '#scenario', '#preset=x']) expect(readScenarioHash(h)).toEqual({ kind: 'none' });
  });

  it('says what is wrong with a broken link', () => {
    expect(problemOf('#scenario=')).toEqual({ code: 'bad_link', message: 'empty: nothing follows #scenario=' });
    expect(problemOf('#scenario=ab$c')).toEqual({ code: 'bad_link', message: 'not base64url: "$" at position 2' });
    expect(problemOf('#scenario=abc d')).toEqual({ code: 'bad_link', message: 'not base64url: " " at position 3' });
    expect(problemOf('#scenario=abcde')).toMatchObject({ code: 'bad_link', message: expect.stringMatching(/cut off/) });
    expect(problemOf('#scenario=%E0%A4%A')).toEqual({ code: 'bad_link', message: 'not a valid percent-encoded URL fragment' });
    // 0xff 0xfe 0xfd is not UTF-8
    expect(problemOf('#scenario=__79')).toEqual({ code: 'bad_link', message: 'the decoded bytes are not UTF-8 text' });
  });

  it('refuses a link that holds more than the worker takes, before decoding it', () => {
    const r = problemOf(`#scenario=${'A'.repeat(4 * MAX_SCENARIO_CHARS + 4)}`);
    expect(r).toMatchObject({ code: 'too_large' });
    const over = problemOf(LINK_PREFIX + encodeScenarioLink('y'.repeat(MAX_SCENARIO_CHARS + 1)));
    expect(over).toEqual({ code: 'too_large', message: `${MAX_SCENARIO_CHARS + 1} characters; at most ${MAX_SCENARIO_CHARS}` });
  });
});
