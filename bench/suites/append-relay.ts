// 2. Bulk append through libs/event-store vs a multi-row INSERT of the same rows into a plain table.
// 3. The real Kafka relay of libs/messaging over those events vs kafkajs sending the same messages alone.
import { deadLetterTopic, eventsTopic } from '@ishc/contracts';
import { CheckpointStore, comparePositions, migrateEventStore, PostgresEventStore, RecordedEvent, START } from '@ishc/event-store';
import { createKafkaTransport, RELAY_PROCESSOR_ID, toKafkaMessage } from '@ishc/messaging';
import { Kafka, logLevel, Message, Partitioners } from 'kafkajs';
import { Pool } from 'pg';
import { BenchDatabase, createDatabase } from '../support/databases';
import { bulkAppend, bulkAppendNewStreams, importAppends, StreamAppend } from '../support/import-events';
import { KAFKA_BROKERS, runNamespace } from '../support/kafka';
import { Figure, SuiteResult } from '../support/results';
import { meterCpu } from '../support/process-cpu';
import { elapsedMs, ratio, round } from '../support/stats';
import { kafkaBrokerPid } from '../support/kafka';

export interface AppendOptions {
  events: number;
  appendsPerTransaction: number;
  writers: number;
}

const APPEND_GOAL = 20_000;
const RELAY_GOAL = 10_000;
const RELAY_BATCH = 500; // runProcessor's default batch size, which the relay uses
const PARTITIONS = 3; // KAFKA_TOPIC_PARTITIONS' default

/** The store the append suite filled, reused by the relay suite in the same run. */
let filled: { db: BenchDatabase; events: number } | null = null;

export async function appendSuite(options: AppendOptions, log: (line: string) => void): Promise<Omit<SuiteResult, 'elapsedS'>> {
  const appends = importAppends(options.events, 2);
  const db = await createDatabase('append');
  const pool = db.pool(options.writers);
  await migrateEventStore(pool);
  const store = new PostgresEventStore(pool);
  const t = process.hrtime.bigint();
  const storeCpu = await meterCpu([process.pid], [db.name], () => bulkAppend(store, pool, appends, options));
  const storeS = elapsedMs(t) / 1000;
  const storeRate = round(options.events / storeS, 0);
  log(`event store: ${options.events} events in ${round(storeS)} s = ${storeRate}/s`);
  filled = { db, events: options.events };

  const { result: baselineS, ...baselineCpu } = await multiRowInsertBaseline(appends, options);
  const baselineRate = round(options.events / baselineS, 0);
  log(`baseline multi-row INSERT: ${round(baselineS)} s = ${baselineRate}/s`);
  const figure: Figure = {
    name: `bulk append ${options.events} events`,
    unit: 'events/s',
    value: storeRate,
    baselineName: 'multi-row INSERT of the same rows into a plain table',
    baseline: baselineRate,
    ratio: ratio(storeRate, baselineRate),
    goal: `≥ ${APPEND_GOAL.toLocaleString('en-US')} events/s`,
    goalMet: storeRate >= APPEND_GOAL,
    details: { storeSeconds: round(storeS), baselineSeconds: round(baselineS), ...options },
  };
  // The batch path the registry import uses: appendNewStreams, one statement for a whole batch of new streams.
  const batchDb = await createDatabase('append_batch');
  const batchPool = batchDb.pool(options.writers);
  await migrateEventStore(batchPool);
  const batchStore = new PostgresEventStore(batchPool);
  const tb = process.hrtime.bigint();
  const batchCpu = await meterCpu([process.pid], [batchDb.name], () => bulkAppendNewStreams(batchStore, appends, options));
  const batchS = elapsedMs(tb) / 1000;
  const batchRate = round(options.events / batchS, 0);
  log(`event store appendNewStreams: ${options.events} events in ${round(batchS)} s = ${batchRate}/s`);
  const batchFigure: Figure = {
    name: `bulk append ${options.events} events via appendNewStreams`,
    unit: 'events/s',
    value: batchRate,
    baselineName: 'multi-row INSERT of the same rows into a plain table',
    baseline: baselineRate,
    ratio: ratio(batchRate, baselineRate),
    goal: `≥ ${APPEND_GOAL.toLocaleString('en-US')} events/s`,
    goalMet: batchRate >= APPEND_GOAL,
    details: { seconds: round(batchS), cpuMsPerEvent: round((batchCpu.processMs + batchCpu.databaseMs) / options.events, 4), postgresMsPerEvent: round(batchCpu.databaseMs / options.events, 4) },
  };
  const perEvent = (cpu: { processMs: number; databaseMs: number }) => round((cpu.processMs + cpu.databaseMs) / options.events, 4);
  log(`CPU per event: appendNewStreams ${perEvent(batchCpu)} ms; store ${perEvent(storeCpu)} ms (${round(storeCpu.databaseMs / options.events, 4)} in PostgreSQL), baseline ${perEvent(baselineCpu)} ms`);
  const cpuFigure: Figure = {
    name: 'bulk append CPU per event (client + PostgreSQL)',
    unit: 'ms',
    value: perEvent(storeCpu),
    baselineName: 'CPU per row of the multi-row INSERT',
    baseline: perEvent(baselineCpu),
    ratio: ratio(perEvent(storeCpu), perEvent(baselineCpu)),
    details: { store: { clientMs: storeCpu.processMs, postgresMs: storeCpu.databaseMs }, baseline: { clientMs: baselineCpu.processMs, postgresMs: baselineCpu.databaseMs } },
  };
  return {
    suite: 'append',
    figures: [figure, cpuFigure, batchFigure],
    notes: [
      `Registry-import shape: ${options.events / 2} members, each a MemberRegistered (with ~170 characters of base64 ciphertext) in its own stream and a MemberJoinedClub in another, so one event per append. ` +
        `PostgresEventStore.append (ishc_append_events, expected version no_stream) ${options.appendsPerTransaction} appends per transaction, ${options.writers} writers in parallel.`,
      `The third figure sends the same streams through PostgresEventStore.appendNewStreams (one statement per ${options.appendsPerTransaction} new streams, the registry import's path), ${options.writers} writers, into another fresh database.`,
      `Baseline: the same rows (same event ids, JSON data and metadata) by INSERT … SELECT FROM unnest(…) of ${options.appendsPerTransaction} rows per statement into a table with the events table's columns and no index or constraint, ${options.writers} writers.`,
    ],
  };
}

