// A packet capture of the run in the classic pcap format (what tcpdump -w writes), so Wireshark or tcpdump -r can
// open it: microsecond timestamps, LINKTYPE_RAW (each record is an IPv4 packet, no link header), IPv4 + TCP
// headers with correct checksums. The options are those a Linux 6.18 host puts on its segments: on SYN and
// SYN-ACK MSS 1460, SACK permitted, timestamps, window scale 7 (tcp_syn_options); on other segments the
// timestamp option when the connection uses it (tcp_established_options). Payloads are empty, as in the lab.
import type { Segment } from '../kernel/types.ts';
import { TCPHDR_ACK, TCPHDR_SYN } from '../kernel/types.ts';

/** One packet on the wire, at simulated time t_ns (ns since the listener was ready). */
export interface CapturedPacket {
  readonly t_ns: number;
  readonly seg: Segment;
}

const LINKTYPE_RAW = 101;
const PCAP_MAGIC_US = 0xa1b2c3d4;
/** The capture's clock starts at 2026-01-01T00:00:00Z: simulated time has no date, Wireshark wants one. */
export const CAPTURE_EPOCH_S = 1_767_225_600;
const IP_HDR = 20;
const TCP_HDR = 20;

/** TCP options as bytes, padded to a multiple of 4 (kind, length, value; NOP = 1). */
function tcpOptions(seg: Segment, t_ns: number): number[] {
  const tsval = Math.floor(t_ns / 1e6) >>> 0; // a millisecond clock, as tcp_clock_ts() with usec_ts off
  const ts = [8, 10, ...u32(tsval), ...u32(0)];
  const syn = (seg.flags & TCPHDR_SYN) !== 0;
  if (syn) {
    // MSS, SACK_PERM + TS (combined as Linux writes them), NOP, WS
    const mss = [2, 4, 1460 >> 8, 1460 & 0xff];
    const opts = seg.ts ? [...mss, 4, 2, ...ts] : [...mss, 1, 1, 4, 2];
    return [...opts, 1, 3, 3, 7];
  }
  return seg.ts ? [1, 1, ...ts] : [];
}

function u32(x: number): number[] {
  return [(x >>> 24) & 0xff, (x >>> 16) & 0xff, (x >>> 8) & 0xff, x & 0xff];
}

/** The Internet checksum (RFC 1071) of bytes[from, to) plus an initial sum. */
function checksum(bytes: Uint8Array, from: number, to: number, initial = 0): number {
  let sum = initial;
  for (let i = from; i < to; i += 2) sum += (bytes[i] << 8) | (i + 1 < to ? bytes[i + 1] : 0);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

/** The IPv4 + TCP bytes of one segment. `ip_id` numbers the datagrams of the capture. */
export function ipv4Packet(seg: Segment, t_ns: number, ip_id: number): Uint8Array {
  const opts = tcpOptions(seg, t_ns);
  const tcp_len = TCP_HDR + opts.length + seg.len;
  const total = IP_HDR + tcp_len;
  const b = new Uint8Array(total);
  const v = new DataView(b.buffer);
  // IPv4: version 4, IHL 5, DF, TTL 64, protocol 6
  v.setUint8(0, 0x45);
  v.setUint16(2, total);
  v.setUint16(4, ip_id & 0xffff);
  v.setUint16(6, 0x4000);
  v.setUint8(8, 64);
  v.setUint8(9, 6);
  v.setUint32(12, seg.saddr >>> 0);
  v.setUint32(16, seg.daddr >>> 0);
  v.setUint16(10, checksum(b, 0, IP_HDR));
  // TCP
  const t = IP_HDR;
  v.setUint16(t, seg.sport);
  v.setUint16(t + 2, seg.dport);
  v.setUint32(t + 4, seg.seq >>> 0);
  v.setUint32(t + 8, seg.flags & TCPHDR_ACK ? seg.ack_seq >>> 0 : 0);
  v.setUint8(t + 12, ((TCP_HDR + opts.length) / 4) << 4);
  v.setUint8(t + 13, seg.flags & 0xff);
  // the window a fresh Linux socket offers (64240 = 44 × 1460), unscaled on SYN and SYN-ACK
  v.setUint16(t + 14, seg.flags & TCPHDR_SYN ? 64240 : 502);
  b.set(opts, t + TCP_HDR);
  // the pseudo-header: addresses, protocol, TCP length
  const pseudo = (seg.saddr >>> 16) + (seg.saddr & 0xffff) + (seg.daddr >>> 16) + (seg.daddr & 0xffff) + 6 + tcp_len;
  v.setUint16(t + 16, checksum(b, t, total, pseudo));
  return b;
}

/** A whole pcap file. */
export function pcapFile(packets: readonly CapturedPacket[]): Uint8Array {
  const bodies = packets.map((p, i) => ipv4Packet(p.seg, p.t_ns, i + 1));
  const size = 24 + bodies.reduce((n, b) => n + 16 + b.length, 0);
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  // little-endian global header
  v.setUint32(0, PCAP_MAGIC_US, true);
  v.setUint16(4, 2, true);
  v.setUint16(6, 4, true);
  v.setUint32(16, 65535, true);
  v.setUint32(20, LINKTYPE_RAW, true);
  let at = 24;
  packets.forEach((p, i) => {
    const us = Math.floor(p.t_ns / 1e3);
    const body = bodies[i];
    v.setUint32(at, CAPTURE_EPOCH_S + Math.floor(us / 1e6), true);
    v.setUint32(at + 4, us % 1e6, true);
    v.setUint32(at + 8, body.length, true);
    v.setUint32(at + 12, body.length, true);
    out.set(body, at + 16);
    at += 16 + body.length;
  });
  return out;
}
