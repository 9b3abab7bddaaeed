import { NestExpressApplication } from '@nestjs/platform-express';
import { TestDatabase, createTestDatabase } from '@ishc/testing';
import { DestinationStream } from 'pino';
import { Registry } from 'prom-client';
import { Role } from '../auth/actor';
import { signDevToken } from '../auth/access-token';
import { createServiceApp } from '../create-service-app';
import { WIDGETS_TABLE, WidgetsModule } from './widgets.test-module';

export const TEST_SECRET = 'test-secret-of-at-least-32-characters!';

export interface TestApp {
  app: NestExpressApplication;
  db: TestDatabase;
  token(roles?: Role[], scope?: string[], sub?: string): Promise<string>;
  close(): Promise<void>;
}

/** The widgets service on a fresh database, as createServiceApp builds it (not listening). */
export async function startTestApp(env: NodeJS.ProcessEnv = {}, logDestination?: DestinationStream): Promise<TestApp> {
  const db = await createTestDatabase('platform');
  await db.pool.query(WIDGETS_TABLE);
  const app = await createServiceApp({
    service: 'registry',
    module: WidgetsModule,
    env: { REGISTRY_DATABASE_URL: db.url, JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'silent', ...env },
    bodyLimit: '2kb',
    metricsRegistry: new Registry(),
    logDestination,
  });
  return {
    app,
    db,
    token: (roles = ['commune_officer'], scope = ['001'], sub = 'user-1') => signDevToken({ sub, roles, scope }, TEST_SECRET, '5m'),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
