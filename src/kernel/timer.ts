// kernel/time/timer.c: the timer wheel. A timer armed for `expires` does not run at `expires`: it is put in a
// bucket whose granularity grows with the distance (8× per level), and runs when the wheel reaches that bucket,
// rounded *up*. This is why a request's SYN-ACK retransmissions come at +1.00–1.03 s, +3.02–3.05 s,
// +7.06–7.30 s on a HZ=250 kernel rather than at exactly 1, 3, 7 s.
import { jiffies, type Jiffies } from './types.ts';

const LVL_CLK_SHIFT = 3;
const LVL_BITS = 6;
const LVL_SIZE = 1 << LVL_BITS;
const LVL_SHIFT = (n: number): number => n * LVL_CLK_SHIFT;
const LVL_GRAN = (n: number): number => 2 ** LVL_SHIFT(n);
/** First delta that lands in level n (n ≥ 1). */
const LVL_START = (n: number): number => (LVL_SIZE - 1) * 2 ** ((n - 1) * LVL_CLK_SHIFT);

/** LVL_DEPTH: 9 levels when HZ > 100, else 8. */
function lvl_depth(HZ: number): number {
  return HZ > 100 ? 9 : 8;
}

/** calc_index(): the bucket's expiry, rounded up past `expires` at the level's granularity. */
function calc_index_expiry(expires: number, lvl: number): number {
  const gran = LVL_GRAN(lvl);
  return (Math.floor(expires / gran) + 1) * gran;
}

/**
 * calc_wheel_index(): when a timer armed with `expires` while the wheel's clock is `clk` will run
 * (its bucket_expiry). Plain arithmetic on non-negative numbers stands in for the kernel's unsigned longs.
 */
export function calc_wheel_index(expires: Jiffies, clk: Jiffies, HZ: number): Jiffies {
  const delta = expires - clk;
  if (delta < 0) return clk; // already due: runs at the next tick
  const depth = lvl_depth(HZ);
  for (let lvl = 0; lvl < depth - 1; lvl++) {
    if (delta < LVL_START(lvl + 1)) return jiffies(calc_index_expiry(expires, lvl));
  }
  // WHEEL_TIMEOUT_CUTOFF: obscenely large timeouts expire at the wheel's capacity
  const cutoff = LVL_START(depth);
  const capped = delta >= cutoff ? clk + cutoff - LVL_GRAN(depth - 1) : expires;
  return jiffies(calc_index_expiry(capped, depth - 1));
}

/**
 * mod_timer() on a timer that may be pending at `old_fires`: __mod_timer() keeps the old bucket when the new
 * expiry lands in the same one ("just update the expiry time and avoid the whole dequeue/enqueue dance").
 */
export function mod_timer(expires: Jiffies, clk: Jiffies, HZ: number): Jiffies {
  return calc_wheel_index(expires, clk, HZ);
}
