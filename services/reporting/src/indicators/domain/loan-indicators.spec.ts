import { LoanFact, loanIndicators, loanStandingOn, loanWindow } from './loan-indicators';
import { MembershipFact } from './member-indicators';
import { DEFAULT_PLAN_PARAMETERS, planParameters } from './plan-parameters';

// The hand-computed round (the same table microfinance's own specs check): a fund of 20,000,000
// VND lends 5 loans of 4,000,000 VND over 10 months at 0.5 %/month, disbursed on 2025-01-15. Instalment i
// is due on the 15th, i months later: principal 400,000, interest 20,000 − 2,000 × (i − 1).
// L1 pays on time; L2 pays instalment 1 late on 2025-03-01 then stops; L3 pays nothing and is written off
// on 2025-04-30; L4 pays only the first month's interest; L5 repays everything on 2025-02-10.
const SCHEDULE = Array.from({ length: 10 }, (_, i) => ({
  number: i + 1,
  dueOn: `2025-${String(i + 2).padStart(2, '0')}-15`,
  principalVnd: 400_000,
  interestVnd: 20_000 - 2_000 * i,
}));
const roundLoan = (n: number, repayments: Array<[string, number]>, writtenOffOn: string | null = null): LoanFact => ({
  loanId: `L${n}`,
  clubId: 'club',
  memberId: `m${n}`,
  principalVnd: 4_000_000,
  disbursedOn: '2025-01-15',
  schedule: SCHEDULE,
  repayments: repayments.map(([paidOn, amountVnd]) => ({ paidOn, amountVnd })),
  writtenOffOn,
});
const ROUND: LoanFact[] = [
  roundLoan(1, [['2025-02-15', 420_000], ['2025-03-15', 418_000], ['2025-04-15', 416_000]]),
  roundLoan(2, [['2025-03-01', 420_000]]),
  roundLoan(3, [], '2025-04-30'),
  roundLoan(4, [['2025-02-15', 20_000]]),
  roundLoan(5, [['2025-02-10', 4_110_000]]),
];
const membership = (clubId: string, memberId: string, joinedOn = '2022-03-01', leftOn: string | null = null): MembershipFact => ({
  clubId,
  memberId,
  joinedOn,
  leftOn,
  diedOn: null,
  member: { sex: 'F', birthYear: 1960, ethnicMinority: false, disadvantaged: [] },
});
const ROUND_MEMBERS = [1, 2, 3, 4, 5].map((n) => membership('club', `m${n}`));
const byCode = (values: ReturnType<typeof loanIndicators>) => Object.fromEntries(values.map((v) => [v.code, v]));
const compute = (loans: LoanFact[], memberships: MembershipFact[], asOf: string, params = DEFAULT_PLAN_PARAMETERS, clubIds = ['club']) =>
  byCode(loanIndicators(clubIds.map((clubId) => ({ clubId })), { loans: { loans }, members: { memberships } }, asOf, params));

describe('a loan on T: days past due and outstanding principal, as microfinance computes them (hand table)', () => {
  it.each<[string, number[]]>([
    ['2025-01-14', [0, 0, 0, 0, 0]],
    ['2025-02-14', [0, 0, 0, 0, 0]],
    ['2025-02-28', [0, 13, 13, 13, 0]], // instalment 1 fell due on 02-15
    ['2025-03-01', [0, 0, 14, 14, 0]], // L2 pays instalment 1 on day 45: its oldest unpaid is #2, due 03-15
    ['2025-03-17', [0, 2, 30, 30, 0]],
    ['2025-03-18', [0, 3, 31, 31, 0]],
    ['2025-04-20', [0, 36, 64, 64, 0]],
    ['2025-04-30', [0, 46, 0, 74, 0]], // L3 written off
  ])('on %s the loans are %j days past due', (asOf, days) => {
    expect(ROUND.map((loan) => loanStandingOn(loan, asOf).daysPastDue)).toEqual(days);
  });

  it('given a payment of the first month’s interest only, then no principal is settled and instalment 1 stays unpaid', () => {
    expect(loanStandingOn(ROUND[3], '2025-03-20')).toEqual({ outstandingPrincipalVnd: 4_000_000, daysPastDue: 33 });
  });

  it('given a payment that ends mid-principal, then only that part of the principal is settled', () => {
    // 420,000 settles instalment 1; 18,000 + 100,000 settles #2's interest and 100,000 of its principal.
    expect(loanStandingOn(roundLoan(9, [['2025-02-15', 538_000]]), '2025-03-20')).toEqual({ outstandingPrincipalVnd: 3_500_000, daysPastDue: 5 });
  });

  it('given a fully repaid loan, then nothing is outstanding nor past due, even after the last due day', () => {
    expect(loanStandingOn(ROUND[4], '2026-06-30')).toEqual({ outstandingPrincipalVnd: 0, daysPastDue: 0 });
  });
});

