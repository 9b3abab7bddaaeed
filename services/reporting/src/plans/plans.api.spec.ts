import request from 'supertest';
import { PG_POOL } from '@ishc/platform';
import { describeWith } from '@ishc/testing';
import { Pool } from 'pg';
import { ReportingTestApp, startReporting } from '../spec-support/reporting-test-app';

const plan = {
  name: 'Kế hoạch thử',
  orgUnitCode: '849',
  start: '2021-05-07',
  end: '2025-12-31',
  elderlyAge: 55,
  targets: [
    { indicator: 'clubs_new', op: '>=', value: 50 },
    { indicator: 'members_with_loan_pct', op: '>=', value: 50 },
  ],
};

describeWith(['postgres'], 'PUT /api/reporting/plans/{code}, GET /plans, GET /plans/{code}', () => {
  let t: ReportingTestApp;
  let admin: string;
  const server = () => t.app.getHttpServer();
  const put = (code: string, body: unknown, token = admin) => request(server()).put(`/api/reporting/plans/${code}`).set('Authorization', `Bearer ${token}`).send(body as object);
  const get = (path: string, token = admin) => request(server()).get(`/api/reporting${path}`).set('Authorization', `Bearer ${token}`);
  const fields = (res: request.Response) => res.body.errors.map((e: { field: string }) => e.field).sort();

  beforeAll(async () => {
    t = await startReporting();
    admin = await t.token();
    await t.defineUnit({ code: 'VN', name: 'Việt Nam', level: 'country', parentCode: null, validFrom: '1976-07-02', validTo: null });
    await t.defineUnit({ code: '84', name: 'Tỉnh Trà Vinh', level: 'province', parentCode: 'VN', validFrom: '1992-05-01', validTo: '2025-06-30' });
    const token = await t.defineUnit({ code: '849', name: 'Huyện Trà Cú', level: 'district', parentCode: '84', validFrom: '1992-05-01', validTo: '2025-06-30' });
    // Reporting knows units from registry events: wait until the projection has them.
    await get(`/indicators?orgUnit=849&asOf=2021-06-01&consistentWith=${token}`).expect(200);
  });
  afterAll(() => t?.close());

  it('creates a plan (201, with a consistency token), answers 200 when it is replaced, and lists and reads it', async () => {
    const created = await put('TEST-1', plan).expect(201);
    expect(created.body).toEqual({ code: 'TEST-1', ...plan, settings: {} });
    expect(created.headers['x-consistency-token']).toMatch(/^reporting:/);
    await put('TEST-1', plan).expect(200);
    const changed = { ...plan, targets: [{ indicator: 'clubs_new', op: '>', value: 60 }] };
    await put('TEST-1', changed).expect(200);
    expect((await get('/plans/TEST-1').expect(200)).body).toEqual({ code: 'TEST-1', ...changed, settings: {} });
    expect((await get('/plans').expect(200)).body.map((p: { code: string }) => p.code)).toContain('TEST-1');
    // A reporting token is accepted by reads (the plan is visible as soon as the write answered).
    await get(`/indicators?plan=TEST-1&asOf=2024-12-31&consistentWith=${created.headers['x-consistency-token']}`).expect(200);
  });

  it('appends nothing when the same definition is sent again (a plan is a stream of PlanDefined events in reporting’s store)', async () => {
    const pool = t.app.get<Pool>(PG_POOL);
    const events = async () => (await pool.query<{ type: string }>("SELECT type FROM events WHERE stream_id = 'plan-TEST-2' ORDER BY stream_version")).rows;
    await put('TEST-2', plan).expect(201);
    await put('TEST-2', { ...plan, targets: [...plan.targets] }).expect(200);
    expect(await events()).toEqual([{ type: 'PlanDefined' }]);
  });

  it('replays the first answer for the same Idempotency-Key, and 422 for another body with it', async () => {
    const first = await put('TEST-3', plan).set('Idempotency-Key', 'plan-key-1').expect(201);
    const replay = await put('TEST-3', plan).set('Idempotency-Key', 'plan-key-1').expect(201);
    expect(replay.body).toEqual(first.body);
    await put('TEST-3', { ...plan, name: 'khác' }).set('Idempotency-Key', 'plan-key-1').expect(422);
  });

  it('400 lists every bad field: code, name, dates, elderlyAge, unknown indicator, bad op, non-numeric value, unknown key', async () => {
    const res = await put('bad code!', {
      name: '',
      orgUnitCode: '849',
      start: '2021-02-30',
      end: 'soon',
      elderlyAge: 7,
      targets: [
        { indicator: 'happiness_pct', op: '>=', value: 1 },
        { indicator: 'clubs_new', op: '=>', value: '50' },
      ],
      colour: 'red',
    }).expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(fields(res)).toEqual(
      expect.arrayContaining(['code', 'name', 'start', 'end', 'elderlyAge', 'targets.0.indicator', 'targets.1.op', 'targets.1.value']),
    );
    expect(res.body.errors.length).toBeGreaterThanOrEqual(9);
  });

  it('400 for rules on the whole plan: end before start, unknown unit, two targets on one indicator', async () => {
    const res = await put('TEST-4', { ...plan, end: '2020-01-01' }).expect(400);
    expect(fields(res)).toEqual(['end']);
    expect(fields(await put('TEST-4', { ...plan, orgUnitCode: 'nowhere' }).expect(400))).toEqual(['orgUnitCode']);
    const twice = { ...plan, targets: [plan.targets[0], { indicator: 'clubs_new', op: '<', value: 90 }] };
    expect(fields(await put('TEST-4', twice).expect(400))).toEqual(['targets.1.indicator']);
    await get('/plans/TEST-4').expect(404);
  });

  it('401 without a token, 403 for a commune officer or out of scope, 404 for an unknown plan', async () => {
    await request(server()).put('/api/reporting/plans/TEST-5').send(plan).expect(401);
    await request(server()).get('/api/reporting/plans').expect(401);
    await put('TEST-5', plan, await t.token(['commune_officer'], ['849'])).expect(403);
    await put('TEST-5', plan, await t.token(['district_officer'], ['848'])).expect(403);
    await put('TEST-5', plan, await t.token(['district_officer'], ['849'])).expect(201);
    await get('/plans/NO-SUCH-PLAN').expect(404);
    await get('/indicators?plan=NO-SUCH-PLAN').expect(404);
  });
});

