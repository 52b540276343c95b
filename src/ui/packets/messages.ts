// The packets panel's messages in every language: keys 'packets.…'. English defines the keys; zh-CN must give all of
// them (checked by type here and by tests/ui/i18n.test.ts for placeholders). Kernel names stay untranslated.
export const packetsEn = {
} as const satisfies Record<`packets.${string}`, string>;

export const packetsZhCN: Readonly<Record<keyof typeof packetsEn, string>> = {
};
