import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { describeWith } from '@ishc/testing';
import { ActivitiesTestApp, startActivities } from '../../spec-support/activities-test-app';
import { defineTwoCommunes } from '../../spec-support/two-communes';

describeWith(['postgres'], 'POST /api/activities/health-checks', () => {
  let t: ActivitiesTestApp;
  let admin: string;
  let clubId: string;
  let m1: string;
  const server = () => t.app.getHttpServer();
  const post = (body: object, token = admin) => request(server()).post('/api/activities/health-checks').set('Authorization', `Bearer ${token}`).send(body);
  // Each field once (a value may break two rules: out of range, and not below the systolic).
  const fieldsOf = (res: request.Response) => [...new Set<string>(res.body.errors.map((e: { field: string }) => e.field))].sort();
  const check = (overrides: object = {}) => ({ clubId, memberId: m1, checkedOn: '2025-03-15', systolic: 135, diastolic: 85, weightKg: 52.5, glucose: 6.1, ...overrides });

  beforeAll(async () => {
    t = await startActivities();
    admin = await t.token();
    await defineTwoCommunes(t);
    clubId = await t.establishClub('29461', '2021-06-01');
    m1 = await t.joinClub(clubId, '2022-01-01');
  });
  afterAll(() => t?.close());

  it('records a check (201 {id}, a consistency token); the event carries ids and the date, never the measurements', async () => {
    const res = await post(check()).expect(201);
    expect(res.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(res.headers['x-consistency-token']).toMatch(/^activities:\d+:\d+$/);
    const events = await t.db.pool.query<{ type: string; data: object }>(`SELECT type, data FROM events WHERE stream_id = $1`, [`health-check-${res.body.id}`]);
    expect(events.rows).toEqual([{ type: 'HealthCheckRecorded', data: { healthCheckId: res.body.id, clubId, memberId: m1, checkedOn: '2025-03-15' } }]);
    // Only one measurement is needed; a weight alone will do.
    await post({ clubId, memberId: m1, checkedOn: '2025-03-16', weightKg: 48 }).expect(201);
  });

  it('400 names each measurement outside its plausible range, or with too many decimals, never echoing the value', async () => {
    const res = await post(check({ systolic: 300, diastolic: 20, weightKg: 12.5, glucose: 110 })).expect(400);
    expect(fieldsOf(res)).toEqual(['diastolic', 'glucose', 'systolic', 'weightKg']);
    expect(JSON.stringify(res.body)).not.toMatch(/300|110|12\.5/);
    expect(res.body.errors.find((e: { field: string }) => e.field === 'weightKg').message).toBe('must be between 20 and 250 kg');
    expect((await post(check({ weightKg: 52.25 })).expect(400)).body.errors).toEqual([{ field: 'weightKg', message: 'must have at most 1 decimal' }]);
    expect(res.body.errors.find((e: { field: string }) => e.field === 'glucose').message).toMatch(/between 1 and 35 mmol\/L/);
    expect(fieldsOf(await post(check({ systolic: 59, diastolic: 161 })).expect(400))).toEqual(['diastolic', 'systolic']);
    expect(fieldsOf(await post(check({ systolic: 120.5, weightKg: 251, glucose: 0.9 })).expect(400))).toEqual(['glucose', 'systolic', 'weightKg']);
    await post(check({ systolic: 260, diastolic: 160, weightKg: 250, glucose: 35 })).expect(201);
    await post(check({ systolic: 60, diastolic: 30, weightKg: 20, glucose: 1 })).expect(201);
  });

  it('400 without any measurement, for half a blood pressure, or a diastolic not below the systolic', async () => {
    expect(fieldsOf(await post({ clubId, memberId: m1, checkedOn: '2025-03-15' }).expect(400))).toEqual(['(root)']);
    expect(fieldsOf(await post({ clubId, memberId: m1, checkedOn: '2025-03-15', systolic: 120 }).expect(400))).toEqual(['diastolic']);
    expect(fieldsOf(await post({ clubId, memberId: m1, checkedOn: '2025-03-15', diastolic: 80 }).expect(400))).toEqual(['systolic']);
    expect(fieldsOf(await post(check({ systolic: 100, diastolic: 100 })).expect(400))).toEqual(['diastolic']);
  });

  it('400 lists every malformed field; and a date in the future, before the establishment, or a non-member that day', async () => {
    const res = await post({ clubId: 'x', memberId: 7, checkedOn: '2025-02-30', systolic: '120', diastolic: 80, other: true }).expect(400);
    expect(fieldsOf(res)).toEqual(['checkedOn', 'clubId', 'memberId', 'other', 'systolic']);
    expect(fieldsOf(await post(check({ checkedOn: '2099-01-01' })).expect(400))).toEqual(['checkedOn']);
    expect(fieldsOf(await post(check({ checkedOn: '2021-05-31' })).expect(400))).toEqual(['checkedOn', 'memberId']);
    expect(fieldsOf(await post(check({ checkedOn: '2021-12-31' })).expect(400))).toEqual(['memberId']);
    const other = await t.establishClub('29461', '2021-06-01');
    const outsider = await t.joinClub(other, '2021-06-01');
    expect(fieldsOf(await post(check({ memberId: outsider })).expect(400))).toEqual(['memberId']);
  });

  it('409 for a club or a member the replica has not seen yet, saying the client may retry', async () => {
    expect((await post(check({ clubId: randomUUID() })).expect(409)).body.detail).toMatch(/club .* is not known to activities yet.*retry/);
    expect((await post(check({ memberId: randomUUID() })).expect(409)).body.detail).toMatch(/\(memberId\) is not known to activities yet.*retry/);
  });

  it('409 the client may retry for a person registered moments ago whose membership of the club the replica has not seen; a membership that does not cover checkedOn stays 400', async () => {
    // On Kafka the registration and the joining travel on different partitions: the replica may apply the first alone.
    const newcomer = await t.registerMember('29461');
    const awaiting = await post(check({ memberId: newcomer })).expect(409);
    expect(awaiting.body.detail).toMatch(new RegExp(`membership of member ${newcomer} \\(memberId\\) in club ${clubId} is not known to activities yet.*retry`));
    await t.joinClub(clubId, '2025-03-01', { memberId: newcomer });
    expect((await post(check({ memberId: newcomer, checkedOn: '2025-02-28' })).expect(400)).body.errors).toEqual([
      { field: 'memberId', message: expect.stringContaining('not a member of the club on 2025-02-28') },
    ]);
    await post(check({ memberId: newcomer })).expect(201);
    // Registered long before (past the settling window), with no membership of the club: the replica's word stands.
    const longRegistered = await t.registerMember('29461');
    await t.db.pool.query(`UPDATE member_replica SET registration_replicated_at = now() - interval '1 hour' WHERE member_id = $1`, [longRegistered]);
    expect(fieldsOf(await post(check({ memberId: longRegistered })).expect(400))).toEqual(['memberId']);
  });

  it('401 without a token; 403 for an auditor or an officer of another commune', async () => {
    await request(server()).post('/api/activities/health-checks').send(check()).expect(401);
    await post(check(), await t.token(['auditor'], ['VN'])).expect(403);
    await post(check(), await t.token(['commune_officer'], ['29462'])).expect(403);
    await post(check(), await t.token(['commune_officer'], ['29461'])).expect(201);
  });

  it('the same Idempotency-Key records one check; with another body it is 422', async () => {
    const first = await post(check({ checkedOn: '2025-04-01' })).set('Idempotency-Key', 'hc-1').expect(201);
    expect((await post(check({ checkedOn: '2025-04-01' })).set('Idempotency-Key', 'hc-1').expect(201)).body).toEqual(first.body);
    await post(check({ checkedOn: '2025-04-02' })).set('Idempotency-Key', 'hc-1').expect(422);
  });
});
