// Time conversions the tools' numbers go through (kernel/time/time.c, include/linux/jiffies.h): /proc/net/tcp
// prints timers in USER_HZ clock ticks, inet_diag (ss -o) in milliseconds, both from jiffies at CONFIG_HZ.

/** USER_HZ: the clock_t unit of /proc files, 100 on every architecture we care about. */
export const USER_HZ = 100;
const NSEC_PER_SEC = 1_000_000_000;
const MSEC_PER_SEC = 1000;

/** jiffies_to_clock_t(): exact integer arithmetic like the kernel's, whatever HZ is (250 on the recorded VM). */
export function jiffies_to_clock_t(x: number, HZ: number): number {
  const tick_nsec = Math.floor((NSEC_PER_SEC + Math.floor(HZ / 2)) / HZ); // TICK_NSEC
  const clock_nsec = NSEC_PER_SEC / USER_HZ;
  if (tick_nsec % clock_nsec === 0) return Math.floor(x / Math.floor(HZ / USER_HZ));
  return Number((BigInt(Math.trunc(x)) * BigInt(tick_nsec)) / BigInt(clock_nsec));
}

/** jiffies_delta_to_clock_t(): a timer already due prints 0, never a negative number. */
export function jiffies_delta_to_clock_t(delta: number, HZ: number): number {
  return jiffies_to_clock_t(Math.max(0, delta), HZ);
}

/** jiffies_to_msecs() for the HZ values the kernel allows. */
export function jiffies_to_msecs(j: number, HZ: number): number {
  if (MSEC_PER_SEC % HZ === 0) return (MSEC_PER_SEC / HZ) * j;
  if (HZ % MSEC_PER_SEC === 0) return Math.ceil(j / (HZ / MSEC_PER_SEC));
  return Math.floor((j * MSEC_PER_SEC) / HZ);
}

/** jiffies_delta_to_msecs(): what inet_diag reports as idiag_expires. */
export function jiffies_delta_to_msecs(delta: number, HZ: number): number {
  return jiffies_to_msecs(Math.max(0, delta), HZ);
}

