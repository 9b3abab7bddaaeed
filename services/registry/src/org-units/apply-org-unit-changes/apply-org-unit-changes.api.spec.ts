import request from 'supertest';
import { describeWith } from '@ishc/testing';
import { RegistryTestApp, startRegistry } from '../../spec-support/registry-test-app';

describeWith(['postgres'], 'POST /api/registry/org-unit-changes', () => {
  let t: RegistryTestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startRegistry();
    admin = await t.token();
    const units: [string, object][] = [
      ['VN', { name: 'Việt Nam', level: 'country', parentCode: null, validFrom: '1976-07-02' }],
      ['P1', { name: 'Tỉnh 1', level: 'province', parentCode: 'VN', validFrom: '1992-05-01' }],
      ['P2', { name: 'Tỉnh 2', level: 'province', parentCode: 'VN', validFrom: '1992-05-01' }],
      ['D1', { name: 'Huyện 1', level: 'district', parentCode: 'P1', validFrom: '1992-05-01' }],
      ['C1', { name: 'Xã 1', level: 'commune', parentCode: 'D1', validFrom: '1992-05-01' }],
      ['C2', { name: 'Xã 2', level: 'commune', parentCode: 'D1', validFrom: '1992-05-01' }],
      ['C3', { name: 'Xã 3', level: 'commune', parentCode: 'D1', validFrom: '1992-05-01' }],
      ['OLD', { name: 'Xã cũ', level: 'commune', parentCode: 'P2', validFrom: '1992-05-01', validTo: '2010-12-31' }],
    ];
    for (const [code, body] of units) {
      await request(t.app.getHttpServer()).put(`/api/registry/org-units/${code}`).set('Authorization', `Bearer ${admin}`).send(body).expect(201);
    }
  });
  afterAll(() => t?.close());

  const post = (body: object, token = admin) =>
    request(t.app.getHttpServer()).post('/api/registry/org-unit-changes').set('Authorization', `Bearer ${token}`).send(body);
  const get = async (code: string, asOf: string) =>
    (await request(t.app.getHttpServer()).get(`/api/registry/org-units/${code}?asOf=${asOf}`).set('Authorization', `Bearer ${admin}`).expect(200)).body;
  const codes = (units: { code: string }[]) => units.map((u) => u.code);
  const eventCount = async () => Number((await t.db.pool.query<{ n: string }>('SELECT count(*) AS n FROM events')).rows[0].n);

  it('401 without a token, 403 for anyone but an admin', async () => {
    await request(t.app.getHttpServer()).post('/api/registry/org-unit-changes').send({}).expect(401);
    const officer = await t.token(['province_officer'], ['VN']);
    await post({ effectiveOn: '2025-07-01', retire: ['C3'] }, officer).expect(403);
  });

  it('400 lists every broken rule by its field path, and writes nothing', async () => {
    const before = await eventCount();
    const res = await post({
      effectiveOn: '2025-07-01',
      retire: ['D1', 'NOPE'],
      create: [{ code: 'N1', name: 'Xã mới', level: 'commune', parentCode: 'P2' }],
      reparent: [{ code: 'C1', parentCode: 'GHOST' }],
      successions: [
        { from: 'C2', to: 'N1', kind: 'whole' },
        { from: 'C3', to: 'ELSEWHERE', kind: 'partial' },
      ],
    }).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(codes(res.body.errors.map((e: { field: string }) => ({ code: e.field }))).sort()).toEqual(
      ['reparent.0.parentCode', 'retire.0', 'retire.1', 'successions.0.from', 'successions.1.to'].sort(),
    );
    const shape = await post({ effectiveOn: '2025-02-30', successions: [{ from: 'C1', to: 'C2', kind: 'most' }], extra: 1 }).expect(400);
    expect(codes(shape.body.errors.map((e: { field: string }) => ({ code: e.field }))).sort()).toEqual(['effectiveOn', 'extra', 'successions.0.kind']);
    expect(await eventCount()).toBe(before);
  });

  it('409 when a unit has already ended', async () => {
    const res = await post({ effectiveOn: '2025-07-01', retire: ['OLD'] }).expect(409);
    expect(res.body.detail ?? res.body.title).toBeDefined();
  });

  it('201 {id}: one reform retires, creates, reparents and links, each dated', async () => {
    const before = await eventCount();
    const res = await post({
      effectiveOn: '2025-07-01',
      retire: ['D1', 'C1', 'C2'],
      create: [{ code: 'N1', name: 'Xã mới', level: 'commune', parentCode: 'P2' }],
      reparent: [{ code: 'C3', parentCode: 'P2' }],
      successions: [
        { from: 'C1', to: 'N1', kind: 'whole' },
        { from: 'C2', to: 'N1', kind: 'whole' },
      ],
    }).expect(201);
    expect(res.body).toEqual({ id: expect.any(String) });
    expect(res.headers['x-consistency-token']).toMatch(/^registry:\d+:\d+$/);
    // 1 definition + 1 new parent + 3 retirements + 2 successions, all or nothing.
    expect(await eventCount()).toBe(before + 7);

    expect(codes((await get('D1', '2025-06-30')).children)).toEqual(['C1', 'C2', 'C3']);
    expect(await get('D1', '2025-07-01')).toMatchObject({ status: 'ended', validTo: '2025-06-30' });
    expect(codes((await get('D1', '2025-07-01')).footprint)).toEqual(['C3', 'N1']);
    expect((await get('C3', '2025-06-30')).parent).toMatchObject({ code: 'D1' });
    expect((await get('C3', '2025-07-01')).parent).toMatchObject({ code: 'P2' });
    expect(codes((await get('P2', '2025-07-01')).children)).toEqual(['C3', 'N1']);
    expect((await get('N1', '2025-07-01')).predecessors).toEqual([
      { code: 'C1', name: 'Xã 1', level: 'commune', kind: 'whole', effectiveOn: '2025-07-01' },
      { code: 'C2', name: 'Xã 2', level: 'commune', kind: 'whole', effectiveOn: '2025-07-01' },
    ]);
  });

  it('scope follows the dated parents: an officer of P1 reaches C3 before the reform, not after', async () => {
    const p1Officer = await t.token(['province_officer'], ['P1']);
    const establish = (establishedOn: string) =>
      request(t.app.getHttpServer())
        .post('/api/registry/clubs')
        .set('Authorization', `Bearer ${p1Officer}`)
        .send({ name: 'CLB', communeCode: 'C3', establishedOn });
    await establish('2025-06-01').expect(201);
    await establish('2025-07-02').expect(403);
  });

  it('409 when the same units are retired again', async () => {
    await post({ effectiveOn: '2025-08-01', retire: ['C1'] }).expect(409);
  });
});
