// Stack mode's optional tracing dashboard: `npm run start:stack -- --zipkin` (or ISHC_ZIPKIN=true) starts
// the Zipkin server of infra/zipkin (fetched from Maven Central once; needs Java 17) before the services,
// and sends their spans there unless OTEL_TRACES_EXPORTER says otherwise. Zipkin is left running, like
// Kafka: stop it with `bash infra/zipkin/stop.sh`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { booleanFrom, Env } from './env-values';
import { LaunchError } from './launch-error';

export function zipkinRequested(argv: string[], env: Env): boolean {
  return argv.includes('--zipkin') || booleanFrom(env, 'ISHC_ZIPKIN', false);
}

/** Runs infra/zipkin/start.sh (idempotent) and points the services' exporter at it. */
export function startZipkin(repoRoot: string, env: NodeJS.ProcessEnv = process.env): void {
  const run = spawnSync('bash', [path.join(repoRoot, 'infra/zipkin/start.sh')], { stdio: 'inherit', env });
  if (run.status !== 0) throw new LaunchError('Zipkin did not start (see above); run `bash infra/zipkin/start.sh` to retry, or start without --zipkin.');
  env.OTEL_TRACES_EXPORTER ??= 'zipkin';
  const port = env.ZIPKIN_PORT ?? '9411';
  env.OTEL_EXPORTER_ZIPKIN_ENDPOINT ??= `http://127.0.0.1:${port}/api/v2/spans`;
}
