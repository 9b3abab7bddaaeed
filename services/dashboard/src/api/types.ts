// The shapes of the public HTTP contract (../shared/domain/API.md) that the dashboard reads. Fields a
// service may not offer yet (plans, targets, breakdowns) are optional: the page degrades without them.

export type IsoDate = string;
export type Level = 'country' | 'province' | 'district' | 'commune' | 'hamlet';
export type TargetOp = '>=' | '>' | '<=' | '<' | '=';

export interface Target {
  op: TargetOp;
  value: number;
}

export interface IndicatorValue {
  code: string;
  value: number | null;
  numerator: number;
  denominator: number | null;
  target?: Target;
  met?: boolean;
}

/** `GET /api/reporting/indicators` */
export interface IndicatorsAnswer {
  orgUnit: string | null;
  asOf: IsoDate;
  plan: string | null;
  scope: string[];
  indicators: IndicatorValue[];
}

/** One row of `GET /api/reporting/indicators/breakdown` (a commune or a club). */
export interface BreakdownRow {
  orgUnit?: string;
  orgUnitName?: string;
  code?: string;
  clubId?: string | null;
  name?: string;
  indicators: IndicatorValue[];
}

export interface IndicatorDefinition {
  code: string;
  names: { vi: string; en: string };
  unit: 'percent' | 'count' | 'vnd';
}

export interface Plan {
  code: string;
  name: string;
  orgUnitCode: string;
  start: IsoDate;
  end: IsoDate;
  elderlyAge?: number;
  targets?: Array<{ indicator: string } & Target>;
}

export interface UnitSummary {
  code: string;
  name: string;
  level: Level;
}

/** `GET /api/registry/org-units/{code}?asOf=` */
export interface OrgUnitView extends UnitSummary {
  validFrom: IsoDate;
  validTo: IsoDate | null;
  status: 'not_yet_valid' | 'valid' | 'ended';
  parent: UnitSummary | null;
  children: UnitSummary[];
  footprint: UnitSummary[] | null;
}

/** `GET /api/registry/clubs?orgUnit=&asOf=` */
export interface Club {
  id: string;
  name: string;
  communeCode: string;
  hamletCode: string | null;
  establishedOn: IsoDate;
  dissolvedOn: IsoDate | null;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
}
