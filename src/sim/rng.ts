// Seeded random numbers: sfc32, with one independent stream per name ("kernel", "client:17" …) derived from
// the scenario's seed, so adding a client never changes what another stream draws.

/** A 32-bit string hash (FNV-1a) to derive a stream's key from its name. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export interface Rng {
  /** a uniform u32 */
  u32(): number;
  /** a uniform integer in [0, n) */
  below(n: number): number;
}

/** sfc32 (Chris Doty-Humphrey's small fast counter), seeded from (seed, name). */
export function rng_stream(seed: number, name: string): Rng {
  let a = seed >>> 0, b = fnv1a(name), c = 0x9e3779b9, d = 1;
  const u32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 15; i++) u32(); // mix the seed in
  return { u32, below: (n) => Math.floor((u32() / 2 ** 32) * n) };
}
