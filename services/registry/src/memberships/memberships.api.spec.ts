import request from 'supertest';
import { describeWith } from '@ishc/testing';
import { RegistryTestApp, startRegistry } from '../spec-support/registry-test-app';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describeWith(['postgres'], 'memberships: join, roles, end, death', () => {
  let t: RegistryTestApp;
  let admin: string;
  let clubA: string;
  let clubB: string;
  let dissolvedClub: string;
  const server = () => t.app.getHttpServer();
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const fieldsOf = (res: { body: { errors: Array<{ field: string }> } }) => res.body.errors.map((e) => e.field).sort();
  const newMember = async (fullName: string, communeCode = '29461') =>
    (await request(server()).post('/api/registry/members').set(auth(admin)).send({ fullName, sex: 'F', birthYear: 1950, communeCode }).expect(201)).body.id as string;
  const join = (clubId: string, body: object, token = admin) => request(server()).post(`/api/registry/clubs/${clubId}/memberships`).set(auth(token)).send(body);

  beforeAll(async () => {
    t = await startRegistry();
    admin = await t.token();
    const units = [
      ['VN', { name: 'Việt Nam', level: 'country', parentCode: null, validFrom: '1976-07-02' }],
      ['84', { name: 'Tỉnh Trà Vinh', level: 'province', parentCode: 'VN', validFrom: '1992-05-01' }],
      ['849', { name: 'Huyện Trà Cú', level: 'district', parentCode: '84', validFrom: '1992-05-01' }],
      ['29461', { name: 'Thị trấn Trà Cú', level: 'commune', parentCode: '849', validFrom: '1992-05-01' }],
      ['29462', { name: 'Thị trấn Định An', level: 'commune', parentCode: '849', validFrom: '1992-05-01' }],
    ] as const;
    for (const [code, body] of units) await request(server()).put(`/api/registry/org-units/${code}`).set(auth(admin)).send(body).expect(201);
    const club = async (name: string, communeCode: string) =>
      (await request(server()).post('/api/registry/clubs').set(auth(admin)).send({ name, communeCode, establishedOn: '2021-06-01' }).expect(201)).body.id as string;
    clubA = await club('CLB A', '29461');
    clubB = await club('CLB B', '29462');
    dissolvedClub = await club('CLB C', '29461');
    await request(server()).post(`/api/registry/clubs/${dissolvedClub}/dissolution`).set(auth(admin)).send({ dissolvedOn: '2024-01-01' }).expect(200);
  });
  afterAll(() => t?.close());

  it('six concurrent joins of one person over two clubs: exactly one 201, the others 409', async () => {
    const memberId = await newMember('Thạch Thị Bảy');
    const results = await Promise.all([clubA, clubB, clubA, clubB, clubA, clubB].map((clubId) => join(clubId, { memberId, joinedOn: '2022-01-10' })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    const events = await t.db.pool.query(`SELECT type FROM events WHERE stream_id = $1`, [`member-memberships-${memberId}`]);
    expect(events.rows.map((r: { type: string }) => r.type)).toEqual(['MemberJoinedClub']);
    expect((await t.db.pool.query('SELECT 1 FROM memberships WHERE member_id = $1', [memberId])).rowCount).toBe(1);
  });

  it('joins (201, roles default member), changes roles from a date, ends; then the person may join another club', async () => {
    const memberId = await newMember('Kim Văn Hai');
    const joined = await join(clubA, { memberId, joinedOn: '2022-02-01' }).expect(201);
    expect(joined.body).toMatchObject({ id: memberId, memberId, clubId: clubA, joinedOn: '2022-02-01', leftOn: null, roles: ['member'] });
    expect(joined.headers['x-consistency-token']).toMatch(/^registry:\d+:\d+$/);
    const roles = await request(server())
      .put(`/api/registry/clubs/${clubA}/memberships/${memberId}/roles`)
      .set(auth(admin))
      .send({ roles: ['chair', 'home_care_volunteer'], effectiveOn: '2023-01-01' })
      .expect(200);
    expect(roles.body).toMatchObject({ roles: ['chair', 'home_care_volunteer'], rolesSince: '2023-01-01' });
    await join(clubB, { memberId, joinedOn: '2023-06-01' }).expect(409);
    const ended = await request(server()).post(`/api/registry/clubs/${clubA}/memberships/${memberId}/end`).set(auth(admin)).send({ leftOn: '2024-01-01', reason: 'moved' }).expect(200);
    expect(ended.body).toMatchObject({ clubId: clubA, leftOn: '2024-01-01' });
    await request(server()).post(`/api/registry/clubs/${clubA}/memberships/${memberId}/end`).set(auth(admin)).send({ leftOn: '2024-02-01' }).expect(409);
    await join(clubB, { memberId, joinedOn: '2024-01-01', roles: ['member', 'board'] }).expect(201);
    const events = await t.db.pool.query(`SELECT type FROM events WHERE stream_id = $1 ORDER BY stream_version`, [`member-memberships-${memberId}`]);
    expect(events.rows.map((r: { type: string }) => r.type)).toEqual(['MemberJoinedClub', 'MembershipRolesChanged', 'MembershipEnded', 'MemberJoinedClub']);
  });

  it('death ends the active membership and records the death; joining afterwards is 409', async () => {
    const memberId = await newMember('Sơn Thị Ba');
    await join(clubA, { memberId, joinedOn: '2022-03-01' }).expect(201);
    const died = await request(server()).post(`/api/registry/members/${memberId}/death`).set(auth(admin)).send({ diedOn: '2025-05-05' }).expect(200);
    expect(died.body).toEqual({ id: memberId, diedOn: '2025-05-05', endedMemberships: [clubA] });
    const row = await t.db.pool.query(`SELECT to_char(left_on, 'YYYY-MM-DD') AS left_on, end_reason FROM memberships WHERE member_id = $1`, [memberId]);
    expect(row.rows).toEqual([{ left_on: '2025-05-05', end_reason: 'died' }]);
    expect((await request(server()).get(`/api/registry/members/${memberId}`).set(auth(admin)).expect(200)).body.diedOn).toBe('2025-05-05');
    await join(clubB, { memberId, joinedOn: '2025-06-01' }).expect(409);
    await request(server()).post(`/api/registry/members/${memberId}/death`).set(auth(admin)).send({ diedOn: '2025-05-06' }).expect(409);
  });

  it('400 names every bad field, and joinedOn outside the club’s life or in the future', async () => {
    const memberId = await newMember('Lâm Văn Tư');
    expect(fieldsOf(await join('not-a-uuid', { memberId: 'x', joinedOn: '2022-13-01', roles: ['king'] }).expect(400))).toEqual(['clubId', 'joinedOn', 'memberId', 'roles.0']);
    expect(fieldsOf(await join(clubA, { memberId, joinedOn: '2021-05-31' }).expect(400))).toEqual(['joinedOn']);
    expect(fieldsOf(await join(clubA, { memberId, joinedOn: '2999-01-01' }).expect(400))).toEqual(['joinedOn']);
    expect(fieldsOf(await join(dissolvedClub, { memberId, joinedOn: '2024-01-01' }).expect(400))).toEqual(['joinedOn']);
    await join(clubA, { memberId, joinedOn: '2022-01-01' }).expect(201);
    const put = (body: object) => request(server()).put(`/api/registry/clubs/${clubA}/memberships/${memberId}/roles`).set(auth(admin)).send(body);
    expect(fieldsOf(await put({ roles: [], effectiveOn: 'soon' }).expect(400))).toEqual(['effectiveOn', 'roles']);
    expect(fieldsOf(await put({ roles: ['chair'], effectiveOn: '2021-12-31' }).expect(400))).toEqual(['effectiveOn']);
    const endIt = (body: object) => request(server()).post(`/api/registry/clubs/${clubA}/memberships/${memberId}/end`).set(auth(admin)).send(body);
    expect(fieldsOf(await endIt({ leftOn: '2022-01-01' }).expect(400))).toEqual(['leftOn']);
    expect(fieldsOf(await endIt({}).expect(400))).toEqual(['leftOn']);
    const death = (body: object) => request(server()).post(`/api/registry/members/${memberId}/death`).set(auth(admin)).send(body);
    expect(fieldsOf(await death({ diedOn: '2999-01-01' }).expect(400))).toEqual(['diedOn']);
    expect(fieldsOf(await death({ diedOn: '2021-12-31' }).expect(400))).toEqual(['diedOn']);
  });

  it('401 without a token; 403 for a club or member outside the scope; 404 unknown club, member or membership', async () => {
    const memberId = await newMember('Trần Thị Năm');
    await request(server()).post(`/api/registry/clubs/${clubA}/memberships`).send({ memberId, joinedOn: '2022-01-01' }).expect(401);
    await request(server()).post(`/api/registry/members/${memberId}/death`).send({ diedOn: '2025-01-01' }).expect(401);
    const other = await t.token(['commune_officer'], ['29462']);
    await join(clubA, { memberId, joinedOn: '2022-01-01' }, other).expect(403);
    await request(server()).post(`/api/registry/members/${memberId}/death`).set(auth(other)).send({ diedOn: '2025-01-01' }).expect(403);
    const own = await t.token(['commune_officer'], ['29461']);
    await join(clubA, { memberId, joinedOn: '2022-01-01' }, own).expect(201);
    await request(server()).put(`/api/registry/clubs/${clubA}/memberships/${memberId}/roles`).set(auth(other)).send({ roles: ['chair'], effectiveOn: '2023-01-01' }).expect(403);
    await request(server()).post(`/api/registry/clubs/${clubA}/memberships/${memberId}/end`).set(auth(other)).send({ leftOn: '2023-01-01' }).expect(403);
    await join(UNKNOWN, { memberId, joinedOn: '2022-01-01' }).expect(404);
    await join(clubA, { memberId: UNKNOWN, joinedOn: '2022-01-01' }).expect(404);
    await request(server()).put(`/api/registry/clubs/${clubB}/memberships/${memberId}/roles`).set(auth(admin)).send({ roles: ['chair'], effectiveOn: '2023-01-01' }).expect(404);
    await request(server()).post(`/api/registry/clubs/${clubB}/memberships/${memberId}/end`).set(auth(admin)).send({ leftOn: '2023-01-01' }).expect(404);
    await request(server()).post(`/api/registry/members/${UNKNOWN}/death`).set(auth(admin)).send({ diedOn: '2025-01-01' }).expect(404);
  });
});
