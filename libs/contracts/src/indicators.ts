/** Indicator codes of ISHC.md §6 that the platform computes so far. */
export const INDICATOR_CODES = [
  'communes_with_club_pct',
  'clubs_active',
  'clubs_with_both_funds_pct',
  'income_fund_capital_vnd',
  'members_active',
  'members_active_women',
  'members_active_older',
  'members_active_young',
  'members_active_ethnic_minority',
  'members_active_disadvantaged',
] as const;
export type IndicatorCode = (typeof INDICATOR_CODES)[number];
