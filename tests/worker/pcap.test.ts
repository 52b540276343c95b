// The capture file: a pcap that tcpdump and Wireshark read (checked by hand with `tcpdump -vv -r`: every checksum
// "correct"); here the same facts are checked by parsing the bytes back.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pcapFile, ipv4Packet, CAPTURE_EPOCH_S } from '../../src/worker/pcap.ts';
import { LiveRun } from '../../src/worker/live_run.ts';
import { validateScenario } from '../../src/sim/validate.ts';
import { TCPHDR_ACK, TCPHDR_SYN, type Segment } from '../../src/kernel/types.ts';

function sum16(b: Uint8Array, from: number, to: number, initial = 0): number {
  let s = initial;
  for (let i = from; i < to; i += 2) s += (b[i] << 8) | (i + 1 < to ? b[i + 1] : 0);
  while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);
  return s;
}

const syn: Segment = { saddr: 0xc0000202, sport: 20000, daddr: 0xc0000201, dport: 8080, flags: TCPHDR_SYN, seq: 0xdeadbeef, ack_seq: 0, len: 0, ts: true };

describe('pcap', () => {
  it('writes IPv4 + TCP with valid checksums and Linux SYN options', () => {
    const p = ipv4Packet(syn, 1_500_000, 7);
    const v = new DataView(p.buffer);
    expect(v.getUint8(0)).toBe(0x45);
    expect(v.getUint16(2)).toBe(p.length);
    expect(sum16(p, 0, 20)).toBe(0xffff); // the header with its checksum sums to all ones
    const tcp_len = p.length - 20;
    const pseudo = 0xc000 + 0x0202 + 0xc000 + 0x0201 + 6 + tcp_len;
    expect(sum16(p, 20, p.length, pseudo)).toBe(0xffff);
    expect(v.getUint32(24)).toBe(0xdeadbeef);
    expect(v.getUint8(33) & 0x3f).toBe(TCPHDR_SYN);
    // mss 1460, sackOK, TS val 1 ecr 0, nop, wscale 7
    expect([...p.slice(40)]).toEqual([2, 4, 5, 180, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7]);
  });

  it('an ACK carries the timestamp option only', () => {
    const p = ipv4Packet({ ...syn, flags: TCPHDR_ACK, ack_seq: 5 }, 0, 1);
    expect(p.length).toBe(20 + 20 + 12);
    expect(new DataView(p.buffer).getUint32(28)).toBe(5);
  });

  it('captures every packet of the run so far, with the changes made while running, without touching the run', () => {
    const v = validateScenario(JSON.parse(readFileSync(new URL('../../public/scenarios/abort-on-overflow.json', import.meta.url), 'utf8')));
    if (!v.ok) throw new Error('preset invalid');
    const run = new LiveRun(v.scenario);
    run.runUntil(500e6);
    run.act({ kind: 'accept', interval_ms: 1 });
    run.runUntil(2000e6);
    const before = JSON.stringify(run.frame(false).counters);
    const { packets, truncated } = run.capture(100_000);
    expect(truncated).toBe(false);
    expect(JSON.stringify(run.frame(false).counters)).toBe(before);
    const segs = run.frame(false).counters;
    // every segment the server received or sent is in the capture
    expect(packets.filter((p) => p.seg.daddr === 0xc0000201).length).toBe(segs.InSegs);
    // OutSegs counts RSTs too (tcp_v4_send_reset bumps OUTSEGS and OUTRSTS)
    expect(packets.filter((p) => p.seg.saddr === 0xc0000201).length).toBe(segs.OutSegs);
    const file = pcapFile(packets);
    const h = new DataView(file.buffer);
    expect(h.getUint32(0, true)).toBe(0xa1b2c3d4);
    expect(h.getUint32(20, true)).toBe(101);
    // the records follow one another to the end of the file, in time order
    let at = 24, n = 0, last = 0;
    while (at < file.length) {
      const t = (h.getUint32(at, true) - CAPTURE_EPOCH_S) * 1e6 + h.getUint32(at + 4, true);
      expect(t).toBeGreaterThanOrEqual(last);
      last = t;
      at += 16 + h.getUint32(at + 8, true);
      n++;
    }
    expect(at).toBe(file.length);
    expect(n).toBe(packets.length);
  });
});
