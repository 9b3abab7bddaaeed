import type { Admin } from 'kafkajs';

/**
 * The partitions of `topics` whose oldest messages are gone (log start offset above 0: retention or a
 * deletion removed them), as `<topic>[<partition>] starts at <offset>`. A new consumer group reading
 * such a topic from its beginning would silently miss those events (a rebuild, ADR 0007).
 */
export async function lostHistory(admin: Admin, topics: readonly string[]): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const lost: string[] = [];
  for (const topic of topics.filter((t) => existing.has(t))) {
    for (const partition of await admin.fetchTopicOffsets(topic)) {
      if (BigInt(partition.low) > 0n) lost.push(`${topic}[${partition.partition}] starts at offset ${partition.low}`);
    }
  }
  return lost;
}
