// Producers for the contract suite: a fresh database with an event store per service, and a writer that
// appends many streams concurrently, so transactions commit out of order and streams interleave.
import { randomBytes, randomUUID } from 'node:crypto';
import { comparePositions, migrateEventStore, type Position, PostgresEventStore, START } from '@ishc/event-store';
import { createHarnessDatabase } from './harness-database';
import type { TestDatabase } from './test-fixtures';
import type { ServiceName } from '../transport.port';

export const CONTRACT_STREAM_TYPE = 'contract-counter';

export interface ProducerDatabase {
  service: ServiceName;
  db: TestDatabase;
  store: PostgresEventStore;
}

export async function createProducer(service: ServiceName): Promise<ProducerDatabase> {
  const db = await createHarnessDatabase(`msg_${service}`);
  await migrateEventStore(db.pool);
  return { service, db, store: new PostgresEventStore(db.pool) };
}

/** What the consumer must end up having applied: one entry per appended event. */
export interface ExpectedEvent {
  source: ServiceName;
  streamId: string;
  streamVersion: number;
  eventId: string;
  traceparent: string;
  poison: boolean;
}

export interface AppendPlan {
  /** Stream ids are `<prefix>-<n>`: unique per test, so events from other runs on shared topics are ignored. */
  prefix: string;
  streams: number;
  eventsPerStream: number;
  eventsPerAppend?: number;
  /** Streams are split among this many concurrent writers. */
  writers?: number;
  /** Events whose data says `poison: true`; the contract's handler refuses them. */
  poison?: Array<{ stream: number; version: number }>;
}

export interface AppendedEvents {
  events: ExpectedEvent[];
  /** The subscription position of the last appended event. */
  last: Position;
}

export function streamId(prefix: string, n: number): string {
  return `${prefix}-${n}`;
}

export async function appendStreams(producer: ProducerDatabase, plan: AppendPlan): Promise<AppendedEvents> {
  const perAppend = plan.eventsPerAppend ?? 4;
  const writers = plan.writers ?? 5;
  const events: ExpectedEvent[] = [];
  let last: Position = START;
  const isPoison = (stream: number, version: number) => (plan.poison ?? []).some((p) => p.stream === stream && p.version === version);

  const writeStreams = async (streams: number[]) => {
    for (let from = 1; from <= plan.eventsPerStream; from += perAppend) {
      for (const n of streams) {
        const batch: ExpectedEvent[] = [];
        for (let version = from; version < from + perAppend && version <= plan.eventsPerStream; version++) {
          batch.push({
            source: producer.service,
            streamId: streamId(plan.prefix, n),
            streamVersion: version,
            eventId: randomUUID(),
            traceparent: `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`,
            poison: isPoison(n, version),
          });
        }
        const result = await producer.store.append(
          streamId(plan.prefix, n),
          CONTRACT_STREAM_TYPE,
          batch.map((e) => ({ type: 'Counted', eventId: e.eventId, data: { n: e.streamVersion, poison: e.poison }, metadata: { traceparent: e.traceparent } })),
          { expectedVersion: from === 1 ? 'no_stream' : from - 1 },
        );
        events.push(...batch);
        if (comparePositions(result.lastPosition, last) > 0) last = result.lastPosition;
      }
    }
  };

  const streams = Array.from({ length: plan.streams }, (_, i) => i + 1);
  await Promise.all(Array.from({ length: writers }, (_, w) => writeStreams(streams.filter((n) => n % writers === w))));
  return { events, last };
}
