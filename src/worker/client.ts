// The page's end of the worker: starts it, stamps outgoing messages with the protocol version, checks incoming
// ones, and turns a crash or a foreign message into an ordinary error message so callers handle one union.
/// <reference types="vite/client" />
import { parseFromWorker } from './check.ts';
// vite builds the worker as its own module (inlined as a blob in the single-file build, see build/offline.ts)
import SimWorker from './sim.worker.ts?worker';
import { PROTOCOL_VERSION, type FromWorker, type Issue, type ToWorkerBody } from './protocol.ts';

export interface SimClient {
  send(msg: ToWorkerBody): void;
  /** the page has taken a frame (flow control: the worker holds paced frames back while the page is behind) */
  ack?(): void;
  terminate(): void;
}

/**
 * Opt-in tally for `npm run bench` (bench/page.ts): when a script sets
 * `globalThis.__backlogBench = { on: false, messages: 0, json_chars: 0, count_ms: 0 }` before the app starts, every
 * message from the worker that arrives while `on` is true is counted with the length of its JSON text, and the time
 * the counting took. The page cannot observe the structured-clone size itself; the JSON length stands in for it
 * (frames are plain objects of numbers and mostly-ASCII strings, so characters ≈ bytes). The bench turns it on only
 * outside its frame-time window; without the object it costs one check per message.
 */
export interface BenchTally {
  on: boolean;
  messages: number;
  json_chars: number;
  count_ms: number;
}

function benchTally(): BenchTally | undefined {
  return (globalThis as { __backlogBench?: BenchTally }).__backlogBench;
}

function failure(issues: Issue[]): FromWorker {
  return { v: PROTOCOL_VERSION, type: 'error', gen: null, code: 'worker_failed', issues };
}

export function createSimClient(onMessage: (msg: FromWorker) => void): SimClient {
  const worker = new SimWorker({ name: 'backlog-sim' });
  const tally = benchTally();
  worker.onmessage = (e: MessageEvent<unknown>) => {
    if (tally?.on) {
      const t0 = performance.now();
      tally.messages += 1;
      tally.json_chars += JSON.stringify(e.data).length;
      tally.count_ms += performance.now() - t0;
    }
    const checked = parseFromWorker(e.data);
    onMessage(checked.ok ? checked.msg : failure(checked.issues));
  };
  worker.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    onMessage(failure([{ path: '', message: e.message || 'the simulation worker failed to start' }]));
  };
  worker.onmessageerror = () => onMessage(failure([{ path: '', message: 'a message from the worker could not be read' }]));
  return {
    send: (msg) => worker.postMessage({ ...msg, v: PROTOCOL_VERSION }),
    ack: () => worker.postMessage({ type: 'frame_ack', v: PROTOCOL_VERSION }),
    terminate: () => worker.terminate(),
  };
}
