import request from 'supertest';
import { describeWith } from '@ishc/testing';
import { Pool } from 'pg';
import { PG_POOL } from '@ishc/platform';
import { ReportingTestApp, startReporting } from '../spec-support/reporting-test-app';
import { untilProjected } from '../spec-support/tra-cu-scenario';
import { generateDistrict } from '../cross-check/generated-district';
import { loadDistrict } from '../cross-check/load-district';

/**
 * ISSUE 6's rebuild: every projection is rebuilt from position zero into a new generation of the read
 * models while the old one serves, then the service switches over. Over the cross-check's generated
 * district (clubs, members with roles, funds, loans, monthly activities, across the 2025 reform), reads
 * keep answering (200, the same figures) throughout, and every answer after the switch-over — indicators,
 * plans on their footprint, breakdowns by commune and by club — is identical to the one before.
 */
const QUESTIONS = [
  'indicators?orgUnit=849&asOf=2025-06-30',
  'indicators?orgUnit=84&asOf=2023-06-15',
  'indicators?orgUnit=86&asOf=2025-12-31',
  'indicators?orgUnit=VN&asOf=2026-05-31',
  'indicators?plan=TRACU-793-2021&asOf=2025-12-31',
  'indicators?plan=VN-1336-2020&asOf=2024-12-31',
  'indicators/breakdown?orgUnit=849&asOf=2024-12-31&by=commune',
  'indicators/breakdown?orgUnit=86&asOf=2026-05-31&by=club',
];

describeWith(['postgres'], 'Rebuilding the read models beside the serving ones', () => {
  let t: ReportingTestApp;
  let admin: string;
  let tokens: string[];
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await startReporting({ builtInPlans: true });
    admin = await t.token();
    tokens = await loadDistrict(t, generateDistrict());
    await untilProjected(t, tokens, 120_000);
    // The built-in plans are defined once their units are projected (checked every 2 s).
    while ((await http().get('/api/reporting/plans/TRACU-793-2021').set('Authorization', `Bearer ${admin}`)).status !== 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }, 240000);
  afterAll(() => t?.close());

  /** The consumers with checkpoint rows (the embedded transport's), once the rebuild's clean-up has left none of `gone`. */
  const checkpointedConsumersWithout = async (gone: string) => {
    const pool = t.app.get<Pool>(PG_POOL);
    const consumers = async () => (await pool.query<{ c: string }>(`SELECT DISTINCT processor_id AS c FROM checkpoints WHERE processor_id LIKE 'reporting-projections%' ORDER BY 1`)).rows.map((r) => r.c);
    while ((await consumers()).includes(gone)) await new Promise((resolve) => setTimeout(resolve, 100));
    return consumers();
  };

  // One at a time: supertest listens and closes the app's server per request.
  const answers = async () => {
    const all: Array<{ status: number; body: unknown }> = [];
    for (const q of QUESTIONS) {
      const res = await http().get(`/api/reporting/${q}`).set('Authorization', `Bearer ${admin}`);
      all.push({ status: res.status, body: res.body });
    }
    return all;
  };

  it('rebuilds into a new generation, answering the same throughout, and switches over', async () => {
    const before = await answers();
    // Not trivial: the generated district has clubs, members and money on these dates.
    expect(JSON.stringify(before[0].body)).toMatch(/"code":"members_active","numerator":[1-9]/);
    expect(before.map((a) => [a.status, a.status === 200 ? '' : JSON.stringify(a.body)])).toEqual(QUESTIONS.map(() => [200, '']));

    const started = await http().post('/api/reporting/rebuilds').set('Authorization', `Bearer ${admin}`).expect(202);
    expect(started.body).toMatchObject({ number: 1, state: 'building', schema: 'rp_generation_1' });
    expect(started.headers.location).toBe('/api/reporting/rebuilds/1');

    // Reads while it builds and switches over: every one answered, and the same.
    let state = 'building';
    let readsDuring = 0;
    while (state === 'building') {
      expect(await answers()).toEqual(before);
      readsDuring++;
      expect((await http().get('/api/reporting/health/ready')).status).toBe(200);
      state = (await http().get('/api/reporting/rebuilds/1').set('Authorization', `Bearer ${admin}`).expect(200)).body.state;
    }
    expect(readsDuring).toBeGreaterThan(0);
    expect(state).toBe('active');
    expect(await answers()).toEqual(before);
    expect((await http().get('/api/reporting/status').set('Authorization', `Bearer ${admin}`).expect(200)).body.readModels).toEqual({ generation: 1 });

    const generations = (await http().get('/api/reporting/rebuilds').set('Authorization', `Bearer ${admin}`).expect(200)).body;
    expect(generations.map((g: { number: number; state: string }) => [g.number, g.state])).toEqual([
      [0, 'retired'],
      [1, 'active'],
    ]);
    // The views now read generation 1's tables; generation 0's are gone.
    const pool = t.app.get<Pool>(PG_POOL);
    const view = await pool.query(`SELECT definition FROM pg_views WHERE schemaname = 'public' AND viewname = 'rp_club'`);
    expect(view.rows[0].definition).toContain('rp_generation_1.rp_club');
    expect((await pool.query(`SELECT 1 FROM pg_namespace WHERE nspname = 'rp_generation_0'`)).rowCount).toBe(0);
    // Generation 0's consumer is removed with it (its checkpoints and leases); generation 1's goes on.
    expect(await checkpointedConsumersWithout('reporting-projections')).toEqual(['reporting-projections-g1']);
    expect((await pool.query(`SELECT 1 FROM processor_leases WHERE processor_id = 'reporting-projections'`)).rowCount).toBe(0);
  }, 120000);

  it('goes on projecting new writes into the new generation, read-your-writes included', async () => {
    const club = await t.establishClub('V86-LNA', '2026-01-15');
    const res = await http()
      .get(`/api/reporting/indicators/breakdown?orgUnit=V86-LNA&asOf=2026-02-01&by=club&consistentWith=${club.token}`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(JSON.stringify(res.body)).toContain(club.clubId);
  });

  it('refuses a second rebuild while one runs (409), and non-admins (403)', async () => {
    const officer = await t.token(['province_officer'], ['86']);
    await http().post('/api/reporting/rebuilds').set('Authorization', `Bearer ${officer}`).expect(403);
    const first = await http().post('/api/reporting/rebuilds').set('Authorization', `Bearer ${admin}`).expect(202);
    const second = await http().post('/api/reporting/rebuilds').set('Authorization', `Bearer ${admin}`);
    expect(second.status).toBe(409);
    expect(second.headers['content-type']).toContain('application/problem+json');
    let state = first.body.state;
    while (state === 'building') state = (await http().get(`/api/reporting/rebuilds/${first.body.number}`).set('Authorization', `Bearer ${admin}`)).body.state;
    expect(state).toBe('active');
    expect(await checkpointedConsumersWithout('reporting-projections-g1')).toEqual([`reporting-projections-g${first.body.number}`]);
    await http().get('/api/reporting/rebuilds/x').set('Authorization', `Bearer ${admin}`).expect(400);
    await http().get('/api/reporting/rebuilds/99').set('Authorization', `Bearer ${admin}`).expect(404);
  }, 120000);
});
