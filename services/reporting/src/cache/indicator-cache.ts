import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { recordCacheLookup } from '@ishc/observability';
import { METRICS_REGISTRY, PLATFORM_CONFIG, ServiceConfig } from '@ishc/platform';
import { Registry } from 'prom-client';
import { createHash } from 'node:crypto';
import { CacheStore, MemoryCacheStore } from './cache-store';
import { RedisCacheStore } from './redis-cache-store';

/** Cached answers expire after a day; the key changes with every projection batch anyway. */
const TTL_SECONDS = 24 * 60 * 60;
const KEY_PREFIX = 'ishc:reporting:answers:v1:';

const lookups = { hits: 0, misses: 0 };

/** Hits and misses of the indicator cache in this process since it started (for a cache-hit-rate metric). */
export function indicatorCacheLookups(): { hits: number; misses: number } {
  return { ...lookups };
}

/**
 * Hot answers (DESIGN §6): keyed by everything the answer depends on, including the projection version
 * read in the same snapshot as the read models (projection-version.ts) and the plan's definition, so
 * an answer is never stale. Redis when REDIS_URL is set, memory otherwise. A cache that fails is skipped.
 */
@Injectable()
export class IndicatorCache implements OnApplicationShutdown {
  private readonly logger = new Logger(IndicatorCache.name);
  readonly store: CacheStore;

  constructor(
    @Inject(PLATFORM_CONFIG) config: ServiceConfig,
    // The service's own registry, served at /metrics as ishc_cache_lookups_total (the cache hit rate).
    @Inject(METRICS_REGISTRY) private readonly metrics: Registry,
  ) {
    this.store = config.redisUrl ? new RedisCacheStore(config.redisUrl) : new MemoryCacheStore();
  }

  static keyOf(parts: Record<string, unknown>): string {
    const canonical = JSON.stringify(Object.keys(parts).sort().map((k) => [k, parts[k]]));
    return KEY_PREFIX + createHash('sha256').update(canonical).digest('hex');
  }

  /** The cached answer, if there is one (a hit is counted; a miss is counted by getOrCompute after). */
  async peek<T>(parts: Record<string, unknown>): Promise<T | null> {
    const cached = await this.store.get(IndicatorCache.keyOf(parts)).catch((error: Error) => this.skip(error));
    if (cached === null) return null;
    lookups.hits++;
    recordCacheLookup('indicators', true, this.metrics);
    return JSON.parse(cached) as T;
  }

  async getOrCompute<T>(parts: Record<string, unknown>, compute: () => Promise<T>): Promise<T> {
    const key = IndicatorCache.keyOf(parts);
    const cached = await this.store.get(key).catch((error: Error) => this.skip(error));
    if (cached !== null) {
      lookups.hits++;
      recordCacheLookup('indicators', true, this.metrics);
      return JSON.parse(cached) as T;
    }
    lookups.misses++;
    recordCacheLookup('indicators', false, this.metrics);
    const answer = await compute();
    await this.store.set(key, JSON.stringify(answer), TTL_SECONDS).catch((error: Error) => this.skip(error));
    return answer;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }

  private skip(error: Error): null {
    this.logger.warn(`indicator cache (${this.store.kind}) skipped: ${error.message}`);
    return null;
  }
}
