// listen(): kernel-notes.md §0 rules L1–L5 and §1–§2 (net/socket.c __sys_listen, net/ipv4/af_inet.c
// __inet_listen_sk, net/ipv4/inet_connection_sock.c inet_csk_listen_start / inet_csk_find_open_port).
import { describe, it, expect } from 'vitest';
import { Lab, PORT, SERVER } from './lab.ts';

describe('L1/L2 listen() on a socket in the wrong state', () => {
  it('L1: a socket that is not SS_UNCONNECTED (connecting or connected) gets EINVAL and stays as it was', () => {
    for (const state of ['SS_CONNECTING', 'SS_CONNECTED'] as const) {
      const lab = new Lab();
      const fd = lab.socket();
      lab.sk(fd).sock_state = state;
      expect(lab.listen(fd, 8)).toEqual({ ok: false, errno: 'EINVAL' });
      expect(lab.sk(fd).sk_state).toBe('TCP_CLOSE');
      expect(lab.codes()).toContain('listen_einval');
    }
  });

  it('L2: sk_state outside {CLOSE, LISTEN} (SYN_SENT, ESTABLISHED) gets EINVAL', () => {
    for (const state of ['TCP_SYN_SENT', 'TCP_ESTABLISHED'] as const) {
      const lab = new Lab();
      const fd = lab.socket();
      lab.sk(fd).sk_state = state;
      expect(lab.listen(fd, 8)).toEqual({ ok: false, errno: 'EINVAL' });
      expect(lab.sk(fd).sk_state).toBe(state);
    }
  });

  it('L1 (fdget first): listen() on an unknown descriptor is EBADF', () => {
    const lab = new Lab();
    expect(lab.listen(12345, 8)).toEqual({ ok: false, errno: 'EBADF' });
  });
});

describe('L3 the backlog is capped at somaxconn with an unsigned compare', () => {
  const N = (backlog: number, somaxconn = 4096): number => {
    const lab = new Lab({ sysctl: { 'net.core.somaxconn': somaxconn } });
    return lab.listener(backlog).sk_max_ack_backlog;
  };

  it('L3: a negative backlog becomes somaxconn (-1, -5, INT_MIN)', () => {
    expect(N(-1)).toBe(4096);
    expect(N(-5)).toBe(4096);
    expect(N(-2147483648)).toBe(4096);
    expect(N(-1, 128)).toBe(128);
  });

  it('L3: backlog 0 stays 0; values up to somaxconn are kept', () => {
    expect(N(0)).toBe(0);
    expect(N(1)).toBe(1);
    expect(N(4096)).toBe(4096);
    expect(N(200, 128)).toBe(128);
  });

  it('L3: a huge backlog is capped at somaxconn, which itself has no upper bound', () => {
    expect(N(100000)).toBe(4096);
    expect(N(2147483647)).toBe(4096);
    expect(N(100000, 100000)).toBe(100000);
    expect(N(70000, 100000)).toBe(70000);
  });

  it('L3: somaxconn = 0 makes every listen() N = 0, negative backlogs included', () => {
    expect(N(8, 0)).toBe(0);
    expect(N(-1, 0)).toBe(0);
  });

  it('L3: a later somaxconn change does not touch an existing listener', () => {
    const lab = new Lab();
    const sk = lab.listener(1000);
    lab.net.sysctl['net.core.somaxconn'] = 10;
    expect(sk.sk_max_ack_backlog).toBe(1000);
  });
});

