import request from 'supertest';
import { describeWith } from '@ishc/testing';
import { RegistryTestApp, startRegistry } from '../../spec-support/registry-test-app';

describeWith(['postgres'], 'PUT /api/registry/org-units/{code}', () => {
  let t: RegistryTestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startRegistry();
    admin = await t.token();
  });
  afterAll(() => t?.close());

  const put = (code: string, body: object, token = admin) =>
    request(t.app.getHttpServer()).put(`/api/registry/org-units/${code}`).set('Authorization', `Bearer ${token}`).send(body);

  it('creates a unit (201), answers an identical PUT with 200, and shows it with parent and children on a date', async () => {
    await put('VN', { name: 'Việt Nam', level: 'country', parentCode: null, validFrom: '1976-07-02' }).expect(201);
    const created = await put('84', { name: 'Tỉnh Trà Vinh', level: 'province', parentCode: 'VN', validFrom: '1992-05-01', validTo: '2025-06-30' }).expect(201);
    expect(created.headers['x-consistency-token']).toMatch(/^registry:\d+:\d+$/);
    await put('84', { name: 'Tỉnh Trà Vinh', level: 'province', parentCode: 'VN', validFrom: '1992-05-01', validTo: '2025-06-30' }).expect(200);

    const before = await request(t.app.getHttpServer()).get('/api/registry/org-units/84?asOf=2025-06-30').set('Authorization', `Bearer ${admin}`).expect(200);
    expect(before.body).toMatchObject({ code: '84', status: 'valid', parent: { code: 'VN' }, children: [] });
    const after = await request(t.app.getHttpServer()).get('/api/registry/org-units/84?asOf=2025-07-01').set('Authorization', `Bearer ${admin}`).expect(200);
    expect(after.body).toMatchObject({ status: 'ended', parent: null });
  });

  it('400 lists every bad field, including the path code', async () => {
    const res = await put('bad code!', { name: '', level: 'planet', parentCode: 7, validFrom: '2023-02-29', validTo: 'soon' }).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['code', 'level', 'name', 'parentCode', 'validFrom', 'validTo']);
  });

  it('400 names parentCode when the parent is unknown or of a lower level', async () => {
    const unknown = await put('999', { name: 'X', level: 'district', parentCode: 'NOPE', validFrom: '2000-01-01' }).expect(400);
    expect(unknown.body.errors).toEqual([{ field: 'parentCode', message: expect.stringContaining('unknown') }]);
    await put('C1', { name: 'Xã', level: 'commune', parentCode: '84', validFrom: '2000-01-01', validTo: '2025-06-30' }).expect(201);
    const lower = await put('D1', { name: 'Huyện', level: 'district', parentCode: 'C1', validFrom: '2000-01-01' }).expect(400);
    expect(lower.body.errors[0].field).toBe('parentCode');
  });

  it('401 without a token, 403 outside the caller’s scope or role', async () => {
    await request(t.app.getHttpServer()).put('/api/registry/org-units/849').send({}).expect(401);
    const otherProvince = await t.token(['province_officer'], ['86']);
    await put('849', { name: 'Huyện Trà Cú', level: 'district', parentCode: '84', validFrom: '1992-05-01' }, otherProvince).expect(403);
    const auditor = await t.token(['auditor'], ['VN']);
    await put('849', { name: 'Huyện Trà Cú', level: 'district', parentCode: '84', validFrom: '1992-05-01' }, auditor).expect(403);
    const inScope = await t.token(['province_officer'], ['84']);
    await put('849', { name: 'Huyện Trà Cú', level: 'district', parentCode: '84', validFrom: '1992-05-01', validTo: '2025-06-30' }, inScope).expect(201);
  });

  it('404 for an unknown unit', async () => {
    await request(t.app.getHttpServer()).get('/api/registry/org-units/nowhere').set('Authorization', `Bearer ${admin}`).expect(404);
  });
});
