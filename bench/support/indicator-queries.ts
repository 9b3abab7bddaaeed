// Indicator query latency through reporting's HTTP API: cold (each query a distinct asOf, so a cache
// miss computed from the read models) and cached (one query repeated), against GET /health over the same
// HTTP path (the floor of any answer). Used at province and at national scale, in both run modes.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { closedLoop, LoadResult } from './load';
import { Figure } from './results';
import { ratio } from './stats';

export interface IndicatorQueryOptions {
  reportingUrl: string;
  token: string;
  orgUnit: string;
  /** Distinct as-of dates, one cold query each. */
  coldAsOf: string[];
  cachedAsOf: string;
  cachedQueries: number;
  /** e.g. "province, stack mode (Redis cache)" */
  label: string;
  coldGoalMs?: number;
  cachedGoalMs?: number;
  coldTimeoutMs: number;
}

export async function measureIndicatorQueries(o: IndicatorQueryOptions, log: (line: string) => void): Promise<Figure[]> {
  const url = (asOf: string) => `${o.reportingUrl}/api/reporting/indicators?orgUnit=${o.orgUnit}&asOf=${asOf}`;
  const health = await closedLoop({ concurrency: 1, durationMs: 60_000, maxOperations: o.cachedQueries }, async () => {
    expect200(await getJson(`${o.reportingUrl}/api/reporting/health`, o.token));
  });
  const cold = await closedLoop({ concurrency: 1, durationMs: o.coldTimeoutMs, maxOperations: o.coldAsOf.length }, async (n) => {
    expect200(await getJson(url(o.coldAsOf[n]), o.token));
  });
  expect200(await getJson(url(o.cachedAsOf), o.token));
  const cached = await closedLoop({ concurrency: 1, durationMs: 120_000, maxOperations: o.cachedQueries }, async () => {
    expect200(await getJson(url(o.cachedAsOf), o.token));
  });
  log(`indicators, ${o.label}: cold p50 ${cold.p50Ms} p99 ${cold.p99Ms} ms (${cold.count} queries, ${cold.errors} errors); cached p50 ${cached.p50Ms} p99 ${cached.p99Ms} ms; health p50 ${health.p50Ms} ms`);
  return [
    queryFigure(`${o.label} indicators, cold (cache miss), p50`, cold, 'p50Ms', health),
    queryFigure(`${o.label} indicators, cold (cache miss), p99`, cold, 'p99Ms', health, o.coldGoalMs),
    queryFigure(`${o.label} indicators, cached, p50`, cached, 'p50Ms', health),
    queryFigure(`${o.label} indicators, cached, p99`, cached, 'p99Ms', health, o.cachedGoalMs),
  ];
}

/** Distinct dates from `first` on, one a day. */
export function distinctDays(first: string, count: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: count }, (_, n) => new Date(start + n * 86_400_000).toISOString().slice(0, 10));
}

function queryFigure(name: string, result: LoadResult, key: 'p50Ms' | 'p99Ms', health: LoadResult, goalMs?: number): Figure {
  return {
    name,
    unit: 'ms',
    value: result[key],
    baselineName: `GET /api/reporting/health ${key.slice(0, 3)}`,
    baseline: health[key],
    ratio: ratio(result[key], health[key]),
    ...(goalMs !== undefined ? { goal: `p99 ≤ ${goalMs} ms`, goalMet: result[key] <= goalMs && result.errors === 0 } : {}),
    details: { count: result.count, errors: result.errors, firstError: result.firstError, maxMs: result.maxMs },
  };
}

function expect200(answer: { status: number; body: string }): void {
  if (answer.status !== 200) throw new Error(`HTTP ${answer.status}: ${answer.body.slice(0, 300)}`);
}

const agent = new http.Agent({ keepAlive: true });

/**
 * A GET with no client-side timeout (fetch gives up after 300 s without response headers, and a cold
 * national query can take longer): the answer's status and body, read whole.
 */
function getJson(url: string, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** The peak resident memory of a process so far (VmHWM), in MB; null when it has exited. */
export function peakRssMb(pid: number | undefined): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}
