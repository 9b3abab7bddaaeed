import { INestApplication } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { ConfigError } from './config/config-error';
import { loadServiceConfig } from './config/service-config';
import { ServiceAppOptions, createServiceApp } from './create-service-app';
import { listenOrExit } from './http/listen';

export interface BootstrapOptions extends Omit<ServiceAppOptions, 'env'> {
  /** Overrides `<SERVICE>_PORT`. */
  port?: number;
}

function exitWith(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/**
 * A service's `main.ts` entry: validates the environment (a bad one stops the process with one line
 * naming every bad variable), builds the app (createServiceApp) and listens on its port.
 */
export async function bootstrapService(options: BootstrapOptions): Promise<INestApplication> {
  const { service } = options;
  let port: number;
  try {
    port = options.port ?? loadServiceConfig(service).port;
  } catch (error) {
    if (error instanceof ConfigError) exitWith(`${service}: ${error.message}`);
    throw error;
  }
  let app: INestApplication;
  try {
    app = await createServiceApp(options);
  } catch (error) {
    const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
    exitWith(`${service}: cannot start: ${reason}`);
  }
  await listenOrExit(app, service, port);
  app.get(Logger).log(`${service} listening on port ${port}`, 'Bootstrap');
  return app;
}
