// The translation keys, typed from the English messages, and the shape every language must fill.
import type { en } from './en.ts';

export type MsgKey = keyof typeof en;
export type Messages = Readonly<Record<MsgKey, string>>;
export type Vars = Readonly<Record<string, string | number>>;
