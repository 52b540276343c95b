// run_command(): the lines a student types, dispatched to the tools, with pipes and errors.
import { describe, it, expect } from 'vitest';
import { client_addr } from '../../../src/sim/scenario.ts';
import { run_command, type ShellState } from '../../../src/kernel/proc/shell.ts';
import { add_child, capture, listening_net, NOW, PROFILE, set_mib_from } from './fixtures.ts';

function lab(): ShellState {
  const c = capture('somaxconn-cap-8@1');
  const { net, sock } = listening_net(c.sysctl, 8, undefined, 8080, 199155);
  for (let i = 0; i < 9; i++) add_child(net, sock, client_addr(i));
  set_mib_from(net, c);
  return { net, now: NOW, profile: PROFILE, netns: ['kernlab-srv', 'kernlab-cli'] };
}

describe('run_command', () => {
  it('ss with the filter quoted as one word, or after sudo, or via ip netns exec', () => {
    const s = lab();
    const want = capture('somaxconn-cap-8@1').outputs['ss -lnt'];
    expect(run_command("ss -lnt 'sport = :8080'", s).stdout).toBe(want);
    expect(run_command('sudo ss -lnt', s).stdout).toBe(want);
    expect(run_command('ip netns exec kernlab-srv ss -lnt', s).stdout).toBe(want);
    expect(run_command('ss -n state syn-recv sport = :8080', s).stdout).toBe('Netid Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n');
  });
  it('ip netns lists the namespaces it is given', () => {
    expect(run_command('ip netns', lab())).toEqual({ stdout: 'kernlab-srv\nkernlab-cli\n', exit: 0 });
    expect(run_command('ip netns list', lab()).stdout).toBe('kernlab-srv\nkernlab-cli\n');
    expect(run_command('ip netns exec nope ss', lab())).toMatchObject({ stderr: 'Cannot open network namespace "nope": No such file or directory\n', exit: 255 });
  });
  it('pipes into grep, wc -l, head', () => {
    const s = lab();
    expect(run_command('nstat -az | grep Listen', s).stdout).toBe(
      'TcpExtListenOverflows           126                0.0\nTcpExtListenDrops               126                0.0\n' +
      'TcpExtTCPFastOpenListenOverflow 0                  0.0\n');
    expect(run_command('nstat -az | grep -ic listen', s).stdout).toBe('3\n');
    expect(run_command('ss -tan | wc -l', s).stdout).toBe('11\n');
    expect(run_command('netstat -s | head -n 2', s).stdout).toBe('Ip:\n    Forwarding: 2\n');
    expect(run_command('sysctl -a | grep somaxconn', s).stdout).toBe('net.core.somaxconn = 8\n');
    expect(run_command('ss -lnt | grep SYN-RECV', s).exit).toBe(1);
  });
  it('nstat hands back its history; the next nstat shows only what moved', () => {
    const s = lab();
    const first = run_command('nstat', s);
    expect(first.stdout).toContain('TcpExtListenDrops               126 ');
    s.net.mib.ListenDrops += 2;
    const second = run_command('nstat', { ...s, nstat_history: first.nstat_history });
    expect(second.stdout).toBe('#kernel\nTcpExtListenDrops               2                  0.0\n');
  });
  it('sysctl -w returns the write for the caller to apply', () => {
    const s = lab();
    const r = run_command('sysctl -w net.core.somaxconn=1024', s);
    expect(r).toEqual({ stdout: 'net.core.somaxconn = 1024\n', exit: 0, sysctl_write: [{ name: 'net.core.somaxconn', value: 1024 }] });
    expect(s.net.sysctl['net.core.somaxconn']).toBe(8);
    expect(run_command('sysctl -w net.core.somaxconn=x', s)).toMatchObject({ stderr: 'sysctl: setting key "net.core.somaxconn": Invalid argument\n', exit: 1 });
  });
  it('cat of the proc files, of a sysctl file, and of a file that is not there', () => {
    const s = lab();
    expect(run_command('cat /proc/net/tcp', s).stdout.split('\n')[0]).toMatch(/^ {2}sl {2}local_address/);
    expect(run_command('cat /proc/sys/net/core/somaxconn', s).stdout).toBe('8\n');
    expect(run_command('cat /proc/net/udp', s)).toMatchObject({ stderr: 'cat: /proc/net/udp: No such file or directory\n', exit: 1 });
  });
  it('help, unknown commands, empty lines, bad quoting', () => {
    const s = lab();
    expect(run_command('help', s).stdout).toContain('ss -tn state syn-recv sport = :8080');
    const r = run_command('tcpdump -i any', s);
    expect(r.exit).toBe(127);
    expect(r.stderr).toMatch(/^tcpdump: command not found\n.*ss, netstat, nstat/);
    expect(run_command('   ', s)).toEqual({ stdout: '', exit: 0 });
    expect(run_command("ss 'sport", s).exit).toBe(2);
  });
  it('netstat: -tan lists sockets, -s statistics, a bad option the usage', () => {
    const s = lab();
    expect(run_command('netstat -tan', s).stdout.split('\n')[2]).toBe('tcp        9      0 192.0.2.1:8080          0.0.0.0:*               LISTEN     ');
    expect(run_command('netstat -tln', s).stdout.split('\n')).toHaveLength(4);
    expect(run_command('netstat -s', s).stdout).toContain('    126 times the listen queue of a socket overflowed\n');
    expect(run_command('netstat -y', s)).toMatchObject({ exit: 1, stderr: expect.stringMatching(/^netstat: invalid option -- 'y'\n/) });
  });
});
