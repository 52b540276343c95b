// /proc/net/tcp and netstat -tan against the 6.18.44 captures.
import { describe, it, expect } from 'vitest';
import { client_addr } from '../../../src/sim/scenario.ts';
import { jiffies, type Jiffies } from '../../../src/kernel/types.ts';
import { proc_net_tcp } from '../../../src/kernel/proc/proc_net_tcp.ts';
import { netstat_tcp } from '../../../src/kernel/proc/netstat_tcp.ts';
import { jiffies_to_clock_t, jiffies_to_msecs } from '../../../src/kernel/proc/jiffies.ts';
import { add_child, add_req, as_listing, capture, listening_net, NOW, PROFILE } from './fixtures.ts';

const NETSTAT_TAN = { all: true, listening: false, numeric: true, timers: false, tcp: true };

describe('/proc/net/tcp during a SYN flood (flood-b16-sc0-msb1024-sa5 at 500 ms)', () => {
  // The 17 request socks were created when their SYN-ACKs left (recording, ms); each timer was armed for
  // req->timeout = 1 s = 250 jiffies. The capture ran at ~516 ms; the jiffies clock's phase against the
  // recorder's milliseconds is unknown, 0.5 ms reproduces every tm->when (any phase in 0.1..0.6 does).
  const synack_ms = [1.444, 1.55, 2.181, 3.185, 4.177, 5.173, 6.175, 7.375, 8.168, 9.176, 10.17, 11.165, 12.165, 13.162, 14.164, 15.17, 16.161];
  const J = (ms: number): Jiffies => jiffies(Math.floor((ms + 0.5) / 4));
  const c = capture('flood-b16-sc0-msb1024-sa5@0');
  const { net, sock } = listening_net(c.sysctl, 16, undefined, 8080, 198783);
  synack_ms.forEach((ms, i) => add_req(net, sock, client_addr(i), { timer_expires: jiffies(J(ms) + 250) }));
  const text = proc_net_tcp(net, J(516), PROFILE);

  it('request rows: st 03, timer 01 with USER_HZ ticks to rsk_timer.expires, inode and refcount 0', () => {
    expect(as_listing(text, 2)).toEqual(as_listing(c.outputs['cat /proc/net/tcp'], 2));
  });
  it('the listener holds one reference per request: refcount 18', () => {
    expect(text.split('\n')[1]).toContain(' 198783 18 ');
  });
  it('every line is padded to 149 characters', () => {
    expect(new Set(text.split('\n').slice(0, -1).map((l) => l.length))).toEqual(new Set([149]));
  });
  it('netstat -tan shows them as SYN_RECV', () => {
    expect(as_listing(netstat_tcp(net, J(516), PROFILE, NETSTAT_TAN), 3)).toEqual(as_listing(c.outputs['netstat -tan'], 3));
  });
});

describe('/proc/net/tcp with a full accept queue (somaxconn-cap-8, end)', () => {
  const c = capture('somaxconn-cap-8@1');
  const { net, sock } = listening_net(c.sysctl, 8, undefined, 8080, 199155);
  for (let i = 0; i < 9; i++) add_child(net, sock, client_addr(i));

  it('queued children have inode 0; the listener rx_queue is 9 and its refcount 10', () => {
    expect(as_listing(proc_net_tcp(net, NOW, PROFILE), 2)).toEqual(as_listing(c.outputs['cat /proc/net/tcp'], 2));
  });
  it('netstat -tan: Recv-Q 9 but Send-Q 0 for the listener', () => {
    expect(as_listing(netstat_tcp(net, NOW, PROFILE, NETSTAT_TAN), 3)).toEqual(as_listing(c.outputs['netstat -tan'], 3));
  });
});

