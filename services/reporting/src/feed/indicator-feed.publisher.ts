import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock, PG_POOL, PLATFORM_CONFIG, PLATFORM_ENV, ServiceConfig } from '@ishc/platform';
import { Pool } from 'pg';
import { INDICATOR_FEED_TOPIC } from './domain/indicator-snapshot';
import { migrateFeedTable } from './feed.table';
import { IndicatorFeed } from './indicator-feed';
import { KafkaSnapshotSink } from './kafka-snapshot-sink';

export const FEED_VARIABLE = 'REPORTING_FEED';
export const FEED_FROM_VARIABLE = 'REPORTING_FEED_FROM';
const PASS_EVERY_MS = 5_000;

/**
 * `REPORTING_FEED`: off by default (a pass recomputes every unit and month, which a small machine feels
 * while data flows in); `true` turns it on where there is Kafka (stack and compose modes).
 */
export function feedEnabled(env: NodeJS.ProcessEnv, config: ServiceConfig): boolean {
  const raw = env[FEED_VARIABLE]?.trim().toLowerCase();
  if (raw === undefined || raw === '' || raw === 'false' || raw === '0') return false;
  if (raw !== 'true' && raw !== '1') throw new Error(`${FEED_VARIABLE}: must be true or false`);
  if (config.kafka === null) throw new Error(`${FEED_VARIABLE}: the feed needs Kafka (TRANSPORT=kafka, KAFKA_BROKERS)`);
  return true;
}

/**
 * Runs the public feed `ishc.public.indicators.v1` (docs/integration.md) in the background: a pass every
 * 5 s, which does nothing unless the projections moved (or the day changed). One pass at a time; a
 * failed pass is logged and tried again at the next tick.
 */
@Injectable()
export class IndicatorFeedPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IndicatorFeedPublisher.name);
  private timer: NodeJS.Timeout | null = null;
  private sink: KafkaSnapshotSink | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(PLATFORM_CONFIG) private readonly config: ServiceConfig,
    @Inject(PLATFORM_ENV) private readonly env: NodeJS.ProcessEnv,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!feedEnabled(this.env, this.config) || !this.config.kafka) return;
    await migrateFeedTable(this.pool);
    this.sink = new KafkaSnapshotSink(this.config.kafka.brokers, `${this.config.kafka.namespace}${INDICATOR_FEED_TOPIC}`);
    const fromMonth = this.env[FEED_FROM_VARIABLE]?.trim() || '2021-01';
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(fromMonth)) throw new Error(`${FEED_FROM_VARIABLE}: must be a month, YYYY-MM`);
    const feed = new IndicatorFeed(this.pool, this.sink, { fromMonth });
    this.timer = setInterval(() => {
      // One pass at a time: a tick during a pass is skipped.
      if (this.running) return;
      this.running = feed
        .publishChanged(this.clock.today())
        .then((published) => published > 0 && this.logger.log(`feed: ${published} snapshot(s) published`))
        .catch((error: Error) => this.logger.warn(`feed pass failed: ${error.message}; retrying`))
        .finally(() => (this.running = null));
    }, PASS_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
    await this.sink?.close();
  }
}
