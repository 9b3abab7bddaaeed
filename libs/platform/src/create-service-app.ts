import { DynamicModule, INestApplication, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { ServiceName } from '@ishc/contracts';
import { Logger } from 'nestjs-pino';
import { DestinationStream } from 'pino';
import { Registry } from 'prom-client';
import { configureBodyParsing } from './http/body-parsing';
import { requestMetricsMiddleware } from './http/request-metrics.middleware';
import { serveOpenApiDocument } from './openapi/openapi';
import { PlatformModule } from './platform.module';
import { METRICS_REGISTRY } from './tokens';

export interface ServiceAppOptions {
  service: ServiceName;
  /** The service's root module. It must not import PlatformModule: this adds it. */
  module: Type<unknown> | DynamicModule;
  /** Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Largest JSON body accepted (default 1mb); larger is a 413. */
  bodyLimit?: string | number;
  metricsRegistry?: Registry;
  logDestination?: DestinationStream;
}

export interface ConfigureServiceAppOptions {
  service: ServiceName;
  bodyLimit?: string | number;
  /** Close the app on SIGTERM/SIGINT (default true). */
  shutdownHooks?: boolean;
}

@Module({})
class ServiceRootModule {}

/** The root module of a service app: the platform, then the service. */
export function serviceRootModule(options: ServiceAppOptions): DynamicModule {
  return {
    module: ServiceRootModule,
    imports: [
      PlatformModule.forService(options.service, {
        env: options.env,
        metricsRegistry: options.metricsRegistry,
        logDestination: options.logDestination,
      }),
      options.module,
    ],
  };
}

/**
 * The app-level half of the platform, for an app whose modules include PlatformModule.forService (as
 * createServiceApp's do, or a test's `Test.createTestingModule(...).createNestApplication({ bodyParser:
 * false })`). Call before `app.init()`.
 */
export function configureServiceApp(app: INestApplication, options: ConfigureServiceAppOptions): void {
  app.useLogger(app.get(Logger));
  // Writes what Nest buffered before the logger existed and detaches the buffer; NestFactory.create
  // does not arrange this itself for HTTP apps, so without it every later Nest log would stay buffered.
  app.flushLogs();
  app.setGlobalPrefix(`api/${options.service}`);
  app.use(requestMetricsMiddleware(app.get(METRICS_REGISTRY)));
  configureBodyParsing(app, options.bodyLimit);
  serveOpenApiDocument(app, options.service);
  if (options.shutdownHooks !== false) app.enableShutdownHooks();
}

/**
 * A service's app, initialised but not listening: what bootstrapService runs, and what API tests drive
 * with supertest (`request(app.getHttpServer())`). CORS stays off: browsers reach services through the
 * gateway's single origin.
 */
export async function createServiceApp(options: ServiceAppOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(serviceRootModule(options), {
    bodyParser: false,
    bufferLogs: true,
    abortOnError: false,
  });
  try {
    configureServiceApp(app, { service: options.service, bodyLimit: options.bodyLimit });
    await app.init();
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}
