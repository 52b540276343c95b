// Test helpers: the real tools' captures (tools/*.tools.json of the 6.18.44 recordings) and hand-built
// namespaces. A capture is what `ss`, `nstat`, `cat /proc/net/tcp` … printed inside the scenario's namespace.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setup_net, ehash_key, type Net } from '../../../src/kernel/net_namespace.ts';
import { PROFILES } from '../../../src/kernel/profiles.ts';
import { MIB_FIELDS } from '../../../src/kernel/mib.ts';
import { jiffies, type ChildSock, type Jiffies, type ListenSock, type RequestSock } from '../../../src/kernel/types.ts';
import type { SysctlName } from '../../../src/kernel/sysctl.ts';

export const PROFILE = PROFILES['linux-6.18'];
export const SERVER = 0xc0000201; // 192.0.2.1

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const TOOLS_DIRS = [
  join(ROOT, 'tests/fixtures/kernel-traces/linux-6.18.44/tools'),
  resolve(ROOT, '../shared/kernel-traces/linux-6.18.44/tools'),
];
export const TOOLS_DIR = TOOLS_DIRS.find((d) => existsSync(d)) ?? TOOLS_DIRS[0];

export interface Capture {
  /** "somaxconn-cap-8@1" */
  readonly id: string;
  readonly scenario: string;
  readonly t_ms: number;
  readonly outputs: Readonly<Record<string, string>>;
  readonly sysctl: Readonly<Record<string, number>>;
  readonly effective_backlog: number;
}

interface ToolsFile {
  scenario: string;
  sysctl: Record<string, number>;
  listen: { effective_backlog: number };
  tools: { t_ms: number; outputs: Record<string, string> }[];
}

export function load_captures(): Capture[] {
  return readdirSync(TOOLS_DIR).filter((f) => f.endsWith('.tools.json')).sort().flatMap((f) => {
    const d = JSON.parse(readFileSync(join(TOOLS_DIR, f), 'utf8')) as ToolsFile;
    return d.tools.map((t, i) => ({
      id: `${d.scenario}@${i}`, scenario: d.scenario, t_ms: t.t_ms, outputs: t.outputs, sysctl: d.sysctl,
      effective_backlog: d.listen.effective_backlog,
    }));
  });
}

export function capture(id: string): Capture {
  const c = load_captures().find((x) => x.id === id);
  if (!c) throw new Error(`no capture ${id}`);
  return c;
}

/** "Section:Field" -> value, from a capture's `cat /proc/net/snmp` and `cat /proc/net/netstat` */
export function captured_counters(c: Capture): Record<string, number> {
  const lines = `${c.outputs['cat /proc/net/snmp']}${c.outputs['cat /proc/net/netstat']}`.trim().split('\n');
  const out: Record<string, number> = {};
  for (let i = 0; i < lines.length; i += 2) {
    const [sec, ...names] = lines[i].split(' ');
    const values = lines[i + 1].split(' ').slice(1);
    names.forEach((n, k) => { out[`${sec.replace(':', '')}:${n}`] = Number(values[k]); });
  }
  return out;
}

/** The model's own counters (mib.ts fields) set to what the capture shows. */
export function set_mib_from(net: Net, c: Capture): void {
  const all = captured_counters(c);
  for (const f of MIB_FIELDS) {
    const v = all[`TcpExt:${f}`] ?? all[`Tcp:${f}`];
    if (v !== undefined) net.mib[f] = v;
  }
}

/** The byte counters the model does not count, as the capture shows them. */
export function octets_from(c: Capture): Record<string, number> {
  const all = captured_counters(c);
  return { 'IpExt:InOctets': all['IpExt:InOctets'], 'IpExt:OutOctets': all['IpExt:OutOctets'] };
}

/** A namespace with the scenario's sysctls and one listener, like the recorder's server after listen(). */
export function listening_net(sysctl: Readonly<Record<string, number>>, backlog: number, addr = SERVER, port = 8080, inode = 40000): { net: Net; sock: ListenSock } {
  const net = setup_net('kernlab-srv', PROFILE);
  for (const [k, v] of Object.entries(sysctl)) (net.sysctl[k as SysctlName] as number) = v;
  const sock: ListenSock = {
    id: net.next_id++, sock_state: 'SS_UNCONNECTED', sk_state: 'TCP_LISTEN', rcv_saddr: addr, num: port, reuse: true,
    sk_max_ack_backlog: backlog, sk_ack_backlog: 0, qlen: 0, young: 0, accept_queue: [], synflood_warned: false,
    synq_overflow_ts: null, icsk_syn_retries: 0, rskq_defer_accept: 0, sk_drops: 0, uid: 0, inode,
  };
  net.socks.set(sock.id, sock);
  return { net, sock };
}

export function add_req(net: Net, sock: ListenSock, peer: { addr: number; port: number }, fields: Partial<RequestSock> = {}): RequestSock {
  const req: RequestSock = {
    id: net.next_id++, listener: sock.id, loc_addr: sock.rcv_saddr, loc_port: sock.num, rmt_addr: peer.addr, rmt_port: peer.port,
    rcv_isn: 1000, snt_isn: 2000, num_timeout: 0, num_retrans: 0, acked: false, last_oow_ack_time: jiffies(0),
    timeout: jiffies(PROFILE.HZ), timer_expires: jiffies(0), timer_fires: jiffies(0), tstamp_ok: false, ...fields,
  };
  net.reqs.set(req.id, req);
  sock.qlen++;
  net.ehash.set(ehash_key(net, req.loc_addr, req.loc_port, req.rmt_addr, req.rmt_port), { kind: 'req', id: req.id });
  return req;
}

/** A child: queued (in the accept queue, no inode yet) or accepted (with the inode accept() gave it). */
export function add_child(net: Net, sock: ListenSock, peer: { addr: number; port: number }, o: { accepted_inode?: number; syncookie?: boolean } = {}): ChildSock {
  const child: ChildSock = {
    id: net.next_id++, listener: sock.id, loc_addr: sock.rcv_saddr, loc_port: sock.num, rmt_addr: peer.addr, rmt_port: peer.port,
    sk_state: 'TCP_ESTABLISHED', in_accept_queue: o.accepted_inode === undefined, syncookie: o.syncookie ?? false,
    inode: o.accepted_inode ?? 0, snt_isn: 2000, rcv_isn: 1000, req: null,
  };
  net.children.set(child.id, child);
  if (child.in_accept_queue) { sock.accept_queue.push(child.id); sock.sk_ack_backlog++; }
  net.ehash.set(ehash_key(net, child.loc_addr, child.loc_port, child.rmt_addr, child.rmt_port), { kind: 'child', id: child.id });
  return child;
}

/** Replaces what changes on every run: the hashed pointer of /proc/net/tcp and the socket cookie of ss -e. */
export function normalise(text: string): string {
  return text.replace(/ [0-9a-f]{16}(?= |$)/gm, ' <ptr>').replace(/sk:[0-9a-f]+/g, 'sk:<cookie>');
}

/**
 * Multi-socket listings come in hash order: compare the header lines exactly and the rest as a set. The row
 * number /proc/net/tcp starts each line with follows that order, so it is left out of the comparison.
 */
export function as_listing(text: string, header_lines: number): { header: string[]; rows: string[] } {
  const lines = normalise(text).split('\n');
  const rows = lines.slice(header_lines).map((l) => l.replace(/^ *\d+: /, '<sl>: '));
  return { header: lines.slice(0, header_lines), rows: rows.sort() };
}

export const NOW: Jiffies = jiffies(1_000_000);
