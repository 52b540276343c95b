// The terminal panel's messages in every language: keys 'terminal.…'. English defines the keys; zh-CN must give all of
// them (checked by type here and by tests/ui/i18n.test.ts for placeholders). Kernel names stay untranslated.
export const terminalEn = {
} as const satisfies Record<`terminal.${string}`, string>;

export const terminalZhCN: Readonly<Record<keyof typeof terminalEn, string>> = {
};
