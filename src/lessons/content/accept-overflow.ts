// Lesson 3: the accept queue overflows under a slow application; the client thinks it is connected.
// Kernel: tcp_check_req() (net/ipv4/tcp_minisocks.c), tcp_v4_syn_recv_sock() (net/ipv4/tcp_ipv4.c),
// sk_acceptq_is_full() (include/net/sock.h); the client's tcp_finish_connect() (net/ipv4/tcp_input.c).
import type { Lesson } from '../types.ts';
import { at, normal, num, secs, tx } from './helpers.ts';

export const acceptOverflowLesson: Lesson = {
  id: 'accept-overflow',
  title: tx('The accept queue overflows', '全连接队列溢出'),
  summary: tx(
    'A slow application: clients whose connect() succeeded, with no socket on the server.',
    '应用太慢：connect() 已经成功的客户端，在服务器上却没有套接字。',
  ),
  beliefs: [
    {
      myth: tx('“If connect() succeeded, the server has the connection.”', '“connect() 成功了，服务器就一定有这个连接。”'),
      fact: tx(
        'connect() returns on the SYN-ACK. The server makes the socket only when the final ACK finds room in the accept queue.',
        'connect() 收到 SYN-ACK 就返回。服务器要等最后的 ACK 到来、全连接队列还有空位时，才创建套接字。',
      ),
    },
    {
      myth: tx('“When the accept queue overflows, the client gets a RST.”', '“全连接队列溢出时，客户端会收到 RST。”'),
      fact: tx(
        'By default (tcp_abort_on_overflow = 0) the ACK is dropped silently.',
        '默认（tcp_abort_on_overflow = 0）下，这个 ACK 被悄悄丢弃。',
      ),
    },
    {
      myth: tx('“ListenOverflows counts the clients that were turned away.”', '“ListenOverflows 统计的是被拒之门外的客户端数。”'),
      fact: tx('It counts dropped segments: one client can add to it many times.', '它统计的是被丢弃的报文：一个客户端可以让它加很多次。'),
    },
  ],
  params: (r) => {
    const b = r.pick([3, 4, 5, 6, 8]);
    // at most backlog slow clients: their request socks must all fit in the SYN queue (more would get SYN cookies)
    const k = r.pick([2, 3, 4].filter((x) => x <= b));
    const A = r.pick([4000, 5000]);
    const D = r.pick([250, 300, 400]);
    return { b, b1: b + 1, k, all: k + b + 1, D, A, A_s: secs(A), t: secs(7500 + D) };
  },
  scenarios: {
    slow: (p) => ({
      server: { backlog: p.b, accept: { mode: 'every', interval_ms: p.A, start_ms: p.A } },
      clients: [normal(p.k, 0, 10, p.D), normal(p.b1, 50, 10)],
      duration_ms: 9000,
      setup: tx(
        'listen(fd, {b}); the application calls accept() only every {A_s} s, the first time at {A_s} s. {k} clients on a slow link send their ACK {D} ms after the SYN-ACK; {b1} fast clients follow at 0.05 s.',
        'listen(fd, {b})；应用每 {A_s} 秒才调用一次 accept()，第一次在 {A_s} 秒。{k} 个慢链路客户端在收到 SYN-ACK {D} 毫秒后才发 ACK；{b1} 个快客户端在 0.05 秒时跟上。',
      ),
    }),
  },
  steps: [
    {
      scenario: 'slow',
      at_ms: at(0),
      highlight: 'packets',
      watch: (p) => [...Array.from({ length: p.k }, (_, i) => i), p.k],
      text: tx(
        'An application that is slow to call `accept()` is the usual way the accept queue fills up. This one calls it for the first time at {A_s} s.\n\n{k} clients on a slow link start first: they get their SYN-ACK at once but send the final ACK only {D} ms later. Meanwhile {b1} fast clients finish their handshakes and fill the accept queue. The ladder follows the slow clients and one fast one.',
        '应用迟迟不调用 `accept()`，是全连接队列被占满最常见的原因。这个应用第一次调用它是在 {A_s} 秒。\n\n{k} 个慢链路客户端先出发：它们立刻收到 SYN-ACK，但要过 {D} 毫秒才发出最后的 ACK。与此同时，{b1} 个快客户端完成握手，把全连接队列占满。时序图跟踪的是这几个慢客户端和一个快客户端。',
      ),
    },
    {
      scenario: 'slow',
      at_ms: at(0),
      watch: (p) => [...Array.from({ length: p.k }, (_, i) => i), p.k],
      text: tx(
        '`listen(fd, {b})`: the accept queue holds {b1}. {k} slow clients plus {b1} fast ones make {all}.',
        '`listen(fd, {b})`：全连接队列能放 {b1} 个。{k} 个慢客户端加 {b1} 个快客户端，一共 {all} 个。',
      ),
      predict: {
        question: tx(
          'Once the slow ACKs have arrived, for how many clients has `connect()` returned success?',
          '慢客户端的 ACK 都到了之后，有多少个客户端的 `connect()` 返回了成功？',
        ),
        choices: (p) => [
          num(p.b, 'backlog'),
          num(p.b1, tx('backlog + 1: those in the accept queue', 'backlog + 1：全连接队列里的那些')),
          num(p.all, tx('every client', '所有客户端')),
        ],
        conceal: ['clients', 'queues', 'counters', 'log', 'packets'],
        reveal: { at_ms: (p) => p.D + 100, highlight: 'clients' },
        read: { kind: 'tally', of: ['accepted', 'queued', 'stalled'] },
        shows: tx('`connect()` returned 0 for {observed} clients.', '有 {observed} 个客户端的 `connect()` 返回了 0。'),
        why: () => tx(
          'A client’s `connect()` returns as soon as its kernel gets the SYN-ACK (`tcp_finish_connect()`): it sends the ACK and considers the connection ESTABLISHED. The ACK reaches the server only afterwards, where `tcp_check_req()` asks `tcp_v4_syn_recv_sock()` for a socket — and that fails when `sk_acceptq_is_full()`. For the {k} slow clients the queue was already full: they are “connected” with no socket on the server. The clients panel calls them stalled.',
          '客户端内核一收到 SYN-ACK，`connect()` 就返回成功（`tcp_finish_connect()`）：它发出 ACK，认为连接已经 ESTABLISHED。ACK 随后才到服务器，`tcp_check_req()` 请 `tcp_v4_syn_recv_sock()` 建套接字——而 `sk_acceptq_is_full()` 成立时这一步会失败。对那 {k} 个慢客户端来说，队列早就满了：它们“已连接”，服务器上却没有对应的套接字。客户端面板把它们记作“假连接”。',
        ),
        claims: (p) => p.all,
      },
      corrects: [0],
    },
    {
      scenario: 'slow',
      at_ms: (p) => p.D + 100,
      highlight: 'queues',
      text: tx(
        'The server dropped the {k} slow ACKs. Their request socks are still in the SYN queue.',
        '服务器丢掉了那 {k} 个慢 ACK。它们的 request sock 还留在半连接队列里。',
      ),
      predict: {
        question: tx('How many RSTs did the server send to those clients?', '服务器给这些客户端发了多少个 RST？'),
        choices: (p) => [
          num(0, tx('none', '一个也没有')),
          num(p.k, tx('one per dropped ACK', '每个被丢的 ACK 一个')),
        ],
        conceal: ['counters', 'packets', 'log'],
        reveal: { at_ms: (p) => p.D + 100, highlight: 'counters' },
        read: { kind: 'counter', field: 'OutRsts' },
        shows: tx('`OutRsts` = {observed}.', '`OutRsts` 为 {observed}。'),
        why: () => tx(
          '`net.ipv4.tcp_abort_on_overflow` is 0 (the default), so `tcp_check_req()` only marks the request as acked and drops the ACK: `ListenOverflows` and `ListenDrops` go up, nothing is sent. The request sock stays in the SYN queue and its timer keeps retransmitting the SYN-ACK.',
          '`net.ipv4.tcp_abort_on_overflow` 为 0（默认值），所以 `tcp_check_req()` 只是把这个请求标记为 acked，然后丢掉 ACK：`ListenOverflows` 和 `ListenDrops` 加一，什么也不发。request sock 留在半连接队列里，它的定时器会继续重传 SYN-ACK。',
        ),
        claims: () => 0,
      },
      corrects: [1],
    },
    {
      scenario: 'slow',
      at_ms: (p) => 7500 + p.D,
      highlight: 'counters',
      watch: (p) => [...Array.from({ length: p.k }, (_, i) => i), p.k],
      text: tx(
        'It is now {t} s. Each retransmitted SYN-ACK (at 1 s, 3 s, 7 s…) made every stalled client send its ACK again; while the queue was full, each try counted another `ListenOverflows` — the counter counts dropped segments, not lost clients.\n\nAt {A_s} s `accept()` made room. The kernel did not call a stalled client back: it waited for that client’s next ACK, after the retransmission at 7 s, which then fit. Compare the clients panel and the ladder.',
        '现在到了 {t} 秒。每一次重传的 SYN-ACK（1 秒、3 秒、7 秒……）都让每个“假连接”客户端再发一次 ACK；队列满着时，每一次都多记一次 `ListenOverflows`——这个计数器数的是被丢的报文，不是丢掉的客户端。\n\n{A_s} 秒时 `accept()` 腾出了一个空位。内核不会主动回头找“假连接”的客户端：它要等那个客户端的下一个 ACK——也就是 7 秒那次重传之后的 ACK——这次才放得进去。对照看客户端面板和时序图。',
      ),
      corrects: [2],
    },
  ],
};