describe('/proc/net/tcp while the server accepts slowly (slow-accept-b4 at 1 s)', () => {
  const c = capture('slow-accept-b4@0');
  const { net, sock } = listening_net(c.sysctl, 4, undefined, 8080, 198955);
  const accepted: [number, number][] = [[0, 198972], [1, 198973], [2, 198974], [3, 199009], [4, 199010], [5, 199011]];
  for (const [i, inode] of accepted) add_child(net, sock, client_addr(i), { accepted_inode: inode });
  for (const i of [11, 21]) add_child(net, sock, client_addr(i));

  it('accepted children show their inode, queued ones 0; only queued ones hold the listener', () => {
    expect(as_listing(proc_net_tcp(net, NOW, PROFILE), 2)).toEqual(as_listing(c.outputs['cat /proc/net/tcp'], 2));
    expect(as_listing(netstat_tcp(net, NOW, PROFILE, NETSTAT_TAN), 3)).toEqual(as_listing(c.outputs['netstat -tan'], 3));
  });
});

describe('/proc/net/tcp: cookie children and old requests (mixed-b16-sc1, end)', () => {
  const c = capture('mixed-b16-sc1@1');
  const { net, sock } = listening_net(c.sysctl, 16, undefined, 8080, 199669);
  // 8 requests left after pruning, each timed out 3 times; the capture shows 0x12F = 303 ticks to the next
  // firing, i.e. 758 jiffies at HZ 250 (the model's timer would have to say when).
  for (let i = 0; i < 8; i++) add_req(net, sock, client_addr(i), { num_timeout: 3, num_retrans: 3, timer_expires: jiffies(NOW + 758) });
  for (let i = 300; i < 310; i++) add_child(net, sock, client_addr(i), { accepted_inode: 200750 + 2 * (i - 300), syncookie: true });

  it('retrnsmt is num_timeout; a cookie child has rto 3 s (300 ticks), no RTT sample', () => {
    expect(as_listing(proc_net_tcp(net, NOW, PROFILE), 2)).toEqual(as_listing(c.outputs['cat /proc/net/tcp'], 2));
    expect(as_listing(netstat_tcp(net, NOW, PROFILE, NETSTAT_TAN), 3)).toEqual(as_listing(c.outputs['netstat -tan'], 3));
  });
  it('netstat -tno: requests only (rem port != 0), with the timer as seconds/retransmits/probes', () => {
    const out = netstat_tcp(net, NOW, PROFILE, { ...NETSTAT_TAN, all: false, timers: true });
    expect(out.split('\n')[0]).toBe('Active Internet connections (w/o servers)');
    expect(out).toContain('192.0.2.2:20000         SYN_RECV    on (3.03/3/0)\n');
    expect(out).not.toContain('LISTEN');
  });
});

describe('netstat -tan for an autobound listener (probe-autobind-1)', () => {
  it('0.0.0.0:port, padded to 23', () => {
    const c = capture('probe-autobind-1@1');
    const { net } = listening_net(c.sysctl, 8, 0, 49757, 198578);
    expect(netstat_tcp(net, NOW, PROFILE, NETSTAT_TAN)).toBe(c.outputs['netstat -tan']);
    expect(proc_net_tcp(net, NOW, PROFILE).replace(/[0-9a-f]{16}/, 'P')).toBe(c.outputs['cat /proc/net/tcp'].replace(/[0-9a-f]{16}/, 'P'));
  });
  it('without -n INADDR_ANY is "*" and a known port gets its service name', () => {
    const { net } = listening_net({}, 8);
    expect(netstat_tcp(net, NOW, PROFILE, { ...NETSTAT_TAN, numeric: false })).toContain('tcp        0      0 192.0.2.1:http-alt      *:*                     LISTEN     \n');
  });
});

describe('kernel time conversions at HZ 250', () => {
  it('jiffies_to_clock_t: 2.5 jiffies per USER_HZ tick, rounded down', () => {
    expect([120, 122, 123, 125, 250, 758].map((j) => jiffies_to_clock_t(j, 250))).toEqual([48, 48, 49, 50, 100, 303]);
    expect(jiffies_to_clock_t(100, 100)).toBe(100);
    expect(jiffies_to_clock_t(1000, 1000)).toBe(100);
  });
  it('jiffies_to_msecs: 4 ms per jiffy', () => {
    expect(jiffies_to_msecs(402, 250)).toBe(1608);
    expect(jiffies_to_msecs(300, 300)).toBe(1000);
  });
});
