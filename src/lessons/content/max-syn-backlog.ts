// Lesson 8: net.ipv4.tcp_max_syn_backlog, and why raising it rarely helps on Linux 6.18.
// Kernel: tcp_conn_request() (net/ipv4/tcp_input.c: the "last quarter" rule and tcp_peer_is_proven()),
// inet_csk_reqsk_queue_is_full() (include/net/inet_connection_sock.h).
import type { Lesson } from '../types.ts';
import { at, num, secs, spoofed, tx } from './helpers.ts';

/** SYNs every 2 ms: 500 a second. */
const IV = 2;

export const maxSynBacklogLesson: Lesson = {
  id: 'max-syn-backlog',
  title: tx('tcp_max_syn_backlog, and why raising it rarely helps', 'tcp_max_syn_backlog：为什么调大它很少管用'),
  summary: tx(
    'The sysctl named after the SYN queue does not size it. Where 6.18 reads it, and when that matters.',
    '这个以半连接队列命名的 sysctl 并不决定队列的大小。6.18 在哪里读它，什么时候才有影响。',
  ),
  beliefs: [
    {
      myth: tx('“tcp_max_syn_backlog is the length of the SYN queue.”', '“tcp_max_syn_backlog 就是半连接队列的长度。”'),
      fact: tx(
        'In 6.18 the backlog limits the SYN queue; tcp_max_syn_backlog only drives a drop rule when cookies are off.',
        '在 6.18 中，限制半连接队列的是 backlog；tcp_max_syn_backlog 只在关闭 cookie 时驱动一条丢弃规则。',
      ),
    },
    {
      myth: tx('“Raise tcp_max_syn_backlog to survive a SYN flood.”', '“调大 tcp_max_syn_backlog 就能扛住 SYN 洪泛。”'),
      fact: tx(
        'SYN cookies are the defence; with cookies on (the default) tcp_max_syn_backlog is never even read.',
        '真正的防线是 SYN cookie；而开着 cookie（默认如此）时，tcp_max_syn_backlog 根本不会被读取。',
      ),
    },
  ],
  params: (r) => {
    const b = r.pick([16, 32, 64, 128]);
    const F1 = b + 1 + r.int(20, 60);
    const M2 = r.pick([128, 256, 512]);
    const cap = M2 - (M2 >> 2) + 1;
    const F2 = cap + r.int(30, 100);
    const T1 = (F1 - 1) * IV + IV / 2;
    const T2 = (F2 - 1) * IV + IV / 2;
    return {
      b, b1: b + 1, M: r.pick([4096, 8192, 16384, 65536]), T1, T1_s: secs(T1),
      B2: r.pick([1024, 2048, 4096]), M2, q: M2 >> 2, cap, T2, T2_s: secs(T2),
    };
  },
  scenarios: {
    raised: (p) => ({
      sysctl: { 'net.ipv4.tcp_syncookies': 0, 'net.ipv4.tcp_max_syn_backlog': p.M },
      server: { backlog: p.b },
      clients: [spoofed(1500, 0, IV)],
      duration_ms: 3000,
      setup: tx(
        'listen(fd, {b}), tcp_syncookies = 0, tcp_max_syn_backlog raised to {M}; forged SYNs at 500 per second.',
        'listen(fd, {b})，tcp_syncookies = 0，tcp_max_syn_backlog 调大到 {M}；每秒 500 个伪造 SYN。',
      ),
    }),
    big: (p) => ({
      sysctl: { 'net.ipv4.tcp_syncookies': 0, 'net.ipv4.tcp_max_syn_backlog': p.M2, 'net.core.somaxconn': 4096 },
      server: { backlog: p.B2 },
      clients: [spoofed(1500, 0, IV)],
      duration_ms: 3000,
      setup: tx(
        'listen(fd, {B2}) with somaxconn 4096, tcp_syncookies = 0, tcp_max_syn_backlog = {M2}; forged SYNs at 500 per second.',
        'listen(fd, {B2})，somaxconn 为 4096，tcp_syncookies = 0，tcp_max_syn_backlog = {M2}；每秒 500 个伪造 SYN。',
      ),
    }),
  },
  steps: [
    {
      scenario: 'raised',
      at_ms: at(0),
      highlight: 'knobs',
      text: tx(
        'A popular tip against SYN floods: raise `net.ipv4.tcp_max_syn_backlog`. Here an administrator followed it and set {M}. The server calls `listen(fd, {b})`, cookies are off, and a flood of 500 forged SYNs per second begins.',
        '一条流传很广的防 SYN 洪泛建议：调大 `net.ipv4.tcp_max_syn_backlog`。这里管理员照做了，设成了 {M}。服务器调用 `listen(fd, {b})`，SYN cookie 关闭，每秒 500 个伪造 SYN 的洪泛开始了。',
      ),
    },
    {
      scenario: 'raised',
      at_ms: at(0),
      text: tx('`listen(fd, {b})`, `tcp_max_syn_backlog` = {M}, cookies off.', '`listen(fd, {b})`，`tcp_max_syn_backlog` = {M}，关闭 cookie。'),
      predict: {
        question: tx('At {T1_s} s, how many request socks are in the SYN queue?', '到 {T1_s} 秒时，半连接队列里有多少个 request sock？'),
        choices: (p) => [
          num(p.b, 'backlog'),
          num(p.b1, 'backlog + 1'),
          num(p.M, 'tcp_max_syn_backlog'),
          num(p.M - (p.M >> 2) + 1, tx('three quarters of tcp_max_syn_backlog, + 1', 'tcp_max_syn_backlog 的四分之三，+ 1')),
        ],
        conceal: ['queues', 'counters', 'log'],
        reveal: { at_ms: (p) => p.T1, highlight: 'queues' },
        read: { kind: 'syn_len' },
        shows: tx('The SYN queue holds {observed} request socks.', '半连接队列里有 {observed} 个 request sock。'),
        why: () => tx(
          'In Linux 6.18 the SYN queue is limited by the backlog: `inet_csk_reqsk_queue_is_full()` compares `qlen` with `sk_max_ack_backlog`, so it is full at {b1}. Raising `tcp_max_syn_backlog` changed nothing. The tip comes from kernels before 4.4, where `listen()` sized the SYN table from min(backlog, `tcp_max_syn_backlog`) — and even then the backlog had to be raised too.',
          '在 Linux 6.18 中，半连接队列受 backlog 限制：`inet_csk_reqsk_queue_is_full()` 拿 `qlen` 和 `sk_max_ack_backlog` 比较，所以到 {b1} 个就满了。调大 `tcp_max_syn_backlog` 什么也没改变。这条建议来自 4.4 之前的内核：那时 `listen()` 按 min(backlog, `tcp_max_syn_backlog`) 分配 SYN 表——即便如此，backlog 也得一起调大才行。',
        ),
        claims: (p) => p.b1,
      },
      corrects: [0],
    },
    {
      scenario: 'big',
      at_ms: at(0),
      highlight: 'knobs',
      text: tx(
        'Now the opposite: a server with a big backlog, `listen(fd, {B2})`, on a machine where `tcp_max_syn_backlog` is only {M2}. Cookies are still off, and the same flood arrives.',
        '再看反过来的情形：服务器的 backlog 很大，`listen(fd, {B2})`，而这台机器的 `tcp_max_syn_backlog` 只有 {M2}。cookie 依然关闭，同样的洪泛来了。',
      ),
      predict: {
        question: tx('At {T2_s} s, how many request socks are in the SYN queue?', '到 {T2_s} 秒时，半连接队列里有多少个 request sock？'),
        choices: (p) => [
          num(p.B2 + 1, 'backlog + 1'),
          num(p.M2, 'tcp_max_syn_backlog'),
          num(p.M2 + 1, 'tcp_max_syn_backlog + 1'),
          num(p.cap, tx('tcp_max_syn_backlog − tcp_max_syn_backlog / 4 + 1', 'tcp_max_syn_backlog − tcp_max_syn_backlog / 4 + 1')),
        ],
        conceal: ['queues', 'counters', 'log'],
        reveal: { at_ms: (p) => p.T2, highlight: 'queues' },
        read: { kind: 'syn_len' },
        shows: tx('The SYN queue holds {observed} request socks.', '半连接队列里有 {observed} 个 request sock。'),
        why: () => tx(
          'This is the one place 6.18 reads `tcp_max_syn_backlog`. In `tcp_conn_request()`, when `tcp_syncookies` is 0, a SYN from a peer with no cached RTT (`tcp_peer_is_proven()`) is dropped once less than a quarter of `tcp_max_syn_backlog` is left: `{M2} − qlen < {M2} / 4`. So the queue stops at {M2} − {q} + 1 = {cap}; the last quarter is kept for peers the server has talked to before. These drops count only `ListenDrops`, not `TCPReqQFullDrop`.',
          '这是 6.18 唯一读取 `tcp_max_syn_backlog` 的地方。在 `tcp_conn_request()` 中，当 `tcp_syncookies` 为 0 时，如果对端没有缓存的 RTT（`tcp_peer_is_proven()`），一旦 `tcp_max_syn_backlog` 剩下的不足四分之一，即 `{M2} − qlen < {M2} / 4`，它的 SYN 就被丢弃。所以队列停在 {M2} − {q} + 1 = {cap}；最后四分之一留给服务器以前打过交道的对端。这类丢弃只计入 `ListenDrops`，不计入 `TCPReqQFullDrop`。',
        ),
        claims: (p) => p.cap,
      },
      corrects: [0],
    },
    {
      scenario: 'big',
      at_ms: (p) => p.T2,
      highlight: 'counters',
      text: tx(
        'So raising `tcp_max_syn_backlog` helps only when cookies are off and the backlog is larger than three quarters of it. With the default `tcp_syncookies` = 1 it is never read at all.\n\nAgainst a flood: keep SYN cookies on. For a longer SYN queue: raise the backlog (and `somaxconn`).',
        '所以，只有在关闭 cookie、且 backlog 大于它的四分之三时，调大 `tcp_max_syn_backlog` 才有用。在默认的 `tcp_syncookies` = 1 下，它根本不会被读取。\n\n对付洪泛：保持 SYN cookie 开启。想要更长的半连接队列：调大 backlog（以及 `somaxconn`）。',
      ),
      corrects: [1],
    },
  ],
};
