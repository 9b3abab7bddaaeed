// The one contract every transport passes (DESIGN §5): order per stream across partitions, nothing lost,
// redelivery after a crash with no effect applied twice, and — where there is a relay and a dead-letter
// topic — a relay crash that duplicates messages, and a poison message that does not block the others.
// Effects are real rows in the consumer's database (effect-ledger.ts); every wait is a bounded poll.
import { randomBytes, randomUUID } from 'node:crypto';
import { deadLetterTopic, eventsTopic } from '@ishc/contracts';
import { type Position, PostgresEventStore, START } from '@ishc/event-store';
import { createHarnessDatabase } from './harness-database';
import type { TestDatabase } from './test-fixtures';
import type { EventTransport, RunningConsumer, ServiceName, TransportTracing } from '../transport.port';
import { type CrashingPool, type CrashPoint, createCrashingPool } from './crashing-pool';
import { countApplied, createEffectLedger, expectAppliedExactlyOnceInOrder, ledgerHandler, readLedger } from './effect-ledger';
import { appendStreams, CONTRACT_STREAM_TYPE, createProducer, type ProducerDatabase, streamId } from './producer-streams';
import { waitFor, within } from './wait-for';

/** What the suite needs from a broker, for the scenarios only a brokered transport has. */
export interface BrokerProbe {
  /** Where `topic` ends now. */
  mark(topic: string): Promise<TopicMark>;
  /** Messages added to the topic since `mark` that `match`, once there are at least `atLeast` of them. */
  messagesSince(mark: TopicMark, match: (message: ProbedMessage) => boolean, atLeast: number, timeoutMs: number): Promise<ProbedMessage[]>;
  /** Resolves once consumer group `groupId` has committed offsets up to the topic's current end. */
  waitUntilConsumed(groupId: string, topic: string, timeoutMs: number): Promise<void>;
}

export interface TopicMark {
  topic: string;
  offsets: Array<{ partition: number; offset: string }>;
}

export interface ProbedMessage {
  key: string | null;
  headers: Record<string, string>;
}

export interface TransportFixture {
  kind: EventTransport['kind'];
  /** A transport as one process creates it. The embedded adapter reads `sources` directly. */
  createTransport(options: { sources: Partial<Record<ServiceName, PostgresEventStore>>; tracing?: TransportTracing }): EventTransport;
  /** True when one source is split into several ordered partitions (Kafka), so ordering is per stream only. */
  spreadsStreamsOverPartitions: boolean;
  /** Present for brokered transports: enables the relay-crash and dead-letter scenarios. */
  broker?: BrokerProbe;
}

const TEST_TIMEOUT_MS = 180_000;
const WAIT_MS = 120_000;
const NEVER_WRITTEN: Position = { transactionId: '999999999999', globalPosition: '999999999999' };

