// Lesson 6: SYN cookies — answering a SYN without keeping state, when the kernel uses them, and what they cost.
// Kernel: tcp_conn_request(), tcp_syn_flood_action() (net/ipv4/tcp_input.c), cookie_v4_init_sequence() and
// cookie_v4_check() (net/ipv4/syncookies.c).
import type { Lesson } from '../types.ts';
import { at, normal, num, spoofed, tx } from './helpers.ts';
import { floodParams } from './syn-flood.ts';

export const synCookiesLesson: Lesson = {
  id: 'syn-cookies',
  title: tx('SYN cookies', 'SYN cookie'),
  summary: tx(
    'Answer a SYN without keeping anything: how cookies defeat the flood, and what they cost.',
    '不保存任何状态也能回应 SYN：SYN cookie 如何化解洪泛，又有什么代价。',
  ),
  beliefs: [
    {
      myth: tx('“With SYN cookies enabled, every connection uses a cookie.”', '“开了 SYN cookie，每个连接都会用 cookie。”'),
      fact: tx(
        'With the default tcp_syncookies = 1 they are a fallback, used only when the SYN queue is full; only 2 uses them for every SYN.',
        '默认的 tcp_syncookies = 1 只把它当后备，半连接队列满了才用；只有设成 2 才对每个 SYN 都用。',
      ),
    },
    {
      myth: tx('“SYN cookies make the SYN queue bigger.”', '“SYN cookie 让半连接队列变大了。”'),
      fact: tx('They bypass it: a cookie connection never had a request sock.', '它绕开了半连接队列：cookie 连接从来没有 request sock。'),
    },
    {
      myth: tx('“With cookies, the queues no longer limit anything.”', '“有了 cookie，队列就再也限制不了什么了。”'),
      fact: tx(
        'The accept queue still applies: a cookie SYN or ACK that finds it full is dropped.',
        '全连接队列照样起作用：碰上它已满的 cookie SYN 或 ACK 同样会被丢弃。',
      ),
    },
  ],
  params: (r) => ({ ...floodParams(r, [8, 16, 32]), sc: r.pick([1, 1, 2]), nc: r.int(2, 5) }),
  scenarios: {
    cookies: (p) => ({
      sysctl: { 'net.ipv4.tcp_syncookies': p.sc },
      server: { backlog: p.b, accept: { mode: 'every', interval_ms: 10, start_ms: 0 } },
      clients: [spoofed(Math.floor(6000 / p.iv), 0, p.iv), normal(p.nc, 2000, 300)],
      duration_ms: 6000,
      setup: tx(
        'listen(fd, {b}), tcp_syncookies = {sc}; forged SYNs at {rate} per second from 0 s; {nc} real clients from 2 s; accept() every 10 ms.',
        'listen(fd, {b})，tcp_syncookies = {sc}；从 0 秒起每秒 {rate} 个伪造 SYN；2 秒起有 {nc} 个真实客户端；每 10 毫秒 accept() 一次。',
      ),
    }),
  },
  steps: [
    {
      scenario: 'cookies',
      at_ms: at(0),
      highlight: 'knobs',
      text: tx(
        'The same flood, with SYN cookies. Instead of keeping a request sock, the server can fold what it must remember — the client’s MSS and a coarse clock, signed with a secret hash of the addresses and ports — into the sequence number of its SYN-ACK. A real client’s ACK carries that number back (plus one), and the server rebuilds the connection from it. A forged source never answers, and costs the server nothing but one SYN-ACK.\n\n`net.ipv4.tcp_syncookies`: 0 never, 1 (the default) only when the SYN queue is full, 2 for every SYN. Here it is {sc}.',
        '同样的洪泛，这次有 SYN cookie。服务器不再保存 request sock，而是把必须记住的东西——客户端的 MSS 和一个粗粒度的时钟，再用地址和端口的秘密哈希签名——编进 SYN-ACK 的序列号。真实客户端的 ACK 会把这个数（加一）带回来，服务器据此重建连接。伪造的源地址永远不会回应，服务器的代价只是一个 SYN-ACK。\n\n`net.ipv4.tcp_syncookies`：0 从不使用；1（默认）只在半连接队列满时使用；2 对每个 SYN 都使用。这里是 {sc}。',
      ),
    },
    {
      scenario: 'cookies',
      at_ms: at(0),
      text: tx(
        '`listen(fd, {b})`, `tcp_syncookies` = {sc}, {rate} forged SYNs per second.',
        '`listen(fd, {b})`，`tcp_syncookies` = {sc}，每秒 {rate} 个伪造 SYN。',
      ),
      predict: {
        question: tx('At {T_s} s, how many request socks are in the SYN queue?', '到 {T_s} 秒时，半连接队列里有多少个 request sock？'),
        choices: (p) => [
          num(0, tx('none', '一个也没有')),
          num(p.b1, 'backlog + 1'),
          num(p.F, tx('one per forged SYN so far', '每个伪造 SYN 一个')),
        ],
        conceal: ['queues', 'counters', 'log'],
        reveal: { at_ms: (p) => p.T, highlight: 'queues' },
        read: { kind: 'syn_len' },
        shows: tx('The SYN queue holds {observed} request socks.', '半连接队列里有 {observed} 个 request sock。'),
        why: (p) => p.sc === 2
          ? tx(
            'With `tcp_syncookies` = 2, `tcp_conn_request()` sends a cookie for every SYN, full queue or not (`TCPReqQFullDoCookies`, `SyncookiesSent`): no request sock is ever made, and the SYN queue stays empty. In this mode the kernel does not even print the “Possible SYN flooding” line.',
            '`tcp_syncookies` = 2 时，不论队列满不满，`tcp_conn_request()` 都对每个 SYN 发 cookie（计入 `TCPReqQFullDoCookies`、`SyncookiesSent`）：从不创建 request sock，半连接队列始终为空。在这种模式下，内核连那行“Possible SYN flooding”都不打印。',
          )
          : tx(
            'With `tcp_syncookies` = 1, cookies are the fallback: `tcp_conn_request()` makes request socks as usual until `inet_csk_reqsk_queue_is_full()`, so the first {b1} forged SYNs still fill the SYN queue. Every SYN after that gets a cookie SYN-ACK (`TCPReqQFullDoCookies`, `SyncookiesSent`) and leaves nothing behind.',
            '`tcp_syncookies` = 1 时，cookie 是后备手段：在 `inet_csk_reqsk_queue_is_full()` 成立之前，`tcp_conn_request()` 照常创建 request sock，所以最先的 {b1} 个伪造 SYN 仍会占满半连接队列。此后的每个 SYN 都得到一个 cookie SYN-ACK（计入 `TCPReqQFullDoCookies`、`SyncookiesSent`），什么也不留下。',
          ),
        claims: (p) => (p.sc === 2 ? 0 : p.b1),
      },
      corrects: [0],
    },
    {
      scenario: 'cookies',
      at_ms: (p) => p.T,
      highlight: 'clients',
      text: tx(
        'At 2 s, {nc} real clients connect during the flood. In the last lesson, without cookies, none got in.',
        '2 秒时，{nc} 个真实客户端在洪泛中发起连接。上一课没有 cookie，一个也没连上。',
      ),
      predict: {
        question: tx('How many of the {nc} real clients get in?', '这 {nc} 个真实客户端里，有几个能连上？'),
        choices: (p) => [
          num(0, tx('none', '一个也没有')),
          num(1, tx('one at a time, when a slot frees', '等到有空位时，一次一个')),
          num(p.nc, tx('all of them', '全部')),
        ],
        conceal: ['clients', 'counters', 'log', 'queues'],
        reveal: { at_ms: at(5500), highlight: 'clients' },
        read: { kind: 'tally', of: ['accepted', 'queued'] },
        shows: tx('{observed} real clients got in.', '有 {observed} 个真实客户端连上了。'),
        why: () => tx(
          'A real client answers the cookie SYN-ACK with its ACK. `cookie_v4_check()` recomputes the hash, finds a valid cookie (`SyncookiesRecv`) and builds the connection straight into the accept queue — no request sock needed, so the full SYN queue no longer matters.',
          '真实客户端用 ACK 回应 cookie SYN-ACK。`cookie_v4_check()` 重新计算哈希，确认 cookie 有效（计入 `SyncookiesRecv`），直接建好连接放进全连接队列——用不着 request sock，半连接队列满不满已经无所谓了。',
        ),
        claims: (p) => p.nc,
      },
      corrects: [1],
    },
    {
      scenario: 'cookies',
      at_ms: at(5500),
      highlight: 'counters',
      text: tx(
        'What cookies cost. A sequence number has little room:\n\n- the MSS is rounded down to one of four values (536, 1300, 1440, 1460);\n- window scaling and SACK survive only if the client sent TCP timestamps, where they are hidden; without timestamps they are lost;\n- TCP Fast Open and any data in the SYN are lost.\n\nAnd cookies bypass only the SYN queue. `sk_acceptq_is_full()` is checked for cookie SYNs too, and a cookie ACK that finds the accept queue full is dropped silently (`ListenOverflows`). A slow application is not cured by cookies.',
        'cookie 的代价。序列号里能塞的东西很少：\n\n- MSS 被向下取整到四个值之一（536、1300、1440、1460）；\n- 窗口缩放和 SACK 只有在客户端带了 TCP 时间戳时才能保住（藏在时间戳里），否则就丢了；\n- TCP Fast Open 以及 SYN 里携带的数据都会丢失。\n\n而且 cookie 只绕开了半连接队列。对 cookie SYN 同样要检查 `sk_acceptq_is_full()`；碰上全连接队列已满的 cookie ACK 会被悄悄丢弃（计入 `ListenOverflows`）。应用太慢的毛病，cookie 治不了。',
      ),
      corrects: [2],
    },
  ],
};
