// zh-CN is complete by type; this checks what types cannot: the same placeholders in every language, no empty
// message, and the language chosen from the URL.
import { describe, expect, it } from 'vitest';
import { MESSAGES, langFrom, translator } from '../../src/ui/i18n/index.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  it('gives every key in every language with the same placeholders', () => {
    const en = MESSAGES.en;
    for (const [lang, msgs] of Object.entries(MESSAGES)) {
      expect(Object.keys(msgs).sort(), lang).toEqual(Object.keys(en).sort());
      for (const k of Object.keys(en) as (keyof typeof en)[]) {
        expect(msgs[k].trim().length, `${lang} ${k}`).toBeGreaterThan(0);
        expect(placeholders(msgs[k]), `${lang} ${k}`).toEqual(placeholders(en[k]));
      }
    }
  });

  it('fills placeholders', () => {
    expect(translator('zh-CN')('queues.count', { len: 3, limit: 5 })).toBe('3 / 5');
    expect(translator('en')('summary.requested', { n: 128 })).toBe('asked listen(fd, 128)');
  });

  it('takes the language from ?lang=, else the browser', () => {
    expect(langFrom('?lang=zh-CN', 'en-US')).toBe('zh-CN');
    expect(langFrom('?lang=en', 'zh-CN')).toBe('en');
    expect(langFrom('?lang=fr', 'zh-TW')).toBe('zh-CN');
    expect(langFrom('', undefined)).toBe('en');
  });
});
