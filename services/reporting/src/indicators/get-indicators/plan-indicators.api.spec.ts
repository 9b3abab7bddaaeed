import request from 'supertest';
import { describeWith } from '@ishc/testing';
import { TRA_CU_PLAN } from '../../plans/built-in-plans/built-in-plans';
import { ReportingTestApp, startReporting } from '../../spec-support/reporting-test-app';
import { TraCuScenario, traCuScenario, untilProjected } from '../../spec-support/tra-cu-scenario';

type Indicator = { code: string; value: number | null; numerator: number; denominator: number | null; target?: { op: string; value: number }; met?: boolean };
const byCode = (indicators: Indicator[]) => Object.fromEntries(indicators.map((i) => [i.code, i]));
const OLD_COMMUNES = ['29461', '29462', '29464', '29467', '29470', '29473', '29476', '29479', '29482', '29485', '29488', '29489', '29491', '29494', '29503', '29506', '29509'];
const FOOTPRINT = ['V86-DAIAN', 'V86-HAMGIANG', 'V86-LNA', 'V86-LONGHIEP', 'V86-TAPSON', 'V86-TRACU'];

describeWith(['postgres'], 'GET /api/reporting/indicators with a plan, across the 2025 reform (built-in reference data)', () => {
  let t: ReportingTestApp;
  let admin: string;
  let scenario: TraCuScenario;
  const get = (path: string, token = admin) => request(t.app.getHttpServer()).get(`/api/reporting${path}`).set('Authorization', `Bearer ${token}`);
  const plan = TRA_CU_PLAN.code;

  beforeAll(async () => {
    t = await startReporting({ builtInPlans: true });
    admin = await t.token();
    scenario = await traCuScenario(t);
    await untilProjected(t, scenario.tokens);
    // The built-in plans are defined once their units are projected (checked every 2 s).
    for (let attempt = 0; attempt < 150; attempt++) {
      if ((await get(`/plans/${plan}`)).status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }, 120000);
  afterAll(() => t?.close());

  it('on 2025-06-30 the Trà Cú plan covers the 17 communes of district 849, with value, target and met per indicator', async () => {
    const res = await get(`/indicators?plan=${plan}&asOf=2025-06-30`).expect(200);
    expect(res.body).toMatchObject({ orgUnit: '849', asOf: '2025-06-30', plan, basis: 'unit', scope: OLD_COMMUNES });
    const i = byCode(res.body.indicators);
    expect(i.communes_with_club_pct).toEqual({ code: 'communes_with_club_pct', value: 11.76, numerator: 2, denominator: 17, target: { op: '>=', value: 100 }, met: false });
    expect(i.clubs_active.value).toBe(3);
    expect(i.clubs_new).toEqual({ code: 'clubs_new', value: 2, numerator: 2, denominator: null, target: { op: '>=', value: 50 }, met: false });
    expect(i.members_new_clubs).toMatchObject({ value: 53, target: { op: '>', value: 3444 }, met: false });
    expect(i.elderly_members_new_clubs.value).toBe(32);
    expect(i.clubs_with_both_funds_pct).toMatchObject({ numerator: 1, denominator: 3, met: false });
    // Only B has 50–70 members and 60% women, 60% older, 40% young.
    expect(i.clubs_size_compliant_pct).toMatchObject({ numerator: 1, denominator: 3, target: { op: '>=', value: 100 }, met: false });
    expect(i.clubs_composition_compliant_pct).toMatchObject({ numerator: 1, denominator: 3 });
    expect(i.clubs_active.target).toBeUndefined();
  });

  it('on 2025-12-31 (district ended) it covers its footprint: the 6 new communes, the clubs followed through the whole successions', async () => {
    const res = await get(`/indicators?plan=${plan}&asOf=2025-12-31`).expect(200);
    expect(res.body).toMatchObject({ orgUnit: '849', asOf: '2025-12-31', plan, basis: 'footprint', scope: FOOTPRINT });
    const i = byCode(res.body.indicators);
    expect(i.clubs_active.value).toBe(4);
    expect(i.communes_with_club_pct).toMatchObject({ value: 50, numerator: 3, denominator: 6 });
    expect(i.clubs_new.value).toBe(3);
    // The same with the unit named explicitly.
    expect((await get(`/indicators?orgUnit=849&plan=${plan}&asOf=2025-12-31`).expect(200)).body).toEqual(res.body);
    // Without the plan, an ended unit has no figures on that date; its successor province has.
    await get('/indicators?orgUnit=849&asOf=2025-12-31').expect(404);
    const province = (await get('/indicators?orgUnit=86&asOf=2025-12-31').expect(200)).body;
    expect(province.scope).toEqual(FOOTPRINT);
    expect(byCode(province.indicators).clubs_active.value).toBe(4);
  });

  it('evaluates the national 1336 plan on the country, with its targets', async () => {
    const res = await get('/indicators?plan=VN-1336-2020&asOf=2025-12-31').expect(200);
    expect(res.body).toMatchObject({ orgUnit: 'VN', plan: 'VN-1336-2020', basis: 'unit', scope: FOOTPRINT });
    expect(byCode(res.body.indicators).clubs_new).toEqual({ code: 'clubs_new', value: 3, numerator: 3, denominator: null, target: { op: '>=', value: 3000 }, met: false });
  });

  it('takes elderlyAge from the plan, and counts only clubs established within its period as new', async () => {
    const definition = { name: 'Thử 55+', orgUnitCode: '849', start: '2023-01-01', end: '2025-12-31', elderlyAge: 55, targets: [{ indicator: 'clubs_new', op: '=', value: 2 }] };
    const put = await request(t.app.getHttpServer()).put('/api/reporting/plans/T55').set('Authorization', `Bearer ${admin}`).send(definition).expect(201);
    const i = byCode((await get(`/indicators?plan=T55&asOf=2025-06-30&consistentWith=${put.headers['x-consistency-token']}`).expect(200)).body.indicators);
    // New since 2023: C only (3 members; aged 85, 80 and 57: all older at 55).
    expect(i.clubs_new).toMatchObject({ value: 1, met: false });
    expect(i.members_new_clubs.value).toBe(3);
    expect(i.elderly_members_new_clubs.value).toBe(3);
    expect(i.members_active_older.value).toBe(33);
    // Without a plan: elderlyAge 60 and no new-club indicators.
    const plain = byCode((await get('/indicators?orgUnit=849&asOf=2025-06-30').expect(200)).body.indicators);
    expect(plain.members_active_older.value).toBe(32);
    expect(plain.clubs_new).toBeUndefined();
  });

  it('breaks the plan down by commune (one row per commune of the footprint) and by club', async () => {
    const communes = (await get(`/indicators/breakdown?plan=${plan}&asOf=2025-12-31&by=commune`).expect(200)).body;
    expect(communes).toMatchObject({ orgUnit: '849', plan, basis: 'footprint', by: 'commune', scope: FOOTPRINT });
    expect(communes.rows.map((r: { orgUnit: string }) => r.orgUnit)).toEqual(FOOTPRINT);
    const traCu = communes.rows.find((r: { orgUnit: string }) => r.orgUnit === 'V86-TRACU');
    expect(traCu.orgUnitName).toBe('Xã Trà Cú');
    expect(byCode(traCu.indicators).clubs_active.value).toBe(2);
    expect(byCode(traCu.indicators).clubs_new).toMatchObject({ value: 1, target: { op: '>=', value: 50 }, met: false });
    const total = communes.rows.reduce((sum: number, r: { indicators: Indicator[] }) => sum + (byCode(r.indicators).clubs_active.value as number), 0);
    expect(total).toBe(4);

    const clubs = (await get(`/indicators/breakdown?orgUnit=849&asOf=2025-06-30&by=club`).expect(200)).body;
    expect(clubs.rows.map((r: { clubId: string }) => r.clubId).sort()).toEqual([scenario.clubs.a, scenario.clubs.b, scenario.clubs.c].sort());
    const b = clubs.rows.find((r: { clubId: string }) => r.clubId === scenario.clubs.b);
    expect(b).toMatchObject({ orgUnit: '29461', orgUnitName: 'Thị trấn Trà Cú', clubName: `CLB ${scenario.clubs.b.slice(0, 4)}` });
    expect(byCode(b.indicators)).toMatchObject({ members_active: { value: 50 }, clubs_composition_compliant_pct: { value: 100 }, clubs_with_both_funds_pct: { value: 100 } });
  });

  it('400 names by and every other bad parameter; 404 unknown plan or unit; 403 out of scope; a district officer of 849 sees its footprint', async () => {
    const bad = await get('/indicators/breakdown?orgUnit=849&by=hamlet&asOf=yesterday').expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['asOf', 'by']);
    const missing = await get('/indicators/breakdown').expect(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['by', 'orgUnit']);
    await get('/indicators/breakdown?plan=NOPE&by=commune').expect(404);
    await get('/indicators/breakdown?orgUnit=nowhere&by=club').expect(404);
    await get(`/indicators/breakdown?plan=${plan}&asOf=2025-12-31&by=commune`, await t.token(['commune_officer'], ['29461'])).expect(403);
    await get(`/indicators?plan=${plan}&asOf=2025-12-31`, await t.token(['district_officer'], ['848'])).expect(403);
    await get(`/indicators?plan=${plan}&asOf=2025-12-31`, await t.token(['district_officer'], ['849'])).expect(200);
    // The new province's officers have every commune of the footprint in scope after the reform, not the district before it.
    const vinhLong = await t.token(['province_officer'], ['86']);
    await get(`/indicators?plan=${plan}&asOf=2025-12-31`, vinhLong).expect(200);
    await get(`/indicators?plan=${plan}&asOf=2025-06-30`, vinhLong).expect(403);
    await get(`/indicators?plan=${plan}&asOf=2025-12-31`, await t.token(['commune_officer'], ['V86-TRACU'])).expect(403);
    await request(t.app.getHttpServer()).get('/api/reporting/indicators/breakdown?orgUnit=849&by=club').expect(401);
    // Before the unit existed.
    await get('/indicators?orgUnit=V86-TRACU&asOf=2025-06-30').expect(404);
  });
});