async function multiRowInsertBaseline(appends: StreamAppend[], options: AppendOptions): Promise<{ result: number; processMs: number; databaseMs: number }> {
  const db = await createDatabase('append_baseline');
  const pool: Pool = db.pool(options.writers);
  await pool.query(`CREATE TABLE plain_events (global_position bigserial, stream_id text, stream_type text, stream_version bigint, event_id uuid, type text,
    schema_version int, data jsonb, metadata jsonb, recorded_at timestamptz DEFAULT now())`);
  const rows = appends.map((a) => {
    const e = a.events[0];
    const metadata = { ...e.metadata, eventId: e.eventId, causationId: null, traceparent: null, schemaVersion: 1 };
    return [a.streamId, a.streamType, e.eventId, e.type, JSON.stringify(e.data), JSON.stringify(metadata)];
  });
  let next = 0;
  const writer = async () => {
    for (;;) {
      const start = next;
      next += options.appendsPerTransaction;
      if (start >= rows.length) return;
      const batch = rows.slice(start, start + options.appendsPerTransaction);
      const column = (i: number) => batch.map((r) => r[i]);
      await pool.query(
        `INSERT INTO plain_events (stream_id, stream_type, stream_version, event_id, type, schema_version, data, metadata)
         SELECT s, st, 1, e, ty, 1, d, m FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[]) AS u (s, st, e, ty, d, m)`,
        [column(0), column(1), column(2), column(3), column(4), column(5)],
      );
    }
  };
  return meterCpu([process.pid], [db.name], async () => {
    const t = process.hrtime.bigint();
    await Promise.all(Array.from({ length: options.writers }, writer));
    return elapsedMs(t) / 1000;
  });
}

