import { createTestDatabase, describeWith, TestDatabase } from '@ishc/testing';
import { LoanEvent, RegistryEvent } from '@ishc/contracts';
import { PoolClient } from 'pg';
import { readLoanFacts } from '../indicators/loan-facts.query';
import { readRoleFacts } from '../indicators/role-facts.query';
import { projectMicrofinanceEvents } from './microfinance.projection';
import { projectRegistryEvents } from './registry.projection';
import { migrateReportingSchema } from './reporting-schema';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const [club, otherClub, member, stranger, loan, foreignLoan] = [id(1), id(2), id(3), id(4), id(5), id(6)];
const schedule = [
  { number: 1, dueOn: '2025-02-15', principalVnd: 500_000, interestVnd: 5_000 },
  { number: 2, dueOn: '2025-03-15', principalVnd: 500_000, interestVnd: 2_500 },
];
const loanEvents: Array<LoanEvent & { eventId: string }> = [
  { eventId: id(101), type: 'LoanApplied', data: { loanId: loan, clubId: club, memberId: member, principalVnd: 1_000_000, termMonths: 2, monthlyRatePct: '0.5', appliedOn: '2025-01-02' } },
  { eventId: id(102), type: 'LoanDisbursed', data: { loanId: loan, clubId: club, memberId: member, principalVnd: 1_000_000, disbursedOn: '2025-01-15', schedule } },
  { eventId: id(103), type: 'LoanRepaymentReceived', data: { loanId: loan, clubId: club, paidOn: '2025-02-15', amountVnd: 505_000, principalVnd: 500_000, interestVnd: 5_000 } },
  { eventId: id(104), type: 'LoanRepaymentReceived', data: { loanId: loan, clubId: club, paidOn: '2025-03-20', amountVnd: 2_500, principalVnd: 0, interestVnd: 2_500 } },
  { eventId: id(105), type: 'LoanWrittenOff', data: { loanId: loan, clubId: club, writtenOffOn: '2025-06-01', principalVnd: 500_000, interestVnd: 0 } },
  // Another club's loan to a stranger: neither in the club's portfolio nor to one of its members.
  { eventId: id(106), type: 'LoanDisbursed', data: { loanId: foreignLoan, clubId: otherClub, memberId: stranger, principalVnd: 9, disbursedOn: '2025-01-15', schedule } },
];
const memberships = { memberships: [{ memberId: member, clubId: club, joinedOn: '2024-01-01', leftOn: null, diedOn: null, member: null }] };

describeWith(['postgres'], 'reporting projection of loan events and membership roles', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('reporting_loans_projection');
    await migrateReportingSchema(db.pool);
  });
  afterAll(() => db?.drop());

  async function inTransaction(fn: (client: PoolClient) => Promise<void>): Promise<void> {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await fn(client);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  }

  it('keeps each disbursed loan with its schedule, payments and write-off; applying the events twice changes nothing', async () => {
    await inTransaction((client) => projectMicrofinanceEvents(loanEvents, client));
    await inTransaction((client) => projectMicrofinanceEvents(loanEvents, client));
    const facts = await readLoanFacts(db.pool, [club], memberships, '2025-12-31');
    expect(facts.loans).toEqual([
      {
        loanId: loan,
        clubId: club,
        memberId: member,
        principalVnd: 1_000_000,
        disbursedOn: '2025-01-15',
        schedule,
        repayments: [
          { paidOn: '2025-02-15', amountVnd: 505_000 },
          { paidOn: '2025-03-20', amountVnd: 2_500 },
        ],
        writtenOffOn: '2025-06-01',
      },
    ]);
    // As of a date: the loans disbursed by then, with the payments made by then.
    expect((await readLoanFacts(db.pool, [club], memberships, '2025-02-28')).loans[0].repayments).toEqual([{ paidOn: '2025-02-15', amountVnd: 505_000 }]);
    expect((await readLoanFacts(db.pool, [club], memberships, '2025-01-14')).loans).toEqual([]);
    // A member's loan from another club's fund is read for members_with_loan_pct.
    expect((await readLoanFacts(db.pool, [otherClub], { memberships: [] }, '2025-12-31')).loans.map((l) => l.loanId)).toEqual([foreignLoan]);
  });

  it('keeps the role set of each membership from the join and from each change; applying the events twice changes nothing', async () => {
    const events: RegistryEvent[] = [
      { type: 'MemberJoinedClub', data: { memberId: member, clubId: club, joinedOn: '2024-01-01', roles: ['member'] } },
      { type: 'MembershipRolesChanged', data: { memberId: member, clubId: club, roles: ['member', 'home_care_volunteer'], effectiveOn: '2025-03-01' } },
    ];
    await inTransaction((client) => projectRegistryEvents(events, client));
    await inTransaction((client) => projectRegistryEvents(events, client));
    expect((await readRoleFacts(db.pool, [club], '2025-12-31')).roleSets).toEqual([
      { memberId: member, clubId: club, effectiveOn: '2024-01-01', roles: ['member'] },
      { memberId: member, clubId: club, effectiveOn: '2025-03-01', roles: ['member', 'home_care_volunteer'] },
    ]);
    expect((await readRoleFacts(db.pool, [club], '2025-02-28')).roleSets).toHaveLength(1);
  });
});
