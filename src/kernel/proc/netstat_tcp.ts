// `netstat -tan` and friends: net-tools 2.10 netstat.c tcp_info()/tcp_do_one(). netstat reads /proc/net/tcp,
// so Recv-Q/Send-Q are rx_queue/tx_queue: a listener shows its accept queue and Send-Q 0 (ss shows the backlog).
import type { Net } from '../net_namespace.ts';
import type { Jiffies } from '../types.ts';
import type { KernelProfile } from '../profiles.ts';
import { ipv4_ntoa, pad_end, pad_start } from './printf.ts';
import { USER_HZ } from './jiffies.ts';
import { tcp4_entries, type Tcp4Entry } from './proc_net_tcp.ts';
import { service_name } from './services.ts';

export interface NetstatTcpOptions {
  /** -a: listening and non-listening sockets */
  readonly all: boolean;
  /** -l: listening sockets only */
  readonly listening: boolean;
  /** -n: numeric hosts and ports */
  readonly numeric: boolean;
  /** -o: the Timer column */
  readonly timers: boolean;
  /** TCP selected (-t, or no protocol letter); the lab has no UDP or raw sockets to list otherwise */
  readonly tcp: boolean;
}

/** tcp_state[] of netstat.c, indexed by the st column */
const TCP_STATE = ['', 'ESTABLISHED', 'SYN_SENT', 'SYN_RECV', 'FIN_WAIT1', 'FIN_WAIT2', 'TIME_WAIT', 'CLOSE',
  'CLOSE_WAIT', 'LAST_ACK', 'LISTEN', 'CLOSING'];

/** addr_do_one(): "addr:port"; port 0 is "*", and without -n INADDR_ANY is "*" too (INET_rresolve). */
function endpoint(addr: number, port: number, numeric: boolean): string {
  const host = !numeric && addr === 0 ? '*' : ipv4_ntoa(addr);
  const serv = port === 0 ? '*' : numeric ? String(port) : service_name(port);
  return `${host}:${serv}`;
}

/** The -o column: "on (0.48/0/0)" = seconds to the timer / retransmits / probes. */
function timer_text(e: Tcp4Entry): string {
  const name = e.tr === 1 ? 'on' : 'off';
  return `${name} (${(e.when / USER_HZ).toFixed(2)}/${e.retrnsmt}/0)`;
}

function header(o: NetstatTcpOptions): string {
  const which = o.all ? '(servers and established)' : o.listening ? '(only servers)' : '(w/o servers)';
  return `Active Internet connections ${which}\n` +
    `Proto Recv-Q Send-Q Local Address           Foreign Address         State      ${o.timers ? ' Timer' : ''}\n`;
}

export function netstat_tcp(net: Net, now: Jiffies, profile: KernelProfile, o: NetstatTcpOptions): string {
  const rows = !o.tcp ? [] : tcp4_entries(net, now, profile).filter((e) => {
    // tcp_do_one(): without -a, -l keeps only sockets with no remote port (listeners), else only the others
    if (o.all) return true;
    return o.listening ? e.rmt_port === 0 : e.rmt_port !== 0;
  });
  const lines = rows.map((e) => {
    const local = endpoint(e.loc_addr, e.loc_port, o.numeric);
    const remote = endpoint(e.rmt_addr, e.rmt_port, o.numeric);
    // printf("%-4s  %6ld %6ld %-*s %-*s %-11s", ...) then finish_this_one()
    const line = `${pad_end('tcp', 4)}  ${pad_start(e.rx_queue, 6)} ${pad_start(e.tx_queue, 6)} ${pad_end(local, 23)} ` +
      `${pad_end(remote, 23)} ${pad_end(TCP_STATE[e.st] ?? 'UNKNOWN', 11)}`;
    return `${line}${o.timers ? ` ${timer_text(e)}` : ''}\n`;
  });
  return header(o) + lines.join('');
}
