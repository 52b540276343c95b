// The log panel's messages in every language: keys 'log.…'. English defines the keys; zh-CN must give all of
// them (checked by type here and by tests/ui/i18n.test.ts for placeholders). Kernel names stay untranslated.
export const logEn = {
} as const satisfies Record<`log.${string}`, string>;

export const logZhCN: Readonly<Record<keyof typeof logEn, string>> = {
};
