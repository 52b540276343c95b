// The knobs panel's messages in every language: keys 'knobs.…'. English defines the keys; zh-CN must give all of
// them (checked by type here and by tests/ui/i18n.test.ts for placeholders). Kernel names stay untranslated.
export const knobsEn = {
} as const satisfies Record<`knobs.${string}`, string>;

export const knobsZhCN: Readonly<Record<keyof typeof knobsEn, string>> = {
};
