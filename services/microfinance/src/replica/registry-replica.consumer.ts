import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventTransport, RunningConsumer, ServiceName } from '@ishc/messaging';
import { EVENT_TRANSPORT, PG_POOL } from '@ishc/platform';
import { Pool } from 'pg';
import { MicrofinanceSchema } from './microfinance-schema.provider';
import { replicateRegistryEvents } from './registry-replica';

/**
 * The consumer name: its checkpoint (embedded) or consumer group and inbox key (Kafka). A new name reads the
 * registry's history from the start again (every statement is an upsert): `-v2` when the replica began to
 * keep memberships, `-v3` when it began to keep their dated roles (the replica shared with activities), so
 * the roles of memberships replicated before then are filled in too.
 */
export const REGISTRY_REPLICA_CONSUMER = 'microfinance-registry-replica-v3';

/** The services whose events microfinance consumes. */
export const REPLICATED_SOURCES: ServiceName[] = ['registry'];

/** Keeps the registry replica: each batch's changes commit with the consumer's checkpoint or inbox. */
@Injectable()
export class RegistryReplicaConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer: RunningConsumer | null = null;

  constructor(
    @Inject(EVENT_TRANSPORT) private readonly transport: EventTransport,
    @Inject(PG_POOL) private readonly pool: Pool,
    // Declared so the replica tables exist before the consumer starts.
    readonly _schema: MicrofinanceSchema,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.transport.startConsumer({
      name: REGISTRY_REPLICA_CONSUMER,
      sources: REPLICATED_SOURCES,
      target: this.pool,
      handle: (events, client) => replicateRegistryEvents(events, client),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }

  running(): RunningConsumer {
    if (!this.consumer) throw new Error('the registry replica consumer has not started yet');
    return this.consumer;
  }
}
