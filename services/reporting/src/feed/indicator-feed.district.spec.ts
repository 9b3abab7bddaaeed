import { PG_POOL } from '@ishc/platform';
import { describeWith } from '@ishc/testing';
import { Pool } from 'pg';
import { generateDistrict } from '../cross-check/generated-district';
import { loadDistrict } from '../cross-check/load-district';
import { computeIndicators } from '../indicators/compute-indicators';
import { readCoverageFacts } from '../indicators/coverage-facts.query';
import { DEFAULT_PLAN_PARAMETERS } from '../indicators/domain/plan-parameters';
import { ReportingTestApp, startReporting } from '../spec-support/reporting-test-app';
import { statementCountingPool } from '../spec-support/statement-counting-pool';
import { untilProjected } from '../spec-support/tra-cu-scenario';
import { IndicatorSnapshotV1 } from './domain/indicator-snapshot';
import { migrateFeedTable } from './feed.table';
import { IndicatorFeed, SnapshotSink } from './indicator-feed';

/** Collects what the feed sends. */
class RecordingSink implements SnapshotSink {
  readonly sent: IndicatorSnapshotV1[] = [];
  async send(messages: Array<{ key: string; value: string }>): Promise<void> {
    for (const m of messages) this.sent.push(JSON.parse(m.value) as IndicatorSnapshotV1);
  }
}

/**
 * The feed reads a month's facts once, for the widest scope, and computes each unit's figures from its
 * part of them. Over the cross-check's generated district (Trà Cú across the 2025 reform, ~35 clubs,
 * ~2,000 members, five years of activities and loans): every published unit and month must equal what
 * the indicators read for that unit alone give (GET /indicators' computation), and a month's statements
 * must not grow with the number of units published for it.
 */
describeWith(['postgres'], 'the public indicator feed over the generated district', () => {
  let t: ReportingTestApp;
  let pool: Pool;
  const sink = new RecordingSink();

  beforeAll(async () => {
    t = await startReporting();
    const tokens = await loadDistrict(t, generateDistrict());
    await untilProjected(t, tokens, 120_000);
    pool = t.app.get<Pool>(PG_POOL);
    await migrateFeedTable(pool);
    // Across the reform of 1 July 2025: the districts end, the province and most communes are succeeded.
    await new IndicatorFeed(pool, sink, { fromMonth: '2025-04' }).publishChanged('2025-09-10');
  }, 240_000);
  afterAll(() => t?.close());

  it('publishes every unit and month with the figures the indicators read for that unit alone give', async () => {
    expect(new Set(sink.sent.map((s) => s.month))).toEqual(new Set(['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09']));
    expect(new Set(sink.sent.map((s) => s.level))).toEqual(new Set(['country', 'province', 'district', 'commune']));
    expect(sink.sent.filter((s) => s.level === 'commune' && s.indicators.find((i) => i.code === 'clubs_active')?.value).length).toBeGreaterThan(20);
    for (const snapshot of sink.sent) {
      const scope = await readCoverageFacts(pool, snapshot.orgUnit, snapshot.asOf);
      const alone = (await computeIndicators(pool, scope, snapshot.asOf, DEFAULT_PLAN_PARAMETERS)).map(({ code, value, numerator, denominator }) => ({
        code,
        value,
        numerator,
        denominator,
      }));
      const key = `${snapshot.orgUnit}/${snapshot.month}`;
      expect([key, snapshot.scope, snapshot.indicators]).toEqual([key, scope.communes, alone]);
    }
  });

  it('runs the same number of statements for a month of few units as for a month of many', async () => {
    const own = statementCountingPool(pool);
    // A new feed (nothing in memory) over one month already published, on its last day: everything computed, nothing sent.
    const counted = async (month: string, today: string) => {
      own.statements = 0;
      const published = await new IndicatorFeed(own.pool, sink, { fromMonth: month }).publishChanged(today);
      return { published, statements: own.statements, units: sink.sent.filter((s) => s.month === month).length };
    };
    try {
      const many = await counted('2025-06', '2025-06-30');
      const few = await counted('2025-08', '2025-08-31');
      expect([many.published, few.published]).toEqual([0, 0]);
      expect(many.units).toBeGreaterThan(few.units);
      expect(many.statements).toBe(few.statements);
      expect(many.statements).toBeLessThan(many.units);
    } finally {
      await own.pool.end();
    }
  });
});
