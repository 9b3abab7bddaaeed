import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventTransport, IncomingEvent, RunningConsumer, ServiceName } from '@ishc/messaging';
import { EVENT_TRANSPORT, PG_POOL } from '@ishc/platform';
import { Pool, PoolClient } from 'pg';
import { projectActivitiesEvents } from './activities.projection';
import { projectMicrofinanceEvents } from './microfinance.projection';
import { bumpProjectionVersion } from './projection-version';
import { projectRegistryEvents } from './registry.projection';
import { ReportingSchema } from './reporting-schema.provider';

/** The consumer name: its checkpoint (embedded) or consumer group and inbox key (Kafka). */
export const PROJECTIONS_CONSUMER = 'reporting-projections';

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

/**
 * Runs the projections as one consumer of the transport: each batch's read-model changes commit with
 * the consumer's checkpoint or inbox, so a crash never loses or doubles an event.
 */
@Injectable()
export class ProjectionConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer: RunningConsumer | null = null;

  constructor(
    @Inject(EVENT_TRANSPORT) private readonly transport: EventTransport,
    @Inject(PG_POOL) private readonly pool: Pool,
    // Declared so the schema exists before the consumer starts.
    readonly _schema: ReportingSchema,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.transport.startConsumer({
      name: PROJECTIONS_CONSUMER,
      sources: PROJECTED_SOURCES,
      target: this.pool,
      // A batch holds the events of one source.
      handle: async (events, client) => {
        await projectBatch(events, client);
        // Same transaction: the indicator cache keys on it (projection-version.ts).
        if (events.length > 0) await bumpProjectionVersion(client, events[0].source);
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }

  running(): RunningConsumer {
    if (!this.consumer) throw new Error('the projection consumer has not started yet');
    return this.consumer;
  }
}
