import { ACTIVITY_AREAS, MembershipRole } from '@ishc/contracts';
import { ActivityFacts, activityIndicators, monthsEndingWith } from './activity-indicators';
import { FundFacts } from './fund-indicators';
import { MembershipFact } from './member-indicators';
import { DEFAULT_PLAN_PARAMETERS, planParameters } from './plan-parameters';
import { RoleFacts, rolesOn, wellManagedIndicators } from './well-managed-indicators';

const T = '2025-12-31';
const membership = (clubId: string, memberId: string, joinedOn = '2020-01-01', leftOn: string | null = null): MembershipFact => ({
  clubId,
  memberId,
  joinedOn,
  leftOn,
  diedOn: null,
  member: { sex: 'F', birthYear: 1960, ethnicMinority: false, disadvantaged: [] },
});

/** A club that meets every default criterion on T: 12 monthly meetings, both funds, 5 + 5 volunteers, all 8 areas. */
function wellManagedClub(clubId: string) {
  const members = Array.from({ length: 10 }, (_, i) => membership(clubId, `${clubId}-m${i}`));
  const roleSets = members.map((m, i) => ({
    memberId: m.memberId,
    clubId,
    effectiveOn: '2020-01-01',
    roles: ['member', i < 5 ? 'home_care_volunteer' : 'livelihood_volunteer'] as MembershipRole[],
  }));
  return {
    members,
    roleSets,
    meetings: monthsEndingWith(T, 12).map((month) => ({ clubId, heldOn: `${month}-10` })),
    areasCovered: ACTIVITY_AREAS.map((area) => ({ clubId, area, on: '2025-06-01' })),
    fundsOpened: [{ clubId, kind: 'income' as const }, { clubId, kind: 'activity' as const }],
  };
}

interface World {
  clubIds: string[];
  memberships: MembershipFact[];
  roleSets: RoleFacts['roleSets'];
  activities: ActivityFacts;
  funds: FundFacts;
  established: Record<string, string>;
}
function world(...clubs: Array<ReturnType<typeof wellManagedClub> & { clubId: string }>): World {
  return {
    clubIds: clubs.map((c) => c.clubId),
    memberships: clubs.flatMap((c) => c.members),
    roleSets: clubs.flatMap((c) => c.roleSets),
    activities: { areasCovered: clubs.flatMap((c) => c.areasCovered), meetings: clubs.flatMap((c) => c.meetings), healthChecks: [], homeCareVisits: [] },
    funds: { fundsOpened: clubs.flatMap((c) => c.fundsOpened), incomeFundCapitalVnd: 0 },
    established: Object.fromEntries(clubs.map((c) => [c.clubId, '2020-01-01'])),
  };
}
const club = (clubId: string, change: (c: ReturnType<typeof wellManagedClub>) => Partial<ReturnType<typeof wellManagedClub>> = () => ({})) => {
  const c = wellManagedClub(clubId);
  return { ...c, ...change(c), clubId };
};
const compute = (w: World, asOf = T, params = DEFAULT_PLAN_PARAMETERS) =>
  Object.fromEntries(
    wellManagedIndicators(
      w.clubIds.map((clubId) => ({ clubId })),
      {
        activities: w.activities,
        clubs: { established: Object.entries(w.established).map(([clubId, establishedOn]) => ({ clubId, establishedOn })), priorityCommunes: [] },
        funds: w.funds,
        members: { memberships: w.memberships },
        roles: { roleSets: w.roleSets },
      },
      asOf,
      params,
    ).map((v) => [v.code, v]),
  );

