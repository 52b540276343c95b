// Builds the bounded per-frame view of a running simulation: a handful of numbers, whatever the queue sizes.
import { PROFILES } from '../kernel/profiles.ts';
import type { Counters, SimFrame } from './protocol.ts';
import type { SimPort } from './port.ts';

const NS_PER_MS = 1e6;

/**
 * How many entries each queue takes before the kernel calls it full, for a listener with backlog N:
 * sk_acceptq_is_full() is `sk_ack_backlog > sk_max_ack_backlog`, so the accept queue holds N + 1;
 * inet_csk_reqsk_queue_is_full() is `qlen > N` on 6.18 (N + 1 request socks) and `qlen >= N` before it.
 * (With syncookies 0, tcp_conn_request() also drops at 3/4 of tcp_max_syn_backlog; the gauge shows the
 * backlog limit, and the counters show the other.)
 */
function limits(sim: SimPort, backlog: number | null): { syn: number; accept: number } {
  if (backlog === null) return { syn: 0, accept: 0 };
  const gt = PROFILES[sim.server().profile].reqsk_queue_full === 'gt';
  return { syn: gt ? backlog + 1 : backlog, accept: backlog + 1 };
}

export function frameOf(sim: SimPort, playing: boolean): SimFrame {
  const l = sim.listener();
  const listening = l !== null && l.sk_state === 'TCP_LISTEN';
  const backlog = listening ? l.sk_max_ack_backlog : null;
  const lim = limits(sim, backlog);
  const counters: Counters = { ...sim.server().mib };
  return {
    t_ms: sim.now_ns / NS_PER_MS,
    end_ms: sim.end_ns / NS_PER_MS,
    done: sim.done(),
    playing,
    backlog,
    port: l !== null && l.num !== 0 ? l.num : null,
    syn_queue: { len: listening ? l.qlen : 0, limit: lim.syn },
    accept_queue: { len: listening ? l.sk_ack_backlog : 0, limit: lim.accept },
    counters,
  };
}
