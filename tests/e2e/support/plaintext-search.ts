import { randomUUID } from 'node:crypto';
import { IHeaders, Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { waitFor } from './platform-process';

/** One place a plaintext could hide: a database row, a Kafka message, a process's output. */
export interface Haystack {
  where: string;
  text: string;
}

export interface Finding {
  where: string;
  needle: string;
  excerpt: string;
}

/**
 * Case, Unicode normalisation (NFC/NFD), Vietnamese diacritics and JSON \u escapes folded away, so a
 * name stored as "thach thi …", decomposed or escaped is still found.
 */
export function fold(text: string): string {
  return text
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** Every needle found in any haystack, verbatim or folded. */
export function findPlaintexts(haystacks: Haystack[], needles: string[]): Finding[] {
  const findings: Finding[] = [];
  for (const { where, text } of haystacks) {
    const folded = fold(text);
    for (const needle of needles) {
      const at = text.indexOf(needle);
      const foldedAt = at >= 0 ? -1 : folded.indexOf(fold(needle));
      if (at < 0 && foldedAt < 0) continue;
      const source = at >= 0 ? text : folded;
      const i = at >= 0 ? at : foldedAt;
      findings.push({ where, needle, excerpt: source.slice(Math.max(0, i - 60), i + needle.length + 60) });
    }
  }
  return findings;
}

const cellText = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
};

/**
 * Every row of every table and materialised view in every schema of the database (not only `public`),
 * each as one haystack holding all its cells: text as is, jsonb as JSON, bytea decoded as UTF-8.
 */
export async function databaseRows(pool: Pool, database: string): Promise<Haystack[]> {
  const relations = await pool.query<{ schema: string; name: string }>(
    `SELECT n.nspname AS schema, c.relname AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
      ORDER BY 1, 2`,
  );
  const haystacks: Haystack[] = [];
  for (const { schema, name } of relations.rows) {
    const quoted = `"${schema.replace(/"/g, '""')}"."${name.replace(/"/g, '""')}"`;
    const rows = await pool.query<Record<string, unknown>>(`SELECT * FROM ${quoted}`);
    rows.rows.forEach((row, i) => haystacks.push({ where: `${database}.${schema}.${name} row ${i}`, text: Object.values(row).map(cellText).join('\u0000') }));
  }
  return haystacks;
}

const headerText = (headers: IHeaders | undefined): string =>
  Object.entries(headers ?? {})
    .map(([name, value]) => `${name}=${(Array.isArray(value) ? value : [value]).map(cellText).join(',')}`)
    .join('\u0000');

/**
 * Every message (key, value, headers) of every topic whose name starts with `namespace`, read from the
 * beginning up to the offsets the topics had when called, by a throwaway consumer group.
 */
export async function kafkaMessages(brokers: string[], namespace: string): Promise<Haystack[]> {
  const kafka = new Kafka({ brokers, clientId: 'erasure-search', logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `${namespace}erasure-search-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(namespace));
    const pending = new Map<string, bigint>();
    for (const topic of topics) {
      for (const { partition, low, high } of await admin.fetchTopicOffsets(topic)) {
        if (BigInt(high) > BigInt(low)) pending.set(`${topic}/${partition}`, BigInt(high));
      }
    }
    const haystacks: Haystack[] = [];
    if (pending.size === 0) return haystacks;
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const where = `kafka ${topic}/${partition}@${message.offset}`;
        haystacks.push({ where, text: [cellText(message.key), cellText(message.value), headerText(message.headers)].join('\u0000') });
        const end = pending.get(`${topic}/${partition}`);
        if (end !== undefined && BigInt(message.offset) + 1n >= end) pending.delete(`${topic}/${partition}`);
      },
    });
    await waitFor(async () => pending.size === 0, 60_000, `every message of ${topics.join(', ')}`);
    return haystacks;
  } finally {
    await consumer.disconnect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}
