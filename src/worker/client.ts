// The page's end of the worker: starts it, stamps outgoing messages with the protocol version, checks incoming
// ones, and turns a crash or a foreign message into an ordinary error message so callers handle one union.
import { parseFromWorker } from './check.ts';
import { PROTOCOL_VERSION, type FromWorker, type Issue, type ToWorkerBody } from './protocol.ts';

export interface SimClient {
  send(msg: ToWorkerBody): void;
  terminate(): void;
}

function failure(issues: Issue[]): FromWorker {
  return { v: PROTOCOL_VERSION, type: 'error', gen: null, code: 'worker_failed', issues };
}

export function createSimClient(onMessage: (msg: FromWorker) => void): SimClient {
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'backlog-sim' });
  worker.onmessage = (e: MessageEvent<unknown>) => {
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
    terminate: () => worker.terminate(),
  };
}
