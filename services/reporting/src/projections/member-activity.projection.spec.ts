import { ActivitiesEvent, LoanDisbursedV1 } from '@ishc/contracts';
import { describeWith } from '@ishc/testing';
import { givenReportingDatabase } from '../spec-support/given-reporting-database';
import { projectActivitiesEvents } from './activities.projection';
import { projectLoanEvents, ProjectedLoanEvent } from './loans.projection';
import { MEMBER_ACTIVITY_FROM_FACTS } from './member-activity.statements';
import { migrateReportingSchema } from './reporting-schema';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const member = (n: number) => `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const CLUB = id(1);
let next = 100;
const uuid = () => `20000000-0000-4000-8000-${String(next++).padStart(12, '0')}`;

const checked = (memberId: string, checkedOn: string): ActivitiesEvent => ({ type: 'HealthCheckRecorded', data: { healthCheckId: uuid(), clubId: CLUB, memberId, checkedOn } });
const visited = (beneficiaryId: string, visitedOn: string, volunteerId = member(99)): ActivitiesEvent => ({
  type: 'HomeCareVisitRecorded',
  data: { visitId: uuid(), clubId: CLUB, volunteerId, beneficiaryId, visitedOn },
});
const disbursed = (loanId: string, memberId: string, disbursedOn: string): ProjectedLoanEvent => ({
  eventId: uuid(),
  type: 'LoanDisbursed',
  data: { loanId, clubId: CLUB, memberId, principalVnd: 1_000_000, disbursedOn, schedule: [] } satisfies LoanDisbursedV1,
});

describeWith(['postgres'], "reporting's per-member activity days (rp_member_activity)", () => {
  const db = givenReportingDatabase('reporting_member_activity');
  const { inTransaction } = db;

  const activities = (events: ActivitiesEvent[]) => inTransaction((client) => projectActivitiesEvents(events, client));
  const loans = (events: ProjectedLoanEvent[]) => inTransaction((client) => projectLoanEvents(events, client));
  async function daysOf(memberId: string): Promise<{ checked: string; visited: string; borrowed: string } | undefined> {
    const r = await db.pool.query(`SELECT checked::text, visited::text, borrowed::text FROM rp_member_activity WHERE member_id = $1`, [memberId]);
    return r.rows[0];
  }

  it('given two health checks of a member on one day, one on the next day and one in June, then the member has those three days once each (adjacent days join into one range)', async () => {
    await activities([checked(member(1), '2025-03-10'), checked(member(1), '2025-03-10'), checked(member(1), '2025-03-11'), checked(member(1), '2025-06-01')]);
    expect(await daysOf(member(1))).toEqual({ checked: '{[2025-03-10,2025-03-12),[2025-06-01,2025-06-02)}', visited: '{}', borrowed: '{}' });
  });

  it('given a home-care visit, then the day is the beneficiary’s, not the volunteer’s', async () => {
    await activities([visited(member(2), '2025-04-01', member(3))]);
    expect(await daysOf(member(2))).toEqual({ checked: '{}', visited: '{[2025-04-01,2025-04-02)}', borrowed: '{}' });
    expect(await daysOf(member(3))).toBeUndefined();
  });

  it('given the same events delivered again (in one batch and in a later one), then the row is unchanged', async () => {
    const events = [checked(member(4), '2025-02-01'), visited(member(4), '2025-02-03')];
    await activities([...events, ...events]);
    const once = await daysOf(member(4));
    await activities(events);
    expect(await daysOf(member(4))).toEqual(once);
    expect(once).toEqual({ checked: '{[2025-02-01,2025-02-02)}', visited: '{[2025-02-03,2025-02-04)}', borrowed: '{}' });
  });

  it('given the days out of order (later day first, in separate batches), then the row is the one in order', async () => {
    await activities([checked(member(5), '2025-09-01')]);
    await loans([disbursed(uuid(), member(5), '2025-08-01')]);
    await activities([checked(member(5), '2025-01-01'), visited(member(5), '2025-05-01')]);
    await activities([checked(member(6), '2025-01-01'), visited(member(6), '2025-05-01'), checked(member(6), '2025-09-01')]);
    await loans([disbursed(uuid(), member(6), '2025-08-01')]);
    expect(await daysOf(member(5))).toEqual(await daysOf(member(6)));
    expect((await daysOf(member(5)))?.checked).toBe('{[2025-01-01,2025-01-02),[2025-09-01,2025-09-02)}');
  });

  it('given a later disbursement of a loan with another day (the rule of rp_loan: the later wins), then the earlier day is removed, not kept beside it', async () => {
    const loan = uuid();
    await loans([disbursed(uuid(), member(7), '2025-01-05'), disbursed(loan, member(7), '2025-02-01')]);
    await loans([disbursed(loan, member(7), '2025-03-01')]);
    expect((await daysOf(member(7)))?.borrowed).toBe('{[2025-01-05,2025-01-06),[2025-03-01,2025-03-02)}');
    // Were it another member's, the earlier borrower loses the day too.
    await loans([disbursed(loan, member(8), '2025-03-01')]);
    expect((await daysOf(member(7)))?.borrowed).toBe('{[2025-01-05,2025-01-06)}');
    expect((await daysOf(member(8)))?.borrowed).toBe('{[2025-03-01,2025-03-02)}');
  });

  it('given the facts projected so far, then recomputing every row from the facts (the migration’s backfill) changes nothing', async () => {
    const before = await db.pool.query(`SELECT member_id, checked::text, visited::text, borrowed::text FROM rp_member_activity ORDER BY member_id`);
    await db.pool.query(MEMBER_ACTIVITY_FROM_FACTS);
    const after = await db.pool.query(`SELECT member_id, checked::text, visited::text, borrowed::text FROM rp_member_activity ORDER BY member_id`);
    expect(after.rows).toEqual(before.rows);
    expect(after.rows.length).toBeGreaterThan(0);
  });

  it('given a generation with facts but no rp_member_activity (from before it), when the migration runs, then the table is filled from the facts', async () => {
    const before = await db.pool.query(`SELECT member_id, checked::text, visited::text, borrowed::text FROM rp_member_activity ORDER BY member_id`);
    await db.pool.query(`DROP VIEW public.rp_member_activity; DROP TABLE rp_generation_0.rp_member_activity`);
    await migrateReportingSchema(db.pool);
    const after = await db.pool.query(`SELECT member_id, checked::text, visited::text, borrowed::text FROM rp_member_activity ORDER BY member_id`);
    expect(after.rows).toEqual(before.rows);
  });
});
