// fast-check arbitraries for scenario JSON that validateScenario() must accept: every field within its bounds,
// optional fields sometimes left out. For property tests of validation and of anything that runs scenarios.
import fc from 'fast-check';
import { PROFILES } from '../../src/kernel/profiles.ts';
import { SYSCTL_NAMES, SYSCTL_RULES } from '../../src/kernel/sysctl.ts';
import type { SysctlName } from '../../src/kernel/sysctl.ts';

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
const ms = (max = 100_000) => fc.double({ min: 0, max, noNaN: true });

/** a value `sysctl -w` accepts; ip_local_port_range in either spelling, [lo, hi] or "lo hi" */
export function sysctlValue(name: SysctlName): fc.Arbitrary<number | [number, number] | string> {
  const rule = SYSCTL_RULES[name];
  if (rule.type !== 'range') return fc.integer({ min: rule.min, max: rule.max });
  const range = fc
    .tuple(fc.integer({ min: rule.min, max: rule.max }), fc.integer({ min: rule.min, max: rule.max }))
    .map(([a, b]): [number, number] => [Math.min(a, b), Math.max(a, b)]);
  return fc.oneof(range, range.map(([lo, hi]) => `${lo} ${hi}`));
}

const sysctlMap = fc
  .subarray([...SYSCTL_NAMES])
  .chain((names) => fc.tuple(...names.map((n) => sysctlValue(n).map((v) => [n, v] as const))))
  .map((entries) => Object.fromEntries(entries));

const sysctlChange = fc
  .constantFrom(...SYSCTL_NAMES)
  .chain((name) => fc.record({ at_ms: ms(), name: fc.constant(name), value: sysctlValue(name) }));

const accept = fc.oneof(
  fc.constant({ mode: 'never' }),
  fc
    .record(
      { mode: fc.constant('every'), interval_ms: fc.double({ min: 0.001, max: 10_000, noNaN: true }), start_ms: ms(), stop_after: fc.option(ms(), { nil: null }) },
      { requiredKeys: ['mode', 'interval_ms'] },
    )
    // stop_ms may not come before start_ms
    .map(({ stop_after, ...a }) => (stop_after === undefined ? a : { ...a, stop_ms: stop_after === null ? null : (a.start_ms ?? 0) + stop_after })),
);

const server = fc.record(
  {
    port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: null }),
    backlog: fc.integer({ min: INT_MIN, max: INT_MAX }),
    relisten: fc.array(fc.record({ at_ms: ms(), backlog: fc.integer({ min: INT_MIN, max: INT_MAX }) }), { maxLength: 3 }),
    accept,
  },
  { requiredKeys: ['backlog', 'accept'] },
);

const clientGroup = fc.record(
  {
    count: fc.nat(1000),
    start_ms: ms(),
    interval_ms: ms(1000),
    kind: fc.constantFrom('normal', 'spoofed'),
    ack_delay_ms: ms(1000),
  },
  { requiredKeys: ['count', 'start_ms', 'interval_ms', 'kind'] },
);

/** A scenario as a user might write it: valid, with some optional fields omitted. */
export const validScenarioJson = fc.record(
  {
    format: fc.constant('backlog-scenario/1'),
    name: fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,30}$/),
    description: fc.string(),
    sysctl: sysctlMap,
    server,
    clients: fc.array(clientGroup, { maxLength: 4 }),
    // at most 100 000 ms in samples of at least 1 ms: well under the 1 000 000-sample bound
    duration_ms: fc.double({ min: 1, max: 100_000, noNaN: true }),
    sample_every_ms: fc.double({ min: 1, max: 1000, noNaN: true }),
    kernel: fc.constantFrom(...Object.keys(PROFILES)),
    seed: fc.nat({ max: 2 ** 32 - 1 }),
    link_delay_us: fc.nat(1_000_000),
    sysctl_changes: fc.array(sysctlChange, { maxLength: 3 }),
    title: fc.string(),
    title_zh: fc.string(),
    explain: fc.string(),
    explain_zh: fc.string(),
  },
  { requiredKeys: ['format', 'name', 'server', 'clients', 'duration_ms'] },
);
