// `cat /proc/net/tcp`: net/ipv4/tcp_ipv4.c tcp4_seq_show() with get_tcp4_sock() for full sockets and
// get_openreq4() for request socks. Each line is padded with blanks to 149 characters (seq_setwidth(TMPSZ - 1)
// and seq_pad()). Addresses are the raw __be32 as %08X, ports host-order %04X.
import type { Net } from '../net_namespace.ts';
import type { Jiffies } from '../types.ts';
import type { KernelProfile } from '../profiles.ts';
import { be32_hex, hex_upper, pad_start } from './printf.ts';
import { jiffies_delta_to_clock_t, jiffies_to_clock_t } from './jiffies.ts';
import { child_inode, kernel_pointer, listener_refcnt, row_endpoints, tcp_socket_table, type Endpoints } from './tcp_table.ts';

const LINE_WIDTH = 149; // TMPSZ - 1
const HEADER = '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode';

/** include/net/tcp_states.h, as /proc/net/tcp prints them */
export const TCP_ESTABLISHED = 0x01;
export const TCP_SYN_RECV = 0x03;
export const TCP_LISTEN = 0x0a;

/** The columns of one line, as numbers (net-tools netstat reads these back). */
export interface Tcp4Entry extends Endpoints {
  readonly st: number;
  readonly tx_queue: number;
  readonly rx_queue: number;
  /** timer_active: 0 none, 1 retransmit (the request's rsk_timer) */
  readonly tr: number;
  /** tm->when, USER_HZ ticks until the timer */
  readonly when: number;
  readonly retrnsmt: number;
  readonly uid: number;
  readonly inode: number;
  /** what follows the inode: refcount, pointer, and for full sockets rto ato quick cwnd ssthresh/max_qlen */
  readonly tail: string;
}

/** The lines of the file, as data, in the kernel's walk order (see tcp_table.ts). */
export function tcp4_entries(net: Net, now: Jiffies, profile: KernelProfile): Tcp4Entry[] {
  const HZ = profile.HZ;
  const clock_t = (j: number) => jiffies_to_clock_t(j, HZ);
  return tcp_socket_table(net).map((row): Tcp4Entry => {
    const ends = row_endpoints(row);
    const base = { ...ends, tx_queue: 0, retrnsmt: 0 };
    if (row.kind === 'listen') {
      const s = row.sock;
      // No timer runs on a listener; rto is TCP_TIMEOUT_INIT (1 s); the last field is fastopenq.max_qlen (0).
      const tail = `${listener_refcnt(net, s)} ${kernel_pointer('listen', s.id)} ${clock_t(HZ)} 0 0 10 0`;
      return { ...base, st: TCP_LISTEN, rx_queue: s.sk_ack_backlog, tr: 0, when: 0, uid: s.uid, inode: s.inode, tail };
    }
    if (row.kind === 'req') {
      const r = row.req;
      // get_openreq4(): timer 1 counting down rsk_timer.expires (what mod_timer was given, not the wheel's
      // bucket), retrnsmt = num_timeout, the listener's uid, inode and refcount printed as 0, nothing more.
      const when = jiffies_delta_to_clock_t(r.timer_expires - now, HZ);
      return { ...base, st: TCP_SYN_RECV, rx_queue: 0, tr: 1, when, retrnsmt: r.num_timeout, uid: row.listener?.uid ?? 0, inode: 0, tail: `0 ${kernel_pointer('req', r.id)}` };
    }
    const c = row.child;
    // An idle established child: no timer pending, refcount 1, cwnd 10, ssthresh -1 (initial slow start).
    // rto is 200 ms after an RTT sample from the handshake; a cookie child has none and falls back to 3 s
    // (tcp_init_transfer, TCP_TIMEOUT_FALLBACK).
    const rto = clock_t(c.syncookie ? 3 * HZ : HZ / 5);
    const tail = `1 ${kernel_pointer('child', c.id)} ${rto} 0 0 10 -1`;
    return { ...base, st: TCP_ESTABLISHED, rx_queue: 0, tr: 0, when: 0, uid: row.listener?.uid ?? 0, inode: child_inode(c), tail };
  });
}

/** `%4d: %08X:%04X %08X:%04X %02X %08X:%08X %02X:%08lX %08X %5u %8d %lu ...` */
export function tcp4_line(e: Tcp4Entry, sl: number): string {
  return `${pad_start(sl, 4)}: ${be32_hex(e.loc_addr)}:${hex_upper(e.loc_port, 4)} ${be32_hex(e.rmt_addr)}:${hex_upper(e.rmt_port, 4)} ` +
    `${hex_upper(e.st, 2)} ${hex_upper(e.tx_queue, 8)}:${hex_upper(e.rx_queue, 8)} ${hex_upper(e.tr, 2)}:${hex_upper(e.when, 8)} ` +
    `${hex_upper(e.retrnsmt, 8)} ${pad_start(e.uid, 5)} ${pad_start(0, 8)} ${e.inode} ${e.tail}`;
}

/** The whole file. */
export function proc_net_tcp(net: Net, now: Jiffies, profile: KernelProfile): string {
  const lines = [HEADER, ...tcp4_entries(net, now, profile).map(tcp4_line)];
  return lines.map((l) => `${l.padEnd(LINE_WIDTH, ' ')}\n`).join('');
}
