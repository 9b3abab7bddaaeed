import { EventMetadata, RecordedEvent } from '../types';
import { UpcasterChain } from './upcaster-chain';

/** The columns every read selects, in the shape pg returns them (bigint and xid8 as strings). */
export const EVENT_COLUMNS = `e.global_position, e.transaction_id, e.stream_id, e.stream_type, e.stream_version, e.event_id,
  e.type, e.schema_version, e.data, e.metadata, e.recorded_at`;

export interface EventRow {
  global_position: string;
  transaction_id: string;
  stream_id: string;
  stream_type: string;
  stream_version: string;
  event_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
  recorded_at: Date;
}

export function toRecordedEvent(row: EventRow, upcasters: UpcasterChain): RecordedEvent {
  const { schemaVersion, data } = upcasters.upcast(row.type, row.schema_version, row.data, row.metadata);
  return {
    globalPosition: row.global_position,
    transactionId: row.transaction_id,
    streamId: row.stream_id,
    streamType: row.stream_type,
    streamVersion: Number(row.stream_version),
    eventId: row.event_id,
    type: row.type,
    schemaVersion,
    data,
    // The column is authoritative for identity and version; metadata keeps whatever else the writer sent.
    metadata: { ...row.metadata, eventId: row.event_id, schemaVersion },
    recordedAt: row.recorded_at.toISOString(),
  };
}
