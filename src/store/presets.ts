// Slice: the preset scenarios listed in public/scenarios/index.json, and which one is chosen.
import type { Issue } from '../worker/protocol.ts';

export interface PresetEntry {
  readonly id: string;
  /** file name next to index.json */
  readonly file: string;
  readonly title: string;
  readonly title_zh: string;
}

export type PresetList =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly entries: readonly PresetEntry[]; readonly default_id: string }
  | { readonly status: 'error'; readonly issues: readonly Issue[] };

export interface PresetsSlice {
  readonly presets: PresetList;
  readonly selected: string | null;
  /** the name of a scenario that is not a preset (an imported file, a #scenario= link), else null */
  readonly custom: string | null;
}

export const initialPresets: PresetsSlice = { presets: { status: 'loading' }, selected: null, custom: null };
