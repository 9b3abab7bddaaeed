import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConsumerProgress, EventTransport, RunningConsumer } from '@ishc/messaging';
import { ConflictError, EVENT_TRANSPORT, HealthRegistry, PG_POOL, PLATFORM_CONFIG, ServiceConfig } from '@ishc/platform';
import { Pool, PoolClient } from 'pg';
import { PROJECTED_SOURCES, ProjectionConsumer } from '../projections/projection-consumer';
import { migrateReportingSchema } from '../projections/reporting-schema';
import { GenerationRecord, generationTable } from '../read-model/generation.table';
import { ReadModelGeneration } from '../read-model/read-model-generation';
import { KafkaConsumerGroups } from './kafka-consumer-groups';
import { deleteConsumerRows, retiredConsumers } from './retired-consumers';
import { dropGeneration, switchOver } from './switch-over';

/** Held (session-level, on one connection) for as long as a rebuild runs, in whichever process. */
const REBUILD_LOCK = 'ishc:reporting-rebuild';
/** The hand-over starts once the rebuilt generation is this close to the sources' heads. */
const CAUGHT_UP_EVENTS = 500;
const CATCH_UP_POLL_MS = 250;
/** How long the hand-over may wait for the rebuilt generation's last steps; the live one is paused meanwhile. */
const HAND_OVER_TIMEOUT_MS = 60_000;

export interface RebuildView extends GenerationRecord {
  /** While it builds: how far its consumer has got in each source (and partition), with what is left. */
  progress: ConsumerProgress[] | null;
}

/**
 * Rebuilds every projection from position zero into a new generation of the read models, beside the one
 * that serves, then switches over: the service stays ready and answers throughout (docs/operations.md).
 */
