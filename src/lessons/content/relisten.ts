// Lesson 9: listen() again on a listening socket, and listen() without bind().
// Kernel: inet_listen() / __inet_listen_sk() (net/ipv4/af_inet.c), inet_csk_get_port() and
// inet_csk_find_open_port() (net/ipv4/inet_connection_sock.c).
import type { Lesson } from '../types.ts';
import { at, normal, num, tx } from './helpers.ts';

/** ip_local_port_range choices: low ends of both parities, so the autobind answer varies. */
const RANGES: readonly (readonly [number, number])[] = [[32768, 60999], [40001, 40100], [40000, 40100], [10001, 20000]];

export const relistenLesson: Lesson = {
  id: 'relisten',
  title: tx('listen() again, and listen() without bind()', '再次 listen()，以及不 bind() 就 listen()'),
  summary: tx(
    'Changing the backlog of a live socket, and the port the kernel picks by itself.',
    '修改一个正在监听的套接字的 backlog，以及内核自己挑选的端口。',
  ),
  beliefs: [
    {
      myth: tx('“To change the backlog you must close the socket and start again.”', '“要改 backlog，就得关掉套接字重来。”'),
      fact: tx('Calling listen() again on the listening socket changes it at once.', '对正在监听的套接字再调一次 listen()，立刻生效。'),
    },
    {
      myth: tx('“Lowering the backlog throws out connections already queued.”', '“调小 backlog 会把已经排队的连接踢出去。”'),
      fact: tx('Queued connections stay; only new ones are refused until the queue drains.', '已排队的连接留着；只是在队列降下来之前，新连接进不来。'),
    },
    {
      myth: tx('“listen() without bind() fails.”', '“不先 bind() 就调用 listen() 会失败。”'),
      fact: tx('The kernel binds a free port itself (autobind) and the socket listens.', '内核会自己绑定一个空闲端口（autobind），套接字照样监听。'),
    },
  ],
  params: (r) => {
    const b1 = r.pick([4, 6, 8, 12]);
    const grow = r.coin();
    const b2 = grow ? r.pick([b1 * 2, b1 + 8]) : r.pick([2, 3]);
    const c = Math.max(b1, b2) + 1 + r.int(4, 8);
    const [lo, hi] = r.pick(RANGES);
    return { b1, b11: b1 + 1, b2, b21: b2 + 1, grow: grow ? 1 : 0, c, lo, hi };
  },
  scenarios: {
    relisten: (p) => ({
      server: { backlog: p.b1, relisten: [{ at_ms: 1500, backlog: p.b2 }] },
      clients: [normal(p.c, 0, 10)],
      duration_ms: 6000,
      setup: tx(
        'listen(fd, {b1}), no accept(); {c} clients connect 10 ms apart; at 1.5 s the program calls listen(fd, {b2}) on the same socket.',
        'listen(fd, {b1})，不调用 accept()；{c} 个客户端每隔 10 毫秒连接；1.5 秒时程序对同一个套接字调用 listen(fd, {b2})。',
      ),
    }),
    autobind: (p) => ({
      sysctl: { 'net.ipv4.ip_local_port_range': [p.lo, p.hi] },
      server: { port: null, backlog: 8, accept: { mode: 'every', interval_ms: 100, start_ms: 0 } },
      clients: [normal(3, 100, 50)],
      duration_ms: 1000,
      setup: tx(
        'listen(fd, 8) without bind(); ip_local_port_range = {lo} {hi}; 3 clients from 0.1 s.',
        '未 bind() 直接 listen(fd, 8)；ip_local_port_range = {lo} {hi}；0.1 秒起有 3 个客户端。',
      ),
    }),
  },
  steps: [
    {
      scenario: 'relisten',
      at_ms: at(1400),
      highlight: 'queues',
      text: tx(
        '`listen(fd, {b1})`, no `accept()`, {c} clients. At 1.4 s the accept queue is full and the other clients are retransmitting their SYNs.\n\nAt 1.5 s the program calls `listen(fd, {b2})` again, on the same socket: no `close()`, no new `bind()`.',
        '`listen(fd, {b1})`，不调用 `accept()`，{c} 个客户端。1.4 秒时全连接队列已满，其余客户端正在重传 SYN。\n\n1.5 秒时，程序对同一个套接字再次调用 `listen(fd, {b2})`：没有 `close()`，也没有重新 `bind()`。',
      ),
    },
    {
      scenario: 'relisten',
      at_ms: at(1400),
      text: tx('The backlog goes from {b1} to {b2} at 1.5 s.', '1.5 秒时 backlog 从 {b1} 变为 {b2}。'),
      predict: {
        question: tx('At 5 s, how many connections wait in the accept queue?', '到 5 秒时，全连接队列里有多少个连接？'),
        choices: (p) => [
          num(p.b11, tx('the old backlog + 1', '旧 backlog + 1')),
          num(p.b2, tx('the new backlog', '新 backlog')),
          num(p.b21, tx('the new backlog + 1', '新 backlog + 1')),
          num(p.c, tx('every client', '所有客户端')),
        ],
        conceal: ['queues', 'counters', 'log', 'knobs', 'clients'],
        reveal: { at_ms: at(5000), highlight: 'queues' },
        read: { kind: 'accept_len' },
        shows: tx('{observed} connections wait in the accept queue.', '全连接队列里有 {observed} 个连接。'),
        why: (p) => p.grow
          ? tx(
            '`inet_listen()` on a socket already in LISTEN only rewrites `sk_max_ack_backlog` (after the `somaxconn` cap). Both queue checks read that field every time, so the change is immediate: the clients retransmitting their SYNs now fit, up to {b21}. `ss -lnt` shows the new Send-Q, {b2}.',
            '对已处于 LISTEN 的套接字调用 `inet_listen()`，只会改写 `sk_max_ack_backlog`（经 `somaxconn` 截断之后）。两个队列的检查每次都现读这个字段，所以立刻生效：正在重传 SYN 的客户端现在进得来了，直到 {b21} 个。`ss -lnt` 的 Send-Q 也变成了新的 {b2}。',
          )
          : tx(
            '`inet_listen()` on a socket already in LISTEN only rewrites `sk_max_ack_backlog`. Nothing is thrown out: the {b11} connections already queued stay until `accept()` takes them. But `sk_acceptq_is_full()` now compares with {b2}, so no new connection gets in until the queue drains below {b21}.',
            '对已处于 LISTEN 的套接字调用 `inet_listen()`，只会改写 `sk_max_ack_backlog`。不会踢掉任何连接：已经排着的 {b11} 个连接留在队列里，等 `accept()` 来取。但 `sk_acceptq_is_full()` 现在拿 {b2} 来比，所以在队列降到 {b21} 以下之前，新连接一个也进不来。',
          ),
        claims: (p) => (p.grow ? p.b21 : p.b11),
      },
      corrects: [0, 1],
    },
    {
      scenario: 'autobind',
      at_ms: at(0),
      highlight: 'knobs',
      text: tx(
        'A program forgets `bind()` and calls `listen()` directly. It still listens: `inet_csk_get_port()` is asked for port 0 and picks a free one from `net.ipv4.ip_local_port_range`, here {lo}–{hi}.',
        '某个程序忘了 `bind()`，直接调用了 `listen()`。它照样能监听：内核以端口 0 调用 `inet_csk_get_port()`，从 `net.ipv4.ip_local_port_range`（这里是 {lo}–{hi}）里挑一个空闲端口。',
      ),
      predict: {
        question: tx('Will that port be odd or even?', '这个端口会是奇数还是偶数？'),
        choices: () => [
          { value: 1, label: tx('odd', '奇数') },
          { value: 0, label: tx('even', '偶数') },
        ],
        conceal: ['port', 'terminal', 'log', 'packets'],
        reveal: { at_ms: at(0), shell: () => ['ss -lnt'], highlight: 'terminal' },
        read: { kind: 'port_parity' },
        shows: tx('The port is {answer} — see `ss -lnt`.', '端口是{answer}——看 `ss -lnt`。'),
        why: () => tx(
          '`inet_csk_find_open_port()` starts from a random odd offset above the low end of the range and steps by 2, so `listen()` gets ports of the other parity than {lo}; `connect()` (`__inet_hash_connect()`) prefers ports of the same parity as {lo}. Servers and outgoing connections rarely compete for the same ports.\n\nStill, clients cannot guess the port: a forgotten `bind()` is a bug even though `listen()` works.',
          '`inet_csk_find_open_port()` 从范围下限往上一个随机的奇数偏移处开始，每次跨 2，所以 `listen()` 拿到的端口和 {lo} 的奇偶性相反；而 `connect()`（`__inet_hash_connect()`）偏好和 {lo} 同奇偶的端口。这样服务器和出站连接就很少争抢同一批端口。\n\n不过客户端猜不到这个端口：即使 `listen()` 成功了，忘记 `bind()` 依然是个 bug。',
        ),
        claims: (p) => (p.lo % 2 === 0 ? 1 : 0),
      },
      corrects: [2],
    },
  ],
};
