import { describeWith } from '@ishc/testing';
import { PoolClient } from 'pg';
import { givenReportingDatabase } from '../spec-support/given-reporting-database';
import { projectActivitiesEvents } from './activities.projection';
import { ProjectedMicrofinanceEvent, projectMicrofinanceEvents } from './microfinance.projection';
import { ProjectedEvent, projectRegistryEvents } from './registry.projection';

// The projections apply a whole batch with a few multi-row statements (batched-statements.ts). These
// cases put order-sensitive sequences inside ONE batch and check that the rows are exactly those of
// applying the events one by one, and that applying the batch a second time changes nothing.

type Project = (events: readonly ProjectedMicrofinanceEvent[], client: PoolClient) => Promise<void>;

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
let nextEventId = 1000;
const recorded = (event: ProjectedEvent): ProjectedMicrofinanceEvent => ({ eventId: id(nextEventId++), ...event });
const [CLUB, OTHER_CLUB, ANH, BINH] = [id(1), id(2), id(3), id(4)];

const unit = (code: string, parentCode: string | null, validFrom: string, validTo: string | null = null) =>
  recorded({ type: 'OrgUnitDefined', data: { code, name: code, level: 'commune', parentCode, validFrom, validTo, attributes: {} } });
const joined = (memberId: string, joinedOn: string, roles = ['member']) => recorded({ type: 'MemberJoinedClub', data: { memberId, clubId: CLUB, joinedOn, roles } });
const ended = (memberId: string, leftOn: string) => recorded({ type: 'MembershipEnded', data: { memberId, clubId: CLUB, leftOn, reason: null } });
const registered = (memberId: string, sex: 'F' | 'M') =>
  recorded({
    type: 'MemberRegistered',
    data: { memberId, sex, birthYear: 1955, ethnicMinority: null, disadvantaged: ['poor', 'living "alone"'], communeCode: 'C1', registeredOn: '2020-01-01', personal: {} },
  });
const schedule = [{ number: 1, dueOn: '2025-02-15', principalVnd: 100, interestVnd: 1 }];
const disbursed = (loanId: string, principalVnd: number) =>
  recorded({ type: 'LoanDisbursed', data: { loanId, clubId: CLUB, memberId: ANH, principalVnd, disbursedOn: '2025-01-15', schedule } });
const writtenOff = (loanId: string) => recorded({ type: 'LoanWrittenOff', data: { loanId, clubId: CLUB, writtenOffOn: '2025-06-01', principalVnd: 100, interestVnd: 0 } });

