// The simulation worker's entry: wires the host to the worker's message port and to the wall clock. This is the
// one place in the app that reads wall-clock time (performance.now, setInterval); the model never does.
import { SimHost } from './host.ts';
import { openScenario } from './open.ts';
import type { FromWorker } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const host = new SimHost({
  post: (msg: FromWorker) => scope.postMessage(msg),
  now_ms: () => performance.now(),
  every: (ms, fn) => {
    const id = setInterval(fn, ms);
    return () => clearInterval(id);
  },
  open: openScenario,
});

scope.onmessage = (e: MessageEvent<unknown>) => host.handle(e.data);
