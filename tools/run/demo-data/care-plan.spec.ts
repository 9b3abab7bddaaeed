import { CareMember, CarePlanInput, planHealthChecks, planHomeCareVisits, planSelfHelpCases, rolesOn } from './care-plan';
import { SeededRandom } from './seeded-random';

const person = (birthYear: number, roles: string[], more: Partial<CareMember> = {}): CareMember => ({ birthYear, disadvantaged: [], joinedOn: '2024-01-01', roles, ...more });

const members: CareMember[] = [
  person(1950, ['chair']),
  person(1960, ['home_care_volunteer']),
  person(1990, ['home_care_volunteer']),
  person(1940, ['member'], { disadvantaged: ['living_alone'] }),
  person(1955, ['member'], { disadvantaged: ['needs_home_care'] }),
  person(1944, ['member']),
  person(1985, ['member'], { disadvantaged: ['disability'] }),
  person(1950, ['member'], { leftOn: '2025-02-01' }),
  person(1962, ['member'], { joinedOn: '2025-06-01' }),
];

const input: CarePlanInput = {
  members,
  establishedOn: '2024-01-01',
  healthCheckOn: '2025-05-12',
  healthCheckTurnout: 1,
  homeCareDays: ['2025-03-10', '2025-09-10'],
  elderlyAge: 60,
  roleChanges: [{ member: 1, roles: ['member'], effectiveOn: '2025-09-01' }],
};

describe('the health-check day', () => {
  it('given everyone older comes, then every older member of the club that day is checked, nobody younger, nobody gone or not yet joined', () => {
    const checks = planHealthChecks(input, new SeededRandom(1));
    expect(checks.map((c) => c.member)).toEqual([0, 1, 3, 4, 5]);
    expect(checks.every((c) => c.checkedOn === '2025-05-12')).toBe(true);
  });

  it('given a turnout, then some come and some do not', () => {
    const checks = planHealthChecks({ ...input, members: Array.from({ length: 100 }, () => person(1950, ['member'])), healthCheckTurnout: 0.6 }, new SeededRandom(2));
    expect(checks.length).toBeGreaterThan(40);
    expect(checks.length).toBeLessThan(80);
  });

  it('given the measurements, then they lie within activities’ plausible ranges, the diastolic below the systolic', () => {
    const many = planHealthChecks({ ...input, members: Array.from({ length: 200 }, () => person(1950, ['member'])) }, new SeededRandom(3));
    for (const c of many) {
      expect(c.systolic).toBeGreaterThanOrEqual(60);
      expect(c.systolic).toBeLessThanOrEqual(260);
      expect(c.diastolic).toBeGreaterThanOrEqual(30);
      expect(c.diastolic).toBeLessThan(c.systolic);
      expect(c.weightKg).toBeGreaterThanOrEqual(20);
      expect(Number.isInteger(c.weightKg * 10)).toBe(true);
      if (c.glucose !== undefined) expect(c.glucose >= 1 && c.glucose <= 35 && Number.isInteger(c.glucose * 10)).toBe(true);
    }
    expect(many.some((c) => c.glucose !== undefined) && many.some((c) => c.glucose === undefined)).toBe(true);
  });
});

describe('home-care visits', () => {
  const visits = planHomeCareVisits(input, new SeededRandom(4));

  it('given members who need care, then each is visited in both rounds, never by themselves', () => {
    expect(new Set(visits.map((v) => v.beneficiary))).toEqual(new Set([3, 4, 5, 6]));
    expect(visits).toHaveLength(8);
    expect(visits.every((v) => v.volunteer !== v.beneficiary && v.services.length >= 1)).toBe(true);
  });

  it('given a volunteer who stepped down, then after that day only those still holding home_care_volunteer visit', () => {
    for (const visit of visits) expect(rolesOn(members, input.roleChanges, visit.volunteer, visit.visitedOn)).toContain('home_care_volunteer');
    expect(visits.filter((v) => v.visitedOn >= '2025-09-01').every((v) => v.volunteer === 2)).toBe(true);
  });
});

describe('self-help cases', () => {
  it('given the days of the year, then two or three cases, the person helped a member that day when named', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const cases = planSelfHelpCases(input, ['2025-02-20', '2025-06-12', '2025-10-08'], new SeededRandom(seed));
      expect(cases.length).toBeGreaterThanOrEqual(2);
      expect(cases.length).toBeLessThanOrEqual(3);
      for (const c of cases) {
        if (c.beneficiary !== undefined) expect(members[c.beneficiary].joinedOn <= c.openedOn && (members[c.beneficiary].leftOn ?? '9999') > c.openedOn).toBe(true);
        if (c.valueVnd !== undefined) expect(c.valueVnd % 100_000).toBe(0);
      }
    }
  });
});
