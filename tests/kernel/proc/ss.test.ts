// ss against the real ss (iproute2 6.1) output captured on Linux 6.18.44, for namespaces built by hand to be
// in the state of the capture's moment.
import { describe, it, expect } from 'vitest';
import { client_addr } from '../../../src/sim/scenario.ts';
import { jiffies } from '../../../src/kernel/types.ts';
import { ss } from '../../../src/kernel/proc/ss.ts';
import { print_ms_timer } from '../../../src/kernel/proc/ss.ts';
import { add_child, add_req, as_listing, capture, listening_net, normalise, NOW, PROFILE } from './fixtures.ts';

const run = (net: Parameters<typeof ss>[0], line: string) => ss(net, NOW, PROFILE, line.split(' ').slice(1)).stdout;

describe('ss: somaxconn 8, listen(128), 9 connections waiting in the accept queue (somaxconn-cap-8, end)', () => {
  const c = capture('somaxconn-cap-8@1');
  const { net, sock } = listening_net(c.sysctl, 8, undefined, 8080, 199155);
  for (let i = 0; i < 9; i++) add_child(net, sock, client_addr(i));

  it('ss -lnt: Recv-Q is the accept queue (9 = backlog + 1), Send-Q the capped backlog', () => {
    expect(run(net, 'ss -lnt')).toBe(c.outputs['ss -lnt']);
    expect(run(net, 'ss -lnt sport = :8080')).toBe(c.outputs['ss -lnt sport = :8080']);
  });
  it('ss -tn state syn-recv: no State column and no rows, the header unpadded', () => {
    expect(run(net, 'ss -tn state syn-recv sport = :8080')).toBe(c.outputs['ss -tn state syn-recv sport = :8080']);
  });
  it('ss -tan: the listener and nine ESTAB children', () => {
    expect(as_listing(run(net, 'ss -tan'), 2)).toEqual(as_listing(c.outputs['ss -tan'], 2));
  });
  it('ss -ltne: the details do not widen the "Process" header', () => {
    expect(normalise(run(net, 'ss -ltne'))).toBe(normalise(c.outputs['ss -ltne']));
  });
});

describe('ss: SYN flood, 17 request socks (flood-b16-sc0-msb1024-sa5 at 500 ms)', () => {
  const c = capture('flood-b16-sc0-msb1024-sa5@0');
  const { net, sock } = listening_net(c.sysctl, 16, undefined, 8080, 198783);
  for (let i = 0; i < 17; i++) add_req(net, sock, client_addr(i), { timer_expires: jiffies(NOW + 120) });

  it('ss -lnt: requests are not in the accept queue', () => {
    expect(run(net, 'ss -lnt')).toBe(c.outputs['ss -lnt']);
  });
  it('ss -tn state syn-recv: one `0 0` row per request', () => {
    expect(as_listing(run(net, 'ss -tn state syn-recv sport = :8080'), 1)).toEqual(as_listing(c.outputs['ss -tn state syn-recv sport = :8080'], 1));
  });
  it('ss -tan: SYN-RECV rows widen the State column', () => {
    expect(as_listing(run(net, 'ss -tan'), 2)).toEqual(as_listing(c.outputs['ss -tan'], 2));
  });
  it('ss -lnt hides them, and so does plain ss -tn (connected states only)', () => {
    expect(run(net, 'ss -tn')).toBe('State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n');
  });
});

describe('ss: cookie children accepted while 8 requests linger (mixed-b16-sc1, end)', () => {
  const c = capture('mixed-b16-sc1@1');
  const { net, sock } = listening_net(c.sysctl, 16, undefined, 8080, 199669);
  for (let i = 0; i < 8; i++) add_req(net, sock, client_addr(i), { num_timeout: 3, num_retrans: 3 });
  for (let i = 300; i < 310; i++) add_child(net, sock, client_addr(i), { accepted_inode: 200750 + 2 * (i - 300), syncookie: true });

  it('ss -tan and ss -tn state syn-recv', () => {
    expect(as_listing(run(net, 'ss -tan'), 2)).toEqual(as_listing(c.outputs['ss -tan'], 2));
    expect(as_listing(run(net, 'ss -tn state syn-recv sport = :8080'), 1)).toEqual(as_listing(c.outputs['ss -tn state syn-recv sport = :8080'], 1));
  });
});

