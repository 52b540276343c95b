// nstat, netstat -s, /proc/net/snmp and /proc/net/netstat against the 6.18.44 captures. Only the model's own
// counters (mib.ts) and the byte counts it does not keep are taken from the capture; everything else the
// tools print (Ip counters, constants, zeros, order, layout) must come out of the renderers.
import { describe, it, expect } from 'vitest';
import { snmp_reader } from '../../../src/kernel/proc/snmp_counters.ts';
import { nstat, nstat_counters, parse_nstat_args } from '../../../src/kernel/proc/nstat.ts';
import { netstat_s, bsearch_entry } from '../../../src/kernel/proc/netstat_s.ts';
import { IPTAB } from '../../../src/kernel/proc/netstat_s_tables.ts';
import { TCPEXTTAB } from '../../../src/kernel/proc/netstat_s_tcpext.ts';
import { proc_net_netstat, proc_net_snmp } from '../../../src/kernel/proc/proc_net_snmp.ts';
import { capture, listening_net, octets_from, set_mib_from, type Capture } from './fixtures.ts';

function reader_for(c: Capture) {
  const { net } = listening_net(c.sysctl, c.effective_backlog);
  set_mib_from(net, c);
  return { net, read: snmp_reader(net, octets_from(c)) };
}

const opts = (line: string) => {
  const o = parse_nstat_args(line.split(' ').slice(1));
  if (!o) throw new Error(line);
  return o;
};

describe('counters of somaxconn-cap-8 at the end', () => {
  const c = capture('somaxconn-cap-8@1');
  const { read } = reader_for(c);

  it('nstat -az: 390 counters in the kernel order, no gauges, rate 0.0', () => {
    const out = nstat(read, opts('nstat -az'), null).stdout;
    expect(out).toBe(c.outputs['nstat -az']);
    expect(out).not.toContain('TcpCurrEstab');
    expect(out.split('\n').length - 2).toBe(390);
  });
  it('cat /proc/net/snmp and /proc/net/netstat', () => {
    expect(proc_net_snmp(read)).toBe(c.outputs['cat /proc/net/snmp']);
    expect(proc_net_netstat(read)).toBe(c.outputs['cat /proc/net/netstat']);
  });
  it('netstat -s: Tcp zeros print, TcpExt only non-zero, unknown fields as Name: value', () => {
    expect(netstat_s(read)).toBe(c.outputs['netstat -s']);
  });
});

describe('netstat -s after a flood answered with cookies (flood-b16-sc1-msb1024-sa5, end)', () => {
  const c = capture('flood-b16-sc1-msb1024-sa5@2');
  const { read } = reader_for(c);
  it('TCPTimeouts is missed by the bsearch of the mis-sorted table; TCPReqQFull*, TCPSynRetrans have no entry', () => {
    const out = netstat_s(read);
    expect(out).toBe(c.outputs['netstat -s']);
    expect(out).toContain('    TCPTimeouts: 51\n    TCPReqQFullDoCookies: 383\n    TCPSynRetrans: 42\n');
  });
  it('the misses are the table order, not a missing entry', () => {
    expect(TCPEXTTAB.some((e) => e.title === 'TCPTimeouts')).toBe(true);
    expect(bsearch_entry(TCPEXTTAB, 'TCPTimeouts')).toBeNull();
    expect(bsearch_entry(IPTAB, 'Forwarding')).toBeNull();
    expect(bsearch_entry(TCPEXTTAB, 'ListenDrops')?.out).toBe('%llu SYNs to LISTEN sockets dropped');
  });
  it('netstat -st: only Tcp and TcpExt of the known tables, tableless sections still print', () => {
    const out = netstat_s(read, { raw: false, tcp: true, udp: false });
    expect(out.startsWith('Tcp:\n    0 active connection openings\n')).toBe(true);
    expect(out).not.toContain('Ip:\n');
    expect(out).toContain('UdpLite:\nTcpExt:\n    383 SYN cookies sent\n');
    expect(out.endsWith('IpExt:\n    InOctets: 17600\n    OutOctets: 19448\n    InNoECTPkts: 400\nMPTcpExt:\n')).toBe(true);
  });
});

describe('nstat without -a: increments since the history file', () => {
  const c = capture('somaxconn-cap-8@0');
  const { net, read } = reader_for(c);

  it('the first run has no history: every non-zero counter, as nstat -a would print it', () => {
    const first = nstat(read, opts('nstat'), null);
    const nonzero = c.outputs['nstat -az'].split('\n').filter((l) => l.startsWith('#') || / [1-9]\d* +0\.0$/.test(l));
    expect(first.stdout).toBe(`${nonzero.join('\n')}\n`);
    expect(first.history?.TcpExtListenDrops).toBe(net.mib.ListenDrops);
  });
  it('the next run prints what moved since, and rewrites the history', () => {
    const first = nstat(read, opts('nstat'), null);
    net.mib.ListenDrops += 3;
    net.mib.ListenOverflows += 3;
    net.mib.InSegs += 3;
    const second = nstat(snmp_reader(net, octets_from(c)), opts('nstat'), first.history);
    expect(second.stdout).toBe('#kernel\n' +
      'IpInReceives                    3                  0.0\n' +
      'IpInDelivers                    3                  0.0\n' +
      'TcpInSegs                       3                  0.0\n' +
      'TcpExtListenOverflows           3                  0.0\n' +
      'TcpExtListenDrops               3                  0.0\n' +
      'IpExtInNoECTPkts                3                  0.0\n');
    const third = nstat(snmp_reader(net, octets_from(c)), opts('nstat'), second.history);
    expect(third.stdout).toBe('#kernel\n');
  });
  it('-s leaves the history alone; patterns select counters (case-insensitive globs)', () => {
    const fresh = reader_for(c).read;
    const h = nstat(fresh, opts('nstat'), null).history;
    const r = nstat(fresh, opts('nstat -s -az tcpext*drop*'), h);
    expect(r.history).toBe(h);
    const wanted = c.outputs['nstat -az'].split('\n').filter((l) => /^TcpExt\w*drop\w* /i.test(l));
    expect(wanted.length).toBeGreaterThan(3);
    expect(r.stdout).toBe(`#kernel\n${wanted.join('\n')}\n`);
  });
  it('nstat_counters lists the 390 names, TcpCurrEstab excluded', () => {
    const ids = nstat_counters(read).map(([id]) => id);
    expect(ids).toHaveLength(390);
    expect(ids).not.toContain('TcpCurrEstab');
  });
});
