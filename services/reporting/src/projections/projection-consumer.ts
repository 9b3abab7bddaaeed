import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConsumerProgress, EventTransport, IncomingEvent, RunningConsumer, ServiceName } from '@ishc/messaging';
import { EVENT_TRANSPORT, PG_POOL } from '@ishc/platform';
import { Pool, PoolClient } from 'pg';
import { generationTable } from '../read-model/generation.table';
import { PROJECTIONS_CONSUMER, ReadModelGeneration } from '../read-model/read-model-generation';
import { writingInto } from '../read-model/writing-into';
import { projectActivitiesEvents } from './activities.projection';
import { projectMicrofinanceEvents } from './microfinance.projection';
import { bumpProjectionVersion } from './projection-version';
import { projectRegistryEvents } from './registry.projection';
import { ReportingSchema } from './reporting-schema.provider';

export { PROJECTIONS_CONSUMER };

/** The services whose events reporting projects. */
export const PROJECTED_SOURCES: ServiceName[] = ['registry', 'microfinance', 'activities'];

/** A batch holds the events of one source: each source has its projection. */
function projectBatch(events: readonly IncomingEvent[], client: PoolClient): Promise<void> {
  switch (events[0]?.source) {
    case 'microfinance':
      return projectMicrofinanceEvents(events, client);
    case 'activities':
      return projectActivitiesEvents(events, client);
    default:
      return projectRegistryEvents(events, client);
  }
}

/** While the live consumer hands over to a rebuilt generation's, reads with a token wait a poll or two. */
const NOT_YET: Pick<RunningConsumer, 'isProcessed'> = { isProcessed: async () => false };

/**
 * Runs the projections of the active read-model generation as one consumer of the transport: each
 * batch's read-model changes commit with the consumer's checkpoint or inbox, so a crash never loses or
 * doubles an event. A rebuild (rebuild/) runs a second one into the next generation and then hands over.
 */
@Injectable()
export class ProjectionConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private live: { generation: ReadModelGeneration; consumer: RunningConsumer } | null = null;
  private handingOver = false;
  private readonly rebuilding = new Set<RunningConsumer>();

  constructor(
    @Inject(EVENT_TRANSPORT) private readonly transport: EventTransport,
    @Inject(PG_POOL) private readonly pool: Pool,
    // Declared so the schema exists before the consumer starts.
    readonly _schema: ReportingSchema,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const generation = await generationTable.active(this.pool);
    this.live = { generation, consumer: await this.consume(generation) };
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.live?.consumer.stop(), ...[...this.rebuilding].map((consumer) => consumer.stop())]);
  }

  /** The active generation's consumer, as read-your-writes and /status see it (across a hand-over). */
  running(): RunningConsumer {
    return {
      isProcessed: (source, position) => (this.handingOver ? NOT_YET : this.liveConsumer()).isProcessed(source, position),
      status: () => this.liveConsumer().status(),
      stop: () => this.liveConsumer().stop(),
    };
  }

  /** The generation the live consumer projects into (the active one). */
  liveGeneration(): ReadModelGeneration {
    return (this.live ?? notStarted()).generation;
  }

  /** A rebuild's consumer: projects every source from position zero into `generation`'s tables. */
  async startRebuild(generation: ReadModelGeneration): Promise<RunningConsumer> {
    const consumer = await this.consume(generation);
    this.rebuilding.add(consumer);
    return consumer;
  }

  async stopRebuild(consumer: RunningConsumer): Promise<void> {
    this.rebuilding.delete(consumer);
    await consumer.stop();
  }

  /**
   * The switch-over: stops the live consumer, waits until `successor` has applied everything the live
   * one had, then lets `activate` commit the new generation as active and makes `successor` the live
   * consumer. Meanwhile reads with a consistency token wait (the live one no longer advances); reads
   * without one answer from the old generation until `activate` commits, from the new one after. On any
   * failure the old generation stays active and its consumer starts again.
   */
  async handOver(successor: { generation: ReadModelGeneration; consumer: RunningConsumer }, activate: () => Promise<void>, timeoutMs: number): Promise<void> {
    const live = this.live ?? notStarted();
    this.handingOver = true;
    try {
      await live.consumer.stop();
      await waitUntilReached(successor.consumer, await live.consumer.status(), timeoutMs);
      await activate();
      this.rebuilding.delete(successor.consumer);
      this.live = successor;
    } catch (error) {
      this.live = { generation: live.generation, consumer: await this.consume(live.generation) };
      throw error;
    } finally {
      this.handingOver = false;
    }
  }

  private consume(generation: ReadModelGeneration): Promise<RunningConsumer> {
    return this.transport.startConsumer({
      name: generation.consumer,
      sources: PROJECTED_SOURCES,
      target: this.pool,
      // A batch holds the events of one source.
      handle: (events, client) =>
        writingInto(client, generation, async () => {
          await projectBatch(events, client);
          // Same transaction: the indicator cache keys on it (projection-version.ts).
          if (events.length > 0) await bumpProjectionVersion(client, events[0].source);
        }),
    });
  }

  private liveConsumer(): RunningConsumer {
    return (this.live ?? notStarted()).consumer;
  }
}

/** Until `consumer` has applied, from each source, at least what `reached` says another consumer had. */
async function waitUntilReached(consumer: RunningConsumer, reached: ConsumerProgress[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const { source, position } of reached) {
    if (position === null) continue;
    while (!(await consumer.isProcessed(source, position))) {
      if (Date.now() > deadline) throw new Error(`the rebuilt generation has not reached ${source}'s position of the live one in time`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

function notStarted(): never {
  throw new Error('the projection consumer has not started yet');
}
