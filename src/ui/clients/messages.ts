// The clients panel's messages in every language: keys 'clients.…'. English defines the keys; zh-CN must give all of
// them (checked by type here and by tests/ui/i18n.test.ts for placeholders). Kernel names stay untranslated.
export const clientsEn = {
  'outcomes.heading': 'How the clients fared',
  'outcome.accepted': 'accepted',
  'outcome.established': 'established, never accepted',
  'outcome.reset': 'reset',
  'outcome.timed_out': 'timed out',
  'outcome.pending': 'still waiting',
  'outcome.spoofed': 'spoofed (flood)',
} as const satisfies Record<`clients.${string}` | `outcome.${string}` | `outcomes.${string}`, string>;

export const clientsZhCN: Readonly<Record<keyof typeof clientsEn, string>> = {
  'outcomes.heading': '客户端结果',
  'outcome.accepted': '已被 accept()',
  'outcome.established': '已建立但未被 accept()',
  'outcome.reset': '被重置',
  'outcome.timed_out': '超时放弃',
  'outcome.pending': '仍在等待',
  'outcome.spoofed': '伪造（洪泛）',
};
