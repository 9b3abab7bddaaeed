// Read-your-writes on Kafka. A consistency token names one event, but promises more: every event of that
// service up to it (API.md: "the last token from each service written to"). The token's own event being in
// the inbox is not enough, because Kafka orders only within a partition: an earlier event of another
// stream, on another partition, may still be waiting (a club read before its commune was projected).
//
// The relay publishes in position order, so once the token's event has been consumed, every earlier event
// of its source already sits below its partition's end. We take those ends (high watermarks) once, then
// wait until the consumer group's committed offsets reach them. The ends are remembered per token, so a
// steady stream of later writes cannot keep a reader waiting for ever.
//
// Cost (issue #8): waiting readers share their requests. The inbox is asked about every waiting token in
// one query (inbox-lookup.ts); ends are fetched by one request for every token that asked before it
// started (a request already in flight is too early for a newcomer: it could miss the newcomer's event);
// committed offsets come from this process's own commits, else from one shared, rate-limited fetch
// (committed-offsets.ts). See ADR 0003.
import type { Position } from '@ishc/event-store';
import type { Admin } from 'kafkajs';
import type { Pool } from 'pg';
import type { ServiceName } from '../transport.port';
import type { CommittedOffsets } from './committed-offsets';
import { inboxKey } from './inbox';
import { inboxLookup } from './inbox-lookup';

/** Ends remembered for tokens still being waited on; old ones are dropped first. */
const REMEMBERED_TOKENS = 10_000;

export interface ProcessedThroughDeps {
  admin(): Promise<Admin>;
  inbox: { pool: Pool; consumer: string };
  committed: CommittedOffsets;
  topicOf(source: ServiceName): string;
}

export function processedThrough(deps: ProcessedThroughDeps): (source: ServiceName, position: Position) => Promise<boolean> {
  const endsByToken = new Map<string, Map<number, bigint>>();
  const isInInbox = inboxLookup(deps.inbox.pool, deps.inbox.consumer);
  const endsOf = new Map<string, () => Promise<Map<number, bigint>>>();
  const freshEnds = (topic: string) => {
    let fetch = endsOf.get(topic);
    if (!fetch) {
      fetch = startedAfterCall(async () => partitionEnds(await deps.admin(), topic));
      endsOf.set(topic, fetch);
    }
    return fetch();
  };

  return async (source, position) => {
    const topic = deps.topicOf(source);
    const token = inboxKey(source, position);
    let ends = endsByToken.get(token);
    if (!ends) {
      if (!(await isInInbox(source, position))) return false;
      ends = await freshEnds(topic);
      if (endsByToken.size >= REMEMBERED_TOKENS) endsByToken.delete(endsByToken.keys().next().value as string);
      endsByToken.set(token, ends);
    }
    if (!deps.committed.reach(topic, ends)) {
      // Partitions this process does not apply (or has not committed yet) are known only to the broker. A
      // broker that does not answer only delays the read: it keeps waiting, up to its caller's deadline.
      await deps.committed.refreshFromBroker().catch(() => undefined);
      if (!deps.committed.reach(topic, ends)) return false;
    }
    endsByToken.delete(token);
    return true;
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

/**
 * Shares `fetch` between concurrent callers, but each caller gets the result of a fetch that started
 * after its call: callers arriving while one is in flight share the next one, started when it ends.
 */
export function startedAfterCall<T>(fetch: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  let next: Promise<T> | undefined;
  const start = () => {
    const started = fetch();
    running = started;
    const clear = () => {
      if (running === started) running = undefined;
    };
    started.then(clear, clear);
    return started;
  };
  return () => {
    if (next) return next;
    if (!running) return start();
    const queued = running.then(
      () => undefined,
      () => undefined,
    );
    next = queued.then(() => {
      next = undefined;
      return start();
    });
    return next;
  };
}
