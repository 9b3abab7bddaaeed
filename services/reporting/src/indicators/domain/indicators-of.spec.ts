import { ACTIVITY_AREAS } from '@ishc/contracts';
import { ActivityFacts } from './activity-indicators';
import { beneficiariesAmong, tallyClubs } from './club-tally';
import { CoverageFacts } from './coverage-indicators';
import { IndicatorFacts, factsByPart, indicatorsOf } from './indicators-of';
import { LoanFact, portfolioOn } from './loan-indicators';
import { MembershipFact } from './members-on';
import { DEFAULT_PLAN_PARAMETERS, PlanParameters, planParameters } from './plan-parameters';

const T = '2025-12-31';
const membership = (clubId: string, memberId: string, birthYear: number, sex: 'F' | 'M' = 'F'): MembershipFact => ({
  clubId,
  memberId,
  joinedOn: '2020-01-01',
  leftOn: null,
  diedOn: null,
  member: { sex, birthYear, ethnicMinority: memberId.endsWith('1'), disadvantaged: [] },
});
const loan = (loanId: string, clubId: string, memberId: string, paidOn: string[]): LoanFact => ({
  loanId,
  clubId,
  memberId,
  principalVnd: 1_200_000,
  disbursedOn: '2025-01-10',
  schedule: Array.from({ length: 12 }, (_, i) => ({ number: i + 1, dueOn: `2025-${String(i + 2).padStart(2, '0')}-10`.replace('2025-13', '2026-01'), principalVnd: 100_000, interestVnd: 6_000 })),
  repayments: paidOn.map((day) => ({ paidOn: day, amountVnd: 106_000 })),
  writtenOffOn: null,
});

// Given a scope of two communes: C1 with clubs a and b, C2 with club c. Member m3 belongs to a, b and c
// and is visited (one beneficiary of the scope, of C1 and of C2); m4 belongs to a and b, visited too.
const SCOPE: CoverageFacts = {
  communes: ['C1', 'C2', 'C3'],
  clubs: [
    { clubId: 'a', communeCode: 'C1' },
    { clubId: 'b', communeCode: 'C1' },
    { clubId: 'c', communeCode: 'C2' },
  ],
};
const MEMBERSHIPS = [
  membership('a', 'm1', 1950),
  membership('a', 'm2', 1990, 'M'),
  membership('a', 'm3', 1955),
  membership('b', 'm3', 1955),
  membership('c', 'm3', 1955),
  membership('a', 'm4', 1945),
  membership('b', 'm4', 1945),
  membership('c', 'm5', 1980),
];
const ACTIVITIES: ActivityFacts = {
  areasCovered: ACTIVITY_AREAS.map((area) => ({ clubId: 'a', area, on: '2025-06-01' })),
  meetings: ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((month) => ({ clubId: 'a', heldOn: `2025-${month}-05` })),
  healthChecks: [{ memberId: 'm1', checkedOn: '2025-03-01' }, { memberId: 'm3', checkedOn: '2025-04-01' }],
  homeCareVisits: [
    { beneficiaryId: 'm3', visitedOn: '2025-05-01' },
    { beneficiaryId: 'm4', visitedOn: '2025-06-01' },
    { beneficiaryId: 'm5', visitedOn: '2025-07-01' },
  ],
};
const LOANS = [loan('l1', 'a', 'm1', ['2025-02-10', '2025-03-10']), loan('l2', 'c', 'm5', ['2025-02-10'])];
const CAPITAL = new Map([['a', 5_000_000], ['c', 2_000_000]]);

/** The facts as reading them for `scope` alone would give them (the definitions applied to every fact). */
function factsOf(scope: CoverageFacts, params: PlanParameters): IndicatorFacts {
  const inScope = new Set(scope.clubs.map((c) => c.clubId));
  return {
    funds: {
      fundsOpened: scope.clubs.flatMap((c) => [{ clubId: c.clubId, kind: 'income' as const }, { clubId: c.clubId, kind: 'activity' as const }]),
      incomeFundCapitalVnd: new Map([...CAPITAL].filter(([clubId]) => inScope.has(clubId))),
    },
    clubs: { established: scope.clubs.map((c) => ({ clubId: c.clubId, establishedOn: '2024-03-01' })), priorityCommunes: ['C2'] },
    tally: tallyClubs(scope.clubs, { members: { memberships: MEMBERSHIPS }, activities: ACTIVITIES, loans: { loans: LOANS } }, T, params),
    activities: { areasCovered: ACTIVITIES.areasCovered.filter((a) => inScope.has(a.clubId)), meetings: ACTIVITIES.meetings.filter((m) => inScope.has(m.clubId)) },
    portfolio: new Map(scope.clubs.map((c) => [c.clubId, portfolioOn([c], { loans: LOANS }, T)])),
  };
}

const partsOf = (scope: CoverageFacts): CoverageFacts[] => [
  ...scope.communes.map((commune) => ({ communes: [commune], clubs: scope.clubs.filter((c) => c.communeCode === commune) })),
  ...scope.clubs.map((club) => ({ communes: [club.communeCode], clubs: [club] })),
];

describe('indicatorsOf: a part of the scope from the facts of the whole scope', () => {
  it.each([
    ['no plan', DEFAULT_PLAN_PARAMETERS],
    ['a plan', planParameters({ period: { start: '2024-01-01', end: '2025-12-31' }, elderlyAge: 65, trailingWindowMonths: 6 })],
  ])('given the facts of a scope (%s), when each commune and each club is computed from them, then it equals what its own facts give', (_label, params) => {
    const whole = factsOf(SCOPE, params);
    const cut = factsByPart(whole);
    for (const part of partsOf(SCOPE)) {
      const own = indicatorsOf(part, factsOf(part, params), T, params);
      expect([part, indicatorsOf(part, whole, T, params)]).toEqual([part, own]);
      expect([part, indicatorsOf(part, cut(part), T, params)]).toEqual([part, own]);
    }
  });

  it('given the facts of a scope, when the whole scope is computed, then the sums over clubs are the scope’s: capital, portfolio, beneficiaries once each', () => {
    const byCode = Object.fromEntries(indicatorsOf(SCOPE, factsOf(SCOPE, DEFAULT_PLAN_PARAMETERS), T, DEFAULT_PLAN_PARAMETERS).map((v) => [v.code, v]));
    expect(byCode.income_fund_capital_vnd.value).toBe(7_000_000);
    expect(byCode.home_care_beneficiaries.value).toBe(3);
    expect(byCode.loans_outstanding_vnd.value).toBe(2_400_000 - 300_000);
    expect(byCode.communes_with_club_pct).toMatchObject({ numerator: 2, denominator: 3 });
  });
});

describe('beneficiariesAmong', () => {
  const tally = tallyClubs(SCOPE.clubs, { members: { memberships: MEMBERSHIPS }, activities: ACTIVITIES }, T, DEFAULT_PLAN_PARAMETERS);

  it('given beneficiaries who are members of several clubs, then each counts once in any set of clubs holding them', () => {
    expect(tally.homeCareBeneficiaries).toBe(3);
    expect(tally.sharedBeneficiaries).toEqual([['a', 'b', 'c'], ['a', 'b']]);
    expect(beneficiariesAmong(tally, new Set(['a', 'b', 'c']))).toBe(3);
    expect(beneficiariesAmong(tally, new Set(['a', 'b']))).toBe(2);
    expect(beneficiariesAmong(tally, new Set(['b', 'c']))).toBe(3);
    expect(beneficiariesAmong(tally, new Set(['c']))).toBe(2);
    expect(beneficiariesAmong(tally, new Set())).toBe(0);
  });
});
