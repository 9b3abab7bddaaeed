// The effect the contract suite's consumers apply: real rows in the consumer's database, one per applied
// event, in the order applied, plus a counter. No unique constraint on purpose: an event applied twice
// must show up as two rows, not as a failing batch that hides it.
import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { ConsumerDefinition, IncomingEvent } from '../transport.port';
import type { ExpectedEvent } from './producer-streams';

export async function createEffectLedger(pool: Pool): Promise<void> {
  await pool.query(`
    CREATE TABLE IF NOT EXISTS ledger_applied (
      seq bigserial PRIMARY KEY,
      batch_id uuid NOT NULL,
      source text NOT NULL,
      stream_id text NOT NULL,
      stream_version int NOT NULL,
      event_id text NOT NULL,
      traceparent text
    );
    CREATE TABLE IF NOT EXISTS ledger_counter (id int PRIMARY KEY, applied bigint NOT NULL);
    INSERT INTO ledger_counter VALUES (1, 0) ON CONFLICT DO NOTHING;`);
}

export class PoisonEventError extends Error {
  constructor(eventId: string) {
    super(`event ${eventId} cannot be applied (poison)`);
    this.name = 'PoisonEventError';
  }
}

export interface LedgerHooks {
  /** Called before each of this test's events is applied, inside the transaction; may throw. */
  beforeApply?(event: IncomingEvent): void;
}

/** A handler writing the ledger for the events of this test (stream ids with `prefix`); others are ignored. */
export function ledgerHandler(prefix: string, hooks: LedgerHooks = {}): ConsumerDefinition['handle'] {
  return async (events: IncomingEvent[], client: PoolClient) => {
    const batchId = randomUUID();
    for (const event of events) {
      if (!event.streamId.startsWith(`${prefix}-`)) continue;
      hooks.beforeApply?.(event);
      if ((event.data as { poison?: boolean }).poison) throw new PoisonEventError(event.eventId);
      await client.query(
        'INSERT INTO ledger_applied (batch_id, source, stream_id, stream_version, event_id, traceparent) VALUES ($1, $2, $3, $4, $5, $6)',
        [batchId, event.source, event.streamId, event.streamVersion, event.eventId, event.metadata.traceparent],
      );
      await client.query('UPDATE ledger_counter SET applied = applied + 1 WHERE id = 1');
    }
  };
}

export interface LedgerRow {
  seq: number;
  batchId: string;
  source: string;
  streamId: string;
  streamVersion: number;
  eventId: string;
  traceparent: string | null;
}

export async function readLedger(pool: Pool): Promise<{ rows: LedgerRow[]; counter: number }> {
  const { rows } = await pool.query<{ seq: string; batch_id: string; source: string; stream_id: string; stream_version: number; event_id: string; traceparent: string | null }>(
    'SELECT seq, batch_id, source, stream_id, stream_version, event_id, traceparent FROM ledger_applied ORDER BY seq',
  );
  const counter = await pool.query<{ applied: string }>('SELECT applied FROM ledger_counter WHERE id = 1');
  return {
    rows: rows.map((r) => ({ seq: Number(r.seq), batchId: r.batch_id, source: r.source, streamId: r.stream_id, streamVersion: r.stream_version, eventId: r.event_id, traceparent: r.traceparent })),
    counter: Number(counter.rows[0]?.applied ?? 0),
  };
}

export async function countApplied(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM ledger_applied');
  return Number(rows[0]?.n ?? 0);
}

/**
 * The ledger holds each expected event exactly once, each stream's events in version order, each batch
 * from one source, and the trace context that was appended with each event.
 */
export function expectAppliedExactlyOnceInOrder(ledger: { rows: LedgerRow[]; counter: number }, expected: ExpectedEvent[]): void {
  const { rows, counter } = ledger;
  const key = (e: { source: string; eventId: string }) => `${e.source}/${e.eventId}`;
  const applied = rows.map(key);
  expect(new Set(applied).size).toBe(applied.length); // nothing applied twice
  expect([...applied].sort()).toEqual(expected.map(key).sort()); // nothing lost, nothing extra
  expect(counter).toBe(expected.length);

  const versionsByStream = new Map<string, number[]>();
  for (const row of rows) {
    const stream = `${row.source}/${row.streamId}`;
    versionsByStream.set(stream, [...(versionsByStream.get(stream) ?? []), row.streamVersion]);
  }
  for (const [stream, versions] of versionsByStream) {
    const inVersionOrder = [...versions].sort((a, b) => a - b);
    expect({ stream, versions }).toEqual({ stream, versions: inVersionOrder });
  }

  const sourcesByBatch = new Map<string, Set<string>>();
  for (const row of rows) sourcesByBatch.set(row.batchId, (sourcesByBatch.get(row.batchId) ?? new Set()).add(row.source));
  expect([...sourcesByBatch.values()].filter((sources) => sources.size > 1)).toEqual([]);

  const traceparentById = new Map(expected.map((e) => [key(e), e.traceparent]));
  expect(rows.filter((r) => r.traceparent !== traceparentById.get(key(r)))).toEqual([]);
}
