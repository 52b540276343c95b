// Translation: typed keys, {name} placeholders, number formatting per language, and the language from the URL.
import type { Lang } from '../../store/prefs.ts';
import { isLang } from '../../store/prefs.ts';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';
import type { Messages, MsgKey, Vars } from './keys.ts';

export type { MsgKey, Vars } from './keys.ts';

export const MESSAGES: Readonly<Record<Lang, Messages>> = { en, 'zh-CN': zhCN };

export type Translate = (key: MsgKey, vars?: Vars) => string;

export function translator(lang: Lang): Translate {
  const msgs = MESSAGES[lang];
  return (key, vars) => (vars ? msgs[key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : msgs[key]);
}

/** `?lang=zh-CN` or `?lang=en` wins; else the browser's language; else English. */
export function langFrom(search: string, navigatorLang: string | undefined): Lang {
  const asked = new URLSearchParams(search).get('lang');
  if (isLang(asked)) return asked;
  return navigatorLang?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** Formats are made once per (language, digits): making one costs far more than using it, and panels format
 *  numbers on every frame. */
const FORMATS = new Map<string, Intl.NumberFormat>();

export function numberFormat(lang: Lang, maxFractionDigits = 0): Intl.NumberFormat {
  const key = `${lang}/${maxFractionDigits}`;
  let f = FORMATS.get(key);
  if (!f) FORMATS.set(key, (f = new Intl.NumberFormat(lang, { maximumFractionDigits: maxFractionDigits, minimumFractionDigits: maxFractionDigits })));
  return f;
}
