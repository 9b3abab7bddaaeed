import request from 'supertest';
import { describeWith } from '@ishc/testing';
import { RegistryTestApp, startRegistry } from '../../spec-support/registry-test-app';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

// A reform on 2025-07-01: commune C1 is split (partial) between the new N1 and N2; C2 continues.
describeWith(['postgres'], 'POST /api/registry/clubs/{id}/reassignment', () => {
  let t: RegistryTestApp;
  let admin: string;
  const server = () => t.app.getHttpServer();
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const fieldsOf = (res: { body: { errors: Array<{ field: string }> } }) => res.body.errors.map((e) => e.field).sort();
  const newClub = async (name: string, communeCode = 'C1') =>
    (await request(server()).post('/api/registry/clubs').set(auth(admin)).send({ name, communeCode, establishedOn: '2021-06-01' }).expect(201)).body.id as string;
  const reassign = (clubId: string, body: object, token = admin) => request(server()).post(`/api/registry/clubs/${clubId}/reassignment`).set(auth(token)).send(body);
  const getClub = (clubId: string, asOf: string) => request(server()).get(`/api/registry/clubs/${clubId}?asOf=${asOf}`).set(auth(admin)).expect(200);
  const listed = async (orgUnit: string, asOf: string) =>
    (await request(server()).get(`/api/registry/clubs?orgUnit=${orgUnit}&asOf=${asOf}`).set(auth(admin)).expect(200)).body.map((c: { id: string }) => c.id);

  beforeAll(async () => {
    t = await startRegistry();
    admin = await t.token();
    const units = [
      ['VN', { name: 'Việt Nam', level: 'country', parentCode: null, validFrom: '1976-07-02' }],
      ['P', { name: 'Tỉnh', level: 'province', parentCode: 'VN', validFrom: '1992-05-01' }],
      ['D', { name: 'Huyện', level: 'district', parentCode: 'P', validFrom: '1992-05-01' }],
      ['C1', { name: 'Xã Một', level: 'commune', parentCode: 'D', validFrom: '1992-05-01' }],
      ['C2', { name: 'Xã Hai', level: 'commune', parentCode: 'D', validFrom: '1992-05-01' }],
    ] as const;
    for (const [code, body] of units) await request(server()).put(`/api/registry/org-units/${code}`).set(auth(admin)).send(body).expect(201);
    await request(server())
      .post('/api/registry/org-unit-changes')
      .set(auth(admin))
      .send({
        effectiveOn: '2025-07-01',
        retire: ['C1'],
        create: [
          { code: 'N1', name: 'Xã Mới Một', level: 'commune', parentCode: 'P' },
          { code: 'N2', name: 'Xã Mới Hai', level: 'commune', parentCode: 'P' },
          { code: 'N1H', name: 'Ấp Một', level: 'hamlet', parentCode: 'N1' },
        ],
        successions: [
          { from: 'C1', to: 'N1', kind: 'partial' },
          { from: 'C1', to: 'N2', kind: 'partial' },
        ],
      })
      .expect(201);
  });
  afterAll(() => t?.close());

  it('200 after a partial succession: the club stays in C1 until the day before and belongs to N1 from effectiveOn', async () => {
    const clubId = await newClub('CLB ấp Một');
    // Before the reassignment the club is left with its ended commune: a partial succession is never guessed.
    expect((await getClub(clubId, '2025-07-01')).body.communeCode).toBe('C1');
    expect(await listed('P', '2025-07-01')).not.toContain(clubId);
    // C1 has ended: it stands for itself (a partial succession is not followed), so it lists the club until reassigned.
    expect(await listed('C1', '2025-07-01')).toContain(clubId);

    const res = await reassign(clubId, { communeCode: 'N1', hamletCode: 'N1H', effectiveOn: '2025-07-01' }).expect(200);
    expect(res.body).toEqual({ id: clubId, clubId, fromCommuneCode: 'C1', communeCode: 'N1', hamletCode: 'N1H', effectiveOn: '2025-07-01' });
    expect(res.headers['x-consistency-token']).toMatch(/^registry:\d+:\d+$/);

    expect((await getClub(clubId, '2025-06-30')).body).toMatchObject({ communeCode: 'C1', hamletCode: null });
    const after = (await getClub(clubId, '2025-07-01')).body;
    expect(after).toMatchObject({ communeCode: 'N1', hamletCode: 'N1H', assignedCommuneCode: 'N1' });
    expect(after.assignments).toEqual([
      { communeCode: 'C1', hamletCode: null, validFrom: '2021-06-01', validTo: '2025-06-30' },
      { communeCode: 'N1', hamletCode: 'N1H', validFrom: '2025-07-01', validTo: null },
    ]);
    expect(await listed('D', '2025-06-30')).toContain(clubId);
    expect(await listed('N1', '2025-07-01')).toEqual([clubId]);
    expect(await listed('C1', '2025-07-01')).not.toContain(clubId);
    expect(await listed('C1', '2025-06-30')).toContain(clubId);
    expect(await listed('P', '2025-07-01')).toContain(clubId);
    const events = await t.db.pool.query(`SELECT type FROM events WHERE stream_id = $1 ORDER BY stream_version`, [`club-${clubId}`]);
    expect(events.rows.map((r: { type: string }) => r.type)).toEqual(['ClubEstablished', 'ClubReassigned']);
  });

  it('409 without a partial succession to the commune, and for a dissolved club', async () => {
    const inC2 = await newClub('CLB Xã Hai', 'C2');
    const refused = await reassign(inC2, { communeCode: 'N1', effectiveOn: '2025-07-01' }).expect(409);
    expect(refused.body.detail).toContain('not a partial successor');
    const dissolved = await newClub('CLB giải thể');
    await request(server()).post(`/api/registry/clubs/${dissolved}/dissolution`).set(auth(admin)).send({ dissolvedOn: '2025-01-01' }).expect(200);
    await reassign(dissolved, { communeCode: 'N1', effectiveOn: '2025-07-01' }).expect(409);
  });

  it('400 lists every bad field; an unknown commune, a hamlet of another commune, a day in the future or not after the current assignment', async () => {
    const clubId = await newClub('CLB ấp Hai');
    expect(fieldsOf(await reassign('nope', { communeCode: '', effectiveOn: '2025-13-01', extra: 1 }).expect(400))).toEqual(['clubId', 'communeCode', 'effectiveOn', 'extra']);
    expect(fieldsOf(await reassign(clubId, {}).expect(400))).toEqual(['communeCode', 'effectiveOn']);
    expect(fieldsOf(await reassign(clubId, { communeCode: 'NOWHERE', effectiveOn: '2025-07-01' }).expect(400))).toEqual(['communeCode']);
    expect(fieldsOf(await reassign(clubId, { communeCode: 'N2', hamletCode: 'N1H', effectiveOn: '2025-07-01' }).expect(400))).toEqual(['hamletCode']);
    expect(fieldsOf(await reassign(clubId, { communeCode: 'N2', effectiveOn: '2999-01-01' }).expect(400))).toEqual(['effectiveOn']);
    await reassign(clubId, { communeCode: 'N2', effectiveOn: '2025-08-01' }).expect(200);
    expect(fieldsOf(await reassign(clubId, { communeCode: 'N1', effectiveOn: '2025-08-01' }).expect(400))).toEqual(['effectiveOn']);
  });

  it('401 without a token; 403 when the new commune is outside the scope; 404 for an unknown club', async () => {
    const clubId = await newClub('CLB ấp Ba');
    await request(server()).post(`/api/registry/clubs/${clubId}/reassignment`).send({ communeCode: 'N1', effectiveOn: '2025-07-01' }).expect(401);
    await reassign(clubId, { communeCode: 'N1', effectiveOn: '2025-07-01' }, await t.token(['commune_officer'], ['N2'])).expect(403);
    await reassign(UNKNOWN, { communeCode: 'N1', effectiveOn: '2025-07-01' }).expect(404);
    await reassign(clubId, { communeCode: 'N1', effectiveOn: '2025-07-01' }, await t.token(['commune_officer'], ['N1'])).expect(200);
  });
});
