import { DynamicModule, Global, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ServiceName } from '@ishc/contracts';
import { createLogger, enableDefaultMetrics, httpLoggerOptions, metricsRegistry } from '@ishc/observability';
import { LoggerModule } from 'nestjs-pino';
import { DestinationStream } from 'pino';
import { Registry } from 'prom-client';
import { AuthGuard } from './auth/auth.guard';
import { ScopeChecker } from './auth/org-unit-scope';
import { ServiceConfig, loadServiceConfig } from './config/service-config';
import { WriteTracker } from './consistency/write-tracker';
import { PgPoolCloser, pgPoolProvider } from './database/pg-pool.provider';
import { UnitOfWork } from './database/unit-of-work';
import { ProblemDetailsFilter } from './errors/problem-details.filter';
import { DatabaseHealth } from './health/database-health';
import { HealthController } from './health/health.controller';
import { HealthRegistry } from './health/health-registry';
import { IdempotencyMigration } from './idempotency/idempotency-migration';
import { TraceAttributesInterceptor } from './http/trace-attributes.interceptor';
import { WriteInterceptor } from './idempotency/write.interceptor';
import { MetricsController } from './metrics/metrics.controller';
import { METRICS_REGISTRY, PG_POOL, PLATFORM_CONFIG, PLATFORM_ENV } from './tokens';

export interface PlatformModuleOptions {
  /** The environment to read (default `process.env`); tests pass their database URL and secret. */
  env?: NodeJS.ProcessEnv;
  /** Default: the process-wide registry of @ishc/observability. */
  metricsRegistry?: Registry;
  /** Where log lines go (default stdout). */
  logDestination?: DestinationStream;
}

/**
 * Everything a service's Nest app shares, as one global module: validated config (PLATFORM_CONFIG),
 * the pg Pool of its own database (PG_POOL), UnitOfWork, WriteTracker, ScopeChecker, HealthRegistry,
 * the metrics registry (METRICS_REGISTRY), the pino logger, and the global auth guard, problem-details
 * filter and write interceptor; plus the health and metrics routes. createServiceApp adds it to the
 * service's module: a service module does not import it itself.
 */
@Global()
@Module({})
export class PlatformModule {
  static forService(service: ServiceName, options: PlatformModuleOptions = {}): DynamicModule {
    const registry = options.metricsRegistry ?? metricsRegistry;
    return {
      module: PlatformModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [PLATFORM_CONFIG],
          useFactory: (config: ServiceConfig) => ({
            pinoHttp: httpLoggerOptions(createLogger({ service, level: config.logLevel, destination: options.logDestination })),
            // Express 5 / path-to-regexp 8 wildcard syntax (nestjs-pino's default `*` makes Nest warn at start).
            forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          }),
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: PLATFORM_ENV, useValue: options.env ?? process.env },
        { provide: PLATFORM_CONFIG, useFactory: () => loadServiceConfig(service, options.env ?? process.env) },
        {
          provide: METRICS_REGISTRY,
          useFactory: () => {
            enableDefaultMetrics(service, registry);
            return registry;
          },
        },
        pgPoolProvider,
        PgPoolCloser,
        UnitOfWork,
        WriteTracker,
        ScopeChecker,
        HealthRegistry,
        DatabaseHealth,
        IdempotencyMigration,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_INTERCEPTOR, useClass: TraceAttributesInterceptor },
        { provide: APP_INTERCEPTOR, useClass: WriteInterceptor },
      ],
      exports: [PLATFORM_ENV, PLATFORM_CONFIG, METRICS_REGISTRY, PG_POOL, UnitOfWork, WriteTracker, ScopeChecker, HealthRegistry],
    };
  }
}