describe('L4 the first listen()', () => {
  it('L4: CLOSE → LISTEN with an empty accept queue, the bound port kept', () => {
    const lab = new Lab();
    const sk = lab.listener(8);
    expect(sk.sk_state).toBe('TCP_LISTEN');
    expect(sk.num).toBe(PORT);
    expect(sk.sk_ack_backlog).toBe(0);
    expect(sk.accept_queue).toEqual([]);
    expect(lab.codes()).toContain('listen_started');
  });

  it('L4: a second listener on the same port is EADDRINUSE even with SO_REUSEADDR on both, and goes back to CLOSE', () => {
    const lab = new Lab();
    const a = lab.socket();
    const b = lab.socket();
    lab.sk(a).reuse = true;
    lab.sk(b).reuse = true;
    // both binds succeed (neither listens yet) …
    expect(lab.bind(a)).toEqual({ ok: true });
    expect(lab.bind(b)).toEqual({ ok: true });
    // … the first listen() wins, the second is refused at listen time
    expect(lab.listen(a, 8)).toEqual({ ok: true });
    expect(lab.listen(b, 16)).toEqual({ ok: false, errno: 'EADDRINUSE' });
    expect(lab.sk(b).sk_state).toBe('TCP_CLOSE');
    expect(lab.codes()).toContain('listen_eaddrinuse');
    // __inet_listen_sk() writes sk_max_ack_backlog before inet_csk_listen_start() fails
    expect(lab.sk(b).sk_max_ack_backlog).toBe(16);
    expect(lab.sk(a).sk_state).toBe('TCP_LISTEN');
  });

  it('L4: without SO_REUSEADDR the second bind() itself is EADDRINUSE', () => {
    const lab = new Lab();
    lab.listener(8);
    const b = lab.socket();
    expect(lab.bind(b)).toEqual({ ok: false, errno: 'EADDRINUSE' });
  });

  it('L4: listen() without bind() autobinds an odd port in 32768..60999 (the parity opposite to low)', () => {
    const ports: number[] = [];
    for (let seed = 1; seed <= 40; seed++) {
      const lab = new Lab({ seed });
      const fd = lab.socket();
      lab.sk(fd).rcv_saddr = SERVER;
      expect(lab.listen(fd, 8)).toEqual({ ok: true });
      const sk = lab.sk(fd);
      expect(sk.sk_state).toBe('TCP_LISTEN');
      ports.push(sk.num);
      expect(lab.codes()).toContain('autobind_port');
    }
    for (const p of ports) {
      expect(p).toBeGreaterThanOrEqual(32768);
      expect(p).toBeLessThanOrEqual(60999);
      expect(p % 2).toBe(1);
    }
    // the offset is random: 40 seeds do not all land on one port
    expect(new Set(ports).size).toBeGreaterThan(30);
  });

  it('L4: with ip_local_port_range 40001 40100 (odd low) autobind gives even ports in the range', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const lab = new Lab({ seed, sysctl: { 'net.ipv4.ip_local_port_range': [40001, 40100] } });
      const fd = lab.socket();
      expect(lab.listen(fd, 8)).toEqual({ ok: true });
      const p = lab.sk(fd).num;
      expect(p).toBeGreaterThanOrEqual(40001);
      expect(p).toBeLessThanOrEqual(40100);
      expect(p % 2).toBe(0);
    }
  });

  it('L4: with SO_REUSEADDR the first autobind attempt uses the lower half [32768, 46884)', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const lab = new Lab({ seed });
      const fd = lab.socket();
      lab.sk(fd).reuse = true;
      expect(lab.listen(fd, 8)).toEqual({ ok: true });
      const p = lab.sk(fd).num;
      expect(p).toBeGreaterThanOrEqual(32768);
      expect(p).toBeLessThan(46884);
      expect(p % 2).toBe(1);
    }
  });

  it('L4: when every preferred-parity port is taken, autobind falls back to the other parity; exhausted ⇒ EADDRINUSE', () => {
    const lab = new Lab({ sysctl: { 'net.ipv4.ip_local_port_range': [50000, 50005] } });
    const got: number[] = [];
    for (let n = 0; n < 6; n++) {
      const fd = lab.socket();
      expect(lab.listen(fd, 1)).toEqual({ ok: true });
      got.push(lab.sk(fd).num);
    }
    // odd ones first (opposite to low = 50000), then the even ones
    expect(got.slice(0, 3).sort()).toEqual([50001, 50003, 50005]);
    expect(got.slice(3).sort()).toEqual([50000, 50002, 50004]);
    const fd = lab.socket();
    expect(lab.listen(fd, 1)).toEqual({ ok: false, errno: 'EADDRINUSE' });
    expect(lab.sk(fd).sk_state).toBe('TCP_CLOSE');
  });
});

