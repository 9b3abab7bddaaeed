// The faster path that fills a generated store: multi-row INSERTs straight into the event store's
// `streams` and `events` tables (the rows ishc_append_events would write, same columns and defaults), one
// statement per transaction. Used only to set up the rebuild; the append suite measures the real path.
import { Pool } from 'pg';
import { SeededRandom } from './seeded-random';
import { GeneratedStream, ProvinceChunk, StoreName, STORES } from './province';

const ROWS_PER_STATEMENT = 2_000;

export async function fastFill(pool: Pool, streams: GeneratedStream[], random: SeededRandom): Promise<void> {
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

export interface FillCounts {
  events: Record<StoreName, number>;
  streams: Record<StoreName, number>;
  clubs: number;
}

/**
 * Fills each store from the province's chunks (one club at a time), flushing a store's buffer once it
 * holds ROWS_PER_STATEMENT events, so memory stays bounded whatever the size. Event ids come from one
 * seeded generator per store: the same size and seed give the same rows.
 */
export async function fastFillProvince(pools: Record<StoreName, Pool>, chunks: Iterable<ProvinceChunk>): Promise<FillCounts> {
  const counts: FillCounts = { events: { registry: 0, activities: 0, microfinance: 0 }, streams: { registry: 0, activities: 0, microfinance: 0 }, clubs: -1 };
  const randoms = { registry: new SeededRandom(1), activities: new SeededRandom(2), microfinance: new SeededRandom(3) };
  const buffers: Record<StoreName, GeneratedStream[]> = { registry: [], activities: [], microfinance: [] };
  const buffered: Record<StoreName, number> = { registry: 0, activities: 0, microfinance: 0 };
  // One statement in flight per store while the next club is generated (PostgreSQL and this process
  // overlap on the two cores); the next flush waits for it, so memory stays bounded.
  const pending: Record<StoreName, Promise<void>> = { registry: Promise.resolve(), activities: Promise.resolve(), microfinance: Promise.resolve() };
  const flush = async (store: StoreName) => {
    await pending[store];
    const batch = buffers[store];
    buffers[store] = [];
    buffered[store] = 0;
    pending[store] = fastFill(pools[store], batch, randoms[store]);
    // Handled here so a failure is not "unhandled" before the next flush awaits (and rethrows) it.
    pending[store].catch(() => undefined);
  };
  for (const chunk of chunks) {
    counts.clubs++;
    for (const store of STORES) {
      for (const stream of chunk[store]) {
        buffers[store].push(stream);
        buffered[store] += stream.events.length;
        counts.events[store] += stream.events.length;
        counts.streams[store]++;
      }
      if (buffered[store] >= ROWS_PER_STATEMENT) await flush(store);
    }
  }
  for (const store of STORES) await flush(store);
  await Promise.all(Object.values(pending));
  return counts;
}
