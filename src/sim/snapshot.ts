// Checkpoints of a simulation, for time travel: a deep copy of every piece of run state (the kernel's Nets,
// the scheduler's heap, the clients, the random streams) that keeps each object's prototype, so the copy is a
// working Simulation that continues exactly as the original would. Immutable inputs (the scenario, the kernel
// profile) are shared, not copied. The one closure, the kernel context's random source, is rebound to the
// copy's own stream.
import type { Simulation } from './run.ts';
import { kernel_ctx } from './kernel_host.ts';

type Memo = Map<object, unknown>;

function copy(x: unknown, memo: Memo): unknown {
  if (typeof x !== 'object' || x === null) {
    if (typeof x === 'function') throw new Error('snapshot: a function in the simulation state cannot be copied');
    return x;
  }
  const seen = memo.get(x);
  if (seen !== undefined) return seen;
  if (Array.isArray(x)) {
    const out: unknown[] = new Array(x.length);
    memo.set(x, out);
    for (let i = 0; i < x.length; i++) out[i] = copy(x[i], memo);
    return out;
  }
  if (ArrayBuffer.isView(x)) {
    const out = (x as unknown as { slice(): unknown }).slice();
    memo.set(x, out);
    return out;
  }
  if (x instanceof Map) {
    const out = new Map();
    memo.set(x, out);
    for (const [k, v] of x) out.set(copy(k, memo), copy(v, memo));
    return out;
  }
  if (x instanceof Set) {
    const out = new Set();
    memo.set(x, out);
    for (const v of x) out.add(copy(v, memo));
    return out;
  }
  const out = Object.create(Object.getPrototypeOf(x) as object) as Record<string, unknown>;
  memo.set(x, out);
  for (const k of Object.keys(x)) out[k] = copy((x as Record<string, unknown>)[k], memo);
  return out;
}

/** An independent copy of `sim` that runs on exactly as `sim` would. */
export function clone_simulation(sim: Simulation): Simulation {
  const memo: Memo = new Map();
  // shared, never mutated by a run
  memo.set(sim.scenario, sim.scenario);
  memo.set(sim.host.profile, sim.host.profile);
  const ctx = sim.host.ctx;
  memo.set(ctx, null); // rebuilt below
  const out = copy(sim, memo) as Simulation;
  out.host.ctx = kernel_ctx(out.host.profile, out.host.rng, out.host.trace);
  return out;
}
