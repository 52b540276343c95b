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

/**
 * sfc32 (Chris Doty-Humphrey's small fast counter), seeded from (seed, name). A class with its state in fields
 * (not a closure) so a checkpoint of the simulation can copy a stream and the copy draws what the original would.
 */
class Sfc32 implements Rng {
  private a: number;
  private b: number;
  private c = 0x9e3779b9;
  private d = 1;

  constructor(seed: number, name: string) {
    this.a = seed >>> 0;
    this.b = fnv1a(name);
    for (let i = 0; i < 15; i++) this.u32(); // mix the seed in
  }

  u32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  below(n: number): number {
    return Math.floor((this.u32() / 2 ** 32) * n);
  }
}

export function rng_stream(seed: number, name: string): Rng {
  return new Sfc32(seed, name);
}
