import request from 'supertest';
import {
  CLUB_ACTIVITIES_STREAM,
  FundEvent,
  LOAN_STREAM,
  LoanEvent,
  MembershipRole,
  ScheduledInstalmentV1,
  clubActivitiesStreamId,
  loanStreamId,
} from '@ishc/contracts';
import { formatConsistencyToken } from '@ishc/platform';
import { describeWith } from '@ishc/testing';
import { randomUUID } from 'node:crypto';
import { ReportingTestApp, startReporting } from '../../spec-support/reporting-test-app';

// The hand-computed round (microfinance's own specs check the same table): a fund of 20,000,000
// VND lends 5 loans of 4,000,000 VND over 10 months at 0.5 %/month on 2025-01-15. L1 pays on time, L2 pays
// instalment 1 late on 2025-03-01, L3 is written off on 2025-04-30, L4 pays the first interest only, L5
// repays everything on 2025-02-10.
const SCHEDULE: ScheduledInstalmentV1[] = Array.from({ length: 10 }, (_, i) => ({
  number: i + 1,
  dueOn: `2025-${String(i + 2).padStart(2, '0')}-15`,
  principalVnd: 400_000,
  interestVnd: 20_000 - 2_000 * i,
}));
/** [loan, date, amount] in the order recorded; the split is the schedule's (interest first). */
const PAYMENTS: Array<[number, string, number, number]> = [
  [5, '2025-02-10', 4_000_000, 110_000],
  [1, '2025-02-15', 400_000, 20_000],
  [4, '2025-02-15', 0, 20_000],
  [2, '2025-03-01', 400_000, 20_000],
  [1, '2025-03-15', 400_000, 18_000],
  [1, '2025-04-15', 400_000, 16_000],
];
/** [date, loans outstanding, PAR30 principal, income fund capital] (hand-computed). */
const HAND: Array<[string, number, number, number]> = [
  ['2025-01-14', 0, 0, 20_000_000],
  ['2025-01-15', 20_000_000, 0, 20_000_000],
  ['2025-02-28', 15_600_000, 0, 20_150_000],
  ['2025-03-17', 14_800_000, 0, 20_188_000],
  ['2025-03-18', 14_800_000, 8_000_000, 20_188_000],
  ['2025-04-20', 14_400_000, 11_600_000, 20_204_000],
  ['2025-04-30', 10_400_000, 7_600_000, 16_204_000],
];

