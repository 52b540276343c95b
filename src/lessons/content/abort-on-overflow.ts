// Lesson 4: net.ipv4.tcp_abort_on_overflow — a RST instead of a silent drop, and what it costs.
// Kernel: tcp_check_req() listen_overflow / embryonic_reset (net/ipv4/tcp_minisocks.c), cookie_v4_check()
// (net/ipv4/syncookies.c).
import type { Lesson } from '../types.ts';
import { at, normal, num, tx } from './helpers.ts';

export const abortOnOverflowLesson: Lesson = {
  id: 'abort-on-overflow',
  title: tx('tcp_abort_on_overflow', 'tcp_abort_on_overflow'),
  summary: tx(
    'Turn the silent drop into a RST — and what that costs.',
    '把悄悄丢弃换成 RST，以及这样做的代价。',
  ),
  beliefs: [
    {
      myth: tx('“An overflow always sends a reset.”', '“溢出时总会发 RST。”'),
      fact: tx(
        'Only with tcp_abort_on_overflow = 1, and never for an ACK that carries a SYN cookie.',
        '只有 tcp_abort_on_overflow = 1 时才发，而且携带 SYN cookie 的 ACK 永远不会收到 RST。',
      ),
    },
    {
      myth: tx('“With the switch on, the server refuses the new SYN.”', '“打开这个开关后，服务器会拒绝新来的 SYN。”'),
      fact: tx(
        'It resets a connection the client already believes established, when the final ACK finds no room.',
        '它重置的是客户端已经认为建立好的连接，时机是最后的 ACK 找不到空位的时候。',
      ),
    },
    {
      myth: tx('“tcp_abort_on_overflow = 1 makes room for more connections.”', '“tcp_abort_on_overflow = 1 能腾出更多位置。”'),
      fact: tx('It only changes the answer; the accept queue still holds backlog + 1.', '它只改变回应方式；全连接队列仍然只能放 backlog + 1 个。'),
    },
  ],
  params: (r) => {
    const b = r.pick([3, 4, 5, 6, 8]);
    // at most backlog slow clients: more would find the SYN queue full and get SYN cookies, whose ACKs are never reset
    const k = r.pick([2, 3, 4, 5].filter((x) => x <= b));
    return { b, b1: b + 1, k, k4: 4 * k, all: k + b + 1, D: r.pick([250, 300, 400]) };
  },
  scenarios: {
    abort: (p) => ({
      sysctl: { 'net.ipv4.tcp_abort_on_overflow': 1 },
      server: { backlog: p.b },
      clients: [normal(p.k, 0, 10, p.D), normal(p.b1, 50, 10)],
      duration_ms: 10000,
      setup: tx(
        'listen(fd, {b}), no accept(), tcp_abort_on_overflow = 1; {k} clients on a slow link (ACK {D} ms after the SYN-ACK), then {b1} fast ones at 0.05 s.',
        'listen(fd, {b})，不调用 accept()，tcp_abort_on_overflow = 1；先是 {k} 个慢链路客户端（收到 SYN-ACK {D} 毫秒后才发 ACK），0.05 秒时再来 {b1} 个快客户端。',
      ),
    }),
  },
  steps: [
    {
      scenario: 'abort',
      at_ms: at(0),
      highlight: 'knobs',
      text: tx(
        'The situation of the last lesson — {k} slow clients whose ACK arrives after {b1} fast ones have filled the accept queue — but now `net.ipv4.tcp_abort_on_overflow` = 1.\n\nThe switch changes one thing only: what the server does with a final ACK it has no room for.',
        '还是上一课的局面——{k} 个慢客户端的 ACK 到达时，{b1} 个快客户端已经占满了全连接队列——只是现在 `net.ipv4.tcp_abort_on_overflow` = 1。\n\n这个开关只改变一件事：服务器拿一个没地方放的最后 ACK 怎么办。',
      ),
    },
    {
      scenario: 'abort',
      at_ms: at(0),
      highlight: 'clients',
      watch: (p) => [...Array.from({ length: p.k }, (_, i) => i), p.k],
      text: tx('{all} clients, room for {b1}.', '{all} 个客户端，只有 {b1} 个位置。'),
      predict: {
        question: tx('How many clients get a RST from the server?', '有多少个客户端会收到服务器的 RST？'),
        choices: (p) => [
          num(0, tx('none, as with 0', '一个也没有，和 0 时一样')),
          num(p.k, tx('the slow ones', '那几个慢客户端')),
          num(p.b1, tx('those in the queue', '队列里的那些')),
          num(p.all, tx('all of them', '全部')),
        ],
        conceal: ['clients', 'counters', 'packets', 'log', 'queues'],
        reveal: { at_ms: (p) => p.D + 100, highlight: 'clients' },
        read: { kind: 'counter', field: 'OutRsts' },
        shows: tx('The server sent {observed} RSTs (`OutRsts`).', '服务器发出了 {observed} 个 RST（`OutRsts`）。'),
        why: () => tx(
          'With the switch on, when `tcp_v4_syn_recv_sock()` fails because the queue is full, `tcp_check_req()` takes its `embryonic_reset` path: it sends a RST and frees the request sock (`EmbryonicRsts`, `OutRsts`). The client had already returned from `connect()`; it sees `ECONNRESET` at its next read or write. SYNs that find the queue full are still dropped silently, exactly as with 0.',
          '开关打开时，若 `tcp_v4_syn_recv_sock()` 因队列已满而失败，`tcp_check_req()` 就走 `embryonic_reset` 分支：发一个 RST，释放 request sock（计入 `EmbryonicRsts`、`OutRsts`）。客户端的 `connect()` 早已返回，它会在下一次读写时得到 `ECONNRESET`。而遇到满队列的 SYN 照样被悄悄丢弃，和 0 时完全一样。',
        ),
        claims: (p) => p.k,
      },
      corrects: [0, 1],
    },
    {
      scenario: 'abort',
      at_ms: (p) => p.D + 100,
      highlight: 'counters',
      text: tx(
        'In the last lesson, with the switch at 0, `ListenOverflows` kept climbing long after the clients had stopped arriving.',
        '上一课开关为 0 时，客户端早就不再来了，`ListenOverflows` 却还在往上涨。',
      ),
      predict: {
        question: tx('With the switch at 1, what is `ListenOverflows` at 9.5 s?', '开关为 1 时，9.5 秒时的 `ListenOverflows` 是多少？'),
        choices: (p) => [
          num(0, tx('0: a RST is not an overflow', '0：发 RST 不算溢出')),
          num(p.k, tx('once per slow client', '每个慢客户端一次')),
          num(p.k4, tx('four times per slow client: its ACK, then again after each SYN-ACK retransmission at 1, 3 and 7 s', '每个慢客户端四次：第一个 ACK，以及 1、3、7 秒每次重传 SYN-ACK 之后再来的 ACK')),
        ],
        conceal: ['counters', 'log'],
        reveal: { at_ms: at(9500), highlight: 'counters' },
        read: { kind: 'counter', field: 'ListenOverflows' },
        shows: tx('`ListenOverflows` = {observed}.', '`ListenOverflows` 为 {observed}。'),
        why: () => tx(
          'Each slow client overflowed once. The RST ended its request sock, so no SYN-ACK is retransmitted and no second ACK comes. With the default 0 the request stays, and every retransmitted SYN-ACK brings another ACK and another overflow, until a slot frees up or the request expires.',
          '每个慢客户端只溢出一次。RST 终结了它的 request sock，于是不再重传 SYN-ACK，也就没有第二个 ACK。默认值 0 时请求会留下来，每重传一次 SYN-ACK，就换来一个新 ACK、再溢出一次，直到腾出空位或请求超时。',
        ),
        claims: (p) => p.k,
      },
    },
    {
      scenario: 'abort',
      at_ms: at(9500),
      highlight: 'clients',
      text: tx(
        'So when is it useful? It makes the failure visible at once: the client gets `ECONNRESET` instead of a connection that hangs until its own timeout. But it also turns a short burst — which the retransmitted SYN-ACKs would have absorbed once `accept()` caught up — into failed connections.\n\nIt never adds room: the accept queue still holds backlog + 1. The cure for a full accept queue is to call `accept()` sooner, or raise the backlog (and `somaxconn`).\n\nOne exception: an ACK carrying a SYN cookie that finds the queue full is dropped silently even with the switch on — `cookie_v4_check()` does not look at it.',
        '那它什么时候有用？它让失败立刻显现：客户端拿到 `ECONNRESET`，而不是一个挂到自己超时才发现的连接。但它也会把一阵短暂的突发——本来等 `accept()` 跟上后，靠重传的 SYN-ACK 就能消化掉——变成一批失败的连接。\n\n它从不增加容量：全连接队列仍是 backlog + 1。治全连接队列满的办法，是更快地调用 `accept()`，或者调大 backlog（以及 `somaxconn`）。\n\n一个例外：携带 SYN cookie 的 ACK 遇到满队列时，即使开关打开也只会被悄悄丢弃——`cookie_v4_check()` 根本不看这个开关。',
      ),
      corrects: [2],
    },
  ],
};