describe('L5 listen() again on a listener', () => {
  it('L5: only N changes, through the same somaxconn cap; the queues are kept', () => {
    const lab = new Lab();
    const sk = lab.listener(8);
    lab.connect(0);
    lab.syn(1);
    expect(sk.sk_ack_backlog).toBe(1);
    expect(sk.qlen).toBe(1);
    expect(lab.listen(sk.id, 32)).toEqual({ ok: true });
    expect(sk.sk_max_ack_backlog).toBe(32);
    expect(lab.codes()).toContain('listen_backlog_changed');
    expect(sk.sk_ack_backlog).toBe(1);
    expect(sk.accept_queue.length).toBe(1);
    expect(sk.qlen).toBe(1);
    expect(sk.num).toBe(PORT);
    expect(lab.listen(sk.id, -5)).toEqual({ ok: true });
    expect(sk.sk_max_ack_backlog).toBe(4096);
  });

  it('L5: the new N applies at once to the SYN queue (qlen > N) and to the accept queue (acc > N)', () => {
    const lab = new Lab({ sysctl: { 'net.ipv4.tcp_syncookies': 0 } });
    const sk = lab.listener(8);
    lab.syn(0);
    lab.syn(1);
    expect(sk.qlen).toBe(2);
    lab.listen(sk.id, 1); // qlen 2 > 1: full
    const d = lab.delta(() => lab.syn(2));
    expect(lab.codes()).toEqual(['syn_queue_full_drop']);
    expect(d).toEqual({ InSegs: 1, TCPReqQFullDrop: 1, ListenDrops: 1 });
    lab.listen(sk.id, 2); // qlen 2 > 2 is false: room again
    lab.syn(2);
    expect(lab.codes()).toEqual(['syn_request_created']);
    expect(sk.qlen).toBe(3);
  });

  it('L5: shrinking N below the accept queue keeps the children and refuses new SYNs (acc > N)', () => {
    const lab = new Lab();
    const sk = lab.listener(8);
    for (let i = 0; i < 4; i++) lab.connect(i);
    expect(sk.sk_ack_backlog).toBe(4);
    lab.listen(sk.id, 1);
    expect(sk.accept_queue.length).toBe(4);
    const d = lab.delta(() => lab.syn(9));
    expect(lab.codes()).toEqual(['syn_accept_queue_full']);
    expect(d).toEqual({ InSegs: 1, ListenOverflows: 1, ListenDrops: 1 });
  });
});

describe('L4 bind conflicts are per address', () => {
  it('L4: listeners on two addresses share a port; INADDR_ANY conflicts with both', () => {
    const lab = new Lab();
    const a = lab.socket();
    const b = lab.socket();
    const any = lab.socket();
    expect(lab.bind(a, PORT, SERVER)).toEqual({ ok: true });
    expect(lab.bind(b, PORT, SERVER + 1)).toEqual({ ok: true });
    expect(lab.listen(a, 8)).toEqual({ ok: true });
    expect(lab.listen(b, 8)).toEqual({ ok: true });
    expect(lab.bind(any, PORT, 0)).toEqual({ ok: false, errno: 'EADDRINUSE' });
    expect(lab.sk(any).rcv_saddr).toBe(0);
    expect(lab.sk(any).num).toBe(0);
  });

  it('L3: with somaxconn = INT_MAX a negative backlog becomes INT_MAX (the compare is unsigned)', () => {
    const lab = new Lab({ sysctl: { 'net.core.somaxconn': 2147483647 } });
    expect(lab.listener(-1).sk_max_ack_backlog).toBe(2147483647);
  });
});
