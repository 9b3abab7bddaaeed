import { IsoDate } from '@ishc/contracts';

/** The public feed's topic (before any KAFKA_NAMESPACE prefix). A new major version is a new topic. */
export const INDICATOR_FEED_TOPIC = 'ishc.public.indicators.v1';

/** One org unit's figures for one month: the state on the month's last day (today for the current month). */
export interface IndicatorSnapshotV1 {
  schema: typeof INDICATOR_FEED_TOPIC;
  orgUnit: string;
  orgUnitName: string;
  level: string;
  /** `YYYY-MM` */
  month: string;
  asOf: IsoDate;
  /** The commune-level units the figures cover. */
  scope: string[];
  indicators: Array<{ code: string; value: number | null; numerator: number; denominator: number | null }>;
  /** 1 for the first snapshot of this unit and month, +1 each time its figures change. */
  revision: number;
}

/** The JSON schema of a message's value (docs/integration.md). */
export const INDICATOR_SNAPSHOT_SCHEMA_V1 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'urn:ishc:schema:ishc.public.indicators.v1',
  title: 'ISHC indicator snapshot of one org unit for one month',
  type: 'object',
  required: ['schema', 'orgUnit', 'orgUnitName', 'level', 'month', 'asOf', 'scope', 'indicators', 'revision'],
  additionalProperties: false,
  properties: {
    schema: { const: INDICATOR_FEED_TOPIC },
    orgUnit: { type: 'string' },
    orgUnitName: { type: 'string' },
    level: { enum: ['country', 'province', 'district', 'commune'] },
    month: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
    asOf: { type: 'string', format: 'date' },
    scope: { type: 'array', items: { type: 'string' } },
    indicators: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'value', 'numerator', 'denominator'],
        additionalProperties: false,
        properties: {
          code: { type: 'string' },
          value: { type: ['number', 'null'] },
          numerator: { type: 'number' },
          denominator: { type: ['number', 'null'] },
        },
      },
    },
    revision: { type: 'integer', minimum: 1 },
  },
} as const;

/** The months from `from` (`YYYY-MM`) to the month of `today`, inclusive. */
export function feedMonths(from: string, today: IsoDate): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number);
  const [lastYear, lastMonth] = today.split('-').map(Number);
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month++;
    if (month > 12) {
      year++;
      month = 1;
    }
  }
  return months;
}

/** The day a month's snapshot stands for: its last day, or today while the month is running. */
export function snapshotDay(month: string, today: IsoDate): IsoDate {
  const [year, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
  return last < today ? last : today;
}
