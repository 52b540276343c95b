// sysctl (procps-ng 4.0.2) over the model's sysctls: reads as the capture shows them, writes checked and handed
// back, errors worded like procps.
import { describe, it, expect } from 'vitest';
import { PROFILES } from '../../../src/kernel/profiles.ts';
import { setup_net } from '../../../src/kernel/net_namespace.ts';
import { sysctl_tool } from '../../../src/kernel/proc/sysctl_tool.ts';
import { capture, listening_net, PROFILE } from './fixtures.ts';

const fresh = () => setup_net('kernlab-srv', PROFILE);

describe('sysctl reads', () => {
  it('the captured command in the somaxconn-cap-8 namespace', () => {
    const c = capture('somaxconn-cap-8@1');
    const cmd = 'sysctl net.core.somaxconn net.ipv4.tcp_max_syn_backlog net.ipv4.tcp_syncookies net.ipv4.tcp_synack_retries net.ipv4.tcp_abort_on_overflow';
    const { net } = listening_net(c.sysctl, 8);
    expect(sysctl_tool(net, PROFILE, cmd.split(' ').slice(1)).stdout).toBe(c.outputs[cmd]);
  });
  it('a fresh namespace: the kernel defaults; -n prints the value only; the port range has a tab', () => {
    const net = fresh();
    expect(sysctl_tool(net, PROFILE, ['net.core.somaxconn']).stdout).toBe('net.core.somaxconn = 4096\n');
    expect(sysctl_tool(net, PROFILE, ['-n', 'net.ipv4.tcp_max_syn_backlog']).stdout).toBe('2048\n');
    expect(sysctl_tool(net, PROFILE, ['net.ipv4.ip_local_port_range']).stdout).toBe('net.ipv4.ip_local_port_range = 32768\t60999\n');
    expect(sysctl_tool(net, PROFILE, ['net/ipv4/tcp_syncookies']).stdout).toBe('net.ipv4.tcp_syncookies = 1\n');
  });
  it('sysctl -a lists the modelled sysctls, sorted; Linux 6.1 has no tcp_syn_linear_timeouts', () => {
    const all = sysctl_tool(fresh(), PROFILE, ['-a']).stdout.trimEnd().split('\n');
    expect(all).toContain('net.ipv4.tcp_challenge_ack_limit = 2147483647');
    expect(all).toEqual([...all].sort());
    expect(all).toHaveLength(10);
    const old = PROFILES['linux-6.1'];
    expect(sysctl_tool(setup_net('x', old), old, ['-a']).stdout).not.toContain('linear');
    expect(sysctl_tool(setup_net('x', old), old, ['net.ipv4.tcp_syn_linear_timeouts']).stderr)
      .toBe('sysctl: cannot stat /proc/sys/net/ipv4/tcp_syn_linear_timeouts: No such file or directory\n');
  });
  it('an unknown key', () => {
    const r = sysctl_tool(fresh(), PROFILE, ['net.core.foo', 'net.core.somaxconn']);
    expect(r.stderr).toBe('sysctl: cannot stat /proc/sys/net/core/foo: No such file or directory\n');
    expect(r.stdout).toBe('net.core.somaxconn = 4096\n');
    expect(r.exit).toBe(1);
  });
});

describe('sysctl writes are returned, never applied', () => {
  it('-w NAME=VALUE echoes the setting and hands back the write', () => {
    const net = fresh();
    const r = sysctl_tool(net, PROFILE, ['-w', 'net.core.somaxconn=128']);
    expect(r).toEqual({ stdout: 'net.core.somaxconn = 128\n', stderr: '', exit: 0, writes: [{ name: 'net.core.somaxconn', value: 128 }] });
    expect(net.sysctl['net.core.somaxconn']).toBe(4096);
  });
  it('NAME=VALUE without -w is a write too; a range takes two numbers', () => {
    const r = sysctl_tool(fresh(), PROFILE, ['net.ipv4.ip_local_port_range=1024 65000']);
    expect(r.stdout).toBe('net.ipv4.ip_local_port_range = 1024 65000\n');
    expect(r.writes).toEqual([{ name: 'net.ipv4.ip_local_port_range', value: [1024, 65000] }]);
  });
  it('a value the proc handler rejects: EINVAL, as procps words it', () => {
    for (const bad of ['net.ipv4.tcp_syncookies=256', 'net.core.somaxconn=-1', 'net.core.somaxconn=lots', 'net.ipv4.tcp_syn_retries=0']) {
      const r = sysctl_tool(fresh(), PROFILE, ['-w', bad]);
      expect(r.stderr).toBe(`sysctl: setting key "${bad.split('=')[0]}": Invalid argument\n`);
      expect(r.exit).toBe(1);
      expect(r.writes).toEqual([]);
    }
  });
  it('-w without a value; -q keeps quiet', () => {
    expect(sysctl_tool(fresh(), PROFILE, ['-w', 'net.core.somaxconn'])).toMatchObject({
      stderr: 'sysctl: "net.core.somaxconn" must be of the form name=value\n', exit: 255,
    });
    expect(sysctl_tool(fresh(), PROFILE, ['-q', '-w', 'net.core.somaxconn=16']).stdout).toBe('');
  });
});
