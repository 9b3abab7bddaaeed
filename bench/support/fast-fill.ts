// The faster path that fills a generated store: multi-row INSERTs straight into the event store's
// `streams` and `events` tables (the rows ishc_append_events would write, same columns and defaults), one
// statement per transaction. Used only to set up the rebuild; the append suite measures the real path.
import { Pool } from 'pg';
import { SeededRandom } from './seeded-random';
import { GeneratedStream } from './province';

const ROWS_PER_STATEMENT = 2_000;

export async function fastFill(pool: Pool, streams: GeneratedStream[], seed: number): Promise<void> {
  const random = new SeededRandom(seed);
  for (let i = 0; i < streams.length; i += ROWS_PER_STATEMENT) {
    const batch = streams.slice(i, i + ROWS_PER_STATEMENT);
    await pool.query(`INSERT INTO streams (stream_id, stream_type, version) SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[])`, [
      batch.map((s) => s.streamId),
      batch.map((s) => s.streamType),
      batch.map((s) => s.events.length),
    ]);
  }
  const rows = streams.flatMap((s) => s.events.map((e, v) => ({ stream: s, event: e, version: v + 1 })));
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const batch = rows.slice(i, i + ROWS_PER_STATEMENT);
    const eventIds = batch.map(() => random.uuid());
    await pool.query(
      `INSERT INTO events (stream_id, stream_type, stream_version, event_id, type, schema_version, data, metadata)
       SELECT s, st, v, e, ty, 1, d, m FROM unnest($1::text[], $2::text[], $3::bigint[], $4::uuid[], $5::text[], $6::jsonb[], $7::jsonb[]) AS u (s, st, v, e, ty, d, m)`,
      [
        batch.map((r) => r.stream.streamId),
        batch.map((r) => r.stream.streamType),
        batch.map((r) => r.version),
        eventIds,
        batch.map((r) => r.event.type),
        batch.map((r) => JSON.stringify(r.event.data)),
        eventIds.map((eventId) =>
          JSON.stringify({ eventId, correlationId: eventId, causationId: null, traceparent: null, actor: 'bench-generator', occurredAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 }),
        ),
      ],
    );
  }
}
