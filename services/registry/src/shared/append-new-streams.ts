import { EventMetadata, Position } from '@ishc/event-store';
import { randomUUID } from 'node:crypto';
import { PoolClient } from 'pg';

/** The first events of a stream that does not exist yet. */
export interface NewStream {
  streamId: string;
  streamType: string;
  events: Array<{ type: string; data: unknown }>;
}

/**
 * Appends many new streams in ONE statement, each through the event store's own append function
 * (`ishc_append_events`, expectation `no_stream`), with the envelope PostgresEventStore.append would
 * build. A bulk import creates thousands of streams; one round trip per stream was most of its time.
 * Returns the last position written (for the consistency token), or null when nothing was.
 */
export async function appendNewStreams(client: PoolClient, streams: NewStream[], metadata: Partial<EventMetadata>): Promise<Position | null> {
  if (streams.length === 0) return null;
  const occurredAt = new Date().toISOString();
  const payload = streams.map((s) => ({
    stream_id: s.streamId,
    stream_type: s.streamType,
    events: s.events.map((e) => {
      const eventId = randomUUID();
      const full: EventMetadata = {
        ...metadata,
        eventId,
        correlationId: metadata.correlationId ?? eventId,
        causationId: metadata.causationId ?? null,
        traceparent: metadata.traceparent ?? null,
        actor: metadata.actor ?? null,
        occurredAt: metadata.occurredAt ?? occurredAt,
        schemaVersion: 1,
      };
      return { event_id: eventId, type: e.type, schema_version: 1, data: e.data ?? null, metadata: full };
    }),
  }));
  const { rows } = await client.query<{ stream_id: string; conflict: boolean; transaction_id: string | null; global_position: string | null }>(
    `SELECT s.x ->> 'stream_id' AS stream_id, r.conflict, r.transaction_id::text AS transaction_id, r.global_position::text AS global_position
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS s (x, n),
            LATERAL ishc_append_events(s.x ->> 'stream_id', s.x ->> 'stream_type', 'no_stream', s.x -> 'events') AS r
      ORDER BY s.n`,
    [JSON.stringify(payload)],
  );
  const conflict = rows.find((r) => r.conflict);
  if (conflict) throw new Error(`stream ${conflict.stream_id} already exists`);
  let last: Position | null = null;
  for (const r of rows) {
    if (r.transaction_id === null || r.global_position === null) continue;
    if (last === null || BigInt(r.global_position) > BigInt(last.globalPosition)) last = { transactionId: r.transaction_id, globalPosition: r.global_position };
  }
  return last;
}
