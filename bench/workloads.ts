// The benchmark workloads of `npm run bench` (issue: the kernel model, the simulator and the headless CLI):
// (a) a 1,000,000 SYN/s spoofed flood with cookies on for 10 simulated seconds,
// (b) a 10-minute classroom scenario (slow accept, 200 normal clients, synack retries 5),
// (c) backlog 65535 with the SYN queue full.
import type { Scenario } from '../src/sim/scenario.ts';
import { validateScenario } from '../src/sim/validate.ts';

function scenario(json: unknown): Scenario {
  const v = validateScenario(json);
  if (!v.ok) throw new Error(`bench scenario invalid: ${JSON.stringify(v.errors)}`);
  return v.scenario;
}

export interface Workload {
  readonly id: string;
  readonly title: string;
  readonly scenario: Scenario;
  /** the goal, in simulated seconds per wall second (or null: a wall-time goal instead) */
  readonly goal: string;
}

export function workloads(scale = 1): Workload[] {
  return [
    {
      id: 'a',
      title: 'SYN flood 1,000,000 SYN/s, cookies on, 10 s (10 M spoofed clients)',
      goal: '≥ 5× faster than real time',
      scenario: scenario({
        format: 'backlog-scenario/1', name: 'bench-flood-1m', description: 'bench (a)',
        sysctl: { 'net.ipv4.tcp_syncookies': 1 },
        server: { port: 8080, backlog: 4096, accept: { mode: 'never' } },
        clients: [{ count: Math.round(10_000_000 * scale), start_ms: 0, interval_ms: 0.001, kind: 'spoofed' }],
        duration_ms: 10_000 * scale, sample_every_ms: 50,
      }),
    },
    {
      id: 'b',
      title: 'classroom: 10 minutes, slow accept, 200 normal clients, synack retries 5',
      goal: '< 1 s wall',
      scenario: scenario({
        format: 'backlog-scenario/1', name: 'bench-classroom', description: 'bench (b)',
        sysctl: { 'net.ipv4.tcp_synack_retries': 5 },
        server: { port: 8080, backlog: 8, accept: { mode: 'every', interval_ms: 500 } },
        clients: [{ count: 200, start_ms: 0, interval_ms: 100, kind: 'normal', ack_delay_ms: 100 }],
        duration_ms: 600_000, sample_every_ms: 50,
      }),
    },
    {
      id: 'c',
      title: 'backlog 65535, SYN queue full (spoofed SYNs, cookies off), 10 s',
      goal: 'figures only (memory bounded)',
      scenario: scenario({
        format: 'backlog-scenario/1', name: 'bench-backlog-65535', description: 'bench (c)',
        sysctl: { 'net.core.somaxconn': 65535, 'net.ipv4.tcp_max_syn_backlog': 262144, 'net.ipv4.tcp_syncookies': 0 },
        server: { port: 8080, backlog: 65535, accept: { mode: 'never' } },
        clients: [{ count: 100_000, start_ms: 0, interval_ms: 0.05, kind: 'spoofed' }],
        duration_ms: 10_000, sample_every_ms: 50,
      }),
    },
  ];
}
