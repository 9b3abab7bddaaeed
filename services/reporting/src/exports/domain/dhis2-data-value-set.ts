import { ExportSubject } from './export-table';

/** DHIS2's ISO period of a day: yyyyMMdd. */
export const dhis2DailyPeriod = (asOf: string): string => asOf.replace(/-/g, '');

export interface Dhis2DataValue {
  dataElement: string;
  period: string;
  orgUnit: string;
  value: string;
  comment?: string;
}

export interface Dhis2DataValueSet {
  completeDate: string;
  dataValues: Dhis2DataValue[];
}

/**
 * A DHIS2 `dataValueSets` document, identified by codes (import with dataElementIdScheme=CODE and
 * orgUnitIdScheme=CODE): indicator codes as data elements, org-unit codes, daily ISO periods. DHIS2
 * values are strings; values that cannot be computed are left out. The numerator and denominator go in
 * the comment, so a receiving system can recompute an aggregate.
 */
export function toDhis2DataValueSet(subject: ExportSubject): Dhis2DataValueSet {
  const period = dhis2DailyPeriod(subject.asOf);
  return {
    completeDate: subject.asOf,
    dataValues: subject.units.flatMap((unit) =>
      unit.indicators
        .filter((i) => i.value !== null)
        .map((i) => ({
          dataElement: i.code,
          period,
          orgUnit: unit.orgUnit,
          value: String(i.value),
          comment: i.denominator === null ? `numerator=${i.numerator}` : `numerator=${i.numerator};denominator=${i.denominator}`,
        })),
    ),
  };
}