export function transportContract(fixture: TransportFixture): void {
  let scene: Scene;
  beforeEach(() => {
    scene = new Scene(fixture);
  });
  afterEach(() => scene.tearDown(), TEST_TIMEOUT_MS);

  it(
    'applies every event exactly once, in order per stream, across partitions and sources (2,000 events over 50 streams)',
    async () => {
      const registry = await scene.producer('registry');
      const activities = await scene.producer('activities');
      const target = await scene.consumerDatabase();
      const transport = scene.transport();
      await transport.startPublisher('registry', registry.store);
      await transport.startPublisher('activities', activities.store);
      const name = scene.consumerName('all');
      const consumer = await transport.startConsumer({ name, sources: ['registry', 'activities'], target: target.pool, handle: ledgerHandler(scene.prefix), batchSize: 100 });

      const [fromRegistry, fromActivities] = await Promise.all([
        appendStreams(registry, { prefix: scene.prefix, streams: 50, eventsPerStream: 40 }),
        appendStreams(activities, { prefix: scene.prefix, streams: 5, eventsPerStream: 20 }),
      ]);
      await scene.settle(consumer, name, { registry: fromRegistry.last, activities: fromActivities.last });

      expectAppliedExactlyOnceInOrder(await readLedger(target.pool), [...fromRegistry.events, ...fromActivities.events]);
      expect(await consumer.isProcessed('registry', NEVER_WRITTEN)).toBe(false);

      const status = await consumer.status();
      expect(new Set(status.map((s) => s.source))).toEqual(new Set(['registry', 'activities']));
      for (const entry of status) {
        expect(entry.lag === null || entry.lag >= 0).toBe(true);
        if (entry.position) expect(await consumer.isProcessed(entry.source, entry.position)).toBe(true);
      }
      const registryPartitionsUsed = status.filter((s) => s.source === 'registry' && s.position !== null).length;
      if (fixture.spreadsStreamsOverPartitions) expect(registryPartitionsUsed).toBeGreaterThan(1);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'isProcessed(position) holds only once every earlier event of that source is applied, on any partition (read-your-writes)',
    async () => {
      const registry = await scene.producer('registry');
      const target = await scene.consumerDatabase();
      const transport = scene.transport();
      const name = scene.consumerName('through');
      // The first stream's event is held back until the checks below are done.
      const held = streamId(scene.prefix, 0);
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const ledger = ledgerHandler(scene.prefix);
      const consumer = await transport.startConsumer({
        name,
        sources: ['registry'],
        target: target.pool,
        handle: async (events, client) => {
          if (events.some((e) => e.streamId === held)) await gate;
          await ledger(events, client);
        },
      });

      const appendOne = async (n: number) =>
        (await registry.store.append(streamId(scene.prefix, n), CONTRACT_STREAM_TYPE, [{ type: 'Counted', eventId: randomUUID(), data: { n: 1 }, metadata: {} }], { expectedVersion: 'no_stream' }))
          .lastPosition;
      await appendOne(0);
      const later = new Map<string, Position>();
      for (let n = 1; n <= 12; n++) later.set(streamId(scene.prefix, n), await appendOne(n));
      const last = [...later.values()][later.size - 1];
      // Published after the appends, so one fetch brings every partition's events at once.
      await transport.startPublisher('registry', registry.store);

      if (fixture.spreadsStreamsOverPartitions) {
        // Later events on other partitions get applied while the held one waits; none may count as processed.
        const appliedLater = await waitFor('a later stream to be applied on another partition', async () => (await readLedger(target.pool)).rows.filter((r) => later.has(r.streamId)), (rows) => rows.length > 0, WAIT_MS);
        for (const row of appliedLater) expect(await consumer.isProcessed('registry', later.get(row.streamId) as Position)).toBe(false);
      }
      expect(await consumer.isProcessed('registry', last)).toBe(false);
      release();
      await waitFor('the last event to count as processed', () => consumer.isProcessed('registry', last), Boolean, WAIT_MS);
      expect((await readLedger(target.pool)).rows.map((r) => r.streamId)).toContain(held);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'rolls back a handler that fails midway through a batch and delivers the batch again: nothing applied twice, nothing lost',
    async () => {
      const registry = await scene.producer('registry');
      const target = await scene.consumerDatabase();
      const transport = scene.transport();
      const name = scene.consumerName('fail-once');
      const failAt = { streamId: streamId(scene.prefix, 3), streamVersion: 17 };
      let deliveriesOfFailing = 0;
      const consumer = await transport.startConsumer({
        name,
        sources: ['registry'],
        target: target.pool,
        handle: ledgerHandler(scene.prefix, {
          beforeApply(event) {
            if (event.streamId !== failAt.streamId || event.streamVersion !== failAt.streamVersion) return;
            deliveriesOfFailing += 1;
            if (deliveriesOfFailing === 1) throw new Error('the handler failed midway, once');
          },
        }),
      });

      // Published after the appends, so the consumer gets them in large batches.
      const appended = await appendStreams(registry, { prefix: scene.prefix, streams: 10, eventsPerStream: 30 });
      await transport.startPublisher('registry', registry.store);
      await scene.settle(consumer, name, { registry: appended.last });

      expectAppliedExactlyOnceInOrder(await readLedger(target.pool), appended.events);
      expect(deliveriesOfFailing).toBeGreaterThanOrEqual(2);
    },
    TEST_TIMEOUT_MS,
  );

  // After the commit: the effect is in, the adapter's record of progress outside the database (Kafka
  // offsets) is not, so the batch comes again. Before it: nothing is in, and nothing may be skipped.
  it.each([
    ['right after committing a batch, before recording its progress elsewhere', 'after-commit'],
    ['while committing a batch (the transaction never commits)', 'before-commit'],
  ] as const)(
    'replaces a consumer that died %s: nothing applied twice, nothing lost',
    async (_when, point: CrashPoint) => {
      const registry = await scene.producer('registry');
      const target = await scene.consumerDatabase();
      const name = scene.consumerName(`crash-${point}`);
      const transportA = scene.transport();
      await transportA.startPublisher('registry', registry.store);
      const crash = scene.crashingPool(target.url, point);
      let applying = 0;
      const consumerA = await transportA.startConsumer({
        name,
        sources: ['registry'],
        target: crash.pool,
        batchSize: 50,
        handle: ledgerHandler(scene.prefix, {
          beforeApply() {
            if (++applying === 150) crash.arm(); // this batch's COMMIT is the last thing A does
          },
        }),
      });
      scene.onCrashed(consumerA, crash);

      const appended = await appendStreams(registry, { prefix: scene.prefix, streams: 12, eventsPerStream: 50 });
      await within('consumer A to crash', crash.crashed, WAIT_MS);
      await crash.kill();
      const appliedByA = await countApplied(target.pool);
      expect(appliedByA).toBeLessThan(appended.events.length);
      if (point === 'after-commit') expect(appliedByA).toBeGreaterThan(0);

      const transportB = scene.transport();
      const consumerB = await transportB.startConsumer({ name, sources: ['registry'], target: target.pool, batchSize: 50, handle: ledgerHandler(scene.prefix) });
      await scene.settle(consumerB, name, { registry: appended.last });

      expectAppliedExactlyOnceInOrder(await readLedger(target.pool), appended.events);
    },
    TEST_TIMEOUT_MS,
  );

  const broker = fixture.broker;
  if (!broker) return;

  it(
    'applies each effect once when a relay crashed after publishing but before its checkpoint, so the topic holds every event twice',
    async () => {
      const registry = await scene.producer('registry');
      const target = await scene.consumerDatabase();
      const name = scene.consumerName('relay-crash');
      const consumer = await scene.transport().startConsumer({ name, sources: ['registry'], target: target.pool, handle: ledgerHandler(scene.prefix) });
      const mark = await broker.mark(eventsTopic('registry'));
      const appended = await appendStreams(registry, { prefix: scene.prefix, streams: 10, eventsPerStream: 30 });
      // Relay A must publish all 300 in one batch, so that the crash loses the checkpoint of every one of them.
      // On a shared server another session's open transaction can hide the newest appends from a gap-safe read
      // for a while, and A would then publish (and checkpoint) a first part on its own: wait until all are readable.
      const ours = new Set(appended.events.map((e) => e.eventId));
      await waitFor(
        'the appended events to be readable below the xmin horizon',
        () => registry.store.readAll({ after: START, limit: 1_000 }),
        (events) => events.filter((e) => ours.has(e.eventId)).length === ours.size,
        WAIT_MS,
      );

      const crash = scene.crashingPool(registry.db.url, 'before-commit');
      let published = 0;
      const relayTransportA = scene.transport({
        onPublish(event) {
          if (event.streamId.startsWith(`${scene.prefix}-`) && ++published === appended.events.length) crash.arm();
        },
      });
      const relayA = await relayTransportA.startPublisher('registry', new PostgresEventStore(crash.pool));
      scene.onCrashed(relayA, crash);
      await within('relay A to crash', crash.crashed, WAIT_MS);
      await crash.kill();
      await scene.transport().startPublisher('registry', registry.store);

      const copies = await broker.messagesSince(mark, (m) => ours.has(m.headers['ishc-event-id'] ?? ''), 2 * ours.size, WAIT_MS);
      const copiesPerEvent = new Map<string, number>();
      for (const m of copies) copiesPerEvent.set(m.headers['ishc-event-id'] ?? '', (copiesPerEvent.get(m.headers['ishc-event-id'] ?? '') ?? 0) + 1);
      expect(new Set(copiesPerEvent.values())).toEqual(new Set([2]));

      await scene.settle(consumer, name, { registry: appended.last });
      expectAppliedExactlyOnceInOrder(await readLedger(target.pool), appended.events);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'parks a poison message on the dead-letter topic with its error, and applies the others',
    async () => {
      const registry = await scene.producer('registry');
      const target = await scene.consumerDatabase();
      const name = scene.consumerName('poison');
      const parked: string[] = [];
      const transport = scene.transport({ onDeadLetter: (consumer, topic) => void parked.push(`${consumer} ${topic}`) });
      const consumer = await transport.startConsumer({ name, sources: ['registry'], target: target.pool, handle: ledgerHandler(scene.prefix) });
      const mark = await broker.mark(deadLetterTopic(eventsTopic('registry')));
      const appended = await appendStreams(registry, { prefix: scene.prefix, streams: 10, eventsPerStream: 20, poison: [{ stream: 4, version: 5 }] });
      await transport.startPublisher('registry', registry.store);

      const poison = appended.events.filter((e) => e.poison);
      expect(poison).toHaveLength(1);
      const [letter] = await broker.messagesSince(mark, (m) => m.headers['ishc-event-id'] === poison[0]?.eventId, 1, WAIT_MS);
      expect(letter?.key).toBe(streamId(scene.prefix, 4));
      expect(letter?.headers).toMatchObject({ 'ishc-dlq-error-type': 'PoisonEventError', 'ishc-dlq-consumer': name, 'ishc-dlq-topic': eventsTopic('registry') });
      expect(letter?.headers['ishc-dlq-error-message']).toContain('cannot be applied');

      await scene.settle(consumer, name, { registry: appended.last });
      expectAppliedExactlyOnceInOrder(
        await readLedger(target.pool),
        appended.events.filter((e) => !e.poison),
      );
      // The hook behind ishc_dead_letters_total heard of it once.
      expect(parked).toEqual([`${name} ${eventsTopic('registry')}`]);
    },
    TEST_TIMEOUT_MS,
  );
}

/** One test's world: producers, consumer databases, transports and crashed instances, all torn down after. */
class Scene {
  readonly prefix = `c${randomBytes(5).toString('hex')}`;
  private readonly producers = new Map<ServiceName, ProducerDatabase>();
  private readonly databases: TestDatabase[] = [];
  private readonly transports: EventTransport[] = [];
  private readonly crashed: Array<{ instance: { stop(): Promise<void> }; crash: CrashingPool }> = [];

  constructor(private readonly fixture: TransportFixture) {}

  async producer(service: ServiceName): Promise<ProducerDatabase> {
    const producer = await createProducer(service);
    this.track(producer.db);
    this.producers.set(service, producer);
    return producer;
  }

  async consumerDatabase(): Promise<TestDatabase> {
    const db = await createHarnessDatabase('msg_consumer');
    this.track(db);
    await createEffectLedger(db.pool);
    return db;
  }

  /** A transport as a new process would create it; create the producers first (embedded reads them). */
  transport(tracing?: TransportTracing): EventTransport {
    const sources = Object.fromEntries([...this.producers].map(([service, p]) => [service, p.store]));
    const transport = this.fixture.createTransport({ sources, tracing });
    this.transports.push(transport);
    return transport;
  }

  /** Unique per test: Kafka topics are shared by every run, consumer groups must not be. */
  consumerName(label: string): string {
    return `contract-${label}-${this.prefix}`;
  }

  crashingPool(url: string, point: CrashPoint): CrashingPool {
    return createCrashingPool(url, point);
  }

  onCrashed(instance: { stop(): Promise<void> }, crash: CrashingPool): void {
    this.crashed.push({ instance, crash });
  }

  /** Waits until the consumer has applied everything up to `last` and, on a broker, consumed its topics to the end. */
  async settle(consumer: RunningConsumer, name: string, last: Partial<Record<ServiceName, Position>>): Promise<void> {
    for (const [source, position] of Object.entries(last) as Array<[ServiceName, Position]>) {
      await waitFor(`${name} to apply ${source} up to ${JSON.stringify(position)}`, () => consumer.isProcessed(source, position), Boolean, WAIT_MS).catch(async (error: Error) => {
        const status = await consumer.status().catch((e: Error) => e.message);
        throw new Error(`${error.message}\nconsumer status: ${JSON.stringify(status)}`);
      });
      await this.fixture.broker?.waitUntilConsumed(name, eventsTopic(source), WAIT_MS);
    }
  }

  async tearDown(): Promise<void> {
    // Stop the dead first (so they neither retry nor rejoin), then fail what they were frozen on.
    const stoppingDead = this.crashed.map(({ instance }) => instance.stop().catch(() => undefined));
    this.crashed.forEach(({ crash }) => crash.release());
    await within('stopping crashed instances', Promise.all(stoppingDead), 60_000);
    await within('closing transports', Promise.all(this.transports.map((t) => t.close())), 60_000);
    await Promise.all(this.crashed.map(({ crash }) => crash.pool.end().catch(() => undefined)));
    await Promise.all(this.databases.map((db) => db.drop()));
  }

  private track(db: TestDatabase): void {
    this.databases.push(db);
  }
}
