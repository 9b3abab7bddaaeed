// 5. Projection rebuild: reporting's projections applied from position zero, to a fresh database, over a
// generated province (registry, activities and microfinance stores) — vs reading the same events without
// projecting.
// 6. Indicator query p50/p99 on that province, cold (a cache miss) and cached, in stack mode (Redis
// cache) and in embedded mode (the process's memory cache).
import { comparePositions, Position, PostgresEventStore, START } from '@ishc/event-store';
import { Pool } from 'pg';
import { createDatabase } from '../support/databases';
import { fastFillProvince } from '../support/fast-fill';
import { measureBreakdowns } from '../support/breakdown-queries';
import { distinctDays, measureIndicatorQueries } from '../support/indicator-queries';
import { adminToken, preparePlatform } from '../support/platform';
import { districtCount, PROVINCE_CODE, provinceChunks, ProvinceSize, StoreName, STORES } from '../support/province';
import { Figure, SuiteResult } from '../support/results';
import { meterCpu } from '../support/process-cpu';
import { elapsedMs, ratio, round } from '../support/stats';

export interface RebuildOptions {
  /** Fraction of issue 8's province (100 communes × 3 clubs × 60 members, 5 years): 1 is the full size. */
  scale: number;
  coldQueries: number;
  cachedQueries: number;
}

/** Issue 8's province (Trà Vinh size). */
export const FULL_PROVINCE: ProvinceSize = { communes: 100, clubsPerCommune: 3, membersPerClub: 60, years: 5 };
const TARGET_EVENTS = 2_000_000;
const REBUILD_GOAL = 20_000;
const CONSUMER = 'reporting-projections'; // services/reporting/src/projections/projection-consumer.ts
const BATCH = 500; // the consumer's batch size (runProcessor's default)

