// The queues panel's messages in every language: keys 'queues.…'. English defines the keys; zh-CN must give all of
// them (checked by type here and by tests/ui/i18n.test.ts for placeholders). Kernel names stay untranslated.
export const queuesEn = {
  'queues.heading': 'The listener’s two queues',
  'queues.syn': 'SYN queue',
  'queues.syn_hint': 'request socks in SYN_RECV',
  'queues.accept': 'Accept queue',
  'queues.accept_hint': 'established, waiting for accept()',
  'queues.count': '{len} of {limit}',
  'queues.full': 'full',
  'queues.not_listening': 'not listening',
  'queues.capacity_note': 'Each queue takes backlog + 1 entries before the kernel calls it full.',
} as const satisfies Record<`queues.${string}`, string>;

export const queuesZhCN: Readonly<Record<keyof typeof queuesEn, string>> = {
  'queues.heading': '监听套接字的两个队列',
  'queues.syn': '半连接队列',
  'queues.syn_hint': 'SYN_RECV 状态的请求套接字',
  'queues.accept': '全连接队列',
  'queues.accept_hint': '已建立，等待 accept()',
  'queues.count': '{len} / {limit}',
  'queues.full': '已满',
  'queues.not_listening': '未监听',
  'queues.capacity_note': '每个队列可容纳 backlog + 1 个条目，超过后内核认为队列已满。',
};
