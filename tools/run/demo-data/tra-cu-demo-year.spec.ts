// The demo's year as the scorecard reads it on 2025-12-31 (ISHC.md §6, the plan's trailing 12 months):
// every indicator has data, and the plan's targets are met by some figures and missed by others.
import { rolesOn } from './care-plan';
import { addDays, addMonths } from './demo-dates';
import { plannedCashOn, principalRepaidBy, scheduledPrincipal } from './loan-plan';
import { ACTIVITY_AREAS, DEMO_AS_OF, DEMO_END, DemoClub, traCuDemo } from './tra-cu-demo';

const clubs = traCuDemo();
const isMemberOn = (m: { joinedOn: string; leftOn?: string }, on: string) => m.joinedOn <= on && (m.leftOn ?? '9999-12-31') > on;
/** The trailing window W: the 12 calendar months ending with T's month. */
const windowOf = (asOf: string) => ({ from: addMonths(`${asOf.slice(0, 7)}-01`, -11) });

/** ISHC.md §6 "well managed on T" with the defaults: meetings in ≥ 10 of 12 months (⌈10/12 × m⌉ for a young club), both funds, ≥ 5 volunteers of each kind. */
function isWellManaged(club: DemoClub, asOf: string): boolean {
  const { from } = windowOf(asOf);
  const start = club.establishedOn > from ? club.establishedOn.slice(0, 7) : from.slice(0, 7);
  const months = (Number(asOf.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + Number(asOf.slice(5, 7)) - Number(start.slice(5, 7)) + 1;
  const met = new Set(club.meetings.filter((m) => m.heldOn >= from && m.heldOn <= asOf).map((m) => m.heldOn.slice(0, 7))).size;
  const holding = (role: string) => club.members.filter((m, i) => isMemberOn(m, asOf) && rolesOn(club.members, club.roleChanges, i, asOf).includes(role)).length;
  return met >= Math.ceil((10 / 12) * Math.min(12, months)) && club.funds.length === 2 && holding('home_care_volunteer') >= 5 && holding('livelihood_volunteer') >= 5;
}

function hasFullActivities(club: DemoClub, asOf: string): boolean {
  const { from } = windowOf(asOf);
  const covered = new Set([
    ...club.sessions.filter((s) => s.heldOn >= from && s.heldOn <= asOf).map((s) => s.area),
    ...club.meetings.filter((m) => m.heldOn >= from && m.heldOn <= asOf).flatMap((m) => m.areas ?? []),
  ]);
  return ACTIVITY_AREAS.every((a) => covered.has(a));
}

describe('the Trà Cú demo’s year, as the scorecard of 2025-12-31 reads it', () => {
  it('given the meetings, sessions and volunteers, then most clubs are well managed and active in all 8 areas, three are not (72.7% ≥ 70%: met)', () => {
    const wellManaged = clubs.filter((c) => isWellManaged(c, DEMO_END));
    const both = wellManaged.filter((c) => hasFullActivities(c, DEMO_END));
    expect(wellManaged).toHaveLength(8);
    expect(both).toHaveLength(8);
    // Two home-care volunteers of Ấp Chợ step down in September: well managed in June, no longer in December.
    expect(clubs.filter((c) => isWellManaged(c, DEMO_AS_OF))).toHaveLength(9);
  });

  it('given the loan rounds, then about a quarter of the members borrowed (under the 50% target), from cash the funds held', () => {
    const members = clubs.reduce((n, c) => n + c.members.filter((m) => isMemberOn(m, DEMO_END)).length, 0);
    const borrowers = clubs.reduce((n, c) => n + new Set(c.loans.map((l) => l.borrower)).size, 0);
    expect((100 * borrowers) / members).toBeGreaterThan(20);
    expect((100 * borrowers) / members).toBeLessThan(50);
    for (const club of clubs) {
      const income = club.funds.find((f) => f.kind === 'income')?.contributions ?? [];
      const days = new Set(club.loans.flatMap((l) => [l.disbursedOn, ...l.repayments.map((r) => r.paidOn)]));
      for (const day of days) expect(plannedCashOn(income, club.loans, day)).toBeGreaterThanOrEqual(0);
      for (const loan of club.loans) {
        const borrower = club.members[loan.borrower];
        expect(isMemberOn(borrower, loan.appliedOn) && isMemberOn(borrower, loan.disbursedOn)).toBe(true);
      }
    }
  });

  it('given the borrowers’ habits, then loans are outstanding at the end, a few late, one or more written off, and a real but small share more than 30 days overdue', () => {
    const loans = clubs.flatMap((c) => c.loans);
    const outstanding = loans.filter((l) => !l.writtenOffOn).map((l) => ({ loan: l, principal: l.principalVnd - principalRepaidBy(l, DEMO_END) }));
    const total = outstanding.reduce((s, o) => s + o.principal, 0);
    const overdue30 = outstanding.filter(({ loan }) => {
      const paid = loan.repayments.reduce((n, r) => n + r.instalments, 0);
      const firstUnpaid = scheduledPrincipal(loan.principalVnd, loan.termMonths, loan.disbursedOn)[paid];
      return firstUnpaid !== undefined && firstUnpaid.dueOn < addDays(DEMO_END, -30);
    });
    const par30 = (100 * overdue30.reduce((s, o) => s + o.principal, 0)) / total;
    expect(total).toBeGreaterThan(100_000_000);
    expect(par30).toBeGreaterThan(0);
    expect(par30).toBeLessThan(10);
    expect(loans.filter((l) => l.habit === 'late').length).toBeGreaterThan(5);
    expect(loans.filter((l) => l.writtenOffOn).length).toBeGreaterThanOrEqual(1);
  });

  it('given the health-check days, then a share of the older members was checked in the year, in every club', () => {
    const older = clubs.flatMap((c) => c.members.filter((m) => isMemberOn(m, DEMO_END) && 2025 - m.birthYear >= 60).map((m) => ({ c, m })));
    const checked = older.filter(({ c, m }) => c.healthChecks.some((h) => c.members[h.member] === m));
    expect((100 * checked.length) / older.length).toBeGreaterThan(40);
    expect((100 * checked.length) / older.length).toBeLessThan(90);
    expect(clubs.every((c) => c.healthChecks.length > 0)).toBe(true);
  });

  it('given the home-care rounds and self-help, then dozens of members received visits from volunteers holding the role, and each club helped two or three times', () => {
    const beneficiaries = clubs.reduce((n, c) => n + new Set(c.homeCareVisits.map((v) => v.beneficiary)).size, 0);
    expect(beneficiaries).toBeGreaterThan(20);
    for (const club of clubs) {
      for (const visit of club.homeCareVisits) expect(rolesOn(club.members, club.roleChanges, visit.volunteer, visit.visitedOn)).toContain('home_care_volunteer');
      expect(club.selfHelpCases.length).toBeGreaterThanOrEqual(2);
      expect(club.selfHelpCases.length).toBeLessThanOrEqual(3);
    }
  });
});
