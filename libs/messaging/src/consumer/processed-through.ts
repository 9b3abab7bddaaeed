// Read-your-writes on Kafka. A consistency token names one event, but promises more: every event of that
// service up to it (API.md: "the last token from each service written to"). The token's own event being in
// the inbox is not enough, because Kafka orders only within a partition: an earlier event of another
// stream, on another partition, may still be waiting (a club read before its commune was projected).
//
// The relay publishes in position order, so once the token's event has been consumed, every earlier event
// of its source already sits below its partition's end. We take those ends (high watermarks) once, then
// wait until the consumer group's committed offsets reach them. The ends are remembered per token, so a
// steady stream of later writes cannot keep a reader waiting for ever.
import type { Position } from '@ishc/event-store';
import type { Admin } from 'kafkajs';
import type { ServiceName } from '../transport.port';
import { isInInbox } from './inbox';

/** Ends remembered for tokens still being waited on; old ones are dropped first. */
const REMEMBERED_TOKENS = 10_000;

export interface ProcessedThroughDeps {
  admin(): Promise<Admin>;
  inbox: { pool: Parameters<typeof isInInbox>[0]; consumer: string };
  groupId: string;
  topicOf(source: ServiceName): string;
}

export function processedThrough(deps: ProcessedThroughDeps): (source: ServiceName, position: Position) => Promise<boolean> {
  const endsByToken = new Map<string, Map<number, bigint>>();

  return async (source, position) => {
    const token = `${source}:${position.transactionId}:${position.globalPosition}`;
    let ends = endsByToken.get(token);
    if (!ends) {
      if (!(await isInInbox(deps.inbox.pool, deps.inbox.consumer, source, position))) return false;
      ends = await partitionEnds(await deps.admin(), deps.topicOf(source));
      if (endsByToken.size >= REMEMBERED_TOKENS) endsByToken.delete(endsByToken.keys().next().value as string);
      endsByToken.set(token, ends);
    }
    const done = await committedReach(await deps.admin(), deps.groupId, deps.topicOf(source), ends);
    if (done) endsByToken.delete(token);
    return done;
  };
}

/** Each non-empty partition's end: the offset the next message written there will get. */
async function partitionEnds(admin: Admin, topic: string): Promise<Map<number, bigint>> {
  const ends = new Map<number, bigint>();
  for (const p of await admin.fetchTopicOffsets(topic)) {
    if (BigInt(p.high) > BigInt(p.low)) ends.set(p.partition, BigInt(p.high));
  }
  return ends;
}

// Offsets are committed only after the effect's transaction, so a committed offset means "applied" (or
// deliberately parked on the dead-letter topic, or a duplicate the inbox skipped).
async function committedReach(admin: Admin, groupId: string, topic: string, ends: Map<number, bigint>): Promise<boolean> {
  if (ends.size === 0) return true;
  const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
  const next = new Map((committed?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset)]));
  return [...ends].every(([partition, end]) => (next.get(partition) ?? -1n) >= end);
}
