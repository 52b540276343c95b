// The server machine: its network namespaces and the kernel context each kernel call gets (time in jiffies,
// the profile, the seeded "kernel" random stream). Calls into the model go through here so that every effect
// plan is collected in one place.
import { setup_net, type Net } from '../kernel/net_namespace.ts';
import { PROFILES, type KernelProfile } from '../kernel/profiles.ts';
import type { Effect, KCtx } from '../kernel/effects.ts';
import { jiffies, type Jiffies } from '../kernel/types.ts';
import { jiffies_at, type JiffiesClock } from './time.ts';
import type { Rng } from './rng.ts';
import type { Scenario } from './scenario.ts';

export interface KernelHost {
  readonly profile: KernelProfile;
  readonly clock: JiffiesClock;
  /** init_net and the namespace the server runs in */
  readonly nets: Map<string, Net>;
  readonly server_net: string;
  readonly rng: Rng;
  trace: boolean;
  /** the context handed to kernel calls, reused: one allocation per call adds up at a million SYNs a second */
  ctx: { -readonly [K in keyof KCtx]: KCtx[K] };
}

export const SERVER_NETNS = 'lab';
/** the host's own namespace (scenario.host_sysctl) */
export const HOST_NETNS = 'init_net';

export function new_kernel_host(sc: Scenario, rng: Rng, trace: boolean): KernelHost {
  const profile = PROFILES[sc.kernel];
  // a machine that has been up for 1 to 24 hours, at a random point inside a tick
  const uptime_s = 3600 + rng.below(23 * 3600);
  const clock: JiffiesClock = { HZ: profile.HZ, jiffies0: uptime_s * profile.HZ + rng.below(profile.HZ), phase_ns: rng.below(1e9 / profile.HZ) };
  // the host's namespace gets the scenario's host_sysctl; the server's namespace is created after it and still
  // starts from the kernel's defaults (setup_net), as a container's does
  const host = setup_net(HOST_NETNS, profile);
  for (const [name, value] of Object.entries(sc.host_sysctl)) (host.sysctl as unknown as Record<string, unknown>)[name] = value;
  const nets = new Map<string, Net>([
    [HOST_NETNS, host],
    [SERVER_NETNS, setup_net(SERVER_NETNS, profile)],
  ]);
  return { profile, clock, nets, server_net: SERVER_NETNS, rng, trace, ctx: kernel_ctx(profile, rng, trace) };
}

/** The reusable kernel context; get_random_u32() draws from the host's "kernel" stream. */
export function kernel_ctx(profile: KernelProfile, rng: Rng, trace: boolean): KernelHost['ctx'] {
  return { now: jiffies(0), timer_clk: jiffies(0), profile, random_u32: () => rng.u32(), out: [] as Effect[], mib_moved: [], trace };
}

/**
 * The kernel context for a call at time t, its plan emptied. `in_timer` models base->clk = jiffies + 1 while
 * timers run. The plan array is reused: carry it out before the next call.
 */
export function kctx(host: KernelHost, t: number, in_timer: boolean): KCtx {
  const k = host.ctx;
  const now = jiffies_at(host.clock, t);
  k.now = now;
  k.timer_clk = in_timer ? jiffies(now + 1) : now;
  k.out.length = 0;
  k.mib_moved = [];
  k.trace = host.trace;
  return k;
}

/** The kernel's jiffies at simulated time t (what /proc and ss see as "now"). */
export function kernel_jiffies(host: KernelHost, t: number): Jiffies {
  return jiffies_at(host.clock, t);
}
