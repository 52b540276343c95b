// Lesson 10: somaxconn is per network namespace — a container does not see the host's value.
// Kernel: net->core.sysctl_somaxconn, preinit_net_sysctl() (net/core/net_namespace.c), __sys_listen() (net/socket.c).
import type { Lesson } from '../types.ts';
import { at, normal, num, tx } from './helpers.ts';

/** SOMAXCONN (include/linux/socket.h) since Linux 5.4: what a new network namespace starts with. */
const SOMAXCONN = 4096;

export const containerLesson: Lesson = {
  id: 'container',
  title: tx('somaxconn in containers', '容器里的 somaxconn'),
  summary: tx(
    'Each network namespace has its own somaxconn; a container does not inherit the host’s.',
    '每个网络命名空间都有自己的 somaxconn；容器不会继承宿主机的值。',
  ),
  beliefs: [
    {
      myth: tx('“A sysctl set on the host applies to the containers too.”', '“在宿主机上设的 sysctl，对容器也生效。”'),
      fact: tx(
        'somaxconn belongs to a network namespace; a new one starts at the kernel default, 4096.',
        'somaxconn 属于网络命名空间；新建的命名空间从内核默认值 4096 起步。',
      ),
    },
    {
      myth: tx('“Changing somaxconn changes the running servers.”', '“改了 somaxconn，正在运行的服务就跟着变。”'),
      fact: tx('Only the next listen() reads it.', '只有下一次 listen() 才会读取它。'),
    },
  ],
  params: (r) => {
    const H = r.pick([128, 256, 512, 1024]);
    const b = r.pick([200, 600, 1000, 2000, 5000, 8000].filter((x) => x !== H));
    const eff = Math.min(b, SOMAXCONN);
    return { H, b, eff, X: r.pick([64, 100, 128]), max: SOMAXCONN };
  },
  scenarios: {
    container: (p) => ({
      host_sysctl: { 'net.core.somaxconn': p.H },
      sysctl: {},
      sysctl_changes: [{ at_ms: 2000, name: 'net.core.somaxconn', value: p.X }],
      server: { backlog: p.b, accept: { mode: 'every', interval_ms: 100, start_ms: 0 } },
      clients: [normal(3, 100, 50)],
      duration_ms: 4000,
      setup: tx(
        'The host sets net.core.somaxconn = {H}; the server runs in its own network namespace (a container) and calls listen(fd, {b}).',
        '宿主机设置了 net.core.somaxconn = {H}；服务器运行在自己的网络命名空间（容器）里，调用 listen(fd, {b})。',
      ),
    }),
  },
  steps: [
    {
      scenario: 'container',
      at_ms: at(0),
      highlight: 'terminal',
      shell: () => ['ip netns'],
      text: tx(
        'The host’s administrator has run `sysctl -w net.core.somaxconn={H}` — on the host. The server runs in a container, which has its own network namespace. The terminal here runs inside that namespace (`ip netns` lists it).\n\nThe server calls `listen(fd, {b})`.',
        '宿主机的管理员执行了 `sysctl -w net.core.somaxconn={H}`——在宿主机上。服务器运行在容器里，容器有自己的网络命名空间。这里的终端就运行在这个命名空间内（`ip netns` 能看到它）。\n\n服务器调用 `listen(fd, {b})`。',
      ),
    },
    {
      scenario: 'container',
      at_ms: at(0),
      text: tx('Host: `somaxconn` = {H}. Container: `listen(fd, {b})`.', '宿主机：`somaxconn` = {H}。容器：`listen(fd, {b})`。'),
      predict: {
        question: tx('What does `ss -lnt` in the container show as the listener’s Send-Q?', '在容器里执行 `ss -lnt`，监听套接字的 Send-Q 是多少？'),
        choices: (p) => [
          num(p.b, 'backlog'),
          num(p.H, tx('the host’s somaxconn', '宿主机的 somaxconn')),
          num(Math.min(p.b, p.H), tx('min(backlog, the host’s somaxconn)', 'min(backlog, 宿主机的 somaxconn)')),
          num(p.max, tx('4096, the kernel default', '内核默认值 4096')),
          num(p.eff, tx('min(backlog, 4096)', 'min(backlog, 4096)')),
        ],
        conceal: ['knobs', 'terminal', 'log', 'queues'],
        reveal: { at_ms: at(0), shell: () => ['sysctl net.core.somaxconn', 'ss -lnt'], highlight: 'terminal' },
        read: { kind: 'backlog' },
        shows: tx('The listener’s Send-Q is {observed}.', '监听套接字的 Send-Q 是 {observed}。'),
        why: () => tx(
          '`somaxconn` lives in the network namespace (`net->core.sysctl_somaxconn`). A new namespace starts at the kernel default, `SOMAXCONN` = 4096 — `preinit_net_sysctl()` never copies the host’s value. `__sys_listen()` reads the socket’s own namespace: min({b}, 4096) = {eff}.\n\nTo change it for a container, set it inside: `docker run --sysctl net.core.somaxconn=…`, or a Kubernetes pod’s `securityContext.sysctls` (the kubelet must allow it).',
          '`somaxconn` 存放在网络命名空间里（`net->core.sysctl_somaxconn`）。新命名空间从内核默认值 `SOMAXCONN` = 4096 起步——`preinit_net_sysctl()` 从不复制宿主机的值。`__sys_listen()` 读的是套接字所在命名空间的值：min({b}, 4096) = {eff}。\n\n要改容器里的值，得在容器内设置：`docker run --sysctl net.core.somaxconn=…`，或者 Kubernetes Pod 的 `securityContext.sysctls`（需要 kubelet 放行）。',
        ),
        claims: (p) => p.eff,
      },
      corrects: [0],
    },
    {
      scenario: 'container',
      at_ms: at(1000),
      text: tx(
        'At 2 s someone runs `sysctl -w net.core.somaxconn={X}` inside the container. The server keeps running; it does not call `listen()` again.',
        '2 秒时，有人在容器里执行 `sysctl -w net.core.somaxconn={X}`。服务器继续运行，没有再次调用 `listen()`。',
      ),
      predict: {
        question: tx('At 3 s, what is the listener’s Send-Q?', '到 3 秒时，监听套接字的 Send-Q 是多少？'),
        choices: (p) => [
          num(p.eff, tx('unchanged', '不变')),
          num(p.X, tx('the new somaxconn', '新的 somaxconn')),
          num(p.H, tx('the host’s somaxconn', '宿主机的 somaxconn')),
        ],
        conceal: ['knobs', 'terminal', 'log'],
        reveal: { at_ms: at(3000), shell: () => ['ss -lnt'], highlight: 'terminal' },
        read: { kind: 'backlog' },
        shows: tx('The listener’s Send-Q is {observed}.', '监听套接字的 Send-Q 是 {observed}。'),
        why: () => tx(
          '`somaxconn` is read only by `listen()`. A listener keeps its `sk_max_ack_backlog` until the program calls `listen()` again (lesson 9) or restarts. After changing the sysctl, restart the service.\n\nThe same holds for the other sysctls of the listen path: in 6.18 `tcp_max_syn_backlog`, `tcp_syncookies`, `tcp_synack_retries` and `tcp_abort_on_overflow` are per namespace too, and a new namespace starts from the kernel’s defaults, not the host’s settings.',
          '`somaxconn` 只有 `listen()` 会读。监听套接字会一直保留自己的 `sk_max_ack_backlog`，直到程序再次调用 `listen()`（第 9 课）或者重启。所以改完这个 sysctl，要重启服务。\n\n监听路径上的其他 sysctl 也是如此：在 6.18 中，`tcp_max_syn_backlog`、`tcp_syncookies`、`tcp_synack_retries` 和 `tcp_abort_on_overflow` 都是按命名空间区分的，新命名空间从内核默认值起步，而不是沿用宿主机的设置。',
        ),
        claims: (p) => p.eff,
      },
      corrects: [1],
    },
  ],
};
