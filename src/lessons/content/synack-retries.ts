// Lesson 7: net.ipv4.tcp_synack_retries and the SYN-ACK retransmission schedule.
// Kernel: reqsk_timer_handler() and syn_ack_recalc() (net/ipv4/inet_connection_sock.c), tcp_rtx_synack()
// (net/ipv4/tcp_output.c), tcp_syn_ack_timeout() (net/ipv4/tcp_timer.c).
import type { Lesson } from '../types.ts';
import { at, num, secs, spoofed, tx } from './helpers.ts';

/** Moments half-way between two SYN-ACK retransmissions (sent at 1, 3, 7, 15, 31 s). */
const MIDWAYS = [2500, 5000, 10000, 20000];

/** How many of the retransmissions at 2^k − 1 s (k = 1 … r) come before t_ms: the doubling schedule. */
const doubling = (r: number, t_ms: number) => Array.from({ length: r }, (_, k) => (2 ** (k + 1) - 1) * 1000).filter((x) => x < t_ms).length;

export const synackRetriesLesson: Lesson = {
  id: 'synack-retries',
  title: tx('tcp_synack_retries and the retransmission schedule', 'tcp_synack_retries 与重传时间表'),
  summary: tx(
    'When the server resends its SYN-ACK, and when it gives up — silently.',
    '服务器什么时候重发 SYN-ACK，什么时候放弃——而且是悄无声息地放弃。',
  ),
  beliefs: [
    {
      myth: tx('“The SYN-ACK is retransmitted every second.”', '“SYN-ACK 每秒重传一次。”'),
      fact: tx('The wait doubles each time: 1, 2, 4, 8, 16 s…', '每次的等待时间翻倍：1、2、4、8、16 秒……'),
    },
    {
      myth: tx('“When the server gives up on a half-open connection, it sends a RST.”', '“服务器放弃一个半连接时，会发 RST。”'),
      fact: tx('The request sock is freed silently: no packet, no counter of its own.', 'request sock 被悄悄释放：不发包，也没有专门的计数器。'),
    },
  ],
  params: (r) => {
    const rr = r.pick([2, 3, 4, 5, 6]);
    const T = r.pick(MIDWAYS.slice(0, rr - 1));
    const d = doubling(rr, T);
    return {
      r: rr, r1: rr + 1, T, T_s: secs(T), d, lin: Math.min(rr, Math.floor(T / 1000)),
      // the timer wheel fires long timers late (up to a few seconds at 64 s): the run goes on well past the expiry
      life: 2 ** (rr + 1) - 1, end: Math.ceil((2 ** (rr + 1) - 1) * 1.1 + 3) * 1000,
    };
  },
  scenarios: {
    one: (p) => ({
      sysctl: { 'net.ipv4.tcp_synack_retries': p.r },
      server: { backlog: 8 },
      clients: [spoofed(1, 0, 1)],
      duration_ms: p.end,
      setup: tx(
        'listen(fd, 8), tcp_synack_retries = {r}; one SYN at 0 s from an address that never answers.',
        'listen(fd, 8)，tcp_synack_retries = {r}；0 秒时来了一个 SYN，源地址永远不会回应。',
      ),
    }),
  },
  steps: [
    {
      scenario: 'one',
      at_ms: at(0),
      highlight: 'packets',
      watch: () => [0],
      text: tx(
        'One SYN arrives from an address that will never answer — a lost ACK, a client that crashed, or a forged source. The server keeps the request sock and retransmits its SYN-ACK on a timer, at most `tcp_synack_retries` times: here {r}.\n\nThe packet ladder draws the SYN-ACKs as they leave; in the SYN queue the request carries a ring (time to its next SYN-ACK) and a badge (how many were resent).',
        '一个 SYN 到了，而它的源地址永远不会回应——可能是 ACK 丢了、客户端崩溃了，也可能是伪造的地址。服务器保留 request sock，靠定时器重传 SYN-ACK，最多重传 `tcp_synack_retries` 次：这里是 {r} 次。\n\n时序图会画出发出的每个 SYN-ACK；半连接队列里的请求带着一个圆环（离下一次 SYN-ACK 还有多久）和一个角标（已重发几次）。',
      ),
    },
    {
      scenario: 'one',
      at_ms: at(0),
      watch: () => [0],
      text: tx('The first SYN-ACK left at 0 s.', '第一个 SYN-ACK 在 0 秒时发出。'),
      predict: {
        question: tx(
          'By {T_s} s, how many times has the server retransmitted the SYN-ACK?',
          '到 {T_s} 秒为止，服务器重传了几次 SYN-ACK？',
        ),
        choices: (p) => [
          num(p.d, tx('doubling gaps: at 1, 3, 7, 15 s…', '间隔翻倍：1、3、7、15 秒……')),
          num(p.lin, tx('once a second', '每秒一次')),
          num(p.r, tx('all {r} already', '{r} 次已经全部用完')),
        ],
        conceal: ['packets', 'counters', 'log', 'queues'],
        reveal: { at_ms: (p) => p.T, highlight: 'packets' },
        read: { kind: 'counter', field: 'TCPSynRetrans' },
        shows: tx('`TCPSynRetrans` = {observed}.', '`TCPSynRetrans` 为 {observed}。'),
        why: () => tx(
          '`reqsk_timer_handler()` rearms the request’s timer at `min(1 s << num_timeout, TCP_RTO_MAX)`: 1 s, then 2, 4, 8, 16, 32 s. So the SYN-ACKs leave at 0, 1, 3, 7, 15, 31 s…, and `TCPSynRetrans` counts each one after the first: by {T_s} s, {d}.',
          '`reqsk_timer_handler()` 按 `min(1 s << num_timeout, TCP_RTO_MAX)` 重新设定请求的定时器：先 1 秒，然后 2、4、8、16、32 秒。所以 SYN-ACK 在 0、1、3、7、15、31 秒……发出，第一个之后的每一次都计入 `TCPSynRetrans`：到 {T_s} 秒为止共 {d} 次。',
        ),
        claims: (p) => p.d,
      },
      corrects: [0],
    },
    {
      scenario: 'one',
      at_ms: (p) => p.T,
      highlight: 'queues',
      watch: () => [0],
      text: tx(
        'After its last retransmission the request waits one more doubled interval; then its timer fires a final time.',
        '最后一次重传之后，请求还要再等一个翻倍的间隔，然后定时器最后一次触发。',
      ),
      predict: {
        question: tx(
          'When the request is gone, how many times has its timer fired in all (`TCPTimeouts`)?',
          '等这个请求消失时，它的定时器一共触发了几次（`TCPTimeouts`）？',
        ),
        choices: (p) => [
          num(p.r - 1, 'tcp_synack_retries − 1'),
          num(p.r, 'tcp_synack_retries'),
          num(p.r + 1, 'tcp_synack_retries + 1'),
          num(2 ** p.r, '2^tcp_synack_retries'),
        ],
        conceal: ['counters', 'log', 'queues'],
        reveal: { at_ms: (p) => p.end - 500, highlight: 'counters' },
        read: { kind: 'counter', field: 'TCPTimeouts' },
        shows: tx('`TCPTimeouts` = {observed}.', '`TCPTimeouts` 为 {observed}。'),
        why: () => tx(
          'Every firing counts `TCPTimeouts` (`tcp_syn_ack_timeout()`), the last one too: it finds `num_timeout >= max_retries` and frees the request sock instead of resending. {r} + 1 = {r1}. The request lived about 2^{r1} − 1 = {life} s (kernel timers run a little late, more so for long ones). Its end is silent: no RST, no counter of its own — the entry just disappears from `ss`.',
          '每次触发都计一次 `TCPTimeouts`（`tcp_syn_ack_timeout()`），最后一次也不例外：这次它发现 `num_timeout >= max_retries`，于是释放 request sock，而不是再重传。{r} + 1 = {r1}。这个请求大约活了 2^{r1} − 1 = {life} 秒（内核定时器总会晚一点触发，时间越长晚得越多）。它的消失悄无声息：不发 RST，也没有专门的计数器——只是从 `ss` 的输出里消失了。',
        ),
        claims: (p) => p.r + 1,
      },
      corrects: [1],
    },
    {
      scenario: 'one',
      at_ms: (p) => p.end - 500,
      highlight: 'log',
      text: tx(
        'Three details worth knowing:\n\n- A listener’s own `TCP_SYNCNT` socket option overrides `tcp_synack_retries`.\n- Under a flood, when the SYN queue is more than half full and most of its requests have already been retransmitted, `reqsk_timer_handler()` lowers their retries, down to 2, so old requests make room sooner.\n- Clients have their own limit: `tcp_syn_retries` (6 by default) caps how often a client resends its SYN; `connect()` fails with `ETIMEDOUT` after about 131 s.',
        '还有三点值得知道：\n\n- 监听套接字自己的 `TCP_SYNCNT` 选项会覆盖 `tcp_synack_retries`。\n- 遭遇洪泛时，如果半连接队列超过一半、其中大部分请求都已重传过，`reqsk_timer_handler()` 会调低它们的重传次数，最低到 2，让老请求早点腾地方。\n- 客户端有自己的上限：`tcp_syn_retries`（默认 6）限制客户端重发 SYN 的次数；大约 131 秒后 `connect()` 以 `ETIMEDOUT` 失败。',
      ),
    },
  ],
};
