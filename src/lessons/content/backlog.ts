// Lesson 1: what listen()'s backlog means, how somaxconn caps it, and what a negative backlog becomes.
// Kernel: __sys_listen() (net/socket.c), sk_acceptq_is_full() (include/net/sock.h).
import type { Lesson } from '../types.ts';
import { at, normal, num, tx } from './helpers.ts';

export const backlogLesson: Lesson = {
  id: 'backlog',
  title: tx('listen()’s backlog and somaxconn', 'listen() 的 backlog 与 somaxconn'),
  summary: tx(
    'What the number you pass to listen() becomes, and what caps it.',
    '传给 listen() 的那个数字最后变成了什么，又被谁截断。',
  ),
  beliefs: [
    {
      myth: tx('“listen(fd, 1024) gives me a queue of 1024.”', '“写了 listen(fd, 1024)，队列就是 1024。”'),
      fact: tx(
        'The kernel keeps min(backlog, somaxconn), without an error or a warning.',
        '内核取 min(backlog, somaxconn)，既不报错也不告警。',
      ),
    },
    {
      myth: tx('“A backlog of N lets N connections wait.”', '“backlog 为 N，就能排 N 个连接。”'),
      fact: tx('N + 1 can wait: the queue counts as full only when it holds more than N.', '能排 N + 1 个：队列里多于 N 个才算满。'),
    },
    {
      myth: tx('“A negative backlog is an error, or means 0.”', '“backlog 传负数会出错，或者等于 0。”'),
      fact: tx('Linux compares it as an unsigned number: it becomes somaxconn.', 'Linux 按无符号数比较：负数会变成 somaxconn。'),
    },
  ],
  params: (r) => {
    const b = r.pick([5, 6, 10, 12, 20, 25]);
    // somaxconn below the backlog half of the time, so "backlog" and "somaxconn" are both sometimes right
    const s = r.coin() ? r.pick([3, 4, 6, 8].filter((x) => x < b)) : r.pick([128, 4096]);
    const eff = Math.min(b, s);
    const n = eff + 1 + r.int(3, 6);
    const s2 = r.pick([6, 8, 10, 16]);
    return { b, s, eff, eff1: eff + 1, n, neg: r.pick([-1, -5, -100]), s2, n2: s2 + 1 + r.int(2, 4) };
  },
  scenarios: {
    main: (p) => ({
      sysctl: { 'net.core.somaxconn': p.s },
      server: { backlog: p.b },
      clients: [normal(p.n, 100, 10)],
      duration_ms: 3000,
      setup: tx(
        'listen(fd, {b}) with net.core.somaxconn = {s}; {n} clients connect from 0.1 s, 10 ms apart; the application never calls accept().',
        'listen(fd, {b})，net.core.somaxconn = {s}；{n} 个客户端从 0.1 秒起每隔 10 毫秒发起连接；应用从不调用 accept()。',
      ),
    }),
    negative: (p) => ({
      sysctl: { 'net.core.somaxconn': p.s2 },
      server: { backlog: p.neg },
      clients: [normal(p.n2, 100, 10)],
      duration_ms: 3000,
      setup: tx(
        'listen(fd, {neg}) with net.core.somaxconn = {s2}; {n2} clients from 0.1 s; no accept().',
        'listen(fd, {neg})，net.core.somaxconn = {s2}；{n2} 个客户端从 0.1 秒起连接；不调用 accept()。',
      ),
    }),
  },
  steps: [
    {
      scenario: 'main',
      at_ms: at(0),
      highlight: 'knobs',
      text: tx(
        'A server calls `listen(fd, {b})`. The second argument is the backlog: how many connections the kernel may hold ready for this socket until the application takes them with `accept()`.\n\nThe kernel does not take the number as it is. The sysctl `net.core.somaxconn` caps it — here it is {s} — and the kernel stores the result in the socket as `sk_max_ack_backlog`.\n\nIn this lab the application never calls `accept()`, so every connection that gets in stays queued.',
        '服务器调用 `listen(fd, {b})`。第二个参数就是 backlog：在应用用 `accept()` 取走之前，内核最多能替这个套接字备好多少个连接。\n\n内核并不照单全收。sysctl `net.core.somaxconn` 是它的上限——这里是 {s}——内核把截断后的结果存进套接字的 `sk_max_ack_backlog`。\n\n本实验中应用从不调用 `accept()`，所以进来的连接都会一直排在队列里。',
      ),
    },
    {
      scenario: 'main',
      at_ms: at(0),
      text: tx(
        'Before anything connects, look at what the kernel made of `listen(fd, {b})` with `somaxconn` = {s}.',
        '先别急着连接，看看在 `somaxconn` = {s} 时，内核把 `listen(fd, {b})` 变成了什么。',
      ),
      predict: {
        question: tx(
          '`ss -lnt` shows the backlog the kernel kept, in the listener’s Send-Q column. What number will it show?',
          '`ss -lnt` 会在监听套接字的 Send-Q 列显示内核实际采用的 backlog。会是多少？',
        ),
        choices: (p) => [
          num(p.b, tx('the backlog you passed', '传入的 backlog')),
          num(p.s, 'somaxconn'),
          num(p.eff, 'min(backlog, somaxconn)'),
          num(p.b + 1, 'backlog + 1'),
          num(128, tx('the default of somaxconn before Linux 5.4', 'Linux 5.4 之前 somaxconn 的默认值')),
        ],
        conceal: ['knobs', 'queues', 'log', 'terminal'],
        reveal: { at_ms: at(0), shell: () => ['ss -lnt'], highlight: 'terminal' },
        read: { kind: 'backlog' },
        shows: tx('The listener’s Send-Q is {observed}.', '监听套接字的 Send-Q 是 {observed}。'),
        why: () => tx(
          '`__sys_listen()` compares the backlog with `somaxconn` and keeps the smaller: min({b}, {s}) = {eff}. It neither fails nor warns — a backlog above `somaxconn` is cut silently. So `listen(fd, 1024)` in the source tells you little until you know the sysctl.',
          '`__sys_listen()` 把 backlog 与 `somaxconn` 比较，取较小者：min({b}, {s}) = {eff}。既不返回错误，也不打印告警——超过 `somaxconn` 的部分被悄悄截掉。所以只看代码里的 `listen(fd, 1024)` 说明不了什么，还得看这个 sysctl。',
        ),
        claims: (p) => p.eff,
      },
      corrects: [0],
    },
    {
      scenario: 'main',
      at_ms: at(0),
      highlight: 'queues',
      text: tx(
        'Now {n} clients connect, 10 ms apart, and nobody calls `accept()`.',
        '现在 {n} 个客户端每隔 10 毫秒发起连接，没有人调用 `accept()`。',
      ),
      predict: {
        question: tx(
          'When all of them have tried, how many connections wait in the accept queue?',
          '等它们都试过之后，全连接队列里有多少个连接在等待？',
        ),
        choices: (p) => [
          num(p.eff - 1, 'backlog − 1'),
          num(p.eff, 'backlog'),
          num(p.eff + 1, 'backlog + 1'),
          num(p.b + 1, tx('the backlog you passed + 1', '传入的 backlog + 1')),
          num(p.n, tx('every client', '所有客户端')),
        ],
        conceal: ['queues', 'counters', 'clients', 'log', 'knobs'],
        reveal: { at_ms: at(1500), highlight: 'queues' },
        read: { kind: 'accept_len' },
        shows: tx('{observed} connections wait in the accept queue.', '全连接队列里有 {observed} 个连接在等待。'),
        why: () => tx(
          '`sk_acceptq_is_full()` tests `sk_ack_backlog > sk_max_ack_backlog`, and the kernel tests before it adds. With a backlog of {eff} the queue is full only once it holds {eff1}: it always holds backlog + 1. The SYNs of the other clients are dropped with no answer at all (`ListenOverflows`, `ListenDrops`), and those clients keep retransmitting.',
          '`sk_acceptq_is_full()` 判断的是 `sk_ack_backlog > sk_max_ack_backlog`，而且先判断、再入队。backlog 为 {eff} 时，队列里有了 {eff1} 个才算满：它总能放下 backlog + 1 个。其余客户端的 SYN 被直接丢弃，没有任何回应（计入 `ListenOverflows`、`ListenDrops`），它们只能一次次重传。',
        ),
        claims: (p) => p.eff + 1,
      },
      corrects: [1],
    },
    {
      scenario: 'negative',
      at_ms: at(0),
      text: tx(
        'Another program calls `listen(fd, {neg})` — a negative backlog — on a machine where `somaxconn` is {s2}.',
        '另一个程序在 `somaxconn` 为 {s2} 的机器上调用了 `listen(fd, {neg})`——backlog 是负数。',
      ),
      predict: {
        question: tx('What does `ss -lnt` show as its Send-Q?', '`ss -lnt` 显示的 Send-Q 是多少？'),
        choices: (p) => [
          { value: -1, label: tx('nothing: listen() fails with EINVAL', '什么都没有：listen() 返回 EINVAL') },
          { value: 0, label: tx('0: a negative backlog counts as zero', '0：负数按 0 处理') },
          { value: 1, label: tx('1: the smallest useful backlog', '1：最小的可用 backlog') },
          { value: p.s2, label: tx('{s2}: the value of somaxconn', '{s2}：somaxconn 的值') },
        ],
        conceal: ['knobs', 'queues', 'log', 'terminal'],
        reveal: { at_ms: at(0), shell: () => ['ss -lnt'], highlight: 'terminal' },
        read: { kind: 'backlog' },
        shows: tx('The listener’s Send-Q is {observed}.', '监听套接字的 Send-Q 是 {observed}。'),
        why: () => tx(
          '`__sys_listen()` compares `(unsigned int)backlog > somaxconn`. As an unsigned number {neg} is over four billion, larger than any `somaxconn`, so the kernel uses `somaxconn` itself: {s2}. `listen(fd, -1)` really means “as many as the system allows”. (4.4BSD turned a negative backlog into 0, and Python’s `socket.listen()` still does before the kernel sees it.)',
          '`__sys_listen()` 比较的是 `(unsigned int)backlog > somaxconn`。{neg} 当作无符号数超过四十亿，比任何 `somaxconn` 都大，于是内核直接取 `somaxconn`：{s2}。`listen(fd, -1)` 的真正含义是“系统允许多少就要多少”。（4.4BSD 会把负数改成 0；Python 的 `socket.listen()` 至今也会在交给内核前把负数改成 0。）',
        ),
        claims: (p) => p.s2,
      },
      corrects: [2],
    },
    {
      scenario: 'main',
      at_ms: at(1500),
      highlight: 'queues',
      text: tx(
        'To remember:\n\n- The kernel keeps min(backlog, `somaxconn`), read once, when `listen()` is called. `ss -lnt` shows it as Send-Q.\n- The accept queue holds backlog + 1 connections.\n- A negative backlog means `somaxconn`.\n\n`somaxconn` defaults to 4096 since Linux 5.4 (128 before), and it is set per network namespace — lesson 10.',
        '记住三点：\n\n- 内核采用 min(backlog, `somaxconn`)，只在调用 `listen()` 时读取一次。`ss -lnt` 的 Send-Q 显示的就是它。\n- 全连接队列能放 backlog + 1 个连接。\n- backlog 为负数，等于要 `somaxconn`。\n\n`somaxconn` 从 Linux 5.4 起默认 4096（之前是 128），而且每个网络命名空间各有一份——见第 10 课。',
      ),
    },
  ],
};
