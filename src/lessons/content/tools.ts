// Lesson 11: reading ss, netstat -tan, nstat and netstat -s on a listener whose accept queue overflows.
// Kernel: tcp_diag_get_info() (net/ipv4/tcp_diag.c), get_tcp4_sock() (net/ipv4/tcp_ipv4.c, /proc/net/tcp);
// tools: iproute2 ss and nstat, net-tools netstat.
import type { Lesson } from '../types.ts';
import { at, normal, num, secs, tx } from './helpers.ts';

/** the nstat line the lesson reads */
const NSTAT = 'nstat TcpExtListenOverflows';

export const toolsLesson: Lesson = {
  id: 'tools',
  title: tx('Reading ss, nstat and netstat -s', '读懂 ss、nstat 和 netstat -s'),
  summary: tx(
    'Which column is the accept queue, which is the backlog, and which counters say what.',
    '哪一列是全连接队列，哪一列是 backlog，哪个计数器说明了什么。',
  ),
  beliefs: [
    {
      myth: tx('“On a listening socket, ss’s Recv-Q counts bytes.”', '“监听套接字在 ss 里的 Recv-Q 是字节数。”'),
      fact: tx('It is the accept queue’s length; Send-Q is the backlog.', '它是全连接队列的长度；Send-Q 是 backlog。'),
    },
    {
      myth: tx('“netstat’s Send-Q of 0 is the backlog.”', '“netstat 显示的 Send-Q 为 0，说明 backlog 是 0。”'),
      fact: tx('netstat cannot show the backlog; for a listener its Send-Q is always 0.', 'netstat 看不到 backlog；监听套接字的 Send-Q 在它那里永远是 0。'),
    },
    {
      myth: tx('“nstat prints the counters’ totals.”', '“nstat 打印的是计数器的累计值。”'),
      fact: tx('Without -a it prints the increase since its previous run.', '不加 -a 时，它打印的是自上次运行以来的增量。'),
    },
  ],
  params: (r) => {
    const b = r.pick([3, 4, 5, 6, 8, 10]);
    // mid-way between the clients' SYN retransmissions (1 s apart), so no retransmission sits on the moment
    const t2 = r.pick([2500, 3500, 4500]);
    return { b, b1: b + 1, n: b + 1 + r.int(4, 9), t2, t2_s: secs(t2) };
  },
  scenarios: {
    full: (p) => ({
      server: { backlog: p.b },
      clients: [normal(p.n, 0, 10)],
      duration_ms: 6000,
      setup: tx(
        'listen(fd, {b}), no accept(); {n} clients connect 10 ms apart.',
        'listen(fd, {b})，不调用 accept()；{n} 个客户端每隔 10 毫秒连接。',
      ),
    }),
  },
  steps: [
    {
      scenario: 'full',
      at_ms: at(0),
      highlight: 'terminal',
      text: tx(
        'Time to read the tools you would use on a real server. The server calls `listen(fd, {b})` and never `accept()`; {n} clients connect, 10 ms apart. By 0.5 s the accept queue is full and the clients that did not fit retransmit their SYNs.\n\nThe terminal runs the model’s `ss`, `netstat` and `nstat`, printing what the real tools print on Linux 6.18.',
        '来读一读真实服务器上会用到的工具。服务器调用 `listen(fd, {b})`，从不 `accept()`；{n} 个客户端每隔 10 毫秒连接。到 0.5 秒，全连接队列已满，没挤进去的客户端在重传 SYN。\n\n终端里运行的是模型版的 `ss`、`netstat` 和 `nstat`，输出与 Linux 6.18 上的真实工具一致。',
      ),
    },
    {
      scenario: 'full',
      at_ms: at(500),
      text: tx('0.5 s: the accept queue is full.', '0.5 秒：全连接队列已满。'),
      predict: {
        question: tx('You run `ss -lnt`. What does it print as the listener’s Recv-Q?', '执行 `ss -lnt`，监听套接字的 Recv-Q 是多少？'),
        choices: (p) => [
          num(0, tx('0: no unread bytes', '0：没有未读的字节')),
          num(p.b, 'backlog'),
          num(p.b1, tx('the connections waiting for accept()', '等待 accept() 的连接数')),
          num(p.n, tx('every client that tried', '所有尝试过的客户端')),
        ],
        conceal: ['queues', 'terminal', 'knobs', 'clients', 'log'],
        reveal: { at_ms: at(500), shell: () => ['ss -lnt'], highlight: 'terminal' },
        read: { kind: 'shell', row: 'LISTEN', word: 1 },
        shows: tx('`ss -lnt` prints Recv-Q {observed}.', '`ss -lnt` 显示 Recv-Q 为 {observed}。'),
        why: () => tx(
          'For a listening socket, `tcp_diag_get_info()` reports `sk_ack_backlog` — connections waiting for `accept()` — as Recv-Q, and `sk_max_ack_backlog` — the backlog — as Send-Q. Recv-Q = Send-Q + 1 means the accept queue is full. (On other sockets the same columns count bytes.) Half-open connections are not in this line: `ss -tn state syn-recv` lists them.',
          '对监听套接字，`tcp_diag_get_info()` 把 `sk_ack_backlog`（等待 `accept()` 的连接数）报告为 Recv-Q，把 `sk_max_ack_backlog`（backlog）报告为 Send-Q。Recv-Q = Send-Q + 1 就表示全连接队列满了。（在其他套接字上，这两列才是字节数。）半连接不在这一行里：要看它们，用 `ss -tn state syn-recv`。',
        ),
        claims: (p) => p.b1,
      },
      corrects: [0],
    },
    {
      scenario: 'full',
      at_ms: at(500),
      text: tx('Many guides still use `netstat -tan`.', '很多教程里用的还是 `netstat -tan`。'),
      predict: {
        question: tx('What does `netstat -tan` print as Send-Q on the LISTEN line?', '`netstat -tan` 在 LISTEN 那一行显示的 Send-Q 是多少？'),
        choices: (p) => [
          num(0, '0'),
          num(p.b, 'backlog'),
          num(p.b1, 'backlog + 1'),
        ],
        conceal: ['terminal', 'knobs', 'log'],
        reveal: { at_ms: at(500), shell: () => ['netstat -tan'], highlight: 'terminal' },
        read: { kind: 'shell', row: 'LISTEN', word: 2 },
        shows: tx('`netstat -tan` prints Send-Q {observed}.', '`netstat -tan` 显示 Send-Q 为 {observed}。'),
        why: () => tx(
          '`netstat` reads /proc/net/tcp, where a listener’s tx_queue is `write_seq − snd_una`: always 0. The backlog is not in /proc/net/tcp at all; only `ss` (through inet_diag) shows it. Its Recv-Q does show the accept queue.',
          '`netstat` 读的是 /proc/net/tcp，那里监听套接字的 tx_queue 是 `write_seq − snd_una`：永远是 0。backlog 根本不在 /proc/net/tcp 里，只有 `ss`（通过 inet_diag）才显示得出来。不过它的 Recv-Q 确实是全连接队列的长度。',
        ),
        claims: () => 0,
      },
      corrects: [1],
    },
    {
      scenario: 'full',
      at_ms: at(500),
      shell: () => [`${NSTAT.replace('nstat', 'nstat -r')}`],
      highlight: 'terminal',
      text: tx(
        'At 0.5 s you ran `nstat -r TcpExtListenOverflows` (see the terminal; `-r` starts nstat afresh, as on a machine where it never ran). The clients that did not fit keep retransmitting their SYNs.',
        '0.5 秒时你执行了 `nstat -r TcpExtListenOverflows`（见终端；`-r` 让 nstat 从头开始，就像在一台从没运行过它的机器上）。没挤进去的客户端还在不断重传 SYN。',
      ),
      predict: {
        question: tx(
          'At {t2_s} s you run `nstat TcpExtListenOverflows` again. What does it print?',
          '到 {t2_s} 秒，你再执行一次 `nstat TcpExtListenOverflows`。它会打印什么？',
        ),
        choices: () => [
          { value: (o) => o.frame.counters.ListenOverflows ?? 0, label: tx('ListenOverflows since the lab started', '实验开始以来的 ListenOverflows 总数') },
          { value: (o) => (o.frame.counters.ListenOverflows ?? 0) - (o.before?.ListenOverflows ?? 0), label: tx('only the increase since the previous nstat', '只是自上次 nstat 以来的增量') },
          { value: (o) => o.before?.ListenOverflows ?? 0, label: tx('the same number as at 0.5 s', '和 0.5 秒时一样的数') },
        ],
        conceal: ['counters', 'log', 'terminal'],
        reveal: { at_ms: (p) => p.t2, shell: () => [NSTAT], highlight: 'terminal' },
        read: { kind: 'shell', row: 'TcpExtListenOverflows', word: 1 },
        shows: tx('`nstat` prints {observed}: {answer}.', '`nstat` 打印 {observed}：{answer}。'),
        why: () => tx(
          '`nstat` keeps a history file. Without `-a` it prints each counter’s increase since its last run and then updates the history — handy to watch a rate, confusing if you expect totals. `nstat -az` prints absolute values, as `netstat -s` does.',
          '`nstat` 有一个历史文件。不加 `-a` 时，它打印每个计数器自上次运行以来的增量，然后更新历史——用来观察速率很方便，但如果你以为看到的是总数，就会被误导。`nstat -az` 打印的是绝对值，和 `netstat -s` 一样。',
        ),
        claims: (_p, o) => (o.frame.counters.ListenOverflows ?? 0) - (o.before?.ListenOverflows ?? 0),
      },
      corrects: [2],
    },
    {
      scenario: 'full',
      at_ms: (p) => p.t2,
      highlight: 'terminal',
      shell: () => ['netstat -s | grep -i listen', 'ss -tn state syn-recv'],
      text: tx(
        '`netstat -s` prints the same counters as sentences, as totals: “times the listen queue of a socket overflowed” is `ListenOverflows`; “SYNs to LISTEN sockets dropped” is `ListenDrops`, which also counts SYNs dropped for a full SYN queue and other reasons, so it is never smaller.\n\nAnd the SYN queue itself: `ss -tn state syn-recv` lists the request socks (plain `ss -t` hides them). Here it is empty — every handshake that got in was completed.',
        '`netstat -s` 用句子的形式打印同样的计数器，而且是总数：“times the listen queue of a socket overflowed” 就是 `ListenOverflows`；“SYNs to LISTEN sockets dropped” 是 `ListenDrops`，它还包括因半连接队列满等原因丢掉的 SYN，所以绝不会比前者小。\n\n至于半连接队列本身：`ss -tn state syn-recv` 列出 request sock（普通的 `ss -t` 不显示它们）。这里是空的——进来的握手都已完成。',
      ),
    },
  ],
};
