// The app extension `host_sysctl`: sysctls of the host's namespace (init_net). The server runs in a namespace of its
// own, which starts from the kernel's defaults, so these values land in init_net and change nothing the listener
// does: the same run, byte for byte, as without them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatErrors, validateScenario } from '../../src/sim/validate.ts';
import { Simulation } from '../../src/sim/run.ts';
import { HOST_NETNS, SERVER_NETNS } from '../../src/sim/kernel_host.ts';
import type { Scenario } from '../../src/sim/scenario.ts';
import { openScenario } from '../../src/worker/open.ts';

const BASE = {
  format: 'backlog-scenario/1',
  name: 'container',
  server: { port: 8080, backlog: 1024, accept: { mode: 'never' } },
  clients: [{ count: 200, start_ms: 0, interval_ms: 1, kind: 'normal' }],
  duration_ms: 1000,
};

function scenario(doc: object): Scenario {
  const v = validateScenario(doc);
  if (!v.ok) throw new Error(formatErrors(v.errors));
  return v.scenario;
}

function run(s: Scenario) {
  const sim = new Simulation(s);
  sim.runToEnd();
  return sim;
}

describe('host_sysctl', () => {
  it('is {} when left out and keeps what it is given', () => {
    expect(scenario(BASE).host_sysctl).toEqual({});
    const s = scenario({ ...BASE, host_sysctl: { 'net.core.somaxconn': 128, 'net.ipv4.ip_local_port_range': '1024 65000' } });
    expect(s.host_sysctl).toEqual({ 'net.core.somaxconn': 128, 'net.ipv4.ip_local_port_range': [1024, 65000] });
  });

  it('refuses what sysctl -w would refuse, at its own path', () => {
    const errors = (host_sysctl: unknown) => {
      const v = validateScenario({ ...BASE, host_sysctl });
      return v.ok ? [] : formatErrors(v.errors).split('\n');
    };
    expect(errors([])).toEqual(['host_sysctl: expected an object of sysctl names and values, got an array']);
    expect(errors({ 'net.core.somaxconn': -1 })).toEqual(['host_sysctl["net.core.somaxconn"]: proc_dointvec_minmax accepts 0..2147483647, got -1']);
    expect(errors({ 'net.core.nope': 1 })).toEqual(['host_sysctl: unknown sysctl "net.core.nope"']);
  });

  it('sets init_net; the server namespace keeps the kernel defaults and its listener is capped by them', () => {
    const sim = run(scenario({ ...BASE, host_sysctl: { 'net.core.somaxconn': 128 } }));
    expect(sim.host.nets.get(HOST_NETNS)!.sysctl['net.core.somaxconn']).toBe(128);
    expect(sim.server().name).toBe(SERVER_NETNS);
    expect(sim.server().sysctl['net.core.somaxconn']).toBe(4096);
    const r = sim.result({ summary: true });
    expect(r.listen.effective_backlog).toBe(1024);
    // 200 clients fit: with the host's 128 the accept queue would stop at 129
    expect(Math.max(...r.samples.map((x) => x.accept_queue))).toBe(200);
    expect(r.counters.ListenOverflows ?? 0).toBe(0);
  });

  it('changes nothing in the run: the result is the same as without it', () => {
    const host_sysctl = {
      'net.core.somaxconn': 8,
      'net.ipv4.tcp_syncookies': 0,
      'net.ipv4.tcp_max_syn_backlog': 16,
      'net.ipv4.tcp_abort_on_overflow': 1,
      'net.ipv4.tcp_synack_retries': 1,
      'net.ipv4.tcp_syn_retries': 1,
    };
    for (const file of ['slow-accept', 'syn-flood-cookies', 'abort-on-overflow', 'container-somaxconn']) {
      const doc = JSON.parse(readFileSync(new URL(`../../public/scenarios/${file}.json`, import.meta.url), 'utf8')) as object;
      const plain = run(scenario({ ...doc, host_sysctl: {} })).result();
      const hosted = run(scenario({ ...doc, host_sysctl })).result();
      expect(JSON.stringify(hosted), file).toBe(JSON.stringify(plain));
    }
  });

  it('reaches the page in the scenario meta, only when set', () => {
    const meta = (doc: object) => {
      const o = openScenario(JSON.stringify(doc));
      if (!o.ok) throw new Error(JSON.stringify(o.issues));
      return o.meta;
    };
    expect(meta({ ...BASE, host_sysctl: { 'net.core.somaxconn': 128 } }).host_sysctl).toEqual({ 'net.core.somaxconn': 128 });
    expect(meta({ ...BASE, sysctl: { 'net.core.somaxconn': 64 } }).sysctl).toEqual({ 'net.core.somaxconn': 64 });
    expect(meta(BASE)).not.toHaveProperty('host_sysctl');
  });
});
