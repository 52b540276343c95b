// The clients panel's messages in every language: keys 'clients.…' (and the end-of-run 'outcome(s).…'). English
// defines the keys; zh-CN must give all of them (checked by type here and by tests/ui/i18n.test.ts for
// placeholders). Kernel names, errno names and sysctl names stay untranslated.
export const clientsEn = {
  'clients.heading': 'What connect() saw',
  'clients.explain': 'Explain',
  'clients.col_connect': 'connect()',
  'clients.total': '{n} clients',
  'clients.bar_label': 'Clients by what connect() saw',

  'clients.exp.accepted': 'accepted',
  'clients.exp.queued': 'queued',
  'clients.exp.stalled': 'stalled',
  'clients.exp.refused': 'refused',
  'clients.exp.timed_out': 'timed out',
  'clients.exp.retrying': 'retrying',
  'clients.exp.waiting': 'not started',

  'clients.sees.accepted': 'returned 0',
  'clients.sees.queued': 'returned 0',
  'clients.sees.stalled': 'returned 0',
  'clients.sees.refused': 'got a RST',
  'clients.sees.timed_out': 'ETIMEDOUT',
  'clients.sees.retrying': 'still blocked',
  'clients.sees.waiting': 'not called yet',

  'clients.why.accepted': 'Connected, and the application’s accept() has taken its socket.',
  'clients.why.queued': 'Connected; its socket waits in the accept queue until the application calls accept().',
  'clients.why.stalled':
    'The client thinks it is connected, but the server dropped its ACK because the accept queue was full: no socket waits for it in the accept queue. Its request stays in the SYN queue until an ACK that answers a retransmitted SYN-ACK finds room, or the server gives up after tcp_synack_retries.',
  'clients.why.refused':
    'The server answered with a RST. Before connect() returned, it fails with ECONNREFUSED (nothing listens on the port); after (tcp_abort_on_overflow = 1 resets a client whose ACK found the accept queue full), the next read or write fails with ECONNRESET.',
  'clients.why.timed_out': 'No SYN-ACK came back in time: it gave up after tcp_syn_retries SYN retransmissions.',
  'clients.why.retrying': 'No SYN-ACK has come back yet; the client keeps retransmitting its SYN (1 s, 2 s, 4 s, …).',
  'clients.why.waiting': 'Its connect() has not started yet.',

  'clients.spoofed': 'Spoofed SYNs sent: {n} (nobody answers their SYN-ACKs)',
  'clients.watched': 'Watched clients',
  'clients.col_id': 'Client',
  'clients.col_syn': 'SYN sent',
  'clients.col_synack': 'SYN-ACK recv',
  'clients.col_ack': 'ACK sent',
  'clients.kind_spoofed': 'spoofed',
  'clients.errno_reset': 'ECONNRESET',
  'clients.errno_refused': 'ECONNREFUSED',
  'clients.none_watched': 'No client is watched.',

  'outcomes.heading': 'Result file (end of run)',
  'outcome.accepted': 'accepted',
  'outcome.established': 'established, never accepted',
  'outcome.reset': 'reset',
  'outcome.timed_out': 'timed out',
  'outcome.pending': 'still waiting',
  'outcome.spoofed': 'spoofed (flood)',
} as const satisfies Record<`clients.${string}` | `outcome.${string}` | `outcomes.${string}`, string>;

export const clientsZhCN: Readonly<Record<keyof typeof clientsEn, string>> = {
  'clients.heading': 'connect() 的结果',
  'clients.explain': '说明',
  'clients.col_connect': 'connect()',
  'clients.total': '共 {n} 个客户端',
  'clients.bar_label': '按 connect() 结果划分的客户端',

  'clients.exp.accepted': '已被 accept()',
  'clients.exp.queued': '排队中',
  'clients.exp.stalled': '假连接',
  'clients.exp.refused': '被拒绝',
  'clients.exp.timed_out': '超时',
  'clients.exp.retrying': '重试中',
  'clients.exp.waiting': '未开始',

  'clients.sees.accepted': '返回 0',
  'clients.sees.queued': '返回 0',
  'clients.sees.stalled': '返回 0',
  'clients.sees.refused': '收到 RST',
  'clients.sees.timed_out': 'ETIMEDOUT',
  'clients.sees.retrying': '仍在阻塞',
  'clients.sees.waiting': '尚未调用',

  'clients.why.accepted': '已连接，应用的 accept() 已取走它的套接字。',
  'clients.why.queued': '已连接，它的套接字在全连接队列中等待应用调用 accept()。',
  'clients.why.stalled':
    '客户端以为已经连接，但全连接队列已满，服务器丢弃了它的 ACK：全连接队列里没有它的套接字。它的请求留在半连接队列中，直到某个应答重传 SYN-ACK 的 ACK 遇到空位，或服务器在 tcp_synack_retries 次重传后放弃。',
  'clients.why.refused':
    '服务器回复了 RST。若 connect() 尚未返回，它以 ECONNREFUSED 失败（端口上无人监听）；若已返回（tcp_abort_on_overflow = 1 时，ACK 遇到已满的全连接队列会被重置），下一次读写以 ECONNRESET 失败。',
  'clients.why.timed_out': '迟迟收不到 SYN-ACK：重传 SYN 达 tcp_syn_retries 次后放弃。',
  'clients.why.retrying': '还没有收到 SYN-ACK，客户端仍在重传 SYN（1 秒、2 秒、4 秒……）。',
  'clients.why.waiting': '它的 connect() 还没有开始。',

  'clients.spoofed': '已发送伪造 SYN：{n} 个（它们的 SYN-ACK 无人回应）',
  'clients.watched': '跟踪的客户端',
  'clients.col_id': '客户端',
  'clients.col_syn': '发出 SYN',
  'clients.col_synack': '收到 SYN-ACK',
  'clients.col_ack': '发出 ACK',
  'clients.kind_spoofed': '伪造',
  'clients.errno_reset': 'ECONNRESET',
  'clients.errno_refused': 'ECONNREFUSED',
  'clients.none_watched': '没有跟踪任何客户端。',

  'outcomes.heading': '结果文件（运行结束时）',
  'outcome.accepted': '已被 accept()',
  'outcome.established': '已建立但未被 accept()',
  'outcome.reset': '被重置',
  'outcome.timed_out': '超时放弃',
  'outcome.pending': '仍在等待',
  'outcome.spoofed': '伪造（洪泛）',
};
