import { IsoDate, ScheduledInstalmentV1 } from '@ishc/contracts';
import { describeWith } from '@ishc/testing';
import { projectLoanEvents, ProjectedLoanEvent } from '../projections/loans.projection';
import { givenReportingDatabase } from '../spec-support/given-reporting-database';
import { LoanFact, LoanPortfolio, portfolioOn } from './domain/loan-indicators';
import { readLoanPortfolioByClub } from './loan-portfolio.query';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
let next = 1000;
const uuid = () => id(next++);

// Principal 1,000,000 in three instalments: due through each 309,000 / 615,000 / 1,018,000.
const THREE: ScheduledInstalmentV1[] = [
  { number: 1, dueOn: '2025-02-15', principalVnd: 300_000, interestVnd: 9_000 },
  { number: 2, dueOn: '2025-03-15', principalVnd: 300_000, interestVnd: 6_000 },
  { number: 3, dueOn: '2025-04-15', principalVnd: 400_000, interestVnd: 3_000 },
];
// On 2025-05-10 the third instalment is 25 days past due, the second 56, the first 84.
const AS_OF: IsoDate = '2025-05-10';

interface Case {
  loan: Omit<LoanFact, 'loanId' | 'clubId' | 'memberId'>;
  /** The club's portfolio on AS_OF (undefined: the loan is not in it). */
  expected: LoanPortfolio | undefined;
}
const loan = (paid: number[], more: Partial<Case['loan']> = {}): Case['loan'] => ({
  principalVnd: 1_000_000,
  disbursedOn: '2025-01-15',
  schedule: THREE,
  repayments: paid.map((amountVnd, i) => ({ paidOn: `2025-0${2 + i}-20`, amountVnd })),
  writtenOffOn: null,
  ...more,
});

const CASES: Record<string, Case> = {
  'nothing paid: all principal outstanding, 84 days past due': { loan: loan([]), expected: { outstandingVnd: 1_000_000, par30Vnd: 1_000_000 } },
  'paid exactly to the second instalment’s end: the third is the first unsettled (25 days, not PAR30)': {
    loan: loan([309_000, 306_000]),
    expected: { outstandingVnd: 400_000, par30Vnd: 0 },
  },
  'paid exactly to the first instalment’s end, in two payments: the second is the first unsettled (56 days)': {
    loan: loan([300_000, 9_000]),
    expected: { outstandingVnd: 700_000, par30Vnd: 700_000 },
  },
  'the second instalment’s interest partly paid: no principal of it paid': { loan: loan([309_000, 3_000]), expected: { outstandingVnd: 700_000, par30Vnd: 700_000 } },
  'the second instalment’s principal partly paid': { loan: loan([309_000, 106_000]), expected: { outstandingVnd: 600_000, par30Vnd: 600_000 } },
  'one VND short of the whole schedule: 1 outstanding, 25 days past due': { loan: loan([615_000, 402_999]), expected: { outstandingVnd: 1, par30Vnd: 0 } },
  'the whole schedule paid exactly: nothing outstanding': { loan: loan([1_018_000]), expected: { outstandingVnd: 0, par30Vnd: 0 } },
  'overpaid: nothing outstanding, the excess settles nothing more': { loan: loan([700_000, 700_000]), expected: { outstandingVnd: 0, par30Vnd: 0 } },
  'payments after T do not count': {
    loan: loan([], { repayments: [{ paidOn: '2025-05-11', amountVnd: 1_018_000 }] }),
    expected: { outstandingVnd: 1_000_000, par30Vnd: 1_000_000 },
  },
  'a payment on T itself counts': {
    loan: loan([], { repayments: [{ paidOn: '2025-02-20', amountVnd: 309_000 }, { paidOn: AS_OF, amountVnd: 306_000 }] }),
    expected: { outstandingVnd: 400_000, par30Vnd: 0 },
  },
  'payments before and after T: those through the last day of payment on or before T': {
    loan: loan([], { repayments: [{ paidOn: '2025-02-20', amountVnd: 309_000 }, { paidOn: '2025-03-20', amountVnd: 3_000 }, { paidOn: '2025-05-11', amountVnd: 706_000 }] }),
    expected: { outstandingVnd: 700_000, par30Vnd: 700_000 },
  },
  'two payments on one day: both count': {
    loan: loan([], { repayments: [{ paidOn: '2025-03-20', amountVnd: 309_000 }, { paidOn: '2025-03-20', amountVnd: 306_000 }] }),
    expected: { outstandingVnd: 400_000, par30Vnd: 0 },
  },
  'a payment dated before the disbursement counts, as in the definition': {
    loan: loan([], { repayments: [{ paidOn: '2025-01-10', amountVnd: 309_000 }] }),
    expected: { outstandingVnd: 700_000, par30Vnd: 700_000 },
  },
  'written off before T: out of the portfolio': { loan: loan([309_000], { writtenOffOn: '2025-05-01' }), expected: undefined },
  'written off on T: out of the portfolio': { loan: loan([309_000], { writtenOffOn: AS_OF }), expected: undefined },
  'written off after T: still in it': { loan: loan([309_000], { writtenOffOn: '2025-06-01' }), expected: { outstandingVnd: 700_000, par30Vnd: 700_000 } },
  'disbursed after T: not in it yet': { loan: loan([], { disbursedOn: '2025-05-11' }), expected: undefined },
  'no schedule: the principal outstanding, nothing due': { loan: loan([100_000], { schedule: [] }), expected: { outstandingVnd: 1_000_000, par30Vnd: 0 } },
  'an instalment of 0 first, nothing paid: the second is the first unsettled': {
    loan: loan([], { schedule: [{ number: 1, dueOn: '2025-02-15', principalVnd: 0, interestVnd: 0 }, ...THREE.slice(1)], principalVnd: 700_000 }),
    expected: { outstandingVnd: 700_000, par30Vnd: 700_000 },
  },
  'not due yet: nothing past due': {
    loan: loan([], { disbursedOn: '2025-04-20', schedule: [{ number: 1, dueOn: '2025-05-20', principalVnd: 1_000_000, interestVnd: 5_000 }] }),
    expected: { outstandingVnd: 1_000_000, par30Vnd: 0 },
  },
};

