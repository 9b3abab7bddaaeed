import { BeforeApplicationShutdown, Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { projectionRebuilding } from '@ishc/observability';
import { Registry } from 'prom-client';
import { METRICS_REGISTRY } from '../tokens';

/** A readiness check: resolves when the dependency is usable, throws (or times out) when not. */
export type HealthCheck = () => Promise<void>;

export type CheckStatus = 'up' | 'down';

export interface ReadinessReport {
  status: 'ok' | 'unavailable';
  checks: Record<string, { status: CheckStatus }>;
}

export const HEALTH_CHECK_TIMEOUT_MS = 3000;

/**
 * The checks behind `/health/ready`. The platform registers `database`; services add theirs (the
 * transport, a cache) with `register('kafka', check)`. A failure's reason goes to the log, not to the
 * response, which the gateway exposes publicly.
 */
@Injectable()
export class HealthRegistry implements BeforeApplicationShutdown {
  private readonly checks = new Map<string, HealthCheck>();
  /** Conditions that make the service unready whatever its checks say (a rebuild, shutting down). */
  private readonly holds = new Set<string>();
  private readonly logger = new Logger('Health');

  constructor(@Optional() @Inject(METRICS_REGISTRY) private readonly registry?: Registry) {}

  register(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
  }

  names(): string[] {
    return [...this.checks.keys()];
  }

  /**
   * The hook for a projection rebuild. In place (the default), the service reports not ready (check
   * `rebuild:<projection>` down) until the returned function is called, so the gateway and load
   * balancers send no reads to a read model that is being rebuilt. Beside the serving one
   * (`servesMeanwhile`, as reporting's generations do), it stays ready. Either way the gauge
   * `ishc_projection_rebuilding{projection}` is 1 meanwhile.
   */
  beginRebuild(projection: string, options: { servesMeanwhile?: boolean } = {}): () => void {
    const hold = `rebuild:${projection}`;
    if (!options.servesMeanwhile) this.holds.add(hold);
    const gauge = this.registry ? projectionRebuilding(this.registry) : undefined;
    gauge?.set({ projection }, 1);
    this.logger.log({ projection }, options.servesMeanwhile ? 'projection rebuild started beside the serving read model' : 'projection rebuild started: not ready until it ends');
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.holds.delete(hold);
      gauge?.set({ projection }, 0);
      this.logger.log({ projection }, 'projection rebuild ended');
    };
  }

  /** On SIGTERM, before the HTTP server stops accepting: readiness turns 503 so traffic drains away. */
  beforeApplicationShutdown(): void {
    this.holds.add('shutting_down');
  }

  async readiness(): Promise<ReadinessReport> {
    const held: [string, { status: CheckStatus }][] = [...this.holds].map((hold) => [hold, { status: 'down' }]);
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]): Promise<[string, { status: CheckStatus }]> => {
        try {
          await withTimeout(check(), HEALTH_CHECK_TIMEOUT_MS);
          return [name, { status: 'up' }];
        } catch (error) {
          this.logger.warn({ check: name, err: error }, 'readiness check failed');
          return [name, { status: 'down' }];
        }
      }),
    );
    const checks = Object.fromEntries([...entries, ...held]);
    const ready = held.length === 0 && entries.every(([, result]) => result.status === 'up');
    return { status: ready ? 'ok' : 'unavailable', checks };
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