describeWith(['postgres'], 'reporting projections applied a batch at a time', () => {
  const db = givenReportingDatabase('reporting_batched');
  const { inTransaction } = db;
  let tables: string[];
  beforeAll(async () => {
    const r = await db.pool.query<{ t: string }>(
      `SELECT table_name AS t FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_name LIKE 'rp\\_%' AND table_name NOT IN ('rp_projection_version', 'rp_read_model_identity') ORDER BY 1`,
    );
    tables = r.rows.map((row) => row.t);
  });

  /** Every row of every read model, as JSON (dates as ISO strings), in a stable order. */
  const rows = async (): Promise<Record<string, unknown[]>> => {
    const all: Record<string, unknown[]> = {};
    for (const t of tables) {
      const r = await db.pool.query<{ row: unknown }>(`SELECT to_jsonb(x) AS row FROM ${t} x ORDER BY to_jsonb(x)::text`);
      if (r.rows.length > 0) all[t] = r.rows.map((row) => row.row);
    }
    return all;
  };

  // DELETE, not TRUNCATE: the read models may be views onto a generation's tables (read-model-views.ts).
  const emptyTables = async () => {
    for (const t of tables) await db.pool.query(`DELETE FROM ${t}`);
  };

  /**
   * Applies `events` as one batch, then that batch again (a redelivery), and returns the rows after each;
   * checks on the way that applying the same events one per batch leaves the same rows both times.
   */
  async function appliedAsOneBatch(project: Project, events: ProjectedMicrofinanceEvent[]): Promise<{ once: Record<string, unknown[]>; twice: Record<string, unknown[]> }> {
    const oneByOne = async () => {
      for (const event of events) await inTransaction((client) => project([event], client));
      return rows();
    };
    const asOneBatch = async () => {
      await inTransaction((client) => project(events, client));
      return rows();
    };
    await emptyTables();
    const expected = { once: await oneByOne(), twice: await oneByOne() };
    await emptyTables();
    const once = await asOneBatch();
    const twice = await asOneBatch();
    expect({ once, twice }).toEqual(expected);
    return { once, twice };
  }

  describe('registry', () => {
    it('a member who joins, leaves, joins again and leaves again in one batch has two closed memberships', async () => {
      const { once: after, twice } = await appliedAsOneBatch(projectRegistryEvents, [joined(ANH, '2021-01-01'), ended(ANH, '2022-01-01'), joined(ANH, '2023-01-01'), ended(ANH, '2024-01-01')]);
      expect(after.rp_membership).toEqual([
        { member_id: ANH, club_id: CLUB, joined_on: '2021-01-01', left_on: '2022-01-01' },
        { member_id: ANH, club_id: CLUB, joined_on: '2023-01-01', left_on: '2024-01-01' },
      ]);
      expect(twice).toEqual(after);
    });

    it('an end before its join in the batch ends nothing (as one by one); of two ends of one membership the last wins', async () => {
      const { once: after } = await appliedAsOneBatch(projectRegistryEvents, [ended(ANH, '2022-01-01'), joined(ANH, '2021-01-01'), joined(BINH, '2021-01-01'), ended(BINH, '2022-01-01'), ended(BINH, '2021-06-01')]);
      expect(after.rp_membership).toEqual([
        { member_id: BINH, club_id: CLUB, joined_on: '2021-01-01', left_on: '2021-06-01' },
        { member_id: ANH, club_id: CLUB, joined_on: '2021-01-01', left_on: null },
      ]);
      // Delivered again, the early end/dissolution/write-off now finds its row: as one by one (appliedAsOneBatch checks it).
    });

    it('the roles of one day are the latest event’s, whether the join or the change came last', async () => {
      const changed = (memberId: string, roles: string[]) => recorded({ type: 'MembershipRolesChanged', data: { memberId, clubId: CLUB, roles, effectiveOn: '2021-01-01' } });
      const { once: after, twice } = await appliedAsOneBatch(projectRegistryEvents, [joined(ANH, '2021-01-01'), changed(ANH, ['chair']), changed(BINH, ['chair']), joined(BINH, '2021-01-01')]);
      expect(after.rp_membership_roles).toEqual([
        { member_id: ANH, club_id: CLUB, effective_on: '2021-01-01', roles: ['chair'] },
        { member_id: BINH, club_id: CLUB, effective_on: '2021-01-01', roles: ['member'] },
      ]);
      expect(twice).toEqual(after);
    });

    it('a death before the registration (another stream) in the same batch keeps both; the same registration twice is one row', async () => {
      const death = recorded({ type: 'MemberDied', data: { memberId: ANH, diedOn: '2024-05-01' } });
      const { once: after, twice } = await appliedAsOneBatch(projectRegistryEvents, [death, registered(ANH, 'M'), registered(ANH, 'F'), registered(BINH, 'M'), registered(BINH, 'M')]);
      const member = { birth_year: 1955, ethnic_minority: null, disadvantaged: ['poor', 'living "alone"'] };
      expect(after.rp_member).toEqual([
        { member_id: ANH, sex: 'F', died_on: '2024-05-01', ...member },
        { member_id: BINH, sex: 'M', died_on: null, ...member },
      ]);
      expect(twice).toEqual(after);
    });

    it('an org unit defined, reparented, retired and defined again in one batch has the parent links of one by one', async () => {
      const reform = { changeSetId: 'cs' };
      const { once: after, twice } = await appliedAsOneBatch(projectRegistryEvents, [
        unit('K', 'D1', '2000-01-01'),
        unit('L', 'D1', '2000-01-01'),
        recorded({ type: 'OrgUnitReparented', data: { code: 'K', parentCode: 'D2', effectiveOn: '2025-07-01', ...reform } }),
        recorded({ type: 'OrgUnitRetired', data: { code: 'K', validTo: '2026-06-30', ...reform } }),
        unit('K', 'D3', '2010-01-01'),
        unit('L', 'D3', '2010-01-01'),
        unit('L', 'D4', '2012-01-01'),
      ]);
      expect(after.rp_org_unit_parent).toEqual([
        { code: 'K', parent_code: 'D3', valid_from: '2010-01-01', valid_to: '2025-06-30' },
        { code: 'K', parent_code: 'D2', valid_from: '2025-07-01', valid_to: null },
        { code: 'L', parent_code: 'D4', valid_from: '2012-01-01', valid_to: null },
      ]);
      expect(after.rp_org_unit.map((u) => [(u as { code: string }).code, (u as { valid_from: string }).valid_from])).toEqual([
        ['K', '2010-01-01'],
        ['L', '2012-01-01'],
      ]);
      expect(twice).toEqual(after);
    });

    it('a club established twice keeps the later values; a dissolution counts only after its establishment', async () => {
      const established = (clubId: string, name: string) => recorded({ type: 'ClubEstablished', data: { clubId, name, communeCode: 'C1', hamletCode: null, establishedOn: '2020-01-01' } });
      const dissolved = (clubId: string) => recorded({ type: 'ClubDissolved', data: { clubId, dissolvedOn: '2024-01-01' } });
      const { once: after } = await appliedAsOneBatch(projectRegistryEvents, [established(CLUB, 'old name'), established(CLUB, 'new name'), dissolved(CLUB), dissolved(OTHER_CLUB), established(OTHER_CLUB, 'other')]);
      expect(after.rp_club).toEqual([
        { club_id: CLUB, name: 'new name', commune_code: 'C1', established_on: '2020-01-01', dissolved_on: '2024-01-01' },
        { club_id: OTHER_CLUB, name: 'other', commune_code: 'C1', established_on: '2020-01-01', dissolved_on: null },
      ]);
      // Delivered again, the early end/dissolution/write-off now finds its row: as one by one (appliedAsOneBatch checks it).
    });
  });

  describe('microfinance', () => {
    it('a loan disbursed, repaid and written off in one batch; a write-off before its disbursement writes nothing off', async () => {
      const [loan, early] = [id(51), id(52)];
      const repayment = recorded({ type: 'LoanRepaymentReceived', data: { loanId: loan, clubId: CLUB, paidOn: '2025-02-15', amountVnd: 101, principalVnd: 100, interestVnd: 1 } });
      const { once: after } = await appliedAsOneBatch(projectMicrofinanceEvents, [disbursed(loan, 99), disbursed(loan, 100), repayment, repayment, writtenOff(loan), writtenOff(early), disbursed(early, 100)]);
      const loanRow = { club_id: CLUB, member_id: ANH, disbursed_on: '2025-01-15', schedule, principal_vnd: 100 };
      expect(after.rp_loan).toEqual([
        { loan_id: loan, ...loanRow, written_off_on: '2025-06-01' },
        { loan_id: early, ...loanRow, written_off_on: null },
      ]);
      expect(after.rp_loan_repayment).toEqual([{ event_id: repayment.eventId, loan_id: loan, paid_on: '2025-02-15', amount_vnd: 101 }]);
      // Delivered again, the early end/dissolution/write-off now finds its row: as one by one (appliedAsOneBatch checks it).
    });

    it('a fund opened twice keeps the later date; the same movement twice is one movement', async () => {
      const opened = (openedOn: string) => recorded({ type: 'FundOpened', data: { clubId: CLUB, kind: 'income', openedOn } });
      const contribution = recorded({ type: 'FundContributionReceived', data: { clubId: CLUB, kind: 'income', amountVnd: 500, source: 'members', receivedOn: '2021-02-01' } });
      const { once: after, twice } = await appliedAsOneBatch(projectMicrofinanceEvents, [opened('2021-01-01'), contribution, opened('2020-01-01'), contribution]);
      expect(after.rp_fund).toEqual([{ club_id: CLUB, kind: 'income', opened_on: '2020-01-01' }]);
      expect(after.rp_fund_movement).toEqual([{ event_id: contribution.eventId, club_id: CLUB, kind: 'income', on_date: '2021-02-01', cash_delta_vnd: 500, principal_delta_vnd: 0 }]);
      expect(twice).toEqual(after);
    });
  });

  describe('activities', () => {
    it('a record delivered twice in one batch is one row, the first', async () => {
      const meeting = (areas: string[]) => ({ type: 'MonthlyMeetingHeld', data: { meetingId: id(61), clubId: CLUB, heldOn: '2025-03-01', attendeeIds: [], areas, topics: [], extra: false } });
      const visit = { type: 'HomeCareVisitRecorded', data: { visitId: id(62), clubId: CLUB, volunteerId: ANH, beneficiaryId: BINH, visitedOn: '2025-03-02' } };
      const { once: after, twice } = await appliedAsOneBatch(projectActivitiesEvents, [recorded(meeting(['health'])), recorded(visit), recorded(meeting(['culture'])), recorded(visit)]);
      expect(after.rp_meeting).toEqual([{ meeting_id: id(61), club_id: CLUB, held_on: '2025-03-01', areas: ['health'], extra: false }]);
      expect(after.rp_home_care_visit).toEqual([{ visit_id: id(62), club_id: CLUB, volunteer_id: ANH, beneficiary_id: BINH, visited_on: '2025-03-02' }]);
      expect(twice).toEqual(after);
    });
  });
});
