// Simulated time: integer nanoseconds since the listener became ready (time 0). The kernel model counts in
// jiffies; this is the one place that converts. A run starts at a seeded, realistic uptime and at a seeded
// phase inside the current tick, as a real machine would (the cookie minute counter and the timer-wheel
// rounding depend on both).
import { jiffies, type Jiffies } from '../kernel/types.ts';

export type Nanos = number & { readonly __unit: 'ns' };
export const ns = (n: number): Nanos => n as Nanos;
export const ms_to_ns = (ms: number): Nanos => ns(Math.round(ms * 1e6));
export const us_to_ns = (us: number): Nanos => ns(Math.round(us * 1e3));
export const ns_to_ms = (t: number): number => t / 1e6;

export interface JiffiesClock {
  readonly HZ: number;
  /** jiffies at time 0 */
  readonly jiffies0: number;
  /** how far into its tick time 0 falls, in ns */
  readonly phase_ns: number;
}

const tick_ns = (c: JiffiesClock): number => 1e9 / c.HZ;

/** jiffies at simulated time t */
export function jiffies_at(c: JiffiesClock, t: number): Jiffies {
  return jiffies(c.jiffies0 + Math.floor((t + c.phase_ns) / tick_ns(c)));
}

/** The simulated time at which `jiffies` becomes j (the tick that runs timers due at j). */
export function time_of_jiffy(c: JiffiesClock, j: number): Nanos {
  return ns(Math.ceil((j - c.jiffies0) * tick_ns(c) - c.phase_ns));
}
