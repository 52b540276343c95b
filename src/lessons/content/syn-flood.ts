// Lesson 5: the SYN queue under a SYN flood, with SYN cookies off.
// Kernel: tcp_conn_request() and tcp_syn_flood_action() (net/ipv4/tcp_input.c), inet_csk_reqsk_queue_is_full()
// (include/net/inet_connection_sock.h), reqsk_timer_handler() (net/ipv4/inet_connection_sock.c).
import type { Lesson, Params } from '../types.ts';
import { at, normal, num, secs, spoofed, tx } from './helpers.ts';

/** A flood that starts at 0 and lasts the run, drawn the same way by this lesson and the next one. */
export function floodParams(r: { pick<T>(xs: readonly T[]): T; int(lo: number, hi: number): number }, backlogs: readonly number[]): Params {
  const b = r.pick(backlogs);
  const iv = r.pick([5, 10, 20]);
  // F forged SYNs by T: T sits half-way between the F-th and the next one
  const F = b + 1 + r.int(10, 30);
  const T = (F - 1) * iv + iv / 2;
  return { b, b1: b + 1, iv, rate: 1000 / iv, F, T, T_s: secs(T) };
}

export const synFloodLesson: Lesson = {
  id: 'syn-flood',
  title: tx('The SYN queue and a SYN flood', 'SYN 洪泛下的半连接队列'),
  summary: tx(
    'Forged SYNs fill the SYN queue; with cookies off, real clients are locked out.',
    '伪造的 SYN 占满半连接队列；关掉 SYN cookie，真实客户端就进不来了。',
  ),
  beliefs: [
    {
      myth: tx('“A SYN flood fills the accept queue.”', '“SYN 洪泛会把全连接队列塞满。”'),
      fact: tx(
        'It fills the SYN queue. No forged handshake ever completes, so the accept queue stays empty.',
        '它塞满的是半连接队列。伪造的握手一个也完成不了，全连接队列始终是空的。',
      ),
    },
    {
      myth: tx(
        '“To refuse real clients, a flood must overload the server’s CPU or bandwidth.”',
        '“要让真实客户端连不上，洪泛得压垮服务器的 CPU 或带宽。”',
      ),
      fact: tx(
        'A full SYN queue is enough: backlog + 1 forged requests, renewed faster than they expire, lock everyone out.',
        '半连接队列满了就够了：backlog + 1 个伪造请求，只要补充得比过期得快，就能把所有人挡在门外。',
      ),
    },
  ],
  params: (r) => ({ ...floodParams(r, [8, 16, 32, 64]), M: r.pick([1024, 2048]) }),
  scenarios: {
    flood: (p) => ({
      sysctl: { 'net.ipv4.tcp_syncookies': 0, 'net.ipv4.tcp_max_syn_backlog': p.M },
      server: { backlog: p.b, accept: { mode: 'every', interval_ms: 10, start_ms: 0 } },
      clients: [spoofed(Math.floor(6000 / p.iv), 0, p.iv), normal(3, 2000, 300)],
      duration_ms: 6000,
      setup: tx(
        'listen(fd, {b}), tcp_syncookies = 0, tcp_max_syn_backlog = {M}; forged SYNs at {rate} per second from 0 s; 3 real clients from 2 s; accept() every 10 ms.',
        'listen(fd, {b})，tcp_syncookies = 0，tcp_max_syn_backlog = {M}；从 0 秒起每秒 {rate} 个伪造 SYN；2 秒起有 3 个真实客户端；每 10 毫秒 accept() 一次。',
      ),
    }),
  },
  steps: [
    {
      scenario: 'flood',
      at_ms: at(0),
      highlight: 'queues',
      text: tx(
        'A SYN flood: an attacker sends SYNs from forged source addresses, here {rate} per second. The server answers each one with a SYN-ACK that goes nowhere, so no ACK ever comes back, and every request sock waits in the SYN queue until its timer gives up.\n\nSYN cookies are off (`tcp_syncookies` = 0). The application calls `accept()` every 10 ms: it is ready for real clients.',
        'SYN 洪泛：攻击者用伪造的源地址发送 SYN，这里每秒 {rate} 个。服务器对每个 SYN 都回一个 SYN-ACK，可这些 SYN-ACK 无人接收，永远等不到 ACK，每个 request sock 都要在半连接队列里一直等到定时器放弃。\n\nSYN cookie 是关着的（`tcp_syncookies` = 0）。应用每 10 毫秒调用一次 `accept()`：它随时准备接待真实客户端。',
      ),
    },
    {
      scenario: 'flood',
      at_ms: at(0),
      text: tx(
        '`listen(fd, {b})`, `tcp_max_syn_backlog` = {M}, {rate} forged SYNs per second.',
        '`listen(fd, {b})`，`tcp_max_syn_backlog` = {M}，每秒 {rate} 个伪造 SYN。',
      ),
      predict: {
        question: tx('At {T_s} s, how many request socks are in the SYN queue?', '到 {T_s} 秒时，半连接队列里有多少个 request sock？'),
        choices: (p) => [
          num(p.b, 'backlog'),
          num(p.b1, 'backlog + 1'),
          num(p.M, 'tcp_max_syn_backlog'),
          num(p.F, tx('every forged SYN so far', '到目前为止的每个伪造 SYN')),
        ],
        conceal: ['queues', 'counters', 'log'],
        reveal: { at_ms: (p) => p.T, highlight: 'queues' },
        read: { kind: 'syn_len' },
        shows: tx('The SYN queue holds {observed} request socks.', '半连接队列里有 {observed} 个 request sock。'),
        why: () => tx(
          'The flood fills the SYN queue to backlog + 1 = {b1} — `inet_csk_reqsk_queue_is_full()` is `qlen > sk_max_ack_backlog` — and keeps it full: a forged request lives until its timer gives up, and by then the attacker has sent many more. Not `tcp_max_syn_backlog` ({M}); that is lesson 8. The accept queue stays empty: no forged handshake ever completes.',
          '洪泛把半连接队列填到 backlog + 1 = {b1} 个（`inet_csk_reqsk_queue_is_full()` 判断 `qlen > sk_max_ack_backlog`），并让它一直满着：一个伪造请求要等定时器放弃才会离开，而那时攻击者早又发来一大批。起作用的不是 `tcp_max_syn_backlog`（{M}），那是第 8 课的内容。全连接队列一直是空的：伪造的握手一个也完成不了。',
        ),
        claims: (p) => p.b1,
      },
      corrects: [0],
    },
    {
      scenario: 'flood',
      at_ms: (p) => p.T,
      highlight: 'queues',
      text: tx('The SYN queue is full. The attacker keeps sending.', '半连接队列满了，攻击者还在继续发。'),
      predict: {
        question: tx(
          'By {T_s} s the attacker has sent {F} SYNs. How many were dropped (`TCPReqQFullDrop`)?',
          '到 {T_s} 秒，攻击者一共发了 {F} 个 SYN。其中有多少个被丢弃（`TCPReqQFullDrop`）？',
        ),
        choices: (p) => [
          num(0, tx('none yet', '还没有')),
          num(p.F - p.b1, tx('SYNs − (backlog + 1)', 'SYN 数 − (backlog + 1)')),
          num(p.F - p.b, tx('SYNs − backlog', 'SYN 数 − backlog')),
          num(p.F, tx('all of them', '全部')),
        ],
        conceal: ['counters', 'log'],
        reveal: { at_ms: (p) => p.T, highlight: 'counters' },
        read: { kind: 'counter', field: 'TCPReqQFullDrop' },
        shows: tx('`TCPReqQFullDrop` = {observed}.', '`TCPReqQFullDrop` 为 {observed}。'),
        why: () => tx(
          'Once the queue is full, `tcp_syn_flood_action()` drops every further SYN, counting `TCPReqQFullDrop` and `ListenDrops`; the kernel log says once per listener: “Possible SYN flooding on port …. Dropping request.” No answer is sent, so a real client cannot tell a flood from a dead server.',
          '队列一满，`tcp_syn_flood_action()` 就丢弃此后的每个 SYN，计入 `TCPReqQFullDrop` 和 `ListenDrops`；内核日志对每个监听套接字只说一次：“Possible SYN flooding on port …. Dropping request.” 因为不回任何包，真实客户端分不清是遭了洪泛还是服务器死了。',
        ),
        claims: (p) => p.F - p.b1,
      },
    },
    {
      scenario: 'flood',
      at_ms: at(4000),
      highlight: 'clients',
      text: tx(
        'At 2 s three real clients try to connect. Their SYNs meet the same full queue and are dropped like the forged ones. They retransmit after 1 s, 2 s, 3 s… and keep finding the queue full: whenever a forged request expires, the next forged SYN takes its place within {iv} ms.\n\nNothing is overloaded here — a full SYN queue is the whole denial of service. The next lesson shows the cure.',
        '2 秒时，三个真实客户端开始连接。它们的 SYN 碰上同一个满队列，和伪造的 SYN 一样被丢弃。它们在 1 秒、2 秒、3 秒……后重传，看到的队列依旧是满的：每当一个伪造请求过期，{iv} 毫秒内下一个伪造 SYN 就会补上空位。\n\n这里没有任何资源被压垮——一个满了的半连接队列就足以构成拒绝服务。下一课讲解药。',
      ),
      corrects: [1],
    },
  ],
};
