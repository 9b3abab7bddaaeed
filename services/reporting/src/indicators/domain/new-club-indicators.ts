import { IsoDate } from '@ishc/contracts';
import { IndicatorValue, count } from './indicator-value';
import { ScopeTally, tallyClubs, tallyOf } from './club-tally';
import { MemberFacts } from './members-on';
import { DEFAULT_PLAN_PARAMETERS, PlanParameters } from './plan-parameters';

/** What the plan-period indicators need of the clubs of `clubs(U,T)`. */
export interface ClubFacts {
  established: ReadonlyArray<{ clubId: string; establishedOn: IsoDate }>;
  /** Commune-level units (as placed on T) flagged ethnic-minority area or especially difficult. */
  priorityCommunes: readonly string[];
}

/**
 * `clubs_new`, `members_new_clubs`, `elderly_members_new_clubs` and `clubs_new_priority_area` (ISHC.md §6):
 * a club is new when established within the plan's period. They exist only for a plan: without one
 * (period null) there is nothing to be new in, so none is given.
 */
export function newClubIndicators(
  clubs: ReadonlyArray<{ clubId: string; communeCode: string }>,
  facts: { clubs: ClubFacts; members: MemberFacts },
  asOf: IsoDate,
  params: Pick<PlanParameters, 'period' | 'elderlyAge'>,
): IndicatorValue[] {
  const tally = tallyClubs(clubs, { members: facts.members }, asOf, { ...DEFAULT_PLAN_PARAMETERS, elderlyAge: params.elderlyAge });
  return newClubIndicatorsOf(clubs, { clubs: facts.clubs, tally }, params);
}

/** newClubIndicators from the clubs' tallies (club-tally.ts). */
export function newClubIndicatorsOf(
  clubs: ReadonlyArray<{ clubId: string; communeCode: string }>,
  facts: { clubs: ClubFacts; tally: ScopeTally },
  params: Pick<PlanParameters, 'period'>,
): IndicatorValue[] {
  const period = params.period;
  if (period === null) return [];
  const establishedOn = new Map(facts.clubs.established.map((c) => [c.clubId, c.establishedOn]));
  const isNew = (clubId: string) => {
    const on = establishedOn.get(clubId);
    return on !== undefined && period.start <= on && on <= period.end;
  };
  const newClubs = clubs.filter((c) => isNew(c.clubId));
  const priority = new Set(facts.clubs.priorityCommunes);
  // members(k,T) of the new clubs, each club once (a club listed twice is one club).
  const newClubIds = [...new Set(newClubs.map((c) => c.clubId))];
  const members = newClubIds.reduce((total, clubId) => total + tallyOf(facts.tally, clubId).members, 0);
  const older = newClubIds.reduce((total, clubId) => total + tallyOf(facts.tally, clubId).older, 0);
  return [
    count('clubs_new', newClubs.length),
    count('members_new_clubs', members),
    count('elderly_members_new_clubs', older),
    count('clubs_new_priority_area', newClubs.filter((c) => priority.has(c.communeCode)).length),
  ];
}
