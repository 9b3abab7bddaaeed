import { SERVICE_NAMES } from '@ishc/contracts';

/**
 * OTEL_SERVICE_NAME, else the service whose entry point is running (`…/services/<name>/…main.js`),
 * else `ishc`. The register hook runs before the service names itself, so the path is all it has.
 */
export function resolveServiceName(env: NodeJS.ProcessEnv, entryPoint: string | undefined = process.argv[1]): string {
  const configured = env.OTEL_SERVICE_NAME?.trim();
  if (configured) return configured;
  const fromPath = /[\\/]services[\\/]([a-z][a-z0-9-]*)[\\/]/.exec(entryPoint ?? '')?.[1];
  if (fromPath && (SERVICE_NAMES as readonly string[]).includes(fromPath)) return fromPath;
  if (fromPath === 'gateway') return 'gateway';
  return 'ishc';
}