export async function relaySuite(fallback: AppendOptions, log: (line: string) => void): Promise<Omit<SuiteResult, 'elapsedS'>> {
  if (!filled) {
    log(`no store from the append suite: filling one with ${fallback.events} events`);
    await appendSuite(fallback, () => undefined);
  }
  const { db, events } = filled as { db: BenchDatabase; events: number };
  const pool = db.pool(4);
  const store = new PostgresEventStore(pool);
  const head = await store.headPosition();
  const namespace = runNamespace('relay');

  // The relay: the transport's publisher, exactly as registry's process starts it.
  const transport = createKafkaTransport({
    brokers: KAFKA_BROKERS,
    clientId: 'bench-relay',
    namespace,
    partitions: PARTITIONS,
    relay: { batchSize: RELAY_BATCH },
  });
  let relayS: number;
  let relayCpu: { processMs: number; databaseMs: number };
  const brokerPids = kafkaBrokerPid() ? [kafkaBrokerPid() as number] : [];
  try {
    const started = process.hrtime.bigint();
    const publisher = await transport.startPublisher('registry', store);
    const setupMs = elapsedMs(started);
    const t = process.hrtime.bigint();
    const checkpoints = new CheckpointStore();
    relayCpu = await meterCpu([process.pid, ...brokerPids], [db.name], async () => {
      for (;;) {
        const at = await checkpoints.read(pool, RELAY_PROCESSOR_ID, 'all');
        if (comparePositions(at, head) >= 0) return;
        if (elapsedMs(t) > 600_000) throw new Error('the relay did not finish within 10 minutes');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });
    relayS = elapsedMs(t) / 1000;
    log(`relay: ${events} events in ${round(relayS)} s (after ${round(setupMs)} ms of topic and producer setup)`);
    await publisher.stop();
  } finally {
    await transport.close();
    const topic = eventsTopic('registry', namespace);
    await deleteTopics([topic, deadLetterTopic(topic)]);
  }
  const relayRate = round(events / relayS, 0);

  const messages = await allMessages(store);
  const { result: baselineS, ...baselineCpu } = await meterCpu([process.pid, ...brokerPids], [], () => kafkajsBaseline(messages, `${namespace}baseline`));
  const baselineRate = round(events / baselineS, 0);
  log(`baseline kafkajs: ${round(baselineS)} s = ${baselineRate}/s`);
  const figure: Figure = {
    name: `relay PostgreSQL → Kafka, ${events} events`,
    unit: 'events/s',
    value: relayRate,
    baselineName: 'kafkajs sending the same messages alone',
    baseline: baselineRate,
    ratio: ratio(relayRate, baselineRate),
    goal: `≥ ${RELAY_GOAL.toLocaleString('en-US')} events/s and ≥ 0.5 × the kafkajs baseline`,
    goalMet: relayRate >= RELAY_GOAL && relayRate >= 0.5 * baselineRate,
    details: { relaySeconds: round(relayS), baselineSeconds: round(baselineS) },
  };
  const perEvent = (cpu: { processMs: number; databaseMs: number }) => round((cpu.processMs + cpu.databaseMs) / events, 4);
  log(`CPU per event: relay ${perEvent(relayCpu)} ms (${round(relayCpu.databaseMs / events, 4)} in PostgreSQL), kafkajs alone ${perEvent(baselineCpu)} ms`);
  const cpuFigure: Figure = {
    name: `relay CPU per event (relay process + ${brokerPids.length ? 'Kafka broker + ' : ''}PostgreSQL)`,
    unit: 'ms',
    value: perEvent(relayCpu),
    baselineName: `CPU per message of kafkajs alone (${brokerPids.length ? 'client + broker' : 'client'})`,
    baseline: perEvent(baselineCpu),
    ratio: ratio(perEvent(relayCpu), perEvent(baselineCpu)),
    details: { relay: relayCpu, baseline: baselineCpu },
  };
  return {
    suite: 'relay',
    figures: [figure, cpuFigure],
    notes: [
      `The relay is createKafkaTransport(…).startPublisher('registry', store) of libs/messaging (idempotent producer, one request in flight, acks = all, batches of ${RELAY_BATCH}, ${PARTITIONS} partitions, topics of this run's own namespace). ` +
        'Timed from startPublisher resolving (topic and producer ready) until its checkpoint reached the store head (polled every 50 ms).',
      `Baseline: a kafkajs producer with the same settings sends the same messages (toKafkaMessage of each recorded event, built beforehand) in the same ${RELAY_BATCH}-message batches, one send at a time, to a fresh topic of ${PARTITIONS} partitions.`,
    ],
  };
}

async function allMessages(store: PostgresEventStore): Promise<Message[]> {
  const messages: Message[] = [];
  let after = START;
  for (;;) {
    const batch: RecordedEvent[] = await store.readAll({ after, limit: 5_000 });
    if (batch.length === 0) return messages;
    for (const event of batch) messages.push(toKafkaMessage(event));
    const last = batch[batch.length - 1];
    after = { transactionId: last.transactionId, globalPosition: last.globalPosition };
  }
}

async function kafkajsBaseline(messages: Message[], topic: string): Promise<number> {
  const kafka = new Kafka({ brokers: KAFKA_BROKERS, clientId: 'bench-baseline', logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS, replicationFactor: 1 }], waitForLeaders: true });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    const t = process.hrtime.bigint();
    for (let i = 0; i < messages.length; i += RELAY_BATCH) {
      await producer.send({ topic, messages: messages.slice(i, i + RELAY_BATCH), acks: -1 });
    }
    return elapsedMs(t) / 1000;
  } finally {
    await producer.disconnect();
    await admin.disconnect();
    await deleteTopics([topic]);
  }
}

/** This run's topics go when measured: the broker is shared with the test suites. */
async function deleteTopics(topics: string[]): Promise<void> {
  const admin = new Kafka({ brokers: KAFKA_BROKERS, clientId: 'bench-cleanup', logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  await admin.deleteTopics({ topics }).catch(() => undefined);
  await admin.disconnect();
}