describeWith(['postgres'], "a loan's standing on T in PostgreSQL (one probe of rp_loan_paid, one of rp_loan_instalment) against the definition", () => {
  const db = givenReportingDatabase('reporting_loan_portfolio');
  const facts: LoanFact[] = Object.values(CASES).map((c) => ({ ...c.loan, loanId: uuid(), clubId: uuid(), memberId: uuid() }));
  beforeAll(async () => {
    // Through the loans projection, as the events arrive: the disbursement (with its schedule), the payments, the write-off.
    const events: ProjectedLoanEvent[] = facts.flatMap((f) => [
      { eventId: uuid(), type: 'LoanDisbursed', data: { loanId: f.loanId, clubId: f.clubId, memberId: f.memberId, principalVnd: f.principalVnd, disbursedOn: f.disbursedOn, schedule: f.schedule } },
      ...f.repayments.map((r) => ({ eventId: uuid(), type: 'LoanRepaymentReceived', data: { loanId: f.loanId, clubId: f.clubId, paidOn: r.paidOn, amountVnd: r.amountVnd } })),
      ...(f.writtenOffOn ? [{ eventId: uuid(), type: 'LoanWrittenOff', data: { loanId: f.loanId, clubId: f.clubId, writtenOffOn: f.writtenOffOn } }] : []),
    ]);
    await db.inTransaction((client) => projectLoanEvents(events, client));
  });

  it.each(Object.keys(CASES).map((name, i) => [name, i] as const))('given %s, then the club’s portfolio is the expected one and that of loanStandingOn', async (name, i) => {
    const fact = facts[i];
    const byClub = await readLoanPortfolioByClub(db.pool, [fact.clubId], AS_OF);
    expect(byClub.get(fact.clubId)).toEqual(CASES[name].expected);
    expect(byClub.get(fact.clubId) ?? { outstandingVnd: 0, par30Vnd: 0 }).toEqual(portfolioOn([{ clubId: fact.clubId }], { loans: [fact] }, AS_OF));
  });

  it('given every case’s club at once, then each club’s row is the one it has alone', async () => {
    const byClub = await readLoanPortfolioByClub(
      db.pool,
      facts.map((f) => f.clubId),
      AS_OF,
    );
    for (const fact of facts) expect(byClub.get(fact.clubId)).toEqual((await readLoanPortfolioByClub(db.pool, [fact.clubId], AS_OF)).get(fact.clubId));
    expect(byClub.size).toBe(Object.values(CASES).filter((c) => c.expected !== undefined).length);
  });
});
