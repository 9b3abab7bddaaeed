/** Levels of the administrative hierarchy, from the top. A hamlet is optional under a commune. */
export const ORG_UNIT_LEVELS = ['country', 'province', 'district', 'commune', 'hamlet'] as const;
export type OrgUnitLevel = (typeof ORG_UNIT_LEVELS)[number];

export function levelRank(level: OrgUnitLevel): number {
  return ORG_UNIT_LEVELS.indexOf(level);
}

export interface OrgUnitAttributes {
  ethnicMinorityArea?: boolean;
  especiallyDifficult?: boolean;
}

/** An ISO calendar date, `YYYY-MM-DD`. Dates compare correctly as strings. */
export type IsoDate = string;
