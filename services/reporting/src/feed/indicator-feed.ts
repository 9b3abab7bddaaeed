import { IsoDate } from '@ishc/contracts';
import { createHash } from 'node:crypto';
import { Pool } from 'pg';
import { factsByPart, indicatorsOf } from '../indicators/domain/indicators-of';
import { DEFAULT_PLAN_PARAMETERS } from '../indicators/domain/plan-parameters';
import { readIndicatorFacts } from '../indicators/indicator-facts.query';
import { readProjectionVersion } from '../projections/projection-version';
import { IndicatorSnapshotV1, INDICATOR_FEED_TOPIC, feedMonths, snapshotDay } from './domain/indicator-snapshot';
import { readFeedScopes } from './feed-scopes.query';
import { feedTable } from './feed.table';

/** Where snapshots go (Kafka in production; anything with the same shape in a test). */
export interface SnapshotSink {
  /** Resolves once every message is durably accepted (so the hash may then be recorded). */
  send(messages: Array<{ key: string; value: string }>): Promise<void>;
}

export interface IndicatorFeedOptions {
  /** The first month published (`YYYY-MM`). */
  fromMonth: string;
}

/**
 * The public feed: for every org unit (country to commune) valid in a month, the month's figures as of
 * its last day (today for the running month). A pass computes them all in one snapshot of the read
 * models, publishes those whose figures changed since last published (with the next revision), then
 * records what it published. Delivery is at least once: a crash between the two repeats a revision,
 * which consumers drop by (orgUnit, month, revision). A pass runs only when the projections moved.
 *
 * A month's facts are read once, for the widest scope, and each unit's figures computed from its part of
 * them by the function GET /indicators answers through (indicatorsOf), as the breakdown does: a pass
 * costs a fixed number of statements per month, not per unit and month (the country has ~10,000 units).
 * No plan: the defaults of ISHC.md (docs/integration.md).
 */
export class IndicatorFeed {
  private lastVersion: string | null = null;

  constructor(
    private readonly pool: Pool,
    private readonly sink: SnapshotSink,
    private readonly options: IndicatorFeedOptions,
  ) {}

  /** Answers how many snapshots were published. */
  async publishChanged(today: IsoDate): Promise<number> {
    const client = await this.pool.connect();
    let snapshots: IndicatorSnapshotV1[] = [];
    let hashes: string[] = [];
    let version: string;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      version = `${await readProjectionVersion(client)}@${today}`;
      if (version === this.lastVersion) {
        await client.query('COMMIT');
        return 0;
      }
      const published = await feedTable.published(client);
      for (const month of feedMonths(this.options.fromMonth, today)) {
        const asOf = snapshotDay(month, today);
        const { units, widest } = await readFeedScopes(client, asOf);
        const factsOf = factsByPart(await readIndicatorFacts(client, widest, asOf, DEFAULT_PLAN_PARAMETERS));
        for (const { scope, ...unit } of units) {
          const indicators = indicatorsOf(scope, factsOf(scope), asOf, DEFAULT_PLAN_PARAMETERS).map(({ code, value, numerator, denominator }) => ({
            code,
            value,
            numerator,
            denominator,
          }));
          const hash = createHash('sha256').update(JSON.stringify([scope.communes, indicators])).digest('hex');
          const before = published.get(`${unit.code}/${month}`);
          if (before?.hash === hash) continue;
          snapshots.push({
            schema: INDICATOR_FEED_TOPIC,
            orgUnit: unit.code,
            orgUnitName: unit.name,
            level: unit.level,
            month,
            asOf,
            scope: [...scope.communes],
            indicators,
            revision: (before?.revision ?? 0) + 1,
          });
          hashes.push(hash);
        }
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      snapshots = [];
      hashes = [];
      throw error;
    } finally {
      client.release();
    }
    if (snapshots.length > 0) {
      await this.sink.send(snapshots.map((s) => ({ key: `${s.orgUnit}/${s.month}`, value: JSON.stringify(s) })));
      for (const [i, s] of snapshots.entries()) await feedTable.record(this.pool, s.orgUnit, s.month, hashes[i], s.revision);
    }
    // Only once published and recorded: a failed pass is tried again.
    this.lastVersion = version;
    return snapshots.length;
  }
}