export async function rebuildSuite(options: RebuildOptions, log: (line: string) => void): Promise<Omit<SuiteResult, 'elapsedS'>> {
  const size: ProvinceSize = { ...FULL_PROVINCE, communes: Math.max(1, Math.round(FULL_PROVINCE.communes * options.scale)) };
  const dbs = {
    registry: await createDatabase('rebuild_registry'),
    activities: await createDatabase('rebuild_activities'),
    microfinance: await createDatabase('rebuild_microfinance'),
  };
  const platform = await preparePlatform({ label: 'rebuild', transport: 'embedded', redis: true, referenceData: false, databases: dbs });
  const pools = { registry: dbs.registry.pool(2), activities: dbs.activities.pool(2), microfinance: dbs.microfinance.pool(2) };
  const t0 = process.hrtime.bigint();
  const filled = await fastFillProvince(pools, provinceChunks(size));
  await Promise.all(Object.values(pools).map((pool) => pool.query('ANALYZE')));
  const fillS = round(elapsedMs(t0) / 1000);
  const total = STORES.reduce((n, store) => n + filled.events[store], 0);
  const members = filled.clubs * size.membersPerClub;
  log(`generated and filled ${filled.clubs} clubs, ${members} members, ${total} events (${STORES.map((s) => `${s} ${filled.events[s]}`).join(', ')}) in ${fillS} s`);
  const sources = { registry: new PostgresEventStore(pools.registry), activities: new PostgresEventStore(pools.activities), microfinance: new PostgresEventStore(pools.microfinance) };
  const heads = {} as Record<StoreName, Position>;
  for (const store of STORES) heads[store] = await sources[store].headPosition();

  const figures: Figure[] = [];
  const notes: string[] = [];
  try {
    // Rebuild: a reporting process on a fresh database projects everything from position zero.
    const reportingPool = platform.databases.reporting.pool(1);
    const spawned = process.hrtime.bigint();
    const reporting = await platform.start('reporting');
    const sourceDbs = STORES.map((store) => dbs[store].name);
    // CPU from "ready" on (the projection is then running; startup's module loading is left out).
    const rebuildCpu = await meterCpu([reporting.child.pid as number], [platform.databases.reporting.name, ...sourceDbs], () => waitForCheckpoints(reportingPool, heads, 1_500_000));
    const rebuildS = elapsedMs(spawned) / 1000;
    const rebuildRate = round(total / rebuildS, 0);
    log(`rebuild: ${total} events in ${round(rebuildS)} s = ${rebuildRate}/s (process ready after ${reporting.readyAfterMs} ms)`);

    const { result: readS, ...readCpu } = await meterCpu([process.pid], sourceDbs, () => readEverything(Object.values(sources)));
    const readRate = round(total / readS, 0);
    log(`baseline read: ${round(readS)} s = ${readRate}/s`);
    figures.push({
      name: `projection rebuild, ${total} events (scale ${options.scale})`,
      unit: 'events/s',
      value: rebuildRate,
      baselineName: `reading the same events (readAll, batches of ${BATCH}) without projecting`,
      baseline: readRate,
      ratio: ratio(rebuildRate, readRate),
      goal: `≥ ${REBUILD_GOAL.toLocaleString('en-US')} events/s`,
      goalMet: rebuildRate >= REBUILD_GOAL,
      details: { scale: options.scale, rebuildSeconds: round(rebuildS), readSeconds: round(readS), fillSeconds: fillS, processReadyMs: reporting.readyAfterMs, events: filled.events, streams: filled.streams, clubs: filled.clubs, members },
    });

    const perEvent = (cpu: { processMs: number; databaseMs: number }) => round((cpu.processMs + cpu.databaseMs) / total, 4);
    log(`CPU per event after ready: rebuild ${perEvent(rebuildCpu)} ms (${round(rebuildCpu.databaseMs / total, 4)} in PostgreSQL), read alone ${perEvent(readCpu)} ms`);
    figures.push({
      name: 'projection rebuild CPU per event (reporting + PostgreSQL, from ready)',
      unit: 'ms',
      value: perEvent(rebuildCpu),
      baselineName: 'CPU per event of the read alone (client + PostgreSQL)',
      baseline: perEvent(readCpu),
      ratio: ratio(perEvent(rebuildCpu), perEvent(readCpu)),
      details: { rebuild: rebuildCpu, read: readCpu, note: 'the rebuild CPU counts from the process being ready; events projected during startup are in the denominator, so this slightly understates it' },
    });

    figures.push(...(await provinceQueries(reporting.url, options, 'stack', log)));
    // The breakdowns (cold; the cache mode does not matter to a miss): read the province's facts once, against computing each row again.
    figures.push(
      ...(await measureBreakdowns(
        { reportingUrl: reporting.url, token: await adminToken(), reporting: reportingPool, orgUnit: PROVINCE_CODE, asOf: distinctDays('2025-10-01', Math.min(3, options.coldQueries)), label: 'province, stack mode' },
        log,
      )),
    );
    // Embedded mode: the same process restarted with ISHC_MODE=embedded and no Redis (its cache is then the
    // process's memory), over the same read models (it resumes from its checkpoints: nothing to project).
    await reporting.stop();
    platform.env.ISHC_MODE = 'embedded';
    delete platform.env.REDIS_URL;
    const embedded = await platform.start('reporting');
    figures.push(...(await provinceQueries(embedded.url, options, 'embedded', log)));
  } finally {
    await platform.stop();
  }
  const scale = round(total / TARGET_EVENTS, 3);
  notes.push(
    `Generated province (seeded, bench/support/province.ts and province-loans.ts), scale ${options.scale} of issue 8's: ${size.communes} communes in ${districtCount(size)} districts, ${filled.clubs} clubs, ${members} members, ${size.years} years of monthly meetings and sessions, ` +
      `a health check per member twice a year, monthly home-care visits to 5 members per club, and microfinance: each club's income and activity funds (opened, a contribution to each every month) and each year a 12-month loan to ~60 % of the members ` +
      `(applied, approved, disbursed, monthly repayments on the due date, repaid; 4 % stop paying, half of those written off), every money movement mirrored on the income fund's stream: ${total} events ` +
      `(${STORES.map((s) => `${s} ${filled.events[s]}`).join(', ')}). Issue 8's province is 300 clubs, 18,000 members, ~${TARGET_EVENTS.toLocaleString('en-US')} events: ${scale} of it in events.`,
    `The stores were filled by the faster path (bench/support/fast-fill.ts: multi-row INSERTs into the events and streams tables, the rows the append function writes), not through the commands, in ${fillS} s: the rebuild reads them exactly as it reads appended events.`,
    'Rebuild: a compiled reporting process (ISHC_MODE=stack, TRANSPORT=embedded: it reads the three stores directly, as in the embedded mode; Redis on) started on a fresh database; timed from spawn until its checkpoints reached every store\'s head (startup included, processReadyMs in details).',
    `Baseline: PostgresEventStore.readAll from position zero in batches of ${BATCH} over the three stores, in this process, nothing projected.`,
    `Indicator queries: GET /api/reporting/indicators?orgUnit=${PROVINCE_CODE}&asOf=… one at a time, first in stack mode (ISHC_MODE=stack, Redis cache), then with the same process restarted in embedded mode (ISHC_MODE=embedded, no REDIS_URL: the in-memory cache), same read models. ` +
      `Cold: ${options.coldQueries} distinct asOf dates in 2025, each a cache miss (PostgreSQL's buffers are warm). Cached: the same query ${options.cachedQueries} times. Baseline: GET /api/reporting/health over the same HTTP path. ` +
      'Both modes use the run\'s PostgreSQL server: the one on 5432 unless the run had --embedded-postgres (the embedded mode\'s own server, see postgresServer).',
    `Breakdowns: GET /api/reporting/indicators/breakdown?orgUnit=${PROVINCE_CODE}&asOf=…&by=commune and by=club in stack mode, cold (${Math.min(3, options.coldQueries)} distinct asOf dates from 2025-10-01, each a cache miss). ` +
      'Baseline, for each of the same dates: the breakdown as it was computed before its scope\'s facts were read once — computeIndicators (services/reporting/src/indicators) for each commune or club of the province, its facts read for that part alone, in one read-only snapshot, called from the bench\'s process on the reporting database (no HTTP: the ratio understates the gain).',
  );
  return { suite: 'rebuild+indicators', figures, notes };
}

