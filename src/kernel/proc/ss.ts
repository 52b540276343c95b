// `ss` for TCP: iproute2 6.1 misc/ss.c over inet_diag (net/ipv4/inet_diag.c, tcp_diag.c). A listener's Recv-Q
// is sk_ack_backlog (the accept queue) and Send-Q sk_max_ack_backlog (the backlog, after the somaxconn cap);
// request socks are SYN-RECV rows `0 0` (tcp_req_diag_fill), children ESTAB rows. -o adds the request timer
// (`timer:(on,608ms,1)`, retransmits = num_retrans), -e the ino:/sk:/cgroup: details.
import type { Net } from '../net_namespace.ts';
import type { Jiffies } from '../types.ts';
import type { KernelProfile } from '../profiles.ts';
import { ipv4_ntoa, pad_end } from './printf.ts';
import { jiffies_delta_to_msecs } from './jiffies.ts';
import { child_inode, row_endpoints, socket_cookie, tcp_socket_table, type TcpRow } from './tcp_table.ts';
import { render_ss_table } from './ss_columns.ts';
import { parse_ss_args, single_state, SS_ESTABLISHED, SS_LISTEN, SS_SYN_RECV, type SsOptions } from './ss_options.ts';
import { ss_filter_matches } from './ss_filter.ts';
import { service_name } from './services.ts';

const SS_STATE: Readonly<Record<TcpRow['kind'], number>> = { listen: SS_LISTEN, req: SS_SYN_RECV, child: SS_ESTABLISHED };
const STATE_NAME: Readonly<Record<TcpRow['kind'], string>> = { listen: 'LISTEN', req: 'SYN-RECV', child: 'ESTAB' };

/** print_ms_timer(): 608 -> "608ms", 1608 -> "1.608ms", 5000 -> "5sec", 61000 -> "1min1sec" */
export function print_ms_timer(timeout: number): string {
  let secs = Math.floor(timeout / 1000);
  const minutes = Math.floor(secs / 60);
  secs %= 60;
  let msecs = timeout % 1000;
  let buf = '';
  if (minutes) {
    msecs = 0;
    buf = `${minutes}min`;
    if (minutes > 9) secs = 0;
  }
  if (secs) {
    if (secs > 9) msecs = 0;
    buf += `${secs}${msecs ? '.' : 'sec'}`;
  }
  if (msecs) buf += `${String(msecs).padStart(3, '0')}ms`;
  return buf;
}

/** resolve_service(): "*" for port 0, numbers with -n or inside ip_local_port_range, else a service name */
function port_text(net: Net, port: number, numeric: boolean): string {
  const [lo, hi] = net.sysctl['net.ipv4.ip_local_port_range'];
  if (port === 0) return '*';
  return numeric || (port >= lo && port <= hi) ? String(port) : service_name(port);
}

/** What -o and -e append after the peer port (the extension column). */
function ext_text(row: TcpRow, o: SsOptions, now: Jiffies, HZ: number): string {
  let out = '';
  if (o.timers && row.kind === 'req') {
    const ms = jiffies_delta_to_msecs(row.req.timer_expires - now, HZ);
    out += ` timer:(on,${print_ms_timer(ms)},${row.req.num_retrans})`;
  }
  if (o.extended) {
    // sock_details_print(); requests carry no uid, inode, cgroup or shutdown attributes (inet_req_diag_fill)
    if (row.kind === 'req') return `${out} ino:0 sk:${socket_cookie('req', row.req.id)}`;
    const uid = row.kind === 'listen' ? row.sock.uid : row.listener?.uid ?? 0;
    const ino = row.kind === 'listen' ? row.sock.inode : child_inode(row.child);
    const id = row.kind === 'listen' ? row.sock.id : row.child.id;
    // cgroup id 1 (the root) has no path inside `ip netns exec`: "unreachable:1"; " <->" = no shutdown
    out += `${uid ? ` uid:${uid}` : ''} ino:${ino} sk:${socket_cookie(row.kind, id)} cgroup:unreachable:1 <->`;
  }
  return out;
}

function queues(row: TcpRow): [number, number] {
  return row.kind === 'listen' ? [row.sock.sk_ack_backlog, row.sock.sk_max_ack_backlog] : [0, 0];
}

/** The rows of `ss` with already-parsed options. */
export function ss_render(net: Net, now: Jiffies, profile: KernelProfile, o: SsOptions): string {
  const rows = !o.tcp_shown ? [] : tcp_socket_table(net)
    .filter((row) => (o.states & (1 << SS_STATE[row.kind])) !== 0)
    .filter((row) => ss_filter_matches(o.filter, row_endpoints(row)))
    .map((row) => {
      const e = row_endpoints(row);
      const [rq, wq] = queues(row);
      return ['tcp', STATE_NAME[row.kind], pad_end(rq, 6), pad_end(wq, 6),
        `${ipv4_ntoa(e.loc_addr)}:`, port_text(net, e.loc_port, o.numeric),
        `${ipv4_ntoa(e.rmt_addr)}:`, port_text(net, e.rmt_port, o.numeric), ext_text(row, o, now, profile.HZ)];
    });
  return render_ss_table({ header: o.header, show_netid: !o.tcp_only, show_state: !single_state(o.states), rows });
}

/** `ss ARGS…`: stdout, or the error ss prints. */
export function ss(net: Net, now: Jiffies, profile: KernelProfile, args: readonly string[]): { stdout: string; stderr?: string; exit: number } {
  const parsed = parse_ss_args(args);
  if (!parsed.ok) return { stdout: '', stderr: parsed.stderr, exit: 255 };
  return { stdout: ss_render(net, now, profile, parsed.opts), exit: 0 };
}
