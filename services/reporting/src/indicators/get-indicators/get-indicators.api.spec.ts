import request from 'supertest';
import { describeWith } from '@ishc/testing';
import { MemberRegisteredV1 } from '@ishc/contracts';
import { randomUUID } from 'node:crypto';
import { ReportingTestApp, startReporting } from '../../spec-support/reporting-test-app';

const MEMBER_CODES = [
  'members_active',
  'members_active_women',
  'members_active_older',
  'members_active_young',
  'members_active_ethnic_minority',
  'members_active_disadvantaged',
];
const COMPOSITION_CODES = [
  'clubs_size_compliant_pct',
  'clubs_women_share_compliant_pct',
  'clubs_elderly_share_compliant_pct',
  'clubs_young_share_compliant_pct',
  'clubs_composition_compliant_pct',
];
const NEW_CLUB_CODES = ['clubs_new', 'members_new_clubs', 'elderly_members_new_clubs', 'clubs_new_priority_area'];
const PERSONAL: MemberRegisteredV1['personal'] = { alg: 'A256GCM', iv: 'aXY=', tag: 'dGFn', ciphertext: 'c2VjcmV0' };

describeWith(['postgres'], 'GET /api/reporting/indicators', () => {
  let t: ReportingTestApp;
  let admin: string;
  const get = (query: string, token = admin) => request(t.app.getHttpServer()).get(`/api/reporting/indicators?${query}`).set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    t = await startReporting();
    admin = await t.token();
    await t.defineUnit({ code: 'VN', name: 'Việt Nam', level: 'country', parentCode: null, validFrom: '1976-07-02', validTo: null });
    await t.defineUnit({ code: '84', name: 'Tỉnh Trà Vinh', level: 'province', parentCode: 'VN', validFrom: '1992-05-01', validTo: '2025-06-30' });
    await t.defineUnit({ code: '849', name: 'Huyện Trà Cú', level: 'district', parentCode: '84', validFrom: '1992-05-01', validTo: '2025-06-30' });
    for (const code of ['29461', '29462', '29464', '29467']) {
      await t.defineUnit({ code, name: `Xã ${code}`, level: 'commune', parentCode: '849', validFrom: '1992-05-01', validTo: '2025-06-30' });
    }
  });
  afterAll(() => t?.close());

  it('shows a club right after its write when read with consistentWith (no sleeps)', async () => {
    const { token } = await t.establishClub('29461', '2021-06-01');
    const res = await get(`orgUnit=849&asOf=2021-12-31&consistentWith=${token}`).expect(200);
    expect(res.body).toEqual({
      orgUnit: '849',
      asOf: '2021-12-31',
      plan: null,
      basis: 'unit',
      scope: ['29461', '29462', '29464', '29467'],
      indicators: [
        { code: 'communes_with_club_pct', value: 25, numerator: 1, denominator: 4 },
        { code: 'clubs_active', value: 1, numerator: 1, denominator: null },
        { code: 'clubs_with_both_funds_pct', value: 0, numerator: 0, denominator: 1 },
        { code: 'income_fund_capital_vnd', value: 0, numerator: 0, denominator: null },
        ...MEMBER_CODES.map((code) => ({ code, value: 0, numerator: 0, denominator: null })),
        // The club has no members: it meets no composition rule.
        ...COMPOSITION_CODES.map((code) => ({ code, value: 0, numerator: 0, denominator: 1 })),
        // No activity recorded: not full, no regular meetings; no older members, nobody visited.
        { code: 'clubs_full_activities_pct', value: 0, numerator: 0, denominator: 1 },
        { code: 'clubs_well_managed_meetings_pct', value: 0, numerator: 0, denominator: 1 },
        { code: 'elderly_health_checked_pct', value: null, numerator: 0, denominator: 0 },
        { code: 'home_care_beneficiaries', value: 0, numerator: 0, denominator: null },
        { code: 'clubs_well_managed_pct', value: 0, numerator: 0, denominator: 1 },
        { code: 'clubs_full_activities_well_managed_pct', value: 0, numerator: 0, denominator: 1 },
        { code: 'members_with_loan_pct', value: null, numerator: 0, denominator: 0 },
        { code: 'loans_outstanding_vnd', value: 0, numerator: 0, denominator: null },
        { code: 'par30_pct', value: null, numerator: 0, denominator: 0 },
      ],
    });
  });

  it('counts a second club in the same commune once for coverage, twice for clubs_active, and not before it was established', async () => {
    const { token } = await t.establishClub('29461', '2022-03-01');
    const [pct, active] = (await get(`orgUnit=84&asOf=2022-03-01&consistentWith=${token}`).expect(200)).body.indicators;
    expect([pct.numerator, pct.denominator, active.value]).toEqual([1, 4, 2]);
    const earlier = (await get('orgUnit=84&asOf=2022-02-28').expect(200)).body.indicators;
    expect(earlier[1].value).toBe(1);
  });

  it('400 lists every bad parameter; 401 without a token; 403 out of scope; 404 for an unknown unit or one not valid that day', async () => {
    const bad = await get('asOf=2021-02-30&consistentWith=nonsense&color=red').expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(expect.arrayContaining(['asOf', 'orgUnit']));
    const badToken = await get('orgUnit=849&consistentWith=registry:x:1').expect(400);
    expect(badToken.body.errors[0].field).toBe('consistentWith');
    await request(t.app.getHttpServer()).get('/api/reporting/indicators?orgUnit=849').expect(401);
    const otherDistrict = await t.token(['district_officer'], ['848']);
    await get('orgUnit=849&asOf=2021-12-31', otherDistrict).expect(403);
    const inScope = await t.token(['commune_officer'], ['29461']);
    await get('orgUnit=29461&asOf=2021-12-31', inScope).expect(200);
    await get('orgUnit=nowhere&asOf=2021-12-31').expect(404);
    await get('orgUnit=849&asOf=2025-07-01').expect(404);
  });

  it('answers 503 with Retry-After when a write cannot be reached in time', async () => {
    // A position far beyond anything appended: the projection can never reach it.
    const res = await get('orgUnit=849&consistentWith=registry:999999999:999999999').timeout(15000);
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
  }, 20000);

  it('lists the indicator definitions with Vietnamese and English names, and the projection status', async () => {
    const defs = await request(t.app.getHttpServer()).get('/api/reporting/indicator-definitions').set('Authorization', `Bearer ${admin}`).expect(200);
    expect(defs.body.map((d: { code: string }) => d.code)).toEqual([
      'communes_with_club_pct',
      'clubs_active',
      'clubs_with_both_funds_pct',
      'income_fund_capital_vnd',
      ...MEMBER_CODES,
      ...NEW_CLUB_CODES,
      ...COMPOSITION_CODES,
      'clubs_full_activities_pct',
      'clubs_well_managed_meetings_pct',
      'elderly_health_checked_pct',
      'home_care_beneficiaries',
      'clubs_well_managed_pct',
      'clubs_full_activities_well_managed_pct',
      'members_with_loan_pct',
      'loans_outstanding_vnd',
      'par30_pct',
    ]);
    const older = defs.body.find((d: { code: string }) => d.code === 'members_active_older');
    expect(older).toMatchObject({ unit: 'count', denominator: null, names: { vi: expect.stringContaining('cao tuổi'), en: expect.stringContaining('older') } });
    expect(defs.body[0].names.vi).toContain('xã');
    const status = await request(t.app.getHttpServer()).get('/api/reporting/status').set('Authorization', `Bearer ${admin}`).expect(200);
    expect(status.body.sources.map((s: { source: string }) => s.source)).toEqual(expect.arrayContaining(['registry', 'microfinance', 'activities']));
  });

  it('counts the members of clubs(U,T) on T and their breakdown: leftOn exclusive, died on T not counted, erasure changes nothing', async () => {
    const { clubId, token: clubToken } = await t.establishClub('29464', '2023-01-01');
    const tokens = [clubToken];
    const member = async (
      stats: Pick<MemberRegisteredV1, 'sex' | 'birthYear' | 'ethnicMinority' | 'disadvantaged'>,
      then: (memberId: string) => Parameters<ReportingTestApp['memberEvents']>[1] = () => [],
    ) => {
      const memberId = randomUUID();
      tokens.push(
        await t.memberEvents(memberId, [
          { type: 'MemberRegistered', data: { memberId, ...stats, communeCode: '29464', registeredOn: '2023-01-15', personal: PERSONAL } },
          { type: 'MemberJoinedClub', data: { memberId, clubId, joinedOn: '2023-02-01', roles: ['member'] } },
          ...then(memberId),
        ]),
      );
    };
    // Turns 60 in 2024: older on 2024-06-30, young in 2023.
    await member({ sex: 'F', birthYear: 1964, ethnicMinority: true, disadvantaged: ['poor'] });
    // Leaves on 2024-06-30 (exclusive).
    await member({ sex: 'M', birthYear: 1980, ethnicMinority: false, disadvantaged: [] }, (memberId) => [
      { type: 'MembershipEnded', data: { memberId, clubId, leftOn: '2024-06-30', reason: 'moved' } },
    ]);
    // Dies on 2024-06-30.
    await member({ sex: 'F', birthYear: 1950, ethnicMinority: null, disadvantaged: [] }, (memberId) => [
      { type: 'MembershipEnded', data: { memberId, clubId, leftOn: '2024-06-30', reason: 'died' } },
      { type: 'MemberDied', data: { memberId, diedOn: '2024-06-30' } },
    ]);
    // Erased on 2024-03-01: still a member, still counted.
    await member({ sex: 'M', birthYear: 1970, ethnicMinority: false, disadvantaged: ['disability', 'living_alone'] }, (memberId) => [
      { type: 'MemberErased', data: { memberId, erasedOn: '2024-03-01' } },
    ]);
    const membersOn = async (asOf: string) => {
      const res = await get(`orgUnit=29464&asOf=${asOf}&consistentWith=${tokens.join(',')}`).expect(200);
      const indicators: Array<{ code: string; value: number; denominator: number | null }> = res.body.indicators;
      expect(indicators.map((i) => i.code).filter((c) => MEMBER_CODES.includes(c))).toEqual(MEMBER_CODES);
      expect(indicators.filter((i) => MEMBER_CODES.includes(i.code)).every((i) => i.denominator === null)).toBe(true);
      return Object.fromEntries(indicators.filter((i) => MEMBER_CODES.includes(i.code)).map((i) => [i.code, i.value]));
    };

    expect(await membersOn('2024-06-30')).toEqual({
      members_active: 2,
      members_active_women: 1,
      members_active_older: 1,
      members_active_young: 1,
      members_active_ethnic_minority: 1,
      members_active_disadvantaged: 2,
    });
    expect(await membersOn('2024-06-29')).toEqual({
      members_active: 4,
      members_active_women: 2,
      members_active_older: 2,
      members_active_young: 2,
      members_active_ethnic_minority: 1,
      members_active_disadvantaged: 2,
    });
    expect(await membersOn('2023-12-31')).toMatchObject({ members_active: 4, members_active_older: 1, members_active_young: 3 });
    // Before anyone joined, and under the district the club's commune belongs to.
    expect((await membersOn('2023-01-31')).members_active).toBe(0);
    const district = (await get('orgUnit=849&asOf=2024-06-29').expect(200)).body.indicators;
    expect(district.find((i: { code: string }) => i.code === 'members_active').value).toBe(4);
  });
});