async function provinceQueries(reportingUrl: string, options: RebuildOptions, mode: 'stack' | 'embedded', log: (line: string) => void): Promise<Figure[]> {
  return measureIndicatorQueries(
      {
        reportingUrl,
        token: await adminToken(),
        orgUnit: PROVINCE_CODE,
        coldAsOf: distinctDays(mode === 'stack' ? '2025-01-01' : '2025-07-01', options.coldQueries),
        cachedAsOf: '2025-12-31',
        cachedQueries: options.cachedQueries,
        label: `province, ${mode === 'stack' ? 'stack mode (Redis cache)' : 'embedded mode (memory cache)'}`,
        coldGoalMs: 50,
        cachedGoalMs: 5,
        coldTimeoutMs: 300_000,
      },
      log,
  );
}

async function waitForCheckpoints(reporting: Pool, heads: Record<StoreName, Position>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await reporting
      .query<{ partition: string; transaction_id: string; global_position: string }>('SELECT partition, transaction_id, global_position FROM checkpoints WHERE processor_id = $1', [CONSUMER])
      .catch(() => ({ rows: [] as Array<{ partition: string; transaction_id: string; global_position: string }> }));
    const at = new Map(rows.map((r) => [r.partition, { transactionId: r.transaction_id, globalPosition: r.global_position }]));
    if (Object.entries(heads).every(([source, head]) => comparePositions(at.get(source) ?? START, head) >= 0)) return;
    if (Date.now() > deadline) throw new Error(`the rebuild did not finish within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function readEverything(stores: PostgresEventStore[]): Promise<number> {
  const t = process.hrtime.bigint();
  for (const store of stores) {
    let after: Position = START;
    for (;;) {
      const batch = await store.readAll({ after, limit: BATCH });
      if (batch.length === 0) break;
      const last = batch[batch.length - 1];
      after = { transactionId: last.transactionId, globalPosition: last.globalPosition };
    }
  }
  return elapsedMs(t) / 1000;
}