describeWith(['postgres'], 'GET /api/reporting/indicators: loans and well-managed clubs from microfinance, registry and activities events', () => {
  let t: ReportingTestApp;
  let admin: string;
  let tokens: string;
  const get = (path: string) => request(t.app.getHttpServer()).get(`/api/reporting${path}`).set('Authorization', `Bearer ${admin}`);
  const byCode = (res: request.Response) => Object.fromEntries(res.body.indicators.map((i: { code: string }) => [i.code, i]));
  const personal = { alg: 'A256GCM' as const, iv: '', tag: '', ciphertext: '' };
  const loanEvents = async (loanId: string, events: LoanEvent[]) =>
    formatConsistencyToken('microfinance', (await t.microfinanceEvents.append(loanStreamId(loanId), LOAN_STREAM, events, { expectedVersion: 'any' })).lastPosition);

  beforeAll(async () => {
    t = await startReporting();
    admin = await t.token();
    await t.defineUnit({ code: 'VN', name: 'Việt Nam', level: 'country', parentCode: null, validFrom: '1976-07-02', validTo: null });
    await t.defineUnit({ code: '849', name: 'Huyện Trà Cú', level: 'district', parentCode: 'VN', validFrom: '1992-05-01', validTo: null });
    await t.defineUnit({ code: '29461', name: 'Xã A', level: 'commune', parentCode: '849', validFrom: '1992-05-01', validTo: null });
    const club = await t.establishClub('29461', '2021-06-01');
    // 12 members: the 5 borrowers, 5 home-care and 5 livelihood volunteers among them (roles from a change).
    const members = Array.from({ length: 12 }, () => randomUUID());
    let registryToken = club.token;
    for (const [i, memberId] of members.entries()) {
      const roles: MembershipRole[] = i < 5 ? ['home_care_volunteer'] : i < 10 ? ['livelihood_volunteer'] : ['member'];
      registryToken = await t.memberEvents(memberId, [
        { type: 'MemberRegistered', data: { memberId, sex: 'F', birthYear: 1960, ethnicMinority: false, disadvantaged: [], communeCode: '29461', registeredOn: '2022-03-01', personal } },
        { type: 'MemberJoinedClub', data: { memberId, clubId: club.clubId, joinedOn: '2022-03-01', roles: ['member'] } },
        { type: 'MembershipRolesChanged', data: { memberId, clubId: club.clubId, roles, effectiveOn: '2025-02-01' } },
      ]);
    }
    let activitiesToken = '';
    for (const month of ['2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03', '2025-04']) {
      activitiesToken = await t.activityEvents(clubActivitiesStreamId(club.clubId), CLUB_ACTIVITIES_STREAM, [
        { type: 'MonthlyMeetingHeld', data: { meetingId: randomUUID(), clubId: club.clubId, heldOn: `${month}-05`, attendeeIds: [], areas: [], topics: [], extra: false } },
      ]);
    }

    const fund = (events: FundEvent[]) => t.fundEvents(club.clubId, 'income', events);
    await t.fundEvents(club.clubId, 'activity', [{ type: 'FundOpened', data: { clubId: club.clubId, kind: 'activity', openedOn: '2025-01-20' } }]);
    await fund([
      { type: 'FundOpened', data: { clubId: club.clubId, kind: 'income', openedOn: '2025-01-02' } },
      { type: 'FundContributionReceived', data: { clubId: club.clubId, kind: 'income', amountVnd: 12_000_000, source: 'commune_committee', receivedOn: '2025-01-02' } },
      { type: 'FundContributionReceived', data: { clubId: club.clubId, kind: 'income', amountVnd: 8_000_000, source: 'vae', receivedOn: '2025-01-05' } },
    ]);
    const loanIds = [1, 2, 3, 4, 5].map(() => randomUUID());
    let microfinanceToken = '';
    for (const [i, loanId] of loanIds.entries()) {
      const memberId = members[i];
      await loanEvents(loanId, [
        {
          type: 'LoanApplied',
          data: { loanId, clubId: club.clubId, memberId, principalVnd: 4_000_000, termMonths: 10, monthlyRatePct: '0.5', appliedOn: '2025-01-06' },
        },
        { type: 'LoanApproved', data: { loanId, approvedOn: '2025-01-10' } },
        { type: 'LoanDisbursed', data: { loanId, clubId: club.clubId, memberId, principalVnd: 4_000_000, disbursedOn: '2025-01-15', schedule: SCHEDULE } },
      ]);
      await fund([{ type: 'FundLoanDisbursed', data: { clubId: club.clubId, kind: 'income', loanId, amountVnd: 4_000_000, disbursedOn: '2025-01-15' } }]);
    }
    for (const [n, paidOn, principalVnd, interestVnd] of PAYMENTS) {
      const loanId = loanIds[n - 1];
      await loanEvents(loanId, [
        { type: 'LoanRepaymentReceived', data: { loanId, clubId: club.clubId, paidOn, amountVnd: principalVnd + interestVnd, principalVnd, interestVnd } },
        ...(n === 5 ? [{ type: 'LoanRepaid' as const, data: { loanId, clubId: club.clubId, repaidOn: paidOn } }] : []),
      ]);
      await fund([{ type: 'FundRepaymentReceived', data: { clubId: club.clubId, kind: 'income', loanId, principalVnd, interestVnd, receivedOn: paidOn } }]);
    }
    await loanEvents(loanIds[2], [{ type: 'LoanWrittenOff', data: { loanId: loanIds[2], clubId: club.clubId, writtenOffOn: '2025-04-30', principalVnd: 4_000_000, interestVnd: 110_000 } }]);
    microfinanceToken = await fund([
      { type: 'FundLoanWrittenOff', data: { clubId: club.clubId, kind: 'income', loanId: loanIds[2], principalVnd: 4_000_000, writtenOffOn: '2025-04-30' } },
    ]);
    tokens = `${microfinanceToken},${registryToken},${activitiesToken}`;
  });
  afterAll(() => t?.close());

  it.each(HAND)('on %s: loans outstanding %d, PAR30 principal %d, income fund capital %d — the hand-computed figures', async (asOf, outstanding, par30, capital) => {
    const r = byCode(await get(`/indicators?orgUnit=849&asOf=${asOf}&consistentWith=${tokens}`).expect(200));
    expect(r.loans_outstanding_vnd).toEqual({ code: 'loans_outstanding_vnd', value: outstanding, numerator: outstanding, denominator: null });
    expect(r.par30_pct).toMatchObject({ code: 'par30_pct', numerator: par30, denominator: outstanding });
    expect(r.income_fund_capital_vnd.value).toBe(capital);
  });

  it('members_with_loan_pct: 5 of 12 members borrowed within W; with a plan starting after the round, none', async () => {
    const r = byCode(await get(`/indicators?orgUnit=849&asOf=2025-04-30&consistentWith=${tokens}`).expect(200));
    expect(r.members_with_loan_pct).toEqual({ code: 'members_with_loan_pct', value: 41.67, numerator: 5, denominator: 12 });
    const plan = { name: 'Kế hoạch thử', orgUnitCode: '849', start: '2025-02-01', end: '2025-12-31', targets: [{ indicator: 'par30_pct', op: '<=', value: 5 }] };
    const put = await request(t.app.getHttpServer()).put('/api/reporting/plans/LOANS').set('Authorization', `Bearer ${admin}`).send(plan).expect(201);
    const withPlan = byCode(await get(`/indicators?plan=LOANS&asOf=2025-04-30&consistentWith=${put.headers['x-consistency-token']}`).expect(200));
    expect(withPlan.members_with_loan_pct).toMatchObject({ numerator: 0, denominator: 12 });
    expect(withPlan.par30_pct).toMatchObject({ numerator: 7_600_000, denominator: 10_400_000, value: 73.08, target: { op: '<=', value: 5 }, met: false });
  });

  it('clubs_well_managed_pct: meetings in 10 of 12 months, both funds and 5 + 5 volunteers make it well managed; before the roles or the activity fund it is not', async () => {
    const on = async (asOf: string) => byCode(await get(`/indicators?orgUnit=849&asOf=${asOf}&consistentWith=${tokens}`).expect(200));
    expect((await on('2025-04-30')).clubs_well_managed_pct).toEqual({ code: 'clubs_well_managed_pct', value: 100, numerator: 1, denominator: 1 });
    // No session in any area: well managed, but not full-activities.
    expect((await on('2025-04-30')).clubs_full_activities_well_managed_pct).toEqual({ code: 'clubs_full_activities_well_managed_pct', value: 0, numerator: 0, denominator: 1 });
    // 2025-01-31: the activity fund was opened on 01-20, but the volunteers' roles start on 02-01.
    expect((await on('2025-01-31')).clubs_well_managed_pct.numerator).toBe(0);
    // The 12 months to June 2025 hold meetings in 10 (2024-07 … 2025-04): still well managed; to July, only 9.
    expect((await on('2025-06-30')).clubs_well_managed_pct.numerator).toBe(1);
    expect((await on('2025-07-31')).clubs_well_managed_pct.numerator).toBe(0);
  });
});
