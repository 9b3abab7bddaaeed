import request from 'supertest';
import { describeWith } from '@ishc/testing';
import { RegistryTestApp, startRegistry } from '../../spec-support/registry-test-app';

// The built-in reference data: Trà Cú's commune 29461 (Thị trấn Trà Cú) is succeeded whole by the new
// commune V86-TRACU on 2025-07-01, when district 849 ends and province 84 merges into 86.
describeWith(['postgres'], 'GET /api/registry/clubs: a club follows its commune through a whole succession', () => {
  let t: RegistryTestApp;
  let admin: string;
  let clubId: string;
  const server = () => t.app.getHttpServer();
  const get = (path: string, token = admin) => request(server()).get(`/api/registry${path}`).set('Authorization', `Bearer ${token}`);
  const ids = (res: { body: Array<{ id: string }> }) => res.body.map((c) => c.id);

  beforeAll(async () => {
    t = await startRegistry({ referenceData: true });
    admin = await t.token();
    const res = await request(server())
      .post('/api/registry/clubs')
      .set('Authorization', `Bearer ${admin}`)
      .send({ name: 'CLB Liên thế hệ ấp Chợ', communeCode: '29461', establishedOn: '2021-06-01' })
      .expect(201);
    clubId = res.body.id;
  });
  afterAll(() => t?.close());

  it('GET /clubs/{id}?asOf= names the old commune before the reform and its whole successor from the reform day, with no write', async () => {
    const before = await get(`/clubs/${clubId}?asOf=2025-06-30`).expect(200);
    expect(before.body).toMatchObject({ id: clubId, communeCode: '29461', assignedCommuneCode: '29461', status: 'active', asOf: '2025-06-30' });
    const after = await get(`/clubs/${clubId}?asOf=2025-07-01`).expect(200);
    expect(after.body).toMatchObject({ id: clubId, communeCode: 'V86-TRACU', assignedCommuneCode: '29461', status: 'active' });
    expect(after.body.assignments).toEqual([{ communeCode: '29461', hamletCode: null, validFrom: '2021-06-01', validTo: null }]);
    expect((await get(`/clubs/${clubId}?asOf=2021-05-31`).expect(200)).body.status).toBe('not_yet_established');
    const events = await t.db.pool.query('SELECT type FROM events WHERE stream_id = $1', [`club-${clubId}`]);
    expect(events.rows.map((r: { type: string }) => r.type)).toEqual(['ClubEstablished']);
  });

  it('GET /clubs?orgUnit=&asOf= lists the club under the district before the reform and under the new commune and province after it', async () => {
    expect(ids(await get('/clubs?orgUnit=849&asOf=2025-06-30').expect(200))).toEqual([clubId]);
    expect(ids(await get('/clubs?orgUnit=84&asOf=2025-06-30').expect(200))).toEqual([clubId]);
    expect(ids(await get('/clubs?orgUnit=V86-TRACU&asOf=2025-06-30').expect(200))).toEqual([]);
    const after = await get('/clubs?orgUnit=V86-TRACU&asOf=2025-07-01').expect(200);
    expect(ids(after)).toEqual([clubId]);
    expect(after.body[0]).toMatchObject({ communeCode: 'V86-TRACU', assignedCommuneCode: '29461' });
    expect(ids(await get('/clubs?orgUnit=86&asOf=2025-07-01').expect(200))).toEqual([clubId]);
    expect(ids(await get('/clubs?orgUnit=V86-DAIAN&asOf=2025-07-01').expect(200))).toEqual([]);
  });

  it('GET /clubs?orgUnit= of a unit that has ended lists the clubs of its footprint (ISHC.md §3), as a plan on it is reported', async () => {
    // 29479 is merged whole into V86-TRACU with 29461: after the reform both old communes stand for the new one.
    const neighbour = (
      await request(server()).post('/api/registry/clubs').set('Authorization', `Bearer ${admin}`).send({ name: 'CLB ấp Bến', communeCode: '29479', establishedOn: '2022-01-10' }).expect(201)
    ).body.id;
    expect(ids(await get('/clubs?orgUnit=29461&asOf=2025-06-30').expect(200))).toEqual([clubId]);
    expect(ids(await get('/clubs?orgUnit=29479&asOf=2025-06-30').expect(200))).toEqual([neighbour]);
    const footprint = await get('/clubs?orgUnit=29461&asOf=2025-07-01').expect(200);
    expect(ids(footprint).sort()).toEqual([clubId, neighbour].sort());
    expect(footprint.body.find((c: { id: string }) => c.id === clubId)).toMatchObject({ communeCode: 'V86-TRACU', assignedCommuneCode: '29461' });
    expect(ids(await get('/clubs?orgUnit=29479&asOf=2025-07-01').expect(200)).sort()).toEqual([clubId, neighbour].sort());
    // The district and the province ended the same day: their footprints hold both clubs.
    expect(ids(await get('/clubs?orgUnit=849&asOf=2025-07-01').expect(200)).sort()).toEqual([clubId, neighbour].sort());
    expect(ids(await get('/clubs?orgUnit=84&asOf=2026-01-01').expect(200)).sort()).toEqual([clubId, neighbour].sort());
    // Before the unit began there is nothing under it.
    expect(ids(await get('/clubs?orgUnit=V86-TRACU&asOf=2025-06-30').expect(200))).toEqual([]);
  });

  it('an officer of the successor commune manages the club (memberships) with no reassignment; one of another commune may not', async () => {
    const memberId = (
      await request(server())
        .post('/api/registry/members')
        .set('Authorization', `Bearer ${admin}`)
        .send({ fullName: 'Thạch Thị Năm', sex: 'F', birthYear: 1950, communeCode: 'V86-TRACU' })
        .expect(201)
    ).body.id;
    const join = (token: string) =>
      request(server()).post(`/api/registry/clubs/${clubId}/memberships`).set('Authorization', `Bearer ${token}`).send({ memberId, joinedOn: '2025-08-01' });
    await join(await t.token(['commune_officer'], ['V86-DAIAN'])).expect(403);
    await join(await t.token(['commune_officer'], ['V86-TRACU'])).expect(201);
  });

  it('a member registered in the old commune (before the reform) is in the scope of the successor commune’s officers', async () => {
    const memberId = (
      await request(server())
        .post('/api/registry/members')
        .set('Authorization', `Bearer ${admin}`)
        .send({ fullName: 'Kim Văn Sáu', sex: 'M', birthYear: 1950, communeCode: 'V86-TRACU' })
        .expect(201)
    ).body.id;
    // As registered in June 2025 (the commune must be valid on the day of registration).
    await t.db.pool.query(`UPDATE members SET commune_code = '29461', registered_on = '2025-06-01' WHERE member_id = $1`, [memberId]);
    await get(`/members/${memberId}`, await t.token(['commune_officer'], ['V86-DAIAN'])).expect(403);
    expect((await get(`/members/${memberId}`, await t.token(['commune_officer'], ['V86-TRACU'])).expect(200)).body).toMatchObject({ fullName: 'Kim Văn Sáu' });
    await get(`/members/${memberId}/memberships`, await t.token(['district_officer'], ['86'])).expect(200);
  });

  it('400 for a bad asOf, a missing orgUnit or a bad id; 404 for an unknown club or org unit; 401 without a token', async () => {
    const fields = (res: { body: { errors: Array<{ field: string }> } }) => res.body.errors.map((e) => e.field).sort();
    expect(fields(await get(`/clubs/${clubId}?asOf=2025-02-30`).expect(400))).toEqual(['asOf']);
    expect(fields(await get('/clubs?asOf=yesterday').expect(400))).toEqual(['asOf', 'orgUnit']);
    expect(fields(await get('/clubs/not-a-uuid').expect(400))).toEqual(['id']);
    await get('/clubs/00000000-0000-4000-8000-000000000000').expect(404);
    await get('/clubs?orgUnit=NOWHERE&asOf=2025-07-01').expect(404);
    await request(server()).get(`/api/registry/clubs/${clubId}`).expect(401);
    await request(server()).get('/api/registry/clubs?orgUnit=849').expect(401);
  });
});
