import request from 'supertest';
import { describeWith } from '@ishc/testing';
import { RegistryTestApp, startRegistry } from '../../spec-support/registry-test-app';

describeWith(['postgres'], 'POST /api/registry/clubs', () => {
  let t: RegistryTestApp;
  let admin: string;
  const server = () => t.app.getHttpServer();
  beforeAll(async () => {
    t = await startRegistry();
    admin = await t.token();
    const units = [
      ['VN', { name: 'Việt Nam', level: 'country', parentCode: null, validFrom: '1976-07-02' }],
      ['84', { name: 'Tỉnh Trà Vinh', level: 'province', parentCode: 'VN', validFrom: '1992-05-01', validTo: '2025-06-30' }],
      ['849', { name: 'Huyện Trà Cú', level: 'district', parentCode: '84', validFrom: '1992-05-01', validTo: '2025-06-30' }],
      ['29461', { name: 'Thị trấn Trà Cú', level: 'commune', parentCode: '849', validFrom: '1992-05-01', validTo: '2025-06-30' }],
      ['29462', { name: 'Thị trấn Định An', level: 'commune', parentCode: '849', validFrom: '1992-05-01', validTo: '2025-06-30' }],
    ] as const;
    for (const [code, body] of units) {
      await request(server()).put(`/api/registry/org-units/${code}`).set('Authorization', `Bearer ${admin}`).send(body).expect(201);
    }
  });
  afterAll(() => t?.close());

  const post = (body: object, token = admin) => request(server()).post('/api/registry/clubs').set('Authorization', `Bearer ${token}`).send(body);

  it('establishes a club (201 with its id and a consistency token) and lists it under its district on a date', async () => {
    const res = await post({ name: 'CLB Liên thế hệ ấp Chợ', communeCode: '29461', establishedOn: '2021-06-01' }).expect(201);
    expect(res.body).toMatchObject({ id: expect.any(String), communeCode: '29461', establishedOn: '2021-06-01' });
    expect(res.headers['x-consistency-token']).toMatch(/^registry:\d+:\d+$/);
    const club = await request(server()).get(`/api/registry/clubs/${res.body.id}`).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(club.body.name).toBe('CLB Liên thế hệ ấp Chợ');
    const listed = await request(server()).get('/api/registry/clubs?orgUnit=849&asOf=2022-01-01').set('Authorization', `Bearer ${admin}`).expect(200);
    expect(listed.body.map((c: { id: string }) => c.id)).toEqual([res.body.id]);
    const before = await request(server()).get('/api/registry/clubs?orgUnit=849&asOf=2021-05-31').set('Authorization', `Bearer ${admin}`).expect(200);
    expect(before.body).toEqual([]);
  });

  it('400 lists every bad field', async () => {
    const res = await post({ name: '', communeCode: 5, establishedOn: '2021-13-01', extra: true }).expect(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['communeCode', 'establishedOn', 'name']));
  });

  it('400 names communeCode for a commune not valid on the date, and establishedOn in the future', async () => {
    const res = await post({ name: 'CLB', communeCode: '29461', establishedOn: '2099-01-01' }).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['communeCode', 'establishedOn']);
    const notCommune = await post({ name: 'CLB', communeCode: '849', establishedOn: '2021-01-01' }).expect(400);
    expect(notCommune.body.errors[0].field).toBe('communeCode');
  });

  it('401 without a token; 403 for a commune outside the scope; 404 for an unknown club', async () => {
    await request(server()).post('/api/registry/clubs').send({}).expect(401);
    const otherCommune = await t.token(['commune_officer'], ['29462']);
    await post({ name: 'CLB', communeCode: '29461', establishedOn: '2021-01-01' }, otherCommune).expect(403);
    const district = await t.token(['district_officer'], ['849']);
    await post({ name: 'CLB', communeCode: '29461', establishedOn: '2021-01-01' }, district).expect(201);
    await request(server()).get('/api/registry/clubs/00000000-0000-4000-8000-000000000000').set('Authorization', `Bearer ${admin}`).expect(404);
    await request(server()).get('/api/registry/clubs/not-a-uuid').set('Authorization', `Bearer ${admin}`).expect(400);
  });

  it('the same Idempotency-Key establishes one club only', async () => {
    const body = { name: 'CLB ấp Mới', communeCode: '29462', establishedOn: '2022-03-01' };
    const first = await post(body).set('Idempotency-Key', 'club-ap-moi').expect(201);
    const again = await post(body).set('Idempotency-Key', 'club-ap-moi').expect(201);
    expect(again.body.id).toBe(first.body.id);
    await post({ ...body, name: 'other' }).set('Idempotency-Key', 'club-ap-moi').expect(422);
  });
});