@Injectable()
export class ReadModelRebuilds implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Rebuild');
  private building: { generation: ReadModelGeneration; consumer: RunningConsumer | null; finished: Promise<void> } | null = null;
  private stopping = false;
  /** Retired consumers' groups live in Kafka; the embedded transport keeps nothing outside our database. */
  private readonly retiredGroups: KafkaConsumerGroups | null;
  private forgetting: Promise<void> = Promise.resolve();

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_TRANSPORT) private readonly transport: EventTransport,
    @Inject(PLATFORM_CONFIG) config: ServiceConfig,
    private readonly projections: ProjectionConsumer,
    private readonly health: HealthRegistry,
  ) {
    this.retiredGroups = transport.kind === 'kafka' && config.kafka ? new KafkaConsumerGroups(config.kafka.brokers, config.kafka.namespace) : null;
  }

  /**
   * Cleans up after a rebuild whose process stopped, drops what an earlier switch-over could not, and
   * finishes removing retired consumers' leftovers (in the background: it needs no lock, and Kafka may be slow).
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.underRebuildLock(async () => {
      await generationTable.abandonAllBuilding(this.pool);
      await this.dropOldGenerations();
    }).catch((error: unknown) => {
      if (!(error instanceof ConflictError)) throw error;
    });
    this.forgetting = this.forgetRetiredConsumers();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.all([this.building?.finished, this.forgetting]);
  }

  /** Starts a rebuild and answers its generation at once; it goes on in the background. 409 if one runs, or if events are missing. */
  async start(): Promise<GenerationRecord> {
    // From position zero means from offset 0 on Kafka: a topic that has lost messages would make a
    // rebuild that silently misses them.
    const missing = await this.transport.missingHistory(PROJECTED_SOURCES);
    if (missing.length > 0) {
      throw new ConflictError(
        `The transport no longer holds every event (${missing.join('; ')}): republish the producers' events first (docs/operations.md, "Replay and rebuild").`,
      );
    }
    const lock = await this.takeRebuildLock();
    try {
      await generationTable.abandonAllBuilding(this.pool);
      const record = await generationTable.startNext(this.pool);
      if (!record) throw new ConflictError('A rebuild of the read models is already running.');
      const building = { generation: record, consumer: null as RunningConsumer | null, finished: Promise.resolve() };
      building.finished = this.build(building).finally(() => this.releaseRebuildLock(lock));
      this.building = building;
      return record;
    } catch (error) {
      await this.releaseRebuildLock(lock);
      throw error;
    }
  }

  async list(): Promise<GenerationRecord[]> {
    return generationTable.list(this.pool);
  }

  async find(number: number): Promise<RebuildView | null> {
    const record = await generationTable.find(this.pool, number);
    if (!record) return null;
    const consumer = this.building?.generation.number === number ? this.building.consumer : null;
    return { ...record, progress: record.state === 'building' && consumer ? await consumer.status() : null };
  }

  private async build(building: { generation: ReadModelGeneration; consumer: RunningConsumer | null }): Promise<void> {
    const { generation } = building;
    const ended = this.health.beginRebuild('reporting-read-models', { servesMeanwhile: true });
    this.logger.log({ generation: generation.number }, 'rebuilding the read models from position zero beside the serving ones');
    try {
      await migrateReportingSchema(this.pool, generation);
      building.consumer = await this.projections.startRebuild(generation);
      await this.waitForCatchUp(building.consumer);
      await this.projections.handOver({ generation, consumer: building.consumer }, () => switchOver(this.pool, generation), HAND_OVER_TIMEOUT_MS);
      building.consumer = null;
      this.logger.log({ generation: generation.number }, 'switched over to the rebuilt read models');
      await this.dropOldGenerations();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.error({ generation: generation.number, err: error }, 'rebuild abandoned: the serving read models stay active');
      if (building.consumer) await this.projections.stopRebuild(building.consumer);
      await generationTable.abandon(this.pool, generation.number, reason).catch(() => undefined);
      await this.dropOldGenerations().catch(() => undefined);
    } finally {
      ended();
    }
    await this.forgetRetiredConsumers();
  }

  private async waitForCatchUp(consumer: RunningConsumer): Promise<void> {
    for (;;) {
      if (this.stopping) throw new Error('the service is stopping');
      const progress = await consumer.status();
      const left = progress.reduce((sum, p) => sum + (p.lag ?? Number.POSITIVE_INFINITY), 0);
      if (left <= CAUGHT_UP_EVENTS) return;
      await new Promise((resolve) => setTimeout(resolve, CATCH_UP_POLL_MS));
    }
  }

  private async dropOldGenerations(): Promise<void> {
    for (const generation of await generationTable.undropped(this.pool)) {
      if (!(await dropGeneration(this.pool, generation))) {
        this.logger.warn({ generation: generation.number }, 'a read still used the old read models: their tables are dropped at the next start');
      }
    }
  }

  /**
   * Removes what the transport keeps for the consumers of retired or abandoned generations whose tables
   * are dropped: their checkpoint or inbox rows, and on Kafka their consumer group. Nothing reads them any
   * more. Never throws: whatever is left (a group with members, a failure) goes at the next start or rebuild.
   */
  private async forgetRetiredConsumers(): Promise<void> {
    try {
      const consumers = await retiredConsumers(this.pool);
      await deleteConsumerRows(this.pool, consumers);
      const kept = (await this.retiredGroups?.delete(consumers)) ?? [];
      if (kept.length > 0) this.logger.warn({ consumers: kept }, 'a retired consumer group still has members: it is deleted at the next start or rebuild');
    } catch (error) {
      this.logger.warn({ err: error }, "the retired consumers' leftovers stay until the next start or rebuild");
    }
  }

  private async underRebuildLock(work: () => Promise<void>): Promise<void> {
    const lock = await this.takeRebuildLock();
    try {
      await work();
    } finally {
      await this.releaseRebuildLock(lock);
    }
  }

  private async takeRebuildLock(): Promise<PoolClient> {
    const client = await this.pool.connect();
    try {
      const r = await client.query<{ taken: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS taken', [REBUILD_LOCK]);
      if (r.rows[0].taken) return client;
    } catch (error) {
      client.release();
      throw error;
    }
    client.release();
    throw new ConflictError('A rebuild of the read models is already running.');
  }

  private async releaseRebuildLock(client: PoolClient): Promise<void> {
    try {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [REBUILD_LOCK]);
      client.release();
    } catch (error) {
      // A connection that may still hold the lock must not go back to the pool.
      client.release(error as Error);
    }
  }
}
