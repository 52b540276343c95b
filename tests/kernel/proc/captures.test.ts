// Every command of every capture (18 moments of 8 scenarios) typed into run_command(), for a namespace rebuilt
// from that moment: the sockets as the capture's /proc/net/tcp lists them (listener, requests with their
// retransmit count and timer, children queued or accepted), the scenario's sysctls and backlog, the model's
// counters and the byte counts from the capture. The other tools' output must then match what they printed.
import { describe, it, expect } from 'vitest';
import { jiffies } from '../../../src/kernel/types.ts';
import { run_command, type ShellState } from '../../../src/kernel/proc/shell.ts';
import { add_child, add_req, as_listing, listening_net, load_captures, normalise, NOW, octets_from, PROFILE, set_mib_from, type Capture } from './fixtures.ts';

const be32 = (hex: string) => {
  const v = parseInt(hex, 16);
  return (((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24)) >>> 0;
};
const endpoint = (field: string) => {
  const [a, p] = field.split(':');
  return { addr: be32(a), port: parseInt(p, 16) };
};

function state_of(c: Capture): ShellState {
  const rows = c.outputs['cat /proc/net/tcp'].trimEnd().split('\n').slice(1).map((l) => l.trim().split(/\s+/));
  const listen = rows.find((f) => f[3] === '0A');
  if (!listen) throw new Error(`${c.id}: no listener`);
  const local = endpoint(listen[1]);
  const { net, sock } = listening_net(c.sysctl, c.effective_backlog, local.addr, local.port, Number(listen[9]));
  for (const f of rows) {
    const peer = endpoint(f[2]);
    if (f[3] === '03') {
      // tm->when ticks back to jiffies at HZ 250 (2.5 per tick, rounded up so the tick count comes out again)
      const when = parseInt(f[5].split(':')[1], 16);
      const retr = parseInt(f[6], 16);
      add_req(net, sock, peer, { num_timeout: retr, num_retrans: retr, timer_expires: jiffies(NOW + Math.ceil(when * 2.5)) });
    } else if (f[3] === '01') {
      const inode = Number(f[9]);
      add_child(net, sock, peer, { accepted_inode: inode === 0 ? undefined : inode, syncookie: f[12] === '300' });
    }
  }
  set_mib_from(net, c);
  return { net, now: NOW, profile: PROFILE, netns: ['kernlab-srv'], extra_counters: octets_from(c) };
}

/** the header lines of a listing whose other lines come in hash order */
function listing_header(cmd: string): number | null {
  if (cmd.startsWith('ss ') || cmd === 'cat /proc/net/tcp') return 1;
  if (cmd === 'netstat -tan') return 2;
  return null;
}

describe.each(load_captures().map((c) => [c.id, c] as const))('%s', (_id, c) => {
  const state = state_of(c);
  it.each(Object.keys(c.outputs))('%s', (cmd) => {
    const r = run_command(cmd, state);
    expect(r.exit).toBe(0);
    expect(r.stderr).toBeUndefined();
    const n = listing_header(cmd);
    if (n === null) expect(r.stdout).toBe(c.outputs[cmd]);
    else expect(as_listing(r.stdout, n)).toEqual(as_listing(c.outputs[cmd], n));
    if (cmd === 'ss -ltne') expect(normalise(r.stdout)).toBe(normalise(c.outputs[cmd]));
  });
});
