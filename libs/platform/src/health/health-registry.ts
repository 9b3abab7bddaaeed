import { Injectable, Logger } from '@nestjs/common';

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
export class HealthRegistry {
  private readonly checks = new Map<string, HealthCheck>();
  private readonly logger = new Logger('Health');

  register(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
  }

  names(): string[] {
    return [...this.checks.keys()];
  }

  async readiness(): Promise<ReadinessReport> {
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
    const checks = Object.fromEntries(entries);
    const ready = entries.every(([, result]) => result.status === 'up');
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
