import { migrateEventStore } from '@ishc/event-store';
import { TestDatabase, createTestDatabase, describeWith } from '@ishc/testing';
import { migrateReportingSchema } from '../projections/reporting-schema';
import { deleteConsumerRows, retiredConsumers } from './retired-consumers';

describeWith(['postgres'], "a retired generation's consumer leftovers", () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase('reporting_retired_consumers');
    await migrateEventStore(db.pool); // checkpoints and processor_leases, as the embedded transport keeps them
    await migrateReportingSchema(db.pool);
  });
  afterEach(() => db?.drop());

  /** Generations 0–4 in every state, each consumer with a checkpoint, a lease and (when the table exists) an inbox row. */
  const givenGenerations = async (options: { inbox: boolean }) => {
    await db.pool.query(`DELETE FROM rp_generation`);
    await db.pool.query(`
      INSERT INTO rp_generation (number, state, dropped_at) VALUES
        (0, 'retired', now()), (1, 'abandoned', now()), (2, 'retired', NULL), (3, 'active', NULL), (4, 'building', NULL)`);
    // The inbox's key columns, as @ishc/messaging's Kafka consumer creates it (it is not exported).
    if (options.inbox) await db.pool.query(`CREATE TABLE messaging_inbox (consumer text NOT NULL, event_id text NOT NULL, PRIMARY KEY (consumer, event_id))`);
    for (const consumer of ['reporting-projections', 'reporting-projections-g1', 'reporting-projections-g2', 'reporting-projections-g3', 'reporting-projections-g4']) {
      await db.pool.query(`INSERT INTO checkpoints (processor_id, partition, transaction_id, global_position) VALUES ($1, 'registry', '7', 7)`, [consumer]);
      await db.pool.query(`INSERT INTO processor_leases (processor_id, holder, acquired_at, expires_at) VALUES ($1, 'h', now(), now())`, [consumer]);
      if (options.inbox) await db.pool.query(`INSERT INTO messaging_inbox (consumer, event_id) VALUES ($1, 'e1')`, [consumer]);
    }
  };
  const consumersIn = async (table: string, key: string) =>
    (await db.pool.query<{ consumer: string }>(`SELECT DISTINCT ${key} AS consumer FROM ${table} ORDER BY 1`)).rows.map((r) => r.consumer);
  const KEPT = ['reporting-projections-g2', 'reporting-projections-g3', 'reporting-projections-g4'];

  it('given retired, abandoned, not yet dropped, active and building generations, then only the dropped retired and abandoned ones are retired consumers', async () => {
    await givenGenerations({ inbox: false });
    expect(await retiredConsumers(db.pool)).toEqual(['reporting-projections', 'reporting-projections-g1']);
  });

  it('given the embedded transport (no inbox table), when their rows are deleted, then their checkpoints and leases are gone and the others stay', async () => {
    await givenGenerations({ inbox: false });
    await deleteConsumerRows(db.pool, await retiredConsumers(db.pool));
    expect(await consumersIn('checkpoints', 'processor_id')).toEqual(KEPT);
    expect(await consumersIn('processor_leases', 'processor_id')).toEqual(KEPT);
  });

  it('given the Kafka transport (an inbox), when their rows are deleted twice, then their inbox rows are gone, the second time doing nothing', async () => {
    await givenGenerations({ inbox: true });
    await deleteConsumerRows(db.pool, await retiredConsumers(db.pool));
    await deleteConsumerRows(db.pool, await retiredConsumers(db.pool));
    expect(await consumersIn('messaging_inbox', 'consumer')).toEqual(KEPT);
    expect(await consumersIn('checkpoints', 'processor_id')).toEqual(KEPT);
  });
});
