// `npm run start:stack`: the stack mode on this machine's servers — PostgreSQL (DATABASE_SERVER_URL),
// Kafka (KAFKA_BROKERS; `bash infra/kafka/start.sh`) and Redis (REDIS_URL) — which must already run.
import { assertPostgresReachable } from '../runtime/external-services';
import { DatabaseProvider, launchPlatform } from '../runtime/launch-platform';
import { STACK_DEFAULTS } from '../runtime/launch-settings';
import { redactedUrl } from '../runtime/postgres-databases';

const serverPostgres: DatabaseProvider = {
  portClaims: () => [],

  async prepare({ settings }) {
    const serverUrl = settings.databaseServerUrl ?? STACK_DEFAULTS.databaseServerUrl;
    await assertPostgresReachable(serverUrl);
    return { serverUrl, description: `PostgreSQL server ${redactedUrl(serverUrl)}` };
  },
};

launchPlatform('stack', serverPostgres);
