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
  'clubs_new',
  'members_new_clubs',
  'elderly_members_new_clubs',
  'clubs_new_priority_area',
  'clubs_size_compliant_pct',
  'clubs_women_share_compliant_pct',
  'clubs_elderly_share_compliant_pct',
  'clubs_young_share_compliant_pct',
  'clubs_composition_compliant_pct',
  // Activities (services/reporting/src/indicators/domain/activity-indicators.ts).
  'clubs_full_activities_pct',
  'clubs_well_managed_meetings_pct',
  'elderly_health_checked_pct',
  'home_care_beneficiaries',
  // Well managed in full (activity meetings, both funds, volunteers' roles): well-managed-indicators.ts.
  'clubs_well_managed_pct',
  'clubs_full_activities_well_managed_pct',
  // Loans (services/reporting/src/indicators/domain/loan-indicators.ts).
  'members_with_loan_pct',
  'loans_outstanding_vnd',
  'par30_pct',
] as const;
export type IndicatorCode = (typeof INDICATOR_CODES)[number];
