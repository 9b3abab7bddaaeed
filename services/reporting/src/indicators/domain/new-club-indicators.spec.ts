import { MembershipFact } from './member-indicators';
import { newClubIndicators } from './new-club-indicators';
import { planParameters } from './plan-parameters';

const T = '2025-06-30';
const plan = planParameters({ period: { start: '2021-05-07', end: '2025-12-31' } });
let n = 0;
const member = (clubId: string, birthYear: number, over: Partial<MembershipFact> = {}): MembershipFact => ({
  memberId: `m${++n}`,
  clubId,
  joinedOn: '2021-06-01',
  leftOn: null,
  diedOn: null,
  member: { sex: 'F', birthYear, ethnicMinority: false, disadvantaged: [] },
  ...over,
});
// Club "old" predates the plan; "first" is established on its first day; "prio" is in a priority commune.
const clubs = [
  { clubId: 'old', communeCode: 'A' },
  { clubId: 'first', communeCode: 'A' },
  { clubId: 'prio', communeCode: 'P' },
];
const facts = {
  clubs: {
    established: [
      { clubId: 'old', establishedOn: '2021-05-06' },
      { clubId: 'first', establishedOn: '2021-05-07' },
      { clubId: 'prio', establishedOn: '2024-01-01' },
    ],
    priorityCommunes: ['P'],
  },
  members: {
    memberships: [
      member('old', 1950),
      member('first', 1950),
      member('first', 1965), // 60 in 2025: older
      member('first', 1990),
      member('prio', 1940),
      member('prio', 1980, { leftOn: '2025-06-30' }), // left on T: not a member (leftOn exclusive)
    ],
  },
};
const valuesOf = (asOf = T, params = plan) => Object.fromEntries(newClubIndicators(clubs, facts, asOf, params).map((i) => [i.code, i.value]));

describe('new-club indicators', () => {
  it('given a plan from 2021-05-07, then clubs established from that day on are new, with their members and older members on T', () => {
    expect(newClubIndicators(clubs, facts, T, plan)).toEqual([
      { code: 'clubs_new', value: 2, numerator: 2, denominator: null },
      { code: 'members_new_clubs', value: 4, numerator: 4, denominator: null },
      { code: 'elderly_members_new_clubs', value: 3, numerator: 3, denominator: null },
      { code: 'clubs_new_priority_area', value: 1, numerator: 1, denominator: null },
    ]);
  });

  it('given the plan’s elderlyAge 70, then only members aged 70 or more are older', () => {
    expect(valuesOf(T, { ...plan, elderlyAge: 70 }).elderly_members_new_clubs).toBe(2);
  });

  it('given a club established after the plan’s end, then it is not new', () => {
    const params = planParameters({ period: { start: '2021-05-07', end: '2023-12-31' } });
    expect(valuesOf(T, params)).toMatchObject({ clubs_new: 1, clubs_new_priority_area: 0 });
  });

  it('given no plan, then these indicators are not given at all', () => {
    expect(newClubIndicators(clubs, facts, T, planParameters())).toEqual([]);
  });

  it('given clubs outside clubs(U,T), then they are not counted even when new', () => {
    expect(newClubIndicators([clubs[0]], facts, T, plan).map((i) => i.value)).toEqual([0, 0, 0, 0]);
  });
});
