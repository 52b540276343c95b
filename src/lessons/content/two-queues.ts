// Lesson 2: one queue or two — 4.4BSD's single limit, Linux before 2.2, and Linux 6.18's SYN queue and accept queue.
// Kernel: inet_csk_reqsk_queue_is_full() (include/net/inet_connection_sock.h), tcp_conn_request() and
// tcp_syn_flood_action() (net/ipv4/tcp_input.c), sk_acceptq_is_full() (include/net/sock.h).
import type { Lesson } from '../types.ts';
import { at, normal, num, tx } from './helpers.ts';

export const twoQueuesLesson: Lesson = {
  id: 'two-queues',
  title: tx('One queue or two?', '一个队列，还是两个？'),
  summary: tx(
    'BSD’s single limit, Linux before 2.2, and the SYN queue and accept queue of Linux today.',
    'BSD 的单一上限、Linux 2.2 之前的做法，以及今天 Linux 的半连接队列和全连接队列。',
  ),
  beliefs: [
    {
      myth: tx('“The backlog is the size of the SYN queue.”', '“backlog 就是半连接队列的长度。”'),
      fact: tx(
        'Since Linux 2.2 the backlog limits the accept queue; in 6.18 the same number also limits the SYN queue, each queue on its own.',
        '从 Linux 2.2 起，backlog 限制的是全连接队列；在 6.18 中，同一个数也限制半连接队列，两个队列各算各的。',
      ),
    },
    {
      myth: tx(
        '“Half-open and established connections share one limit, as in BSD.”',
        '“半连接和已建立的连接共用一个上限，跟 BSD 一样。”',
      ),
      fact: tx('Linux has two queues and two separate checks.', 'Linux 有两个队列、两次独立的检查。'),
    },
  ],
  params: (r) => {
    const b = r.pick([4, 5, 6, 8, 10]);
    const n = 2 * b + r.int(3, 6);
    return { b, b1: b + 1, bsd: Math.floor((3 * b) / 2) + 1, n, spread: 5 * (n - 1), D: r.pick([400, 500, 600]) };
  },
  scenarios: {
    slow: (p) => ({
      sysctl: { 'net.ipv4.tcp_syncookies': 0 },
      server: { backlog: p.b },
      clients: [normal(p.n, 0, 5, p.D)],
      duration_ms: 3000,
      setup: tx(
        'listen(fd, {b}), tcp_syncookies = 0, no accept(); {n} clients send a SYN within {spread} ms, and each sends its final ACK {D} ms after the SYN-ACK.',
        'listen(fd, {b})，tcp_syncookies = 0，不调用 accept()；{n} 个客户端在 {spread} 毫秒内发出 SYN，各自在收到 SYN-ACK {D} 毫秒后才发最后的 ACK。',
      ),
    }),
  },
  steps: [
    {
      scenario: 'slow',
      at_ms: at(0),
      highlight: 'queues',
      text: tx(
        'A connection reaches a server in two stages: half-open (the SYN has arrived, the handshake is not finished), then established and waiting for `accept()`. Where each stage waits, and what the backlog limits, has changed over time:\n\n- 4.4BSD kept two lists under one limit: a new connection was refused when half-open + established > 3/2 × backlog.\n- Linux before 2.2: the backlog limited the half-open connections.\n- Linux since 2.2: the backlog limits the accept queue of established connections; half-open ones (request socks) wait in the SYN queue.\n\nThis lab runs Linux 6.18. Its clients are slow to send their final ACK, so the half-open stage lasts {D} ms.',
        '一个连接到达服务器要经过两个阶段：先是半连接（SYN 到了，握手还没完成），然后是已建立、等待 `accept()`。这两个阶段在哪里排队、backlog 限制的是哪一个，历史上变过几次：\n\n- 4.4BSD：两个链表，一个上限——半连接数 + 已建立数 > 3/2 × backlog 时拒绝新连接。\n- Linux 2.2 之前：backlog 限制的是半连接。\n- Linux 2.2 之后：backlog 限制由已建立连接组成的全连接队列；半连接（request sock）在半连接队列里等待。\n\n本实验模拟 Linux 6.18。这里的客户端发最后一个 ACK 很慢，半连接阶段会持续 {D} 毫秒。',
      ),
    },
    {
      scenario: 'slow',
      at_ms: at(0),
      text: tx(
        '`listen(fd, {b})`, `tcp_syncookies` = 0. {n} clients send their SYN within {spread} ms; their ACKs come only after {D} ms.',
        '`listen(fd, {b})`，`tcp_syncookies` = 0。{n} 个客户端在 {spread} 毫秒内发出 SYN，ACK 要到 {D} 毫秒后才来。',
      ),
      predict: {
        question: tx(
          'Before any ACK arrives, how many half-open connections (request socks) does the SYN queue hold?',
          '在任何 ACK 到达之前，半连接队列里有多少个半连接（request sock）？',
        ),
        choices: (p) => [
          num(p.b, 'backlog'),
          num(p.b + 1, 'backlog + 1'),
          num(p.bsd, tx('⌊3 × backlog / 2⌋ + 1: BSD’s limit on both stages', '⌊3 × backlog / 2⌋ + 1：BSD 对两个阶段合计的上限')),
          num(p.n, tx('every client: tcp_max_syn_backlog is far larger', '所有客户端：tcp_max_syn_backlog 大得多')),
        ],
        conceal: ['queues', 'counters', 'clients', 'log'],
        reveal: { at_ms: (p) => p.D - 50, highlight: 'queues' },
        read: { kind: 'syn_len' },
        shows: tx('The SYN queue holds {observed} request socks.', '半连接队列里有 {observed} 个 request sock。'),
        why: () => tx(
          'In Linux 6.18, `inet_csk_reqsk_queue_is_full()` tests `qlen > sk_max_ack_backlog`: the SYN queue is limited by the same backlog as the accept queue, and it too is full at backlog + 1 = {b1}. (Linux 4.4 to about 6.12 tested `qlen >= backlog`: one fewer.) `tcp_max_syn_backlog` is not this limit — lesson 8 shows where it counts.',
          '在 Linux 6.18 中，`inet_csk_reqsk_queue_is_full()` 判断的是 `qlen > sk_max_ack_backlog`：半连接队列和全连接队列受同一个 backlog 限制，也是在 backlog + 1 = {b1} 个时才满。（Linux 4.4 到 6.12 左右用的是 `qlen >= backlog`，少一个。）这里的上限不是 `tcp_max_syn_backlog`——它在哪里起作用，见第 8 课。',
        ),
        claims: (p) => p.b + 1,
      },
      corrects: [0],
    },
    {
      scenario: 'slow',
      at_ms: (p) => p.D - 50,
      highlight: 'queues',
      text: tx(
        'The SYN queue is full, and cookies are off. What happened to the SYNs that came after?',
        '半连接队列已满，SYN cookie 又是关着的。后面来的 SYN 怎么样了？',
      ),
      predict: {
        question: tx(
          '{n} clients sent a SYN. How many SYNs were dropped (`TCPReqQFullDrop`)?',
          '{n} 个客户端各发了一个 SYN。有多少个 SYN 被丢弃（`TCPReqQFullDrop`）？',
        ),
        choices: (p) => [
          num(0, tx('none: they wait for a free slot', '一个也没有：它们在等空位')),
          num(p.n - p.b - 1, tx('clients − (backlog + 1)', '客户端数 − (backlog + 1)')),
          num(p.n - p.b, tx('clients − backlog', '客户端数 − backlog')),
          num(p.n - p.bsd, tx('clients − BSD’s limit', '客户端数 − BSD 的上限')),
        ],
        conceal: ['counters', 'log', 'clients'],
        reveal: { at_ms: (p) => p.D - 50, highlight: 'counters' },
        read: { kind: 'counter', field: 'TCPReqQFullDrop' },
        shows: tx('`TCPReqQFullDrop` = {observed}.', '`TCPReqQFullDrop` 为 {observed}。'),
        why: () => tx(
          'When the SYN queue is full, `tcp_conn_request()` calls `tcp_syn_flood_action()`. With cookies off it drops the SYN — counting `TCPReqQFullDrop` and `ListenDrops` — and sends nothing back. There is no waiting room: each of those clients will simply retransmit its SYN after 1 s.',
          '半连接队列满时，`tcp_conn_request()` 调用 `tcp_syn_flood_action()`。SYN cookie 关闭时它直接丢弃这个 SYN（计入 `TCPReqQFullDrop` 和 `ListenDrops`），不回任何包。没有“候补区”：这些客户端只能在 1 秒后重传 SYN。',
        ),
        claims: (p) => p.n - p.b - 1,
      },
    },
    {
      scenario: 'slow',
      at_ms: (p) => p.D + 200,
      highlight: 'queues',
      text: tx(
        'The ACKs have arrived. Each turned a request sock into an established socket, which moved to the accept queue: the SYN queue is empty again, the accept queue holds {b1}.\n\nTwo queues, two checks, one number: each queue holds at most backlog + 1. On 4.4BSD a backlog of {b} allowed ⌊3 × {b} / 2⌋ + 1 = {bsd} connections in both stages together.\n\nThe clients dropped earlier retransmit their SYN at 1 s. Now they meet the other check, `sk_acceptq_is_full()`, and are dropped again — counted as `ListenOverflows` this time. Press Play to watch.',
        'ACK 都到了。每个 ACK 把一个 request sock 变成已建立的套接字，移进全连接队列：半连接队列又空了，全连接队列里有 {b1} 个。\n\n两个队列、两次检查、同一个数：每个队列最多放 backlog + 1 个。在 4.4BSD 上，backlog 为 {b} 时，两个阶段合计最多 ⌊3 × {b} / 2⌋ + 1 = {bsd} 个连接。\n\n先前被丢掉的客户端会在 1 秒时重传 SYN。这一次它们碰上的是另一道检查 `sk_acceptq_is_full()`，又被丢弃——这回计入的是 `ListenOverflows`。按“播放”看看。',
      ),
      corrects: [1],
    },
  ],
};
