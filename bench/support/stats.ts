// Latency and rate arithmetic shared by every suite. Percentiles are nearest-rank on the sorted sample.

export interface LatencySummary {
  count: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export function summarize(latenciesMs: number[]): LatencySummary {
  if (latenciesMs.length === 0) return { count: 0, p50Ms: NaN, p99Ms: NaN, maxMs: NaN };
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return { count: sorted.length, p50Ms: round(percentile(sorted, 50)), p99Ms: round(percentile(sorted, 99)), maxMs: round(sorted[sorted.length - 1]) };
}

export function percentile(sorted: number[], p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Milliseconds since `startedNs` (process.hrtime.bigint()). */
export function elapsedMs(startedNs: bigint): number {
  return Number(process.hrtime.bigint() - startedNs) / 1e6;
}

/** `measured / baseline`, rounded; null when either is missing. For latencies a ratio > 1 means slower. */
export function ratio(measured: number | null, baseline: number | null): number | null {
  if (measured === null || baseline === null || !Number.isFinite(measured) || !Number.isFinite(baseline) || baseline === 0) return null;
  return round(measured / baseline, 3);
}
