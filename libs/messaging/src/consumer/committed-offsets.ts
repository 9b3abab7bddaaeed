// What read-your-writes compares partition ends against: per partition, an offset the consumer group has
// committed, i.e. "every message below it is applied" (offsets are committed only after the effect's
// transaction). Two sources feed it, and both only ever state facts that stay true, so the highest value
// seen is kept:
// - this process's own consumer, right after each offset commit it made (no broker round trip);
// - the broker's committed offsets (admin.fetchOffsets), for partitions another member of the group (a
//   second instance of the service) applies, or that this one has not committed since it started. That
//   fetch is shared by every waiting reader and made at most once per `brokerPollMs`: polling it once per
//   reader per poll queued thousands of requests a second on the admin connection (issue #8).
import type { Admin } from 'kafkajs';

/** Minimum time between two fetches of the group's committed offsets from the broker. */
export const BROKER_POLL_MS = 50;

export interface CommittedOffsetsDeps {
  admin(): Promise<Admin>;
  groupId: string;
  /** The group's topics: one fetch asks for all of them. */
  topics: string[];
  brokerPollMs?: number;
}

export class CommittedOffsets {
  /** topic → partition → next offset to apply (everything below is applied). */
  private readonly known = new Map<string, Map<number, bigint>>();
  private fetching: Promise<void> | undefined;
  private lastFetchStartedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly deps: CommittedOffsetsDeps) {}

  /** Called once an offset commit for `partition` succeeded: every message below `next` is applied. */
  record(topic: string, partition: number, next: bigint): void {
    let partitions = this.known.get(topic);
    if (!partitions) {
      partitions = new Map();
      this.known.set(topic, partitions);
    }
    if (next > (partitions.get(partition) ?? -1n)) partitions.set(partition, next);
  }

  /** True if every partition's known committed offset has reached its end in `ends`. */
  reach(topic: string, ends: ReadonlyMap<number, bigint>): boolean {
    const partitions = this.known.get(topic);
    for (const [partition, end] of ends) {
      if ((partitions?.get(partition) ?? -1n) < end) return false;
    }
    return true;
  }

  /**
   * Learns the group's committed offsets from the broker, unless a fetch is in flight (its answer is as
   * good: a committed offset stays true) or one started less than `brokerPollMs` ago.
   */
  refreshFromBroker(): Promise<void> {
    if (this.fetching) return this.fetching;
    const now = Date.now();
    if (now - this.lastFetchStartedAt < (this.deps.brokerPollMs ?? BROKER_POLL_MS)) return Promise.resolve();
    this.lastFetchStartedAt = now;
    const fetching = this.fetch().finally(() => {
      if (this.fetching === fetching) this.fetching = undefined;
    });
    this.fetching = fetching;
    return fetching;
  }

  private async fetch(): Promise<void> {
    const committed = await (await this.deps.admin()).fetchOffsets({ groupId: this.deps.groupId, topics: this.deps.topics });
    for (const { topic, partitions } of committed) {
      for (const { partition, offset } of partitions) {
        // -1: nothing committed there yet.
        if (BigInt(offset) >= 0n) this.record(topic, partition, BigInt(offset));
      }
    }
  }
}
