import request from 'supertest';
import { describeWith } from '@ishc/testing';
import { RegistryTestApp, startRegistry } from '../../spec-support/registry-test-app';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describeWith(['postgres'], 'POST /api/registry/clubs/{id}/dissolution', () => {
  let t: RegistryTestApp;
  let admin: string;
  const server = () => t.app.getHttpServer();
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const fieldsOf = (res: { body: { errors: Array<{ field: string }> } }) => res.body.errors.map((e) => e.field).sort();
  const newClub = async (name: string, communeCode = '29461') =>
    (await request(server()).post('/api/registry/clubs').set(auth(admin)).send({ name, communeCode, establishedOn: '2021-06-01' }).expect(201)).body.id as string;
  const newMember = async (fullName: string) =>
    (await request(server()).post('/api/registry/members').set(auth(admin)).send({ fullName, sex: 'F', birthYear: 1950, communeCode: '29461' }).expect(201)).body
      .id as string;
  const join = (clubId: string, memberId: string, joinedOn: string) =>
    request(server()).post(`/api/registry/clubs/${clubId}/memberships`).set(auth(admin)).send({ memberId, joinedOn }).expect(201);
  const dissolve = (clubId: string, body: object, token = admin) => request(server()).post(`/api/registry/clubs/${clubId}/dissolution`).set(auth(token)).send(body);

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
  });
  afterAll(() => t?.close());

  it('200: the club is dissolved from that day and its active memberships end the same day (reason club_dissolved)', async () => {
    const clubId = await newClub('CLB ấp Chợ');
    const [a, b, c] = [await newMember('Thạch Thị Một'), await newMember('Kim Văn Hai'), await newMember('Sơn Thị Ba')];
    await join(clubId, a, '2022-01-01');
    await join(clubId, b, '2022-02-01');
    await join(clubId, c, '2022-03-01');
    await request(server()).post(`/api/registry/clubs/${clubId}/memberships/${c}/end`).set(auth(admin)).send({ leftOn: '2023-01-01' }).expect(200);

    const res = await dissolve(clubId, { dissolvedOn: '2025-03-01', reason: 'merged with CLB ấp Mới' }).expect(200);
    expect(res.body).toEqual({ id: clubId, dissolvedOn: '2025-03-01', reason: 'merged with CLB ấp Mới', endedMemberships: [a, b] });
    expect(res.headers['x-consistency-token']).toMatch(/^registry:\d+:\d+$/);

    const rows = await t.db.pool.query(
      `SELECT member_id, to_char(left_on, 'YYYY-MM-DD') AS left_on, end_reason FROM memberships WHERE club_id = $1 ORDER BY joined_on`,
      [clubId],
    );
    expect(rows.rows).toEqual([
      { member_id: a, left_on: '2025-03-01', end_reason: 'club_dissolved' },
      { member_id: b, left_on: '2025-03-01', end_reason: 'club_dissolved' },
      { member_id: c, left_on: '2023-01-01', end_reason: null },
    ]);
    const events = await t.db.pool.query(`SELECT type, data FROM events WHERE stream_id = $1 ORDER BY stream_version`, [`club-${clubId}`]);
    expect(events.rows.map((r: { type: string }) => r.type)).toEqual(['ClubEstablished', 'ClubDissolved']);
    const ended = await t.db.pool.query(`SELECT type FROM events WHERE stream_id = $1 ORDER BY stream_version`, [`member-memberships-${a}`]);
    expect(ended.rows.map((r: { type: string }) => r.type)).toEqual(['MemberJoinedClub', 'MembershipEnded']);

    const club = await request(server()).get(`/api/registry/clubs/${clubId}?asOf=2025-03-01`).set(auth(admin)).expect(200);
    expect(club.body).toMatchObject({ dissolvedOn: '2025-03-01', dissolutionReason: 'merged with CLB ấp Mới', status: 'dissolved' });
    const listed = async (asOf: string) =>
      (await request(server()).get(`/api/registry/clubs?orgUnit=849&asOf=${asOf}`).set(auth(admin)).expect(200)).body.map((x: { id: string }) => x.id);
    expect(await listed('2025-02-28')).toContain(clubId);
    expect(await listed('2025-03-01')).not.toContain(clubId);
    // The former members may join another club from the dissolution day.
    const other = await newClub('CLB ấp Mới', '29462');
    await join(other, a, '2025-03-01');
  });

  it('409 when the club is dissolved again, or a membership changed after the (back-dated) day; nothing is written', async () => {
    const clubId = await newClub('CLB ấp Giữa');
    const m = await newMember('Lâm Thị Tư');
    await join(clubId, m, '2022-01-01');
    await request(server()).put(`/api/registry/clubs/${clubId}/memberships/${m}/roles`).set(auth(admin)).send({ roles: ['chair'], effectiveOn: '2024-06-01' }).expect(200);
    const refused = await dissolve(clubId, { dissolvedOn: '2024-01-01' }).expect(409);
    expect(refused.body.detail).toContain('on or after 2024-01-01');
    expect((await t.db.pool.query('SELECT dissolved_on FROM clubs WHERE club_id = $1', [clubId])).rows[0].dissolved_on).toBeNull();
    expect((await t.db.pool.query('SELECT left_on FROM memberships WHERE club_id = $1', [clubId])).rows[0].left_on).toBeNull();
    await dissolve(clubId, { dissolvedOn: '2024-06-02' }).expect(200);
    await dissolve(clubId, { dissolvedOn: '2024-07-01' }).expect(409);
  });

  it('400 lists every bad field; a day before the establishment or in the future names dissolvedOn', async () => {
    const clubId = await newClub('CLB ấp Cuối');
    expect(fieldsOf(await dissolve('not-a-uuid', { dissolvedOn: 'soon', reason: '', extra: 1 }).expect(400))).toEqual(['clubId', 'dissolvedOn', 'extra', 'reason']);
    expect(fieldsOf(await dissolve(clubId, {}).expect(400))).toEqual(['dissolvedOn']);
    expect(fieldsOf(await dissolve(clubId, { dissolvedOn: '2021-05-31' }).expect(400))).toEqual(['dissolvedOn']);
    expect(fieldsOf(await dissolve(clubId, { dissolvedOn: '2999-01-01' }).expect(400))).toEqual(['dissolvedOn']);
  });

  it('401 without a token; 403 outside the scope or for an auditor; 404 for an unknown club', async () => {
    const clubId = await newClub('CLB ấp Xa');
    await request(server()).post(`/api/registry/clubs/${clubId}/dissolution`).send({ dissolvedOn: '2025-01-01' }).expect(401);
    await dissolve(clubId, { dissolvedOn: '2025-01-01' }, await t.token(['commune_officer'], ['29462'])).expect(403);
    await dissolve(clubId, { dissolvedOn: '2025-01-01' }, await t.token(['auditor'], ['VN'])).expect(403);
    await dissolve(UNKNOWN, { dissolvedOn: '2025-01-01' }).expect(404);
    await dissolve(clubId, { dissolvedOn: '2025-01-01' }, await t.token(['commune_officer'], ['29461'])).expect(200);
  });

  it('joins racing a dissolution leave no active membership in the dissolved club', async () => {
    const clubId = await newClub('CLB ấp Đua');
    const members = await Promise.all(['Một', 'Hai', 'Ba', 'Bốn'].map((n) => newMember(`Thành viên ${n}`)));
    const joins = members.map((memberId) => request(server()).post(`/api/registry/clubs/${clubId}/memberships`).set(auth(admin)).send({ memberId, joinedOn: '2024-01-01' }));
    const [dissolved, ...joined] = await Promise.all([dissolve(clubId, { dissolvedOn: '2025-01-01' }), ...joins]);
    expect(dissolved.status).toBe(200);
    for (const res of joined) expect([201, 400]).toContain(res.status);
    const active = await t.db.pool.query('SELECT member_id FROM memberships WHERE club_id = $1 AND left_on IS NULL', [clubId]);
    expect(active.rows).toEqual([]);
    const ended = await t.db.pool.query('SELECT member_id FROM memberships WHERE club_id = $1', [clubId]);
    expect(ended.rowCount).toBe(joined.filter((r) => r.status === 201).length);
    expect(dissolved.body.endedMemberships.sort()).toEqual(ended.rows.map((r: { member_id: string }) => r.member_id).sort());
  });

  it('the same Idempotency-Key dissolves once and replays the answer', async () => {
    const clubId = await newClub('CLB ấp Lặp');
    const first = await dissolve(clubId, { dissolvedOn: '2025-01-01' }).set('Idempotency-Key', 'dissolve-lap').expect(200);
    const again = await dissolve(clubId, { dissolvedOn: '2025-01-01' }).set('Idempotency-Key', 'dissolve-lap').expect(200);
    expect(again.body).toEqual(first.body);
  });
});
