import request from 'supertest';
import { Clock, PG_POOL, ScopeChecker } from '@ishc/platform';
import { describeWith } from '@ishc/testing';
import { Pool } from 'pg';
import { IndicatorCache } from '../../cache/indicator-cache';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { generateDistrict } from '../../cross-check/generated-district';
import { loadDistrict } from '../../cross-check/load-district';
import { planParametersOf } from '../../plans/domain/plan';
import { withTargets } from '../../plans/domain/target';
import { planTable } from '../../plans/plan.table';
import { ReportingTestApp, startReporting } from '../../spec-support/reporting-test-app';
import { statementCountingPool } from '../../spec-support/statement-counting-pool';
import { untilProjected } from '../../spec-support/tra-cu-scenario';
import { computeIndicators } from '../compute-indicators';
import { DEFAULT_PLAN_PARAMETERS } from '../domain/plan-parameters';
import { BreakdownAnswer, IndicatorReports, ResolvedReport } from '../indicator-reports';

interface Row {
  orgUnit: string;
  clubId: string | null;
  indicators: unknown[];
}

/**
 * GET /indicators/breakdown reads the facts of its whole scope once and computes each row from them. Over
 * the cross-check's generated district (Trà Cú across the 2025 reform, ~35 clubs, ~2,000 members, five
 * years of activities and loans): each commune's row must equal GET /indicators for that commune, and each
 * club's row what the indicators read for that club alone give; and the number of statements must not
 * grow with the number of rows.
 */
describeWith(['postgres'], 'GET /api/reporting/indicators/breakdown over the generated district', () => {
  let t: ReportingTestApp;
  let admin: string;
  let tokens: string[];
  let pool: Pool;
  const get = (path: string) => request(t.app.getHttpServer()).get(`/api/reporting${path}`).set('Authorization', `Bearer ${admin}`);

  beforeAll(async () => {
    t = await startReporting({ builtInPlans: true });
    admin = await t.token();
    tokens = await loadDistrict(t, generateDistrict());
    await untilProjected(t, tokens, 120_000);
    pool = t.app.get<Pool>(PG_POOL);
  }, 180_000);
  afterAll(() => t?.close());

  // [query of the breakdown, the plan (for GET /indicators of a commune)]
  const QUESTIONS: Array<[string, string | null]> = [
    ['orgUnit=849&asOf=2024-12-31', null],
    ['orgUnit=849&asOf=2025-06-30', null],
    ['orgUnit=86&asOf=2025-12-31', null],
    ['plan=TRACU-793-2021&asOf=2025-12-31', 'TRACU-793-2021'],
    ['plan=TRACU-793-2021&orgUnit=849&asOf=2023-06-15', 'TRACU-793-2021'],
  ];

  it.each(QUESTIONS)('by commune (%s): each row equals GET /indicators for its commune', async (query, plan) => {
    const body = (await get(`/indicators/breakdown?${query}&by=commune&consistentWith=${tokens.join(',')}`).expect(200)).body as BreakdownAnswer;
    expect(body.rows.map((r) => r.orgUnit)).toEqual(body.scope);
    expect(body.rows.filter((r) => r.indicators.find((i) => i.code === 'clubs_active')?.value).length).toBeGreaterThan(1);
    const asOf = body.asOf;
    for (const row of body.rows as Row[]) {
      const own = (await get(`/indicators?orgUnit=${row.orgUnit}&asOf=${asOf}${plan ? `&plan=${plan}` : ''}`).expect(200)).body;
      expect([row.orgUnit, row.indicators]).toEqual([row.orgUnit, own.indicators]);
    }
  });

  it.each(QUESTIONS)('by club (%s): each row equals the indicators read for that club alone', async (query, plan) => {
    const body = (await get(`/indicators/breakdown?${query}&by=club&consistentWith=${tokens.join(',')}`).expect(200)).body as BreakdownAnswer;
    expect(body.rows.length).toBeGreaterThan(5);
    const found = plan === null ? null : await planTable.find(pool, plan);
    const params = found ? planParametersOf(found) : DEFAULT_PLAN_PARAMETERS;
    for (const row of body.rows as Row[]) {
      const part = { communes: [row.orgUnit], clubs: [{ clubId: row.clubId as string, communeCode: row.orgUnit }] };
      const alone = withTargets(await computeIndicators(pool, part, body.asOf, params), found?.targets ?? []);
      expect([row.clubId, row.indicators]).toEqual([row.clubId, alone]);
    }
  });

  it('runs the same number of statements for a commune of a few clubs as for the district of dozens', async () => {
    const own = statementCountingPool(pool);
    const reports = new IndicatorReports(own.pool, t.app.get(Clock), t.app.get(ScopeChecker), t.app.get(ReadYourWrites), t.app.get(IndicatorCache));
    const report = (orgUnit: string, asOf: string): ResolvedReport => ({ orgUnit, orgUnitName: orgUnit, asOf, plan: null, basis: 'unit', lastDay: null });
    const counted = async (orgUnit: string, asOf: string, by: 'commune' | 'club') => {
      own.statements = 0;
      // A date of its own: never a cache hit.
      const answer = await reports.breakdown(report(orgUnit, asOf), by);
      return { rows: answer.rows.length, statements: own.statements };
    };
    try {
      const commune = (await get('/indicators/breakdown?orgUnit=849&asOf=2024-11-30&by=club').expect(200)).body.rows[0].orgUnit as string;
      const few = await counted(commune, '2024-11-29', 'club');
      const many = await counted('849', '2024-11-28', 'club');
      expect(many.rows).toBeGreaterThan(few.rows * 5);
      expect(many.statements).toBe(few.statements);
      const communes = await counted('849', '2024-11-27', 'commune');
      const one = await counted(commune, '2024-11-26', 'commune');
      expect([communes.rows, one.rows]).toEqual([17, 1]);
      expect(communes.statements).toBe(one.statements);
      expect(communes.statements).toBeLessThan(communes.rows);
    } finally {
      await own.pool.end();
    }
  });
});
