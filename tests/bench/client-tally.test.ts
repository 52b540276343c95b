// The opt-in worker→page tally of src/worker/client.ts that `npm run bench` reads: it counts only while on, and
// never changes what the page receives.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PROTOCOL_VERSION, type FromWorker } from '../../src/worker/protocol.ts';
import type { BenchTally } from '../../src/worker/client.ts';

const workers: { onmessage: ((e: { data: unknown }) => void) | null }[] = [];
vi.mock('../../src/worker/sim.worker.ts?worker', () => ({
  default: class {
    onmessage: ((e: { data: unknown }) => void) | null = null;
    constructor() {
      workers.push(this);
    }
    postMessage(): void {}
    terminate(): void {}
  },
}));

const { createSimClient } = await import('../../src/worker/client.ts');
const g = globalThis as { __backlogBench?: BenchTally };
afterEach(() => {
  delete g.__backlogBench;
  workers.length = 0;
});

const message: FromWorker = { v: PROTOCOL_VERSION, type: 'error', gen: null, code: 'worker_failed', issues: [{ path: '', message: 'x' }] };

describe('bench tally', () => {
  it('counts messages and their JSON length only while on', () => {
    const tally: BenchTally = { on: false, messages: 0, json_chars: 0, count_ms: 0 };
    g.__backlogBench = tally;
    const got: FromWorker[] = [];
    createSimClient((m) => got.push(m));
    const deliver = () => workers[0].onmessage?.({ data: message });
    deliver();
    expect(tally.messages).toBe(0);
    tally.on = true;
    deliver();
    deliver();
    tally.on = false;
    deliver();
    expect(tally.messages).toBe(2);
    expect(tally.json_chars).toBe(2 * JSON.stringify(message).length);
    expect(tally.count_ms).toBeGreaterThanOrEqual(0);
    expect(got).toEqual([message, message, message, message]);
  });

  it('is absent unless a script set it up before the client started', () => {
    createSimClient(() => undefined);
    g.__backlogBench = { on: true, messages: 0, json_chars: 0, count_ms: 0 };
    workers[0].onmessage?.({ data: message });
    expect(g.__backlogBench.messages).toBe(0);
  });
});