describeWith(['postgres'], 'built-in plans (793/QĐ-UBND Trà Cú, 1336/QĐ-TTg national)', () => {
  let t: ReportingTestApp;
  afterAll(() => t?.close());

  it('are defined once their org units are projected, with the targets of ISHC.md §2', async () => {
    t = await startReporting({ builtInPlans: true });
    const admin = await t.token();
    const get = (path: string) => request(t.app.getHttpServer()).get(`/api/reporting${path}`).set('Authorization', `Bearer ${admin}`);
    // No units yet: no plans.
    expect((await get('/plans').expect(200)).body).toEqual([]);
    await t.referenceData();
    let plans: Array<{ code: string }> = [];
    for (let attempt = 0; attempt < 150 && plans.length < 2; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      plans = (await get('/plans').expect(200)).body;
    }
    expect(plans.map((p) => p.code)).toEqual(['TRACU-793-2021', 'VN-1336-2020']);
    const traCu = (await get('/plans/TRACU-793-2021').expect(200)).body;
    expect(traCu).toMatchObject({ orgUnitCode: '849', start: '2021-05-07', end: '2025-12-31', elderlyAge: 60 });
    expect(traCu.targets).toEqual(
      expect.arrayContaining([
        { indicator: 'communes_with_club_pct', op: '>=', value: 100 },
        { indicator: 'clubs_new', op: '>=', value: 50 },
        { indicator: 'members_new_clubs', op: '>', value: 3444 },
        { indicator: 'elderly_members_new_clubs', op: '>', value: 2240 },
        { indicator: 'clubs_full_activities_well_managed_pct', op: '>=', value: 70 },
        { indicator: 'members_with_loan_pct', op: '>=', value: 50 },
        { indicator: 'clubs_with_both_funds_pct', op: '>=', value: 100 },
      ]),
    );
    expect((await get('/plans/VN-1336-2020').expect(200)).body).toMatchObject({ orgUnitCode: 'VN', start: '2021-01-01', end: '2025-12-31' });
  }, 60000);
});
