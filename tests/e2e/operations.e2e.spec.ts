import { PoolClient } from 'pg';
import { describeWith } from '@ishc/testing';
import { apiClient } from './support/api-client';
import { defineOneCommune } from './support/org-units';
import { waitFor } from './support/platform-process';
import { PlatformUnderTest, startPlatform } from './support/platform-under-test';

const METRICS_TOKEN = 'e2e-scrape-token-of-at-least-32-characters';
const CONSUMER = 'reporting-projections';

/** The value of one series in a Prometheus text exposition, or undefined when it is not there. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)\{([^}]*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = Object.fromEntries([...match[2].matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => present[k] === v)) return Number(match[3]);
  }
  return undefined;
}

/**
 * Issue 7's operations tests on the real processes (embedded transport): /metrics shows a consumer's
 * lag during a burst and zero after it, and SIGTERM in the middle of a projection batch loses nothing.
 * A burst is made observable without timing luck by holding the consumer's checkpoint row: the batch it
 * is applying then waits, mid-transaction, until the test lets go.
 */
describeWith(['postgres'], 'operations: lag metrics during a burst, SIGTERM mid-batch (embedded transport)', () => {
  let platform: PlatformUnderTest;
  let api: ReturnType<typeof apiClient>;
  let clubs = 0;

  const scrape = async (service: 'registry' | 'reporting'): Promise<string> => {
    const res = await fetch(`${platform.gateway.url}/api/${service}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    return res.text();
  };
  const registryLag = async () => {
    const text = await scrape('reporting');
    return {
      events: sample(text, 'ishc_consumer_lag_events', { consumer: CONSUMER, source: 'registry' }),
      seconds: sample(text, 'ishc_projection_lag_seconds', { consumer: CONSUMER, source: 'registry' }),
    };
  };
  const createClubs = async (count: number) => {
    for (let i = 0; i < count; i++) {
      expect((await api.post('/api/registry/clubs', { name: `CLB ${clubs + 1}`, communeCode: 'C1', establishedOn: '2024-01-01' })).status).toBe(201);
      clubs++;
    }
  };
  /** Holds reporting's checkpoint table against writes (reads go on), in a transaction of the test's own. */
  const holdCheckpoints = async (): Promise<{ release(): Promise<void> }> => {
    const client: PoolClient = await platform.databases.get('reporting')!.pool.connect();
    await client.query('BEGIN');
    await client.query('LOCK TABLE checkpoints IN EXCLUSIVE MODE');
    return {
      release: async () => {
        await client.query('ROLLBACK');
        client.release();
      },
    };
  };
  /** True while reporting's projection waits for the held checkpoint row (it is mid-batch). */
  const projectionIsWaiting = async () => {
    const db = platform.databases.get('reporting')!;
    const { rows } = await db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
    );
    return rows[0].n > 0;
  };
  const clubsActive = async (): Promise<number | undefined> => {
    const res = await api.get<{ indicators: Array<{ code: string; value: number | null }> }>('/api/reporting/indicators?orgUnit=T1&asOf=2024-06-30');
    return res.status === 200 ? (res.body.indicators.find((i) => i.code === 'clubs_active')?.value ?? undefined) : undefined;
  };

  beforeAll(async () => {
    platform = await startPlatform({ services: ['registry', 'reporting'], transport: 'embedded', extraEnv: { METRICS_TOKEN } });
    api = apiClient(platform.gateway.url, await platform.token());
    await defineOneCommune(api);
  }, 90_000);
  afterAll(() => platform?.close());

  it('/metrics reports the consumer lag (events and seconds) during a burst, and zero once it is applied', async () => {
    await waitFor(async () => (await registryLag()).events === 0, 30_000, 'reporting to catch up with the org units');
    const held = await holdCheckpoints();
    try {
      await createClubs(20);
      await waitFor(projectionIsWaiting, 15_000, 'reporting to be applying a batch');
      const during = await registryLag();
      expect(during.events).toBeGreaterThan(0);
      expect(during.seconds).toBeGreaterThan(0);
    } finally {
      await held.release();
    }
    await waitFor(async () => {
      const after = await registryLag();
      return after.events === 0 && after.seconds === 0;
    }, 30_000, 'the lag to fall to zero');
    expect(await clubsActive()).toBe(clubs);

    // The write side's metrics: append latency by stream type, HTTP latency by route, the horizon's age.
    const registry = await scrape('registry');
    expect(sample(registry, 'ishc_event_store_append_duration_seconds_count', { stream_type: 'club' })).toBeGreaterThanOrEqual(20);
    expect(sample(registry, 'http_server_request_duration_seconds_count', { method: 'POST', route: '/api/registry/clubs', status_code: '201' })).toBeGreaterThanOrEqual(20);
    expect(registry).toMatch(/^ishc_xmin_horizon_age_seconds\{[^}]*\} \d/m);
  }, 120_000);

  it('drains the batch in flight on SIGTERM and, restarted, has lost and doubled nothing', async () => {
    const checkpoint = async () => {
      const { rows } = await platform.databases
        .get('reporting')!
        .pool.query<{ p: string }>(`SELECT global_position::text AS p FROM checkpoints WHERE processor_id = $1 AND partition = 'registry'`, [CONSUMER]);
      return BigInt(rows[0]?.p ?? '0');
    };
    const before = await checkpoint();
    const held = await holdCheckpoints();
    let stopped: Promise<void> | undefined;
    try {
      await createClubs(10);
      await waitFor(projectionIsWaiting, 15_000, 'reporting to be applying a batch');
      const reporting = platform.processes.get('reporting')!;
      stopped = reporting.stop('SIGTERM');
      // It stops accepting and turns unready, but waits for the batch it is applying.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(reporting.child.exitCode).toBeNull();
      expect(reporting.child.signalCode).toBeNull();
    } finally {
      await held.release();
    }
    await stopped;
    const reporting = platform.processes.get('reporting')!;
    expect(reporting.output()).not.toMatch(/"level":"(error|fatal)"/);
    // The batch it was applying committed before the process ended (drained, not abandoned).
    expect(await checkpoint()).toBeGreaterThan(before);

    await platform.restart('reporting');
    await waitFor(async () => (await registryLag()).events === 0, 30_000, 'the restarted reporting to catch up');
    expect(await clubsActive()).toBe(clubs);
  }, 120_000);
});
