// The TCP sockets of a namespace in the order the kernel walks them for /proc/net/tcp (tcp4_seq_start: the
// listening hash, then the established hash) and for inet_diag (inet_diag_dump_icsk: listeners, then ehash).
// The kernel's order inside each table is its hash-bucket order, which we cannot reproduce; we use a stable
// order instead (by local then remote address and port), so the same state always prints the same text.
import type { Net } from '../net_namespace.ts';
import type { ChildSock, ListenSock, RequestSock } from '../types.ts';

export type TcpRow =
  | { readonly kind: 'listen'; readonly sock: ListenSock }
  /** a request sock (TCP_NEW_SYN_RECV, shown as SYN-RECV) */
  | { readonly kind: 'req'; readonly req: RequestSock; readonly listener: ListenSock | undefined }
  /** a full socket made from a request or a cookie, queued or accepted */
  | { readonly kind: 'child'; readonly child: ChildSock; readonly listener: ListenSock | undefined };

export interface Endpoints {
  readonly loc_addr: number;
  readonly loc_port: number;
  readonly rmt_addr: number;
  readonly rmt_port: number;
}

export function row_endpoints(row: TcpRow): Endpoints {
  if (row.kind === 'listen') return { loc_addr: row.sock.rcv_saddr, loc_port: row.sock.num, rmt_addr: 0, rmt_port: 0 };
  return row.kind === 'req' ? row.req : row.child;
}

const by_endpoints = (a: TcpRow, b: TcpRow): number => {
  const x = row_endpoints(a);
  const y = row_endpoints(b);
  return x.loc_addr - y.loc_addr || x.loc_port - y.loc_port || x.rmt_addr - y.rmt_addr || x.rmt_port - y.rmt_port;
};

/** Every hashed TCP socket: listeners (sk_state TCP_LISTEN) first, then what the ehash holds. */
export function tcp_socket_table(net: Net): TcpRow[] {
  const listeners: TcpRow[] = [...net.socks.values()]
    .filter((sock) => sock.sk_state === 'TCP_LISTEN')
    .map((sock) => ({ kind: 'listen', sock }));
  const hashed: TcpRow[] = [];
  for (const entry of net.ehash.values()) {
    if (entry.kind === 'req') {
      const req = net.reqs.get(entry.id);
      if (req) hashed.push({ kind: 'req', req, listener: net.socks.get(req.listener) });
    } else {
      const child = net.children.get(entry.id);
      if (child && child.sk_state === 'TCP_ESTABLISHED') hashed.push({ kind: 'child', child, listener: net.socks.get(child.listener) });
    }
  }
  return [...listeners.sort(by_endpoints), ...hashed.sort(by_endpoints)];
}

/**
 * sk_refcnt of a listener as /proc/net/tcp prints it: its own reference, plus one per request sock
 * (req->rsk_listener) and one per child still in the accept queue (its request still points at the listener).
 */
export function listener_refcnt(net: Net, sock: ListenSock): number {
  let reqs = 0;
  for (const req of net.reqs.values()) if (req.listener === sock.id) reqs++;
  return 1 + reqs + sock.accept_queue.length;
}

/** sock_i_ino(): a child has no inode until accept() gives it a struct socket and a file. */
export function child_inode(child: ChildSock): number {
  return child.in_accept_queue ? 0 : child.inode;
}

/**
 * Stand-ins for the values that change every run: the hashed kernel pointer printed by %pK and the socket
 * cookie (sock_gen_cookie) ss -e prints as sk:. Both are derived from the model's ids, so they are stable
 * and distinct, and tests normalise them like the real ones.
 */
export function kernel_pointer(kind: TcpRow['kind'], id: number): string {
  let h = (Math.imul(id + 1, 0x9e3779b1) ^ (kind === 'listen' ? 0x5bd1e995 : kind === 'req' ? 0x27d4eb2f : 0x165667b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b) >>> 0;
  h = (h ^ (h >>> 13)) >>> 0;
  return `00000000${h.toString(16).padStart(8, '0')}`;
}

export function socket_cookie(kind: TcpRow['kind'], id: number): string {
  const base = kind === 'listen' ? 0x1000 : kind === 'req' ? 0x2000 : 0x3000;
  return (base + id).toString(16);
}
