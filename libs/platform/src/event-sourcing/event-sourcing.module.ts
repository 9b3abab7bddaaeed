import { DynamicModule, Inject, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ServiceName } from '@ishc/contracts';
import { PostgresEventStore, Upcaster, migrateEventStore } from '@ishc/event-store';
import { EventTransport, createEmbeddedTransport, createKafkaTransport } from '@ishc/messaging';
import { appendDuration } from '@ishc/observability';
import { Pool } from 'pg';
import { Registry } from 'prom-client';
import { ServiceConfig } from '../config/service-config';
import { databaseUrlFor } from '../config/database-url';
import { WriteTracker } from '../consistency/write-tracker';
import { survivingIdleClientErrors } from '../database/pg-pool.provider';
import { HealthRegistry } from '../health/health-registry';
import { METRICS_REGISTRY, PG_POOL, PLATFORM_CONFIG, PLATFORM_ENV } from '../tokens';
import { ConsumerTracker, registerEventSourcingMetrics } from './event-sourcing-metrics';
import { EVENT_STORE, EVENT_TRANSPORT } from './event-sourcing.tokens';
import { transportHooks } from './transport-tracing';

export interface EventSourcingOptions {
  /** Whose events this service consumes (embedded mode opens their event stores read-only). */
  sources?: ServiceName[];
  upcasters?: Upcaster[];
}

const SOURCE_POOLS = Symbol('SOURCE_POOLS');
const SOURCE_STORES = Symbol('SOURCE_STORES');

/** Migrates the event store, publishes this service's events, and closes the transport on shutdown. */
@Injectable()
class EventSourcingLifecycle implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private publisher: { stop(): Promise<void> } | null = null;
  private unregisterMetrics: () => void = () => undefined;

  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: ServiceConfig,
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Inject(EVENT_TRANSPORT) private readonly transport: EventTransport,
    @Inject(SOURCE_POOLS) private readonly sourcePools: Pool[],
    @Inject(SOURCE_STORES) private readonly sourceStores: Partial<Record<ServiceName, PostgresEventStore>>,
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
    private readonly consumers: ConsumerTracker,
    private readonly health: HealthRegistry,
  ) {}

  async onModuleInit(): Promise<void> {
    await migrateEventStore(this.store.pool);
    this.unregisterMetrics = registerEventSourcingMetrics({
      service: this.config.service,
      registry: this.registry,
      store: this.store,
      transport: this.transport,
      consumers: this.consumers,
      sourceStores: this.sourceStores,
    });
    this.health.register('transport', async () => {
      if (!(await this.transport.isReady())) throw new Error(`${this.transport.kind} transport is not ready`);
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.publisher = await this.transport.startPublisher(this.config.service, this.store);
  }

  async onApplicationShutdown(): Promise<void> {
    this.unregisterMetrics();
    await this.publisher?.stop().catch(() => undefined);
    await this.transport.close().catch(() => undefined);
    await Promise.all(this.sourcePools.map((p) => p.end().catch(() => undefined)));
  }
}

/**
 * A service's event sourcing: its own event store (appends report their position to the WriteTracker,
 * which answers with the consistency token) and the transport of its run mode.
 */
@Module({})
export class EventSourcingModule {
  static forService(options: EventSourcingOptions = {}): DynamicModule {
    const sources = options.sources ?? [];
    return {
      module: EventSourcingModule,
      providers: [
        {
          provide: EVENT_STORE,
          inject: [PG_POOL, WriteTracker, METRICS_REGISTRY],
          useFactory: (pool: Pool, writes: WriteTracker, registry: Registry) => {
            const appendLatency = appendDuration(registry);
            return new PostgresEventStore(pool, {
              upcasters: options.upcasters,
              onAppended: (result, timing) => {
                appendLatency.observe({ stream_type: timing.streamType }, timing.durationSeconds);
                writes.recordAppend(result);
              },
            });
          },
        },
        {
          provide: SOURCE_POOLS,
          inject: [PLATFORM_CONFIG, PLATFORM_ENV],
          useFactory: (config: ServiceConfig, env: NodeJS.ProcessEnv) =>
            config.transport === 'embedded'
              ? sources.map((source) =>
                  survivingIdleClientErrors(new Pool({ connectionString: databaseUrlFor(source, env), max: 4, application_name: `${config.service}<-${source}` })),
                )
              : [],
        },
        {
          provide: SOURCE_STORES,
          inject: [SOURCE_POOLS],
          useFactory: (sourcePools: Pool[]): Partial<Record<ServiceName, PostgresEventStore>> =>
            Object.fromEntries(sourcePools.map((pool, i) => [sources[i], new PostgresEventStore(pool, { upcasters: options.upcasters })])),
        },
        ConsumerTracker,
        {
          provide: EVENT_TRANSPORT,
          inject: [PLATFORM_CONFIG, SOURCE_STORES, METRICS_REGISTRY, ConsumerTracker],
          useFactory: (
            config: ServiceConfig,
            stores: Partial<Record<ServiceName, PostgresEventStore>>,
            registry: Registry,
            consumers: ConsumerTracker,
          ): EventTransport => {
            if (config.transport === 'kafka' && config.kafka) {
              return consumers.track(
                createKafkaTransport({
                  brokers: config.kafka.brokers,
                  clientId: `ishc-${config.service}`,
                  partitions: config.kafka.topicPartitions,
                  namespace: config.kafka.namespace,
                  tracing: transportHooks('kafka', registry, consumers),
                }),
              );
            }
            return consumers.track(createEmbeddedTransport({ sources: stores, tracing: transportHooks('embedded', registry, consumers) }));
          },
        },
        EventSourcingLifecycle,
      ],
      exports: [EVENT_STORE, EVENT_TRANSPORT],
    };
  }
}
