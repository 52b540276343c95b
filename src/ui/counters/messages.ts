// The counters panel's messages in every language: keys 'counters.…'. English defines the keys; zh-CN must give all of
// them (checked by type here and by tests/ui/i18n.test.ts for placeholders). Kernel names stay untranslated.
export const countersEn = {
  'counters.heading': 'Counters (nstat -az)',
  'counters.others': 'Other counters that moved',
  'counter.ListenOverflows': 'accept queue was full when a SYN or ACK came',
  'counter.ListenDrops': 'segments the listener dropped (overflows included)',
  'counter.TCPReqQFullDrop': 'SYN dropped: SYN queue full, no cookies',
  'counter.TCPReqQFullDoCookies': 'SYN queue full: answered with a cookie',
  'counter.SyncookiesSent': 'SYN-ACKs carrying a cookie',
  'counter.SyncookiesRecv': 'ACKs with a valid cookie',
  'counter.SyncookiesFailed': 'ACKs whose cookie did not check out',
  'counter.TCPSynRetrans': 'SYN-ACKs sent again',
  'counter.TCPTimeouts': 'request timer firings',
  'counter.PassiveOpens': 'connections made from the listener',
  'counter.EmbryonicRsts': 'requests ended by a reset',
} as const satisfies Record<`counters.${string}` | `counter.${string}`, string>;

export const countersZhCN: Readonly<Record<keyof typeof countersEn, string>> = {
  'counters.heading': '计数器（nstat -az）',
  'counters.others': '其他有变化的计数器',
  'counter.ListenOverflows': '收到 SYN 或 ACK 时全连接队列已满',
  'counter.ListenDrops': '监听套接字丢弃的报文（含溢出）',
  'counter.TCPReqQFullDrop': '半连接队列满且无 cookie，丢弃 SYN',
  'counter.TCPReqQFullDoCookies': '半连接队列满，改用 SYN cookie 应答',
  'counter.SyncookiesSent': '携带 cookie 的 SYN-ACK',
  'counter.SyncookiesRecv': 'cookie 有效的 ACK',
  'counter.SyncookiesFailed': 'cookie 校验失败的 ACK',
  'counter.TCPSynRetrans': '重传的 SYN-ACK',
  'counter.TCPTimeouts': '请求定时器触发次数',
  'counter.PassiveOpens': '由监听套接字建立的连接',
  'counter.EmbryonicRsts': '因 RST 终止的半连接请求',
};
