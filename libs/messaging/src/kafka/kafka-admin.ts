// Topics are created by the code that needs them (relay and consumer alike), so a fresh cluster with
// `auto.create.topics.enable=false` works, whichever process starts first.
import type { Admin } from 'kafkajs';

/** How long to wait for topics that another process (or our own request) is still bringing up. */
const SETTLE_MS = 20_000;

/**
 * Our topics keep every message: a new consumer group (a rebuilt read-model generation, a new service)
 * reads a service's whole history from offset 0, as the embedded transport reads it from position zero.
 * The producers' stores stay the source of truth; ADR 0003.
 */
const KEEP_FOREVER = [
  { name: 'retention.ms', value: '-1' },
  { name: 'retention.bytes', value: '-1' },
];

export async function ensureTopics(admin: Admin, topics: string[], partitions: number): Promise<void> {
  const missing = await missingTopics(admin, topics);
  if (missing.length === 0) return;
  try {
    await admin.createTopics({ topics: missing.map((topic) => ({ topic, numPartitions: partitions, configEntries: KEEP_FOREVER })), waitForLeaders: true });
  } catch (error) {
    // Another process may have created them since we looked, or the broker's metadata has not caught up
    // with the creation yet ("does not host this topic-partition"): wait until they are served with
    // leaders; anything else is a failure.
    const deadline = Date.now() + SETTLE_MS;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      if (await areServed(admin, topics)) return;
    }
    throw error;
  }
}

async function missingTopics(admin: Admin, topics: string[]): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  return [...new Set(topics)].filter((topic) => !existing.has(topic));
}

async function areServed(admin: Admin, topics: string[]): Promise<boolean> {
  try {
    if ((await missingTopics(admin, topics)).length > 0) return false;
    const { topics: metadata } = await admin.fetchTopicMetadata({ topics: [...new Set(topics)] });
    return metadata.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0));
  } catch {
    return false;
  }
}
