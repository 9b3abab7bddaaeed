import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, Type } from '@nestjs/common';
import { EventTransport, RunningConsumer, ServiceName } from '@ishc/messaging';
import { EVENT_TRANSPORT, PG_POOL } from '@ishc/platform';
import { Pool, PoolClient } from 'pg';
import { ReplicatedEvent } from './club-and-org-unit-replica';

/** The services whose events a registry replica consumes. */
export const REGISTRY_REPLICA_SOURCES: ServiceName[] = ['registry'];

/** A service's registry-replica consumer, once the application has started it. */
export interface RegistryReplicaConsumer extends OnApplicationBootstrap, OnApplicationShutdown {
  running(): RunningConsumer;
}

export interface RegistryReplicaConsumerOptions {
  /**
   * The consumer name: its checkpoint (embedded) or consumer group and inbox key (Kafka). A service keeps
   * its own; a new name reads the registry's history from the start again.
   */
  name: string;
  /** The provider that creates the replica tables on module init: injected so they exist before the consumer starts. */
  schema: Type<unknown>;
  /** Applies a batch of registry events to the service's replica, in the batch's transaction. */
  replicate(events: readonly ReplicatedEvent[], client: PoolClient): Promise<void>;
}

/**
 * The Nest provider that keeps a service's registry replica (activities, microfinance): each batch's changes
 * commit with the consumer's checkpoint or inbox. One class per service, so each has its own DI token.
 */
export function registryReplicaConsumer(options: RegistryReplicaConsumerOptions): Type<RegistryReplicaConsumer> {
  @Injectable()
  class ServiceRegistryReplicaConsumer implements RegistryReplicaConsumer {
    private consumer: RunningConsumer | null = null;

    constructor(
      @Inject(EVENT_TRANSPORT) private readonly transport: EventTransport,
      @Inject(PG_POOL) private readonly pool: Pool,
      @Inject(options.schema) readonly _schema: unknown,
    ) {}

    async onApplicationBootstrap(): Promise<void> {
      this.consumer = await this.transport.startConsumer({
        name: options.name,
        sources: REGISTRY_REPLICA_SOURCES,
        target: this.pool,
        handle: (events, client) => options.replicate(events, client),
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
  return ServiceRegistryReplicaConsumer;
}
