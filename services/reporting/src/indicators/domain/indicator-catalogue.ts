/**
 * Every indicator ISHC.md §6 defines (and the breakdowns of members_active), whether or not reporting
 * computes it yet: a plan may set a target on any of them (the Trà Cú plan of 2021 does), and the
 * target shows as soon as the indicator is computed.
 */
export const ISHC_INDICATOR_CODES = [
  'communes_with_club_pct',
  'clubs_active',
  'clubs_new',
  'members_active',
  'members_active_women',
  'members_active_older',
  'members_active_young',
  'members_active_ethnic_minority',
  'members_active_disadvantaged',
  'members_new_clubs',
  'elderly_members_new_clubs',
  'clubs_new_priority_area',
  'clubs_size_compliant_pct',
  'clubs_women_share_compliant_pct',
  'clubs_elderly_share_compliant_pct',
  'clubs_young_share_compliant_pct',
  'clubs_composition_compliant_pct',
  'clubs_full_activities_pct',
  'clubs_well_managed_pct',
  'clubs_full_activities_well_managed_pct',
  'clubs_with_both_funds_pct',
  'members_with_loan_pct',
  'income_fund_capital_vnd',
  'loans_outstanding_vnd',
  'par30_pct',
  'elderly_health_checked_pct',
  'home_care_beneficiaries',
] as const;
export type IshcIndicatorCode = (typeof ISHC_INDICATOR_CODES)[number];
