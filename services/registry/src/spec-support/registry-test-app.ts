import { NestExpressApplication } from '@nestjs/platform-express';
import { Role, createServiceApp, signDevToken } from '@ishc/platform';
import { TestDatabase, createTestDatabase } from '@ishc/testing';
import { Registry } from 'prom-client';
import { RegistryModule } from '../app.module';

export const TEST_SECRET = 'registry-test-secret-of-32-characters-at-least';

export interface RegistryTestApp {
  app: NestExpressApplication;
  db: TestDatabase;
  token(roles?: Role[], scope?: string[]): Promise<string>;
  close(): Promise<void>;
}

export interface StartRegistryOptions {
  /** Import the built-in reference data on start (default false: most suites build their own hierarchy). */
  referenceData?: boolean;
}

/** The registry service on a fresh database, built exactly as main.ts builds it (but not listening). */
export async function startRegistry(options: StartRegistryOptions = {}): Promise<RegistryTestApp> {
  const db = await createTestDatabase('registry');
  const app = await createServiceApp({
    service: 'registry',
    module: RegistryModule,
    env: {
      REGISTRY_DATABASE_URL: db.url,
      JWT_SECRET: TEST_SECRET,
      LOG_LEVEL: 'silent',
      ISHC_MODE: 'embedded',
      TRANSPORT: 'embedded',
      REGISTRY_REFERENCE_DATA: String(options.referenceData ?? false),
    },
    metricsRegistry: new Registry(),
  });
  return {
    app,
    db,
    token: (roles = ['admin'], scope = ['VN']) => signDevToken({ sub: 'officer-1', roles, scope }, TEST_SECRET, '10m'),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
