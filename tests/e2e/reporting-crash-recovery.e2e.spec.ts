import { PostgresEventStore, migrateEventStore } from '@ishc/event-store';
import { describeWith } from '@ishc/testing';
import { Pool } from 'pg';
import { appendHistory, registryHistory } from './support/registry-event-stream';
import { PlatformUnderTest, startPlatform } from './support/platform-under-test';
import { waitFor } from './support/platform-process';

const READ_MODEL_TABLES = ['rp_org_unit', 'rp_org_unit_parent', 'rp_club'];

/** Every row of every read-model table, in a stable order: what "identical read models" means here. */
async function readModel(pool: Pool): Promise<Record<string, unknown[]>> {
  const model: Record<string, unknown[]> = {};
  for (const table of READ_MODEL_TABLES) {
    const { rows } = await pool.query(`SELECT to_jsonb(t) AS row FROM ${table} t ORDER BY to_jsonb(t)::text`);
    model[table] = rows.map((r) => r.row);
  }
  return model;
}

async function processedUpTo(platform: PlatformUnderTest, token: string, token2 = ''): Promise<boolean> {
  const admin = await platform.token();
  const res = await fetch(`${platform.processes.get('reporting')!.url}/api/reporting/indicators?orgUnit=84&asOf=2026-01-01&consistentWith=${token}${token2}`, {
    headers: { authorization: `Bearer ${admin}` },
  });
  if (res.status === 503) return false;
  if (res.status !== 200) throw new Error(`indicators answered ${res.status}: ${await res.text()}`);
  return true;
}

/**
 * Where each transport records what reporting has applied: the embedded consumer's checkpoint, or the
 * Kafka consumer's inbox (one row per applied event).
 */
const PROGRESS_SQL = {
  embedded: { any: 'SELECT 1 FROM checkpoints WHERE global_position > 0', max: 'SELECT max(global_position)::text AS p FROM checkpoints' },
  kafka: { any: 'SELECT 1 FROM messaging_inbox LIMIT 1', max: 'SELECT max(global_position)::text AS p FROM messaging_inbox' },
} as const;

function crashRecovery(transport: 'embedded' | 'kafka'): void {
  describeWith(transport === 'kafka' ? ['postgres', 'kafka'] : ['postgres'], `reporting killed (SIGKILL) in the middle of 10,000 events — ${transport} transport`, () => {
    let platform: PlatformUnderTest;
    beforeAll(async () => {
      // On Kafka the registry process runs too: its relay publishes the events appended to its store.
      platform = await startPlatform({ services: transport === 'kafka' ? ['registry', 'reporting'] : ['reporting'], transport });
    });
    afterAll(() => platform?.close());

    it('restarts from where it was into a read model identical to a rebuild from zero', async () => {
      const registry = new PostgresEventStore(platform.databases.get('registry')!.pool);
      await migrateEventStore(registry.pool);
      const reportingDb = platform.databases.get('reporting')!.pool;
      const history = registryHistory(10_000);
      const progress = PROGRESS_SQL[transport];

      let killedAt: string | null = null;
      const last = await appendHistory(registry, history, 250, async (done) => {
        // Halfway through the stream, once the projection is busy, the reporting process dies hard.
        if (killedAt === null && done >= history.length / 2) {
          await waitFor(async () => (await reportingDb.query(progress.any).catch(() => ({ rowCount: 0 }))).rowCount! > 0, 60_000, 'the projection to make progress');
          await platform.processes.get('reporting')!.stop('SIGKILL');
          killedAt = (await reportingDb.query<{ p: string }>(progress.max)).rows[0].p;
        }
      });
      expect(killedAt).not.toBeNull();
      expect(BigInt(killedAt!)).toBeLessThan(BigInt(last.lastPosition.globalPosition));

      await platform.restart('reporting');
      const token = `registry:${last.lastPosition.transactionId}:${last.lastPosition.globalPosition}`;
      await waitFor(() => processedUpTo(platform, token), 120_000, 'reporting to catch up after the crash');
      const recovered = await readModel(reportingDb);

      // The rebuild: the same events projected from position zero into a fresh database, read straight
      // from the registry's store (the source of truth, whatever the transport was).
      const rebuilt = await startPlatform({
        services: ['reporting'],
        transport: 'embedded',
        extraEnv: { REGISTRY_DATABASE_URL: platform.env.REGISTRY_DATABASE_URL },
      });
      try {
        await waitFor(() => processedUpTo(rebuilt, token), 120_000, 'the rebuild to catch up');
        expect(recovered).toEqual(await readModel(rebuilt.databases.get('reporting')!.pool));
      } finally {
        await rebuilt.close();
      }
      expect(recovered.rp_club.length).toBeGreaterThan(5000);
    }, 360_000);
  });
}

crashRecovery('embedded');
crashRecovery('kafka');
