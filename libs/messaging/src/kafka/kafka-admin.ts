// Topics are created by the code that needs them (relay and consumer alike), so a fresh cluster with
// `auto.create.topics.enable=false` works, whichever process starts first.
import type { Admin } from 'kafkajs';

export async function ensureTopics(admin: Admin, topics: string[], partitions: number): Promise<void> {
  const missing = await missingTopics(admin, topics);
  if (missing.length === 0) return;
  try {
    await admin.createTopics({ topics: missing.map((topic) => ({ topic, numPartitions: partitions })), waitForLeaders: true });
  } catch (error) {
    // Another process may have created them since we looked: that is success, anything else is not.
    if ((await missingTopics(admin, topics)).length > 0) throw error;
  }
}

async function missingTopics(admin: Admin, topics: string[]): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  return [...new Set(topics)].filter((topic) => !existing.has(topic));
}