describe('clubs_well_managed_pct: meetings, both funds and volunteers on T (ISHC.md §6 defaults)', () => {
  it('given a club meeting every criterion, then it is well managed, and full-activities and well managed', () => {
    const r = compute(world(club('a')));
    expect(r.clubs_well_managed_pct).toEqual({ code: 'clubs_well_managed_pct', value: 100, numerator: 1, denominator: 1 });
    expect(r.clubs_full_activities_well_managed_pct).toEqual({ code: 'clubs_full_activities_well_managed_pct', value: 100, numerator: 1, denominator: 1 });
  });

  it.each<[string, (c: ReturnType<typeof wellManagedClub>) => Partial<ReturnType<typeof wellManagedClub>>]>([
    ['meetings in only 9 of the 12 months', (c) => ({ meetings: c.meetings.slice(0, 9) })],
    ['only the income fund', (c) => ({ fundsOpened: c.fundsOpened.slice(0, 1) })],
    ['4 home-care volunteers', (c) => ({ roleSets: c.roleSets.map((s, i) => (i === 0 ? { ...s, roles: ['member'] as MembershipRole[] } : s)) })],
    ['4 livelihood volunteers (one left the club)', (c) => ({ members: c.members.map((m, i) => (i === 9 ? { ...m, leftOn: '2025-12-31' } : m)) })],
  ])('given %s, then it is not well managed', (_, change) => {
    const r = compute(world(club('a'), club('b', change)));
    expect(r.clubs_well_managed_pct).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    expect(r.clubs_full_activities_well_managed_pct).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('given exactly 10 months of meetings, then it is well managed (the thresholds are inclusive)', () => {
    expect(compute(world(club('a', (c) => ({ meetings: c.meetings.slice(0, 10) })))).clubs_well_managed_pct.numerator).toBe(1);
  });

  it('given a well-managed club missing one activity area, then it is well managed but not both', () => {
    const r = compute(world(club('a', (c) => ({ areasCovered: c.areasCovered.slice(1) }))));
    expect(r.clubs_well_managed_pct.numerator).toBe(1);
    expect(r.clubs_full_activities_well_managed_pct.numerator).toBe(0);
  });

  it('agrees with clubs_full_activities_pct on which clubs are full-activities', () => {
    const w = world(club('a'), club('b', (c) => ({ areasCovered: c.areasCovered.slice(2) })));
    const clubs = w.clubIds.map((clubId) => ({ clubId }));
    const activity = activityIndicators(clubs, { activities: w.activities, clubs: { established: [], priorityCommunes: [] }, members: { memberships: [] } }, T, DEFAULT_PLAN_PARAMETERS);
    expect(activity.find((v) => v.code === 'clubs_full_activities_pct')?.numerator).toBe(compute(w).clubs_full_activities_well_managed_pct.numerator);
  });

  it('counts roles held on T: a volunteer role given after T, or taken away before T, does not count', () => {
    const later = club('a', (c) => ({ roleSets: [...c.roleSets.map((s, i) => (i === 0 ? { ...s, effectiveOn: '2026-01-01' } : s))] }));
    expect(compute(world(later)).clubs_well_managed_pct.numerator).toBe(0);
    const removed = club('a', (c) => ({ roleSets: [...c.roleSets, { ...c.roleSets[9], effectiveOn: '2025-12-31', roles: ['member'] as MembershipRole[] }] }));
    expect(compute(world(removed)).clubs_well_managed_pct.numerator).toBe(0);
    expect(compute(world(removed), '2025-12-30').clubs_well_managed_pct.numerator).toBe(1);
  });

  it('uses the plan’s thresholds: 3 volunteers of each kind and 6 of 12 months, funds not required', () => {
    const weak = club('a', (c) => ({
      meetings: c.meetings.slice(0, 6),
      fundsOpened: [],
      roleSets: c.roleSets.map((s, i) => (i % 5 >= 3 ? { ...s, roles: ['member'] as MembershipRole[] } : s)),
    }));
    expect(compute(world(weak)).clubs_well_managed_pct.numerator).toBe(0);
    const lenient = planParameters({ wellManaged: { meetingsHeld: 6, bothFunds: false, homeCareVolunteers: 3, livelihoodVolunteers: 3 } });
    expect(compute(world(weak), T, lenient).clubs_well_managed_pct.numerator).toBe(1);
  });

  it('given a club established in September, then 4 months of meetings are required: ⌈10/12 × 4⌉ = 4', () => {
    const young = club('a', (c) => ({ meetings: c.meetings.slice(0, 4) }));
    const w = { ...world(young), established: { a: '2025-09-20' } };
    expect(compute(w).clubs_well_managed_pct.numerator).toBe(1);
    expect(compute({ ...w, activities: { ...w.activities, meetings: w.activities.meetings.slice(0, 3) } }).clubs_well_managed_pct.numerator).toBe(0);
  });

  it('given no clubs, then null', () => {
    expect(compute(world()).clubs_well_managed_pct).toEqual({ code: 'clubs_well_managed_pct', value: null, numerator: 0, denominator: 0 });
  });
});

describe('rolesOn', () => {
  const facts: RoleFacts = {
    roleSets: [
      { memberId: 'm', clubId: 'a', effectiveOn: '2024-01-01', roles: ['member'] },
      { memberId: 'm', clubId: 'a', effectiveOn: '2025-03-01', roles: ['member', 'livelihood_volunteer'] },
      { memberId: 'm', clubId: 'b', effectiveOn: '2025-01-01', roles: ['chair'] },
    ],
  };
  it('is the latest role set of that club in force on T', () => {
    expect(rolesOn(facts, 'a', 'm', '2023-12-31')).toEqual([]);
    expect(rolesOn(facts, 'a', 'm', '2025-02-28')).toEqual(['member']);
    expect(rolesOn(facts, 'a', 'm', '2025-03-01')).toEqual(['member', 'livelihood_volunteer']);
    expect(rolesOn(facts, 'b', 'm', '2025-03-01')).toEqual(['chair']);
  });
});