describe('loans_outstanding_vnd and par30_pct over the round (hand table)', () => {
  it.each<[string, number, number]>([
    ['2025-01-14', 0, 0],
    ['2025-01-15', 20_000_000, 0],
    ['2025-02-28', 15_600_000, 0],
    ['2025-03-17', 14_800_000, 0], // L3 and L4 at exactly 30 days: not yet at risk
    ['2025-03-18', 14_800_000, 8_000_000], // L3 and L4 at 31 days
    ['2025-04-20', 14_400_000, 11_600_000], // L2 now 36 days past due
    ['2025-04-30', 10_400_000, 7_600_000], // L3's 4,000,000 written off
  ])('on %s: outstanding %d, PAR30 principal %d', (asOf, outstanding, par30) => {
    const r = compute(ROUND, ROUND_MEMBERS, asOf);
    expect(r.loans_outstanding_vnd).toEqual({ code: 'loans_outstanding_vnd', value: outstanding, numerator: outstanding, denominator: null });
    expect(r.par30_pct).toMatchObject({ code: 'par30_pct', numerator: par30, denominator: outstanding });
    expect(r.par30_pct.value).toBe(outstanding === 0 ? null : Math.round((10_000 * par30) / outstanding) / 100);
  });

  it('given loans of a club outside clubs(U,T), then they are not in the portfolio', () => {
    expect(compute(ROUND, ROUND_MEMBERS, '2025-03-18', DEFAULT_PLAN_PARAMETERS, ['other']).loans_outstanding_vnd.value).toBe(0);
  });
});

describe('members_with_loan_pct', () => {
  const plan = (start: string) => planParameters({ period: { start, end: '2025-12-31' } });

  it('given the plan’s start before the round, then all 5 of 5 members have a loan, repaid or written off ones included', () => {
    expect(compute(ROUND, ROUND_MEMBERS, '2025-04-30', plan('2021-05-07')).members_with_loan_pct).toEqual({
      code: 'members_with_loan_pct',
      value: 100,
      numerator: 5,
      denominator: 5,
    });
  });

  it('given the plan starting the day after the disbursements, or T before them, then none', () => {
    expect(compute(ROUND, ROUND_MEMBERS, '2025-04-30', plan('2025-01-16')).members_with_loan_pct.numerator).toBe(0);
    expect(compute(ROUND, ROUND_MEMBERS, '2025-01-14', plan('2021-05-07')).members_with_loan_pct.numerator).toBe(0);
    expect(compute(ROUND, ROUND_MEMBERS, '2025-01-15', plan('2025-01-15')).members_with_loan_pct.numerator).toBe(5);
  });

  it('counts members(k,T) only: a borrower who left is in neither part; a member without a loan is in the denominator', () => {
    const memberships = [...ROUND_MEMBERS.slice(0, 4), membership('club', 'm5', '2022-03-01', '2025-03-01'), membership('club', 'newcomer', '2025-02-01')];
    expect(compute(ROUND, memberships, '2025-04-30', plan('2021-05-07')).members_with_loan_pct).toMatchObject({ numerator: 4, denominator: 5, value: 80 });
  });

  it('counts a member whose loan came from another club’s fund (the loan is the person’s)', () => {
    const moved = [membership('club', 'm1'), membership('new-club', 'm1', '2025-06-01')];
    expect(compute(ROUND, moved, '2025-07-01', plan('2021-05-07'), ['new-club']).members_with_loan_pct).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('without a plan, uses the trailing window W: a loan 13 months before T no longer counts', () => {
    expect(loanWindow('2026-01-14', DEFAULT_PLAN_PARAMETERS)).toEqual({ start: '2025-01-15', end: '2026-01-14' });
    expect(compute(ROUND, ROUND_MEMBERS, '2026-01-14').members_with_loan_pct.numerator).toBe(5);
    expect(compute(ROUND, ROUND_MEMBERS, '2026-01-15').members_with_loan_pct.numerator).toBe(0);
  });

  it('given no members, then null', () => {
    expect(compute(ROUND, [], '2025-04-30').members_with_loan_pct).toEqual({ code: 'members_with_loan_pct', value: null, numerator: 0, denominator: 0 });
  });
});
