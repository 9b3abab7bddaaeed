// The indicator breakdown (GET /indicators/breakdown?by=commune|club) over a unit, cold, against the way
// it was computed before it read its scope's facts once: every indicator computed again for each row
// (computeIndicators over the row's commune or club, its facts read for that part alone), in this
// process, against the same read models, in one snapshot as the service does. The baseline leaves out
// the HTTP hop and the JSON the measured figure includes, so the ratio understates the gain.
import { Pool } from 'pg';
import { computeIndicators } from '../../services/reporting/src/indicators/compute-indicators';
import { readCoverageFacts } from '../../services/reporting/src/indicators/coverage-facts.query';
import { DEFAULT_PLAN_PARAMETERS } from '../../services/reporting/src/indicators/domain/plan-parameters';
import { Figure } from './results';
import { elapsedMs, ratio, round, summarize } from './stats';

export interface BreakdownQueryOptions {
  reportingUrl: string;
  token: string;
  /** The reporting database (the service's read models, through the public views). */
  reporting: Pool;
  orgUnit: string;
  /** Distinct as-of dates (each a cache miss), one breakdown of each kind and one baseline each. */
  asOf: string[];
  /** e.g. "province, stack mode (Redis cache)" */
  label: string;
}

export async function measureBreakdowns(o: BreakdownQueryOptions, log: (line: string) => void): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const by of ['commune', 'club'] as const) {
    const measured: number[] = [];
    const perRow: number[] = [];
    let rows = 0;
    for (const asOf of o.asOf) {
      const t = process.hrtime.bigint();
      const res = await fetch(`${o.reportingUrl}/api/reporting/indicators/breakdown?orgUnit=${o.orgUnit}&asOf=${asOf}&by=${by}`, { headers: { authorization: `Bearer ${o.token}` } });
      const body = (await res.json()) as { rows?: unknown[] };
      if (res.status !== 200) throw new Error(`breakdown by ${by}: HTTP ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      measured.push(elapsedMs(t));
      rows = body.rows?.length ?? 0;
      perRow.push(await computedPerRow(o.reporting, o.orgUnit, asOf, by));
    }
    const m = summarize(measured);
    const b = summarize(perRow);
    log(`breakdown by ${by}, ${o.label}: ${rows} rows, cold p50 ${m.p50Ms} ms (max ${m.maxMs}); computed again per row: p50 ${b.p50Ms} ms (max ${b.maxMs})`);
    figures.push({
      name: `${o.label} breakdown by ${by} (${rows} rows), cold, p50`,
      unit: 'ms',
      value: m.p50Ms,
      baselineName: `every indicator computed again for each ${by} (computeIndicators per row, in the bench's process, no HTTP), p50`,
      baseline: b.p50Ms,
      ratio: ratio(m.p50Ms, b.p50Ms),
      details: { rows, measured: m, perRow: b, asOf: o.asOf },
    });
  }
  return figures;
}

/** The breakdown as it was: the scope resolved, then computeIndicators for each commune or club, in one read-only snapshot. */
async function computedPerRow(pool: Pool, orgUnit: string, asOf: string, by: 'commune' | 'club'): Promise<number> {
  const client = await pool.connect();
  const t = process.hrtime.bigint();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const scope = await readCoverageFacts(client, orgUnit, asOf);
    const parts =
      by === 'commune'
        ? scope.communes.map((commune) => ({ communes: [commune], clubs: scope.clubs.filter((c) => c.communeCode === commune) }))
        : scope.clubs.map((club) => ({ communes: [club.communeCode], clubs: [club] }));
    for (const part of parts) await computeIndicators(client, part, asOf, DEFAULT_PLAN_PARAMETERS);
    await client.query('COMMIT');
    return round(elapsedMs(t));
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
