// 5. Projection rebuild: reporting's projections applied from position zero, to a fresh database, over a
// generated province — vs reading the same events without projecting.
// 6. Indicator query p50/p99 on that province, cold (a cache miss) and cached.
import { comparePositions, Position, PostgresEventStore, START } from '@ishc/event-store';
import { Pool } from 'pg';
import { createDatabase } from '../support/databases';
import { fastFill } from '../support/fast-fill';
import { getJson } from '../support/http';
import { closedLoop, LoadResult } from '../support/load';
import { adminToken, preparePlatform } from '../support/platform';
import { generateProvince, PROVINCE_CODE, ProvinceSize } from '../support/province';
import { Figure, SuiteResult } from '../support/results';
import { meterCpu } from '../support/process-cpu';
import { elapsedMs, ratio, round } from '../support/stats';

export interface RebuildOptions {
  size: ProvinceSize;
  /** The size the issue asks for, to state the scale factor. */
  target: { clubs: number; members: number; events: number };
  coldQueries: number;
  cachedQueries: number;
}

const REBUILD_GOAL = 20_000;
const CONSUMER = 'reporting-projections'; // services/reporting/src/projections/projection-consumer.ts
const BATCH = 500; // the consumer's batch size (runProcessor's default)

export async function rebuildSuite(options: RebuildOptions, log: (line: string) => void): Promise<Omit<SuiteResult, 'elapsedS'>> {
  const province = generateProvince(options.size);
  const total = province.eventCount.registry + province.eventCount.activities;
  log(`generated ${province.clubs} clubs, ${province.members} members, ${total} events (registry ${province.eventCount.registry}, activities ${province.eventCount.activities})`);
  const registryDb = await createDatabase('rebuild_registry');
  const activitiesDb = await createDatabase('rebuild_activities');
  const platform = await preparePlatform({ label: 'rebuild', transport: 'embedded', redis: true, referenceData: false, databases: { registry: registryDb, activities: activitiesDb } });
  const registryPool = registryDb.pool(2);
  const activitiesPool = activitiesDb.pool(2);
  const t0 = process.hrtime.bigint();
  await fastFill(registryPool, province.registry, 1);
  await fastFill(activitiesPool, province.activities, 2);
  await Promise.all([registryPool.query('ANALYZE'), activitiesPool.query('ANALYZE')]);
  log(`filled the stores in ${round(elapsedMs(t0) / 1000)} s`);
  const sources = { registry: new PostgresEventStore(registryPool), activities: new PostgresEventStore(activitiesPool) };
  const heads = { registry: await sources.registry.headPosition(), activities: await sources.activities.headPosition() };

  const figures: Figure[] = [];
  const notes: string[] = [];
  try {
    // Rebuild: a reporting process on a fresh database projects everything from position zero.
    const reportingPool = platform.databases.reporting.pool(1);
    const spawned = process.hrtime.bigint();
    const reporting = await platform.start('reporting');
    const sourceDbs = [registryDb.name, activitiesDb.name];
    // CPU from "ready" on (the projection is then running; startup's module loading is left out).
    const rebuildCpu = await meterCpu([reporting.child.pid as number], [platform.databases.reporting.name, ...sourceDbs], () => waitForCheckpoints(reportingPool, heads, 900_000));
    const rebuildS = elapsedMs(spawned) / 1000;
    const rebuildRate = round(total / rebuildS, 0);
    log(`rebuild: ${total} events in ${round(rebuildS)} s = ${rebuildRate}/s (process ready after ${reporting.readyAfterMs} ms)`);

    const { result: readS, ...readCpu } = await meterCpu([process.pid], sourceDbs, () => readEverything(Object.values(sources)));
    const readRate = round(total / readS, 0);
    log(`baseline read: ${round(readS)} s = ${readRate}/s`);
    figures.push({
      name: `projection rebuild, ${total} events`,
      unit: 'events/s',
      value: rebuildRate,
      baselineName: `reading the same events (readAll, batches of ${BATCH}) without projecting`,
      baseline: readRate,
      ratio: ratio(rebuildRate, readRate),
      goal: `≥ ${REBUILD_GOAL.toLocaleString('en-US')} events/s`,
      goalMet: rebuildRate >= REBUILD_GOAL,
      details: { rebuildSeconds: round(rebuildS), readSeconds: round(readS), processReadyMs: reporting.readyAfterMs, ...province.eventCount, clubs: province.clubs, members: province.members },
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

    // Indicator queries on the rebuilt province, through reporting's HTTP API (Redis cache on).
    const token = await adminToken();
    const url = (asOf: string) => `${reporting.url}/api/reporting/indicators?orgUnit=${PROVINCE_CODE}&asOf=${asOf}`;
    const health = await closedLoop({ concurrency: 1, durationMs: 60_000, maxOperations: options.cachedQueries }, async () => {
      const res = await fetch(`${reporting.url}/api/reporting/health`);
      await res.text();
    });
    // Each distinct asOf is its own cache key: every one of these is a miss (computed from the read models).
    const firstDay = Date.UTC(2021, 0, 1);
    const cold = await closedLoop({ concurrency: 1, durationMs: 300_000, maxOperations: options.coldQueries }, async (n) => {
      const asOf = new Date(firstDay + n * 86_400_000).toISOString().slice(0, 10);
      expect200(await getJson(url(asOf), token));
    });
    expect200(await getJson(url('2025-12-31'), token));
    const cached = await closedLoop({ concurrency: 1, durationMs: 120_000, maxOperations: options.cachedQueries }, async () => {
      expect200(await getJson(url('2025-12-31'), token));
    });
    log(`indicators: cold p50 ${cold.p50Ms} p99 ${cold.p99Ms} ms (${cold.errors} errors); cached p50 ${cached.p50Ms} p99 ${cached.p99Ms} ms; health p50 ${health.p50Ms} ms`);
    figures.push(queryFigure('province indicators, cold (cache miss), p50', cold, 'p50Ms', health), queryFigure('province indicators, cold (cache miss), p99', cold, 'p99Ms', health, 50));
    figures.push(queryFigure('province indicators, cached, p50', cached, 'p50Ms', health), queryFigure('province indicators, cached, p99', cached, 'p99Ms', health, 5));
  } finally {
    await platform.stop();
  }
  const scale = round(total / options.target.events, 3);
  notes.push(
    `Generated province (seeded): ${options.size.communes} communes in ${province.districtCodes.length} districts, ${province.clubs} clubs, ${province.members} members, ${options.size.years} years of monthly meetings and sessions, ` +
      `a health check per member twice a year and monthly home-care visits to 5 members per club: ${total} events. Issue 8's province is ${options.target.clubs} clubs, ${options.target.members} members, ~${options.target.events.toLocaleString('en-US')} events: scale factor ${scale} in events. No microfinance events (loans) yet.`,
    'The stores were filled by the faster path (multi-row INSERTs into the events and streams tables, the rows the append function writes), not through the commands: the rebuild reads them exactly as it reads appended events.',
    `Rebuild: a compiled reporting process (embedded transport, reading registry's and activities' stores directly) started on a fresh database; timed from spawn until its checkpoints reached both stores' heads (startup included, ${'processReadyMs'} in details).`,
    `Baseline: PostgresEventStore.readAll from position zero in batches of ${BATCH} over both stores, in this process, nothing projected.`,
    `Indicator queries: GET /api/reporting/indicators?orgUnit=${PROVINCE_CODE}&asOf=… one at a time with the Redis cache (the cache of services/reporting/src/cache). Cold: ${options.coldQueries} distinct asOf dates, each a cache miss (PostgreSQL's buffers are warm). Cached: the same query ${options.cachedQueries} times. Baseline: GET /api/reporting/health over the same HTTP path (the floor of any answer). National scale (10,000 clubs, 600,000 members) not measured.`,
  );
  return { suite: 'rebuild+indicators', figures, notes };
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

function expect200(answer: { status: number; body: unknown }): void {
  if (answer.status !== 200) throw new Error(`HTTP ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
}

async function waitForCheckpoints(reporting: Pool, heads: Record<string, Position>, timeoutMs: number): Promise<void> {
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
