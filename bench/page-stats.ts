// Small figures helpers of the page benchmark.

/** nearest-rank percentile (p in 0..1) of a list; NaN for an empty list */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

export function ms(x: number): string {
  return Number.isFinite(x) ? `${x.toFixed(1)} ms` : '—';
}

/** kB as vite prints them: 1000 bytes */
export function kB(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

export function pct(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((100 * part) / whole)}%` : '—';
}

export function verdict(ok: boolean | null): string {
  return ok === null ? 'NOT MEASURED' : ok ? 'PASS' : 'NOT MET';
}

/** the largest entries of a tally, as "name 12.3 ms (40%)" pieces */
export function top(tally: ReadonlyMap<string, number>, n: number, unit: (x: number) => string, whole: number): string[] {
  return [...tally].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${k} ${unit(v)} (${pct(v, whole)})`);
}
