// The scenario the page benchmark animates (issue: "a 10,000 SYN/s flood"): spoofed SYNs 0.1 ms apart for the whole
// run, with SYN cookies on (the default), and real clients arriving throughout so both queues move on screen.
import { validateScenario } from '../src/sim/validate.ts';

export const FLOOD_RATE = 10_000; // SYN/s
export const FLOOD_NAME = 'bench-page-flood-10k';

export function floodScenario(duration_ms: number): string {
  const json = {
    format: 'backlog-scenario/1',
    name: FLOOD_NAME,
    description: `npm run bench (page): ${FLOOD_RATE} spoofed SYN/s, 20 normal clients/s, backlog 128, accept every 40 ms`,
    title: 'Bench: 10,000 SYN/s flood',
    title_zh: '基准：每秒 10,000 个 SYN 的洪泛',
    sysctl: { 'net.ipv4.tcp_syncookies': 1 },
    // the flood keeps the SYN queue full and cookies flowing; accept() 25/s against 20 arrivals/s keeps the accept
    // queue moving without filling it (a full accept queue drops every SYN: a different picture, and it would
    // change part-way through the windows)
    server: { port: 8080, backlog: 128, accept: { mode: 'every', interval_ms: 40 } },
    clients: [
      { count: Math.round((FLOOD_RATE * duration_ms) / 1000), start_ms: 0, interval_ms: 1000 / FLOOD_RATE, kind: 'spoofed' },
      { count: Math.round(duration_ms / 50), start_ms: 0, interval_ms: 50, kind: 'normal' },
    ],
    duration_ms,
    sample_every_ms: 50,
  };
  const v = validateScenario(json);
  if (!v.ok) throw new Error(`page bench scenario invalid: ${JSON.stringify(v.errors)}`);
  return JSON.stringify(json);
}
