// The seeded picker a lesson draws its parameters from: the same seed gives the same numbers (a link or a test can
// reopen one attempt), a new seed gives new numbers (so an answer cannot be learnt by heart). mulberry32: small,
// fast, and good enough to choose among a handful of values.
import type { Picker } from './types.ts';

export function picker(seed: number): Picker {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    pick: <T>(xs: readonly T[]): T => {
      if (xs.length === 0) throw new Error('pick from an empty list');
      return xs[Math.floor(next() * xs.length)];
    },
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    coin: () => next() < 0.5,
  };
}
