// `npm run start:stack`: the stack mode on this machine's servers — PostgreSQL (DATABASE_SERVER_URL),
// Kafka (KAFKA_BROKERS; `bash infra/kafka/start.sh`) and Redis (REDIS_URL) — which must already run.
// `npm run start:stack -- --zipkin` (or ISHC_ZIPKIN=true) also starts Zipkin and traces into it.
import { assertPostgresReachable } from '../runtime/external-services';
import { LaunchError } from '../runtime/launch-error';
import { DatabaseProvider, launchPlatform } from '../runtime/launch-platform';
import { STACK_DEFAULTS } from '../runtime/launch-settings';
import { redactedUrl } from '../runtime/postgres-databases';
import { repoRoot } from '../runtime/repo-root';
import { startZipkin, zipkinRequested } from '../runtime/zipkin';

const serverPostgres: DatabaseProvider = {
  portClaims: () => [],

  async prepare({ settings }) {
    const serverUrl = settings.databaseServerUrl ?? STACK_DEFAULTS.databaseServerUrl;
    await assertPostgresReachable(serverUrl);
    return { serverUrl, description: `PostgreSQL server ${redactedUrl(serverUrl)}` };
  },
};

try {
  if (zipkinRequested(process.argv.slice(2), process.env)) {
    startZipkin(repoRoot());
    process.stdout.write(`[launcher] traces go to Zipkin: http://127.0.0.1:${process.env.ZIPKIN_PORT ?? '9411'}/zipkin/\n`);
  }
  launchPlatform('stack', serverPostgres);
} catch (error) {
  if (!(error instanceof LaunchError)) throw error;
  process.stderr.write(`[launcher] ${error.message}\n`);
  process.exit(1);
}
