import { Attributes, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { Pool, PoolClient } from 'pg';
import { AppendResult, ExpectedVersion, ExpectedVersionConflictError, NewEvent, Position, RecordedEvent, START, Upcaster } from '../types';
import { EventEnvelope, toEnvelope } from './event-envelope';
import { EVENT_COLUMNS, EventRow, toRecordedEvent } from './event-row';
import { positionOf } from './positions';
import { Queryable } from './queryable';
import { UpcasterChain } from './upcaster-chain';

export interface PostgresEventStoreOptions {
  upcasters?: Upcaster[];
  /**
   * Called after every successful append (metrics, in-process wake-ups). Without `client` it runs after the
   * commit; with the caller's `client` it runs after the append statement, before the caller commits.
   * It must not throw: an append that committed is never reported as failed (errors become process warnings).
   * `timing` is the append statement's duration and the stream's type (the append-latency metric).
   * `appendNewStreams` reports each of its streams as one append, with its share of the statement's time.
   */
  onAppended?: (result: AppendResult, timing: AppendTiming) => void;
}

export interface AppendTiming {
  streamType: string;
  /** The statement's duration; for a batch of new streams, divided evenly among its streams. */
  durationSeconds: number;
}

/** A stream that does not exist yet with its first events (`appendNewStreams`). */
export interface NewStream {
  streamId: string;
  streamType: string;
  events: NewEvent[];
}

/** What a reader at some position still has to read (relay and projection lag). */
export interface Backlog {
  /** Committed events after the position, in subscription order (capped at BACKLOG_COUNT_CAP). */
  events: number;
  /** When the oldest of them was written; null when there is none. */
  oldestRecordedAt: Date | null;
}

/** Counting a huge backlog exactly would cost a scan per scrape; past this it is reported as this. */
export const BACKLOG_COUNT_CAP = 1_000_000;

/** The tracer name of this library's spans (OTel: instrumentation scope = the instrumented library). */
const TRACER = '@ishc/event-store';

export interface AppendOptions {
  expectedVersion: ExpectedVersion;
  /** Append inside this transaction instead of one of its own. */
  client?: PoolClient;
}

export interface AppendNewStreamsOptions {
  /** Append inside this transaction instead of one of its own. */
  client?: PoolClient;
}

export interface ReadStreamOptions {
  client?: PoolClient;
  /** The first stream version to return (inclusive); default 1. */
  fromVersion?: number;
}

export interface ReadStreamResult {
  /** The stream's current version; null when it does not exist. */
  version: number | null;
  streamType: string | null;
  events: RecordedEvent[];
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position in subscription order. */
  after: Position;
  limit: number;
  client?: PoolClient;
}

interface NewStreamsRow extends AppendRow {
  stream_id: string;
}

interface AppendRow {
  conflict: boolean;
  actual_version: string | null;
  stream_type: string | null;
  global_position: string | null;
  transaction_id: string | null;
  stream_version: string | null;
  recorded_at: Date | null;
}

// Only transactions below the snapshot's xmin are certainly finished: any event with a lower transaction id
// is either visible now or never will be, so a reader that stays below it can checkpoint without skipping
// an event whose transaction started earlier but commits later (DESIGN §4).
const BELOW_HORIZON = 'e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())';

export class PostgresEventStore {
  private readonly upcasters: UpcasterChain;
  private readonly onAppended?: (result: AppendResult, timing: AppendTiming) => void;

  constructor(
    readonly pool: Pool,
    options: PostgresEventStoreOptions = {},
  ) {
    this.upcasters = new UpcasterChain(options.upcasters);
    this.onAppended = options.onAppended;
  }

  /**
   * Appends with the expected version, in a CLIENT span named after the statement (OTel database
   * conventions: db.system.name, db.operation.name, db.collection.name). The stream id is left out of the
   * span: some streams are keyed by a person.
   */
  async append(streamId: string, streamType: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    return inAppendSpan('ishc_append_events', { 'ishc.stream_type': streamType, 'ishc.event_count': events.length }, () =>
      this.appendInSpan(streamId, streamType, events, options),
    );
  }

  /**
   * Creates many streams at once, each with expectation `no_stream`, in ONE statement (a bulk import: one
   * round trip per stream was most of its time), all or nothing: when one of them exists already the whole
   * batch fails with an ExpectedVersionConflictError giving that stream and its actual version, and nothing
   * of the batch is written (a caller's transaction stays usable, as with `append`). One CLIENT span for the
   * statement (`db.operation.batch.size` = the number of streams; stream types, never ids); `onAppended`
   * hears each stream as one append. Returns one result per stream, in the order given.
   */
  async appendNewStreams(streams: NewStream[], options: AppendNewStreamsOptions = {}): Promise<AppendResult[]> {
    assertDistinctNewStreams(streams);
    if (streams.length === 0) return [];
    const attributes = {
      'db.operation.batch.size': streams.length,
      'ishc.stream_types': [...new Set(streams.map((s) => s.streamType))].sort(),
      'ishc.event_count': streams.reduce((n, s) => n + s.events.length, 0),
    };
    return inAppendSpan('ishc_append_new_streams', attributes, () => this.appendNewStreamsInSpan(streams, options));
  }

  private async appendNewStreamsInSpan(streams: NewStream[], options: AppendNewStreamsOptions): Promise<AppendResult[]> {
    const started = process.hrtime.bigint();
    const now = new Date();
    const envelopes = streams.map((s) => s.events.map((event) => toEnvelope(event, now)));
    const payload = streams.map((s, i) => ({ stream_id: s.streamId, stream_type: s.streamType, events: envelopes[i] }));
    const db: Queryable = options.client ?? this.pool;
    const { rows } = await db.query<NewStreamsRow>('SELECT * FROM ishc_append_new_streams($1::jsonb)', [JSON.stringify(payload)]);
    const taken = rows.find((row) => row.conflict);
    if (taken) throw new ExpectedVersionConflictError(taken.stream_id, 'no_stream', taken.actual_version === null ? null : Number(taken.actual_version));

    const rowsOf = new Map<string, AppendRow[]>();
    for (const row of rows) rowsOf.set(row.stream_id, [...(rowsOf.get(row.stream_id) ?? []), row]);
    const results = streams.map((s, i) => this.appendedResult(s.streamId, rowsOf.get(s.streamId) ?? [], envelopes[i]));
    const durationSeconds = Number(process.hrtime.bigint() - started) / 1e9 / streams.length;
    streams.forEach((s, i) => this.notifyAppended(results[i], { streamType: s.streamType, durationSeconds }));
    return results;
  }

  private async appendInSpan(streamId: string, streamType: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const started = process.hrtime.bigint();
    const expected = expectedVersionArgument(options.expectedVersion);
    const envelopes = events.map((event) => toEnvelope(event));
    const db: Queryable = options.client ?? this.pool;
    const { rows } = await db.query<AppendRow>('SELECT * FROM ishc_append_events($1, $2, $3, $4::jsonb)', [
      streamId,
      streamType,
      expected,
      JSON.stringify(envelopes),
    ]);
    const first = rows[0];
    if (first.conflict) {
      throw new ExpectedVersionConflictError(streamId, options.expectedVersion, first.actual_version === null ? null : Number(first.actual_version));
    }

    const result: AppendResult =
      envelopes.length === 0
        ? {
            // Nothing written: report where the stream is (0 when it does not exist) so a no-op command
            // still answers with a consistency token.
            nextExpectedVersion: Number(first.actual_version ?? 0),
            lastPosition: first.transaction_id && first.global_position ? { transactionId: first.transaction_id, globalPosition: first.global_position } : START,
            events: [],
          }
        : this.appendedResult(streamId, rows, envelopes);
    this.notifyAppended(result, { streamType, durationSeconds: Number(process.hrtime.bigint() - started) / 1e9 });
    return result;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<ReadStreamResult> {
    const db: Queryable = options.client ?? this.pool;
    // One statement, one snapshot: the version and the events always agree.
    const { rows } = await db.query<{ current_version: string; current_type: string } & Partial<EventRow>>(
      `SELECT s.version AS current_version, s.stream_type AS current_type, ${EVENT_COLUMNS}
       FROM streams s
       LEFT JOIN events e ON e.stream_id = s.stream_id AND e.stream_version >= $2
       WHERE s.stream_id = $1
       ORDER BY e.stream_version`,
      [streamId, options.fromVersion ?? 1],
    );
    if (rows.length === 0) return { version: null, streamType: null, events: [] };
    return {
      version: Number(rows[0].current_version),
      streamType: rows[0].current_type,
      events: rows.filter(isEventRow).map((row) => toRecordedEvent(row, this.upcasters)),
    };
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    if (!Number.isSafeInteger(options.limit) || options.limit < 1) throw new RangeError(`readAll limit must be a positive integer, got ${options.limit}`);
    const db: Queryable = options.client ?? this.pool;
    const { rows } = await db.query<EventRow>(
      `SELECT ${EVENT_COLUMNS}
       FROM events e
       WHERE ${BELOW_HORIZON}
         AND (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)
       ORDER BY e.transaction_id, e.global_position
       LIMIT $3`,
      [options.after.transactionId, options.after.globalPosition, options.limit],
    );
    return rows.map((row) => toRecordedEvent(row, this.upcasters));
  }

  async headPosition(): Promise<Position> {
    const { rows } = await this.pool.query<{ transaction_id: string; global_position: string }>(
      `SELECT e.transaction_id, e.global_position
       FROM events e
       WHERE ${BELOW_HORIZON}
       ORDER BY e.transaction_id DESC, e.global_position DESC
       LIMIT 1`,
    );
    return rows.length === 0 ? START : { transactionId: rows[0].transaction_id, globalPosition: rows[0].global_position };
  }

  /**
   * Seconds since the oldest transaction that holds a transaction id started, anywhere in the cluster
   * (prepared transactions included). Subscribers cannot read past it, so this is their worst-case lag.
   */
  async horizonAgeSeconds(): Promise<number> {
    const { rows } = await this.pool.query<{ age: number }>(
      `SELECT coalesce(extract(epoch FROM clock_timestamp() - least(
         (SELECT min(xact_start) FROM pg_stat_activity WHERE backend_xid IS NOT NULL),
         (SELECT min(prepared) FROM pg_prepared_xacts))), 0)::float8 AS age`,
    );
    return Math.max(0, rows[0].age);
  }

  private appendedResult(streamId: string, rows: AppendRow[], envelopes: EventEnvelope[]): AppendResult {
    const sorted = [...rows].sort((a, b) => Number(a.stream_version) - Number(b.stream_version));
    const recorded = sorted.map((row, i) => {
      const envelope = envelopes[i];
      return toRecordedEvent(
        {
          global_position: row.global_position as string,
          transaction_id: row.transaction_id as string,
          stream_id: streamId,
          stream_type: row.stream_type as string,
          stream_version: row.stream_version as string,
          event_id: envelope.event_id,
          type: envelope.type,
          schema_version: envelope.schema_version,
          data: envelope.data,
          metadata: envelope.metadata,
          recorded_at: row.recorded_at as Date,
        },
        this.upcasters,
      );
    });
    const last = recorded[recorded.length - 1];
    return { nextExpectedVersion: last.streamVersion, lastPosition: positionOf(last), events: recorded };
  }

  /**
   * The committed events after `after` (whatever the horizon: events held back by an open transaction are
   * lag too) and when the oldest was written. For a relay, `after` is its checkpoint in this store.
   */
  async backlogAfter(after: Position): Promise<Backlog> {
    const { rows } = await this.pool.query<{ events: string; oldest: Date | null }>(
      `SELECT count(*)::text AS events, min(b.recorded_at) AS oldest
       FROM (SELECT e.recorded_at FROM events e
             WHERE (e.transaction_id, e.global_position) > ($1::xid8, $2::bigint)
             ORDER BY e.transaction_id, e.global_position
             LIMIT ${BACKLOG_COUNT_CAP}) b`,
      [after.transactionId, after.globalPosition],
    );
    return { events: Number(rows[0].events), oldestRecordedAt: rows[0].oldest };
  }

  private notifyAppended(result: AppendResult, timing: AppendTiming): void {
    if (!this.onAppended) return;
    try {
      this.onAppended(result, timing);
    } catch (err) {
      process.emitWarning(`event store onAppended threw: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

/**
 * Runs an append statement in a CLIENT span named after it (OTel database conventions: db.system.name,
 * db.operation.name, db.collection.name). Stream ids are left out of the span: some streams are keyed by a person.
 */
function inAppendSpan<T>(operation: string, attributes: Attributes, work: () => Promise<T>): Promise<T> {
  return trace.getTracer(TRACER).startActiveSpan(
    `${operation} events`,
    {
      kind: SpanKind.CLIENT,
      attributes: { 'db.system.name': 'postgresql', 'db.operation.name': operation, 'db.collection.name': 'events', ...attributes },
    },
    async (span) => {
      try {
        return await work();
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : typeof error });
        if (error instanceof ExpectedVersionConflictError) span.setAttribute('error.type', 'ExpectedVersionConflict');
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** A new stream needs a first event, and a batch names each stream once (else it would conflict with itself). */
function assertDistinctNewStreams(streams: NewStream[]): void {
  const seen = new Set<string>();
  for (const s of streams) {
    if (s.events.length === 0) throw new RangeError(`new stream ${s.streamId} has no events`);
    if (seen.has(s.streamId)) throw new RangeError(`stream ${s.streamId} appears twice in one batch of new streams`);
    seen.add(s.streamId);
  }
}

function expectedVersionArgument(expected: ExpectedVersion): string {
  if (typeof expected === 'string') {
    if (expected === 'no_stream' || expected === 'exists' || expected === 'any') return expected;
    throw new RangeError(`unknown expected version ${JSON.stringify(expected)}`);
  }
  // 0 would read as "the empty stream", which never exists as a row: callers mean 'no_stream'.
  if (!Number.isSafeInteger(expected) || expected < 1) throw new RangeError(`expected version must be an integer >= 1 (or 'no_stream'), got ${expected}`);
  return String(expected);
}

// A LEFT JOIN row for a stream with no events at or after fromVersion carries only the stream's columns.
function isEventRow<R extends Partial<EventRow>>(row: R): row is R & EventRow {
  return row.global_position !== null && row.global_position !== undefined;
}
