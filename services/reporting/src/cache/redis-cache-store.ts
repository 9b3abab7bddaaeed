import Redis from 'ioredis';
import { CacheStore } from './cache-store';

/** The cache in Redis (REDIS_URL). Fails fast when Redis is away: the caller then computes the answer. */
export class RedisCacheStore implements CacheStore {
  readonly kind = 'redis';
  private readonly redis: Redis;

  constructor(url: string) {
    this.redis = new Redis(url, { lazyConnect: false, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000 });
    // Connection errors are retried by ioredis and surface as failed commands; an unheard 'error' would end the process.
    this.redis.on('error', () => undefined);
  }

  get(key: string): Promise<string | null> {
    return this.redis.get(key);
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(key, value, 'EX', ttlSeconds);
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