describe('ss: listen() without bind() (probe-autobind-1)', () => {
  const c = capture('probe-autobind-1@1');
  const { net } = listening_net(c.sysctl, 8, 0, 49757, 198578);

  it('0.0.0.0 and a five-digit port widen the Port column', () => {
    for (const cmd of ['ss -lnt', 'ss -lnt sport = :49757', 'ss -tan', 'ss -tn state syn-recv sport = :49757']) {
      expect(run(net, cmd)).toBe(c.outputs[cmd]);
    }
    expect(normalise(run(net, 'ss -ltne'))).toBe(normalise(c.outputs['ss -ltne']));
  });
});

describe('ss options the captures do not show', () => {
  const { net, sock } = listening_net({}, 4);
  const req = add_req(net, sock, client_addr(0), { timer_expires: jiffies(NOW + 402), num_retrans: 1, num_timeout: 1 });
  add_child(net, sock, client_addr(1));

  it('without -t the Netid column appears (several socket tables are asked for)', () => {
    expect(run(net, 'ss -n state syn-recv sport = :8080')).toBe(
      'Netid Recv-Q Send-Q Local Address:Port Peer Address:Port Process\n' +
      'tcp   0      0          192.0.2.1:8080    192.0.2.2:20000       \n');
  });
  it('-o prints the request timer: inet_diag milliseconds, ss print_ms_timer(), num_retrans', () => {
    expect(run(net, 'ss -tno state syn-recv')).toContain('192.0.2.2:20000 timer:(on,1.608ms,1)');
    expect(req.num_retrans).toBe(1);
  });
  it('-e: a request has no inode, cgroup or shutdown state; a queued child has inode 0', () => {
    const out = run(net, 'ss -tane');
    expect(out).toMatch(/\nSYN-RECV .*192\.0\.2\.2:20000 ino:0 sk:[0-9a-f]+ *\n/);
    expect(out).toMatch(/\nESTAB .*192\.0\.2\.3:20000 ino:0 sk:[0-9a-f]+ cgroup:unreachable:1 <-> *\n/);
    // the extension text of every row but the last counts toward the width, so here the header is padded
    expect(out.split('\n')[0]).toMatch(/Process {10,}$/);
  });
  it('-H drops the header; without -n a known port is named', () => {
    expect(run(net, 'ss -ltH')).toBe('LISTEN 1      4      192.0.2.1:http-alt 0.0.0.0:*\n');
  });
  it('options may follow the state and filter words (getopt permutes), long forms too', () => {
    expect(run(net, 'ss state syn-recv sport = :8080 -tn')).toBe(run(net, 'ss -tn state syn-recv sport = :8080'));
    expect(run(net, 'ss --tcp --listening --numeric')).toBe(run(net, 'ss -tln'));
  });
  it('errors read like ss', () => {
    expect(ss(net, NOW, PROFILE, ['-t', 'state', 'bogus']).stderr).toBe('ss: wrong state name: bogus\n');
    expect(ss(net, NOW, PROFILE, ['-lnt', 'sport', '=']).exit).toBe(255);
    expect(ss(net, NOW, PROFILE, ['-q']).stderr).toMatch(/^ss: invalid option -- 'q'/);
  });
  it('print_ms_timer() spells times like ss', () => {
    expect([608, 1608, 5000, 12345, 61000, 600000].map(print_ms_timer)).toEqual(['608ms', '1.608ms', '5sec', '12sec', '1min1sec', '10min']);
  });
});
