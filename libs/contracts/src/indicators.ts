/** Indicator codes of ISHC.md §6 that the platform computes so far. */
export const INDICATOR_CODES = ['communes_with_club_pct', 'clubs_active'] as const;
export type IndicatorCode = (typeof INDICATOR_CODES)[number];
