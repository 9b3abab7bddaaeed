// Deterministic registry-import events (a member registered, then joining a club: two streams of one event
// each, as a registry import writes them) and the bulk path that appends them through libs/event-store:
// many appends per transaction, a few writers in parallel.
import { NewEvent, PostgresEventStore } from '@ishc/event-store';
import { Pool } from 'pg';
import { SeededRandom } from './seeded-random';

export interface StreamAppend {
  streamId: string;
  streamType: string;
  events: NewEvent[];
}

export function importAppends(eventCount: number, seed: number): StreamAppend[] {
  const random = new SeededRandom(seed);
  const clubIds = Array.from({ length: 300 }, () => random.uuid());
  const appends: StreamAppend[] = [];
  for (let i = 0; appends.length < eventCount; i++) {
    const memberId = random.uuid();
    const metadata = { correlationId: random.uuid(), actor: 'bench-import', occurredAt: '2025-09-01T00:00:00.000Z' };
    appends.push({
      streamId: `member-${memberId}`,
      streamType: 'member',
      events: [
        {
          type: 'MemberRegistered',
          eventId: random.uuid(),
          metadata,
          data: {
            memberId,
            sex: random.pick(['F', 'M']),
            birthYear: random.int(1935, 1970),
            ethnicMinority: random.chance(0.6),
            disadvantaged: random.chance(0.3) ? ['poor'] : [],
            communeCode: `C${random.int(1, 100)}`,
            registeredOn: '2025-09-01',
            personal: { alg: 'A256GCM', iv: random.base64(12), tag: random.base64(16), ciphertext: random.base64(96) },
          },
        },
      ],
    });
    if (appends.length < eventCount) {
      appends.push({
        streamId: `member-memberships-${memberId}`,
        streamType: 'member-memberships',
        events: [{ type: 'MemberJoinedClub', eventId: random.uuid(), metadata, data: { memberId, clubId: random.pick(clubIds), joinedOn: '2025-09-01', roles: ['member'] } }],
      });
    }
  }
  return appends;
}

export interface BulkAppendOptions {
  /** Appends (statements) per transaction. */
  appendsPerTransaction: number;
  writers: number;
}

/** Appends every stream (expected version no_stream) in transactions of `appendsPerTransaction`, `writers` at a time. */
export async function bulkAppend(store: PostgresEventStore, pool: Pool, appends: StreamAppend[], options: BulkAppendOptions): Promise<void> {
  let next = 0;
  const writer = async () => {
    for (;;) {
      const start = next;
      next += options.appendsPerTransaction;
      if (start >= appends.length) return;
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        for (const append of appends.slice(start, start + options.appendsPerTransaction)) {
          await store.append(append.streamId, append.streamType, append.events, { expectedVersion: 'no_stream', client });
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    }
  };
  await Promise.all(Array.from({ length: options.writers }, writer));
}

/** The same streams through `appendNewStreams`: one statement per `appendsPerTransaction` streams. */
export async function bulkAppendNewStreams(store: PostgresEventStore, appends: StreamAppend[], options: BulkAppendOptions): Promise<void> {
  let next = 0;
  const writer = async () => {
    for (;;) {
      const start = next;
      next += options.appendsPerTransaction;
      if (start >= appends.length) return;
      await store.appendNewStreams(appends.slice(start, start + options.appendsPerTransaction));
    }
  };
  await Promise.all(Array.from({ length: options.writers }, writer));
}
