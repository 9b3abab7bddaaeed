import { IndicatorValue, count, percentage } from './indicator-value';

/** The facts of ISHC.md §6 that coverage needs, already restricted to unit U and date T. */
export interface CoverageFacts {
  /** `communes(U,T)`: commune-level units under U valid on T. */
  communes: readonly string[];
  /** `clubs(U,T)`: clubs active on T, with their commune on T. */
  clubs: ReadonlyArray<{ clubId: string; communeCode: string }>;
}

/** `clubs_active` and `communes_with_club_pct`, exactly as ISHC.md §6 defines them. */
export function coverageIndicators(facts: CoverageFacts): IndicatorValue[] {
  const communes = new Set(facts.communes);
  const communesWithClub = new Set(facts.clubs.map((c) => c.communeCode).filter((code) => communes.has(code)));
  return [percentage('communes_with_club_pct', communesWithClub.size, communes.size), count('clubs_active', facts.clubs.length)];
}
