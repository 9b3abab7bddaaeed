// The public vocabulary of the event store. Everything else in this library implements these types.

/** How `append` checks the stream's current version; enforced in SQL, inside the append transaction. */
export type ExpectedVersion =
  | 'no_stream' // the stream must not exist yet
  | 'exists' // the stream must exist (any version)
  | 'any' // no check
  | number; // the stream's current version must be exactly this (0 = empty is never valid: use 'no_stream')

/** Metadata every event carries (DESIGN §4). Filled by the store where the caller leaves it out. */
export interface EventMetadata {
  eventId: string;
  correlationId: string;
  causationId: string | null;
  traceparent: string | null;
  tracestate?: string | null;
  actor: string | null;
  occurredAt: string; // ISO timestamp
  schemaVersion: number;
  [extra: string]: unknown;
}

/** An event as a command handler produces it. */
export interface NewEvent<T extends string = string, D = unknown> {
  type: T;
  data: D;
  /** Defaults to 1. */
  schemaVersion?: number;
  /** Defaults to a new UUID. */
  eventId?: string;
  metadata?: Partial<EventMetadata>;
}

/**
 * A position in the store's global order. Subscribers read in `(transactionId, globalPosition)` order,
 * below the xmin horizon, so this pair, not `globalPosition` alone, is what a checkpoint holds.
 * Both are decimal strings (xid8 and bigint do not fit a JS number safely).
 */
export interface Position {
  transactionId: string;
  globalPosition: string;
}

export const START: Position = { transactionId: '0', globalPosition: '0' };

/** An event as it was stored (after upcasting on read). */
export interface RecordedEvent<T extends string = string, D = unknown> {
  globalPosition: string;
  transactionId: string;
  streamId: string;
  streamType: string;
  streamVersion: number;
  eventId: string;
  type: T;
  schemaVersion: number;
  data: D;
  metadata: EventMetadata;
  recordedAt: string; // ISO timestamp
}

export interface AppendResult {
  /** The stream's version after the append (the version of its last event). */
  nextExpectedVersion: number;
  /** The position of the last appended event. */
  lastPosition: Position;
  events: RecordedEvent[];
}

/** Turns an event of schema version N into version N + 1 (registered per event type). */
export interface Upcaster {
  type: string;
  fromVersion: number;
  upcast(data: unknown, metadata: EventMetadata): unknown;
}

export class ExpectedVersionConflictError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    /** The stream's actual version; null when the stream does not exist. */
    readonly actual: number | null,
  ) {
    super(`stream ${streamId}: expected version ${String(expected)}, actual ${actual ?? 'no stream'}`);
    this.name = 'ExpectedVersionConflictError';
  }
}

/** Compares positions in subscription order. */
export function comparePositions(a: Position, b: Position): number {
  const tx = BigInt(a.transactionId) - BigInt(b.transactionId);
  if (tx !== 0n) return tx < 0n ? -1 : 1;
  const gp = BigInt(a.globalPosition) - BigInt(b.globalPosition);
  return gp === 0n ? 0 : gp < 0n ? -1 : 1;
}
