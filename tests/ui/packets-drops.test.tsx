// Drops on the ladder come from the kernel's decisions: the decision for a client's packet at the same instant
// that moved ListenDrops (and why: ListenOverflows = accept queue full, TCPReqQFullDrop = SYN queue full).
import { describe, expect, it } from 'vitest';
import { dropKey, dropsOf } from '../../src/ui/packets/drops.ts';
import type { CounterField, LogLine } from '../../src/worker/protocol.ts';

const line = (t_ms: number, client: number | null, code: string, mib: CounterField[]): LogLine =>
  ({ seq: 0, t_ms, event: 0, fn: 'f', code, mib, client, req: null, sock: null, args: {} });

describe('dropsOf', () => {
  it('finds the drops of lab clients, with their reason', () => {
    const d = dropsOf([
      line(110, 11, 'syn_request_created', ['InSegs', 'OutSegs']),
      line(190, 19, 'syn_accept_queue_full', ['InSegs', 'ListenOverflows', 'ListenDrops']),
      line(210, 11, 'req_overflow_acked', ['InSegs', 'ListenOverflows', 'ListenDrops']),
      line(300, 4, 'syn_queue_full_drop', ['InSegs', 'TCPReqQFullDrop', 'ListenDrops']),
      line(400, 5, 'req_defer_accept_drop', ['TCPDeferAcceptDrop']),
      line(500, null, 'syn_accept_queue_full', ['ListenOverflows', 'ListenDrops']),
    ]);
    expect([...d.entries()]).toEqual([
      [dropKey(19, 190), 'accept_full'],
      [dropKey(11, 210), 'accept_full'],
      [dropKey(4, 300), 'syn_full'],
      [dropKey(5, 400), 'other'],
    ]);
  });
});
