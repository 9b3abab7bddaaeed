// The Kafka consumer's inbox: one row per event a consumer applied, written in the same transaction as
// the effect. Kafka delivers at least once (a relay may publish twice, a consumer may die between its
// commit and its offset commit); the inbox turns that into "applied once". It also answers isProcessed.
import type { Position } from '@ishc/event-store';
import type { Pool, PoolClient } from 'pg';
import type { IncomingEvent, ServiceName } from '../transport.port';

export interface InboxEntry {
  event: IncomingEvent;
  topic: string;
  partition: number;
  offset: string;
}

// A fixed key: concurrent first starts of several consumers must not race on CREATE TABLE.
const MIGRATION_LOCK = 7_406_112_001;

export async function migrateInbox(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS messaging_inbox (
        consumer text NOT NULL,
        source text NOT NULL,
        event_id text NOT NULL,
        transaction_id xid8 NOT NULL,
        global_position bigint NOT NULL,
        stream_id text NOT NULL,
        topic text NOT NULL,
        kafka_partition integer NOT NULL,
        kafka_offset bigint NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
    await client.query(`CREATE INDEX IF NOT EXISTS messaging_inbox_by_position ON messaging_inbox (consumer, source, global_position)`);
    await client.query(`CREATE INDEX IF NOT EXISTS messaging_inbox_by_offset ON messaging_inbox (consumer, source, kafka_partition, kafka_offset)`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Records the entries in the inbox and returns those that were not there yet, in their order. Must run
 * inside the effect's transaction. A concurrent instance inserting the same event (a consumer evicted
 * from its group but still finishing its batch) makes this wait for its commit, then skip the event.
 */
export async function admitToInbox(client: PoolClient, consumer: string, entries: InboxEntry[]): Promise<InboxEntry[]> {
  const unique = uniqueByEventId(entries);
  if (unique.length === 0) return [];
  const { rows } = await client.query<{ event_id: string }>(
    `INSERT INTO messaging_inbox (consumer, source, event_id, transaction_id, global_position, stream_id, topic, kafka_partition, kafka_offset)
     SELECT $1, e.source, e.event_id, e.transaction_id::xid8, e.global_position, e.stream_id, e.topic, e.kafka_partition, e.kafka_offset
       FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[], $8::int[], $9::bigint[])
         AS e(source, event_id, transaction_id, global_position, stream_id, topic, kafka_partition, kafka_offset)
     ON CONFLICT (consumer, event_id) DO NOTHING
     RETURNING event_id`,
    [
      consumer,
      unique.map((e) => e.event.source),
      unique.map((e) => e.event.eventId),
      unique.map((e) => e.event.transactionId),
      unique.map((e) => e.event.globalPosition),
      unique.map((e) => e.event.streamId),
      unique.map((e) => e.topic),
      unique.map((e) => e.partition),
      unique.map((e) => e.offset),
    ],
  );
  const admitted = new Set(rows.map((r) => r.event_id));
  return unique.filter((e) => admitted.has(e.event.eventId));
}

// A relay that crashed before its checkpoint republishes: the same event can sit twice in one batch.
function uniqueByEventId(entries: InboxEntry[]): InboxEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    if (seen.has(e.event.eventId)) return false;
    seen.add(e.event.eventId);
    return true;
  });
}

/** Which of `wanted` are in the inbox, as `source:transactionId:globalPosition` keys: one query for them all. */
export async function foundInInbox(pool: Pool, consumer: string, wanted: { source: ServiceName; position: Position }[]): Promise<Set<string>> {
  if (wanted.length === 0) return new Set();
  // The transaction id too, not only the global position: fresh databases on one server (a test run, a
  // restored producer) reuse global positions, but xids are unique across the whole server.
  const { rows } = await pool.query<{ source: string; transaction_id: string; global_position: string }>(
    `SELECT i.source, i.transaction_id::text, i.global_position::text
       FROM unnest($2::text[], $3::bigint[], $4::xid8[]) AS w(source, global_position, transaction_id)
       JOIN messaging_inbox i
         ON i.consumer = $1 AND i.source = w.source AND i.global_position = w.global_position AND i.transaction_id = w.transaction_id`,
    [consumer, wanted.map((w) => w.source), wanted.map((w) => w.position.globalPosition), wanted.map((w) => w.position.transactionId)],
  );
  return new Set(rows.map((r) => inboxKey(r.source, { transactionId: r.transaction_id, globalPosition: r.global_position })));
}

export function inboxKey(source: string, position: Position): string {
  return `${source}:${position.transactionId}:${position.globalPosition}`;
}

/** The position of the last event applied from one Kafka partition (the highest offset in the inbox). */
export async function lastAppliedInPartition(pool: Pool, consumer: string, source: ServiceName, partition: number): Promise<Position | null> {
  const { rows } = await pool.query<{ transaction_id: string; global_position: string }>(
    `SELECT transaction_id::text, global_position::text FROM messaging_inbox
      WHERE consumer = $1 AND source = $2 AND kafka_partition = $3
      ORDER BY kafka_offset DESC LIMIT 1`,
    [consumer, source, partition],
  );
  const row = rows[0];
  return row ? { transactionId: row.transaction_id, globalPosition: row.global_position } : null;
}
