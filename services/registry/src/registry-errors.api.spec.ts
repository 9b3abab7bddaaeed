import request from 'supertest';
import { describeWith } from '@ishc/testing';
import { RegistryTestApp, startRegistry } from './spec-support/registry-test-app';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/**
 * The 4xx answers of registry routes that their own suites do not cover (each route's suite has the
 * rest): every route answers 401 without a token, 400 for a malformed id, date or body, and never 500.
 */
describeWith(['postgres'], 'registry routes: the remaining 4xx answers', () => {
  let t: RegistryTestApp;
  let admin: string;
  let clubId: string;
  let memberId: string;
  const server = () => t.app.getHttpServer();
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const fieldsOf = (res: { body: { errors: Array<{ field: string }> } }) => res.body.errors.map((e) => e.field).sort();

  beforeAll(async () => {
    t = await startRegistry();
    admin = await t.token();
    const units = [
      ['VN', { name: 'Việt Nam', level: 'country', parentCode: null, validFrom: '1976-07-02' }],
      ['84', { name: 'Tỉnh Trà Vinh', level: 'province', parentCode: 'VN', validFrom: '1992-05-01' }],
      ['849', { name: 'Huyện Trà Cú', level: 'district', parentCode: '84', validFrom: '1992-05-01' }],
      ['29461', { name: 'Thị trấn Trà Cú', level: 'commune', parentCode: '849', validFrom: '1992-05-01' }],
    ] as const;
    for (const [code, body] of units) await request(server()).put(`/api/registry/org-units/${code}`).set(auth(admin)).send(body).expect(201);
    clubId = (await request(server()).post('/api/registry/clubs').set(auth(admin)).send({ name: 'CLB', communeCode: '29461', establishedOn: '2021-06-01' }).expect(201)).body
      .id;
    memberId = (await request(server()).post('/api/registry/members').set(auth(admin)).send({ fullName: 'Thạch Thị Một', sex: 'F', birthYear: 1950, communeCode: '29461' }).expect(201))
      .body.id;
  });
  afterAll(() => t?.close());

  it('401 without a token on every route', async () => {
    const routes: Array<[string, string]> = [
      ['get', '/org-units/849'],
      ['put', '/org-units/849'],
      ['post', '/org-unit-changes'],
      ['post', '/clubs'],
      ['get', `/clubs/${clubId}`],
      ['get', '/clubs?orgUnit=849'],
      ['post', `/clubs/${clubId}/dissolution`],
      ['post', `/clubs/${clubId}/reassignment`],
      ['get', `/clubs/${clubId}/memberships`],
      ['post', `/clubs/${clubId}/memberships`],
      ['put', `/clubs/${clubId}/memberships/${memberId}/roles`],
      ['post', `/clubs/${clubId}/memberships/${memberId}/end`],
      ['post', '/members'],
      ['get', `/members/${memberId}`],
      ['get', '/members/possible-duplicates'],
      ['get', `/members/${memberId}/memberships`],
      ['post', `/members/${memberId}/death`],
      ['post', `/members/${memberId}/erasure`],
      ['post', '/imports/members'],
      ['get', '/imports/members/template'],
    ];
    for (const [method, path] of routes) {
      const res = await request(server())[method as 'get'](`/api/registry${path}`);
      expect({ method, path, status: res.status }).toEqual({ method, path, status: 401 });
    }
  });

  it('400 for a malformed date on GET /org-units/{code}; 404 for an unknown route', async () => {
    expect(fieldsOf(await request(server()).get('/api/registry/org-units/849?asOf=2025-02-30').set(auth(admin)).expect(400))).toEqual(['asOf']);
    await request(server()).get('/api/registry/nowhere').set(auth(admin)).expect(404);
  });

  it('400 for malformed path ids on the membership, death and erasure routes', async () => {
    const roles = await request(server()).put('/api/registry/clubs/x/memberships/y/roles').set(auth(admin)).send({ roles: ['chair'], effectiveOn: '2023-01-01' }).expect(400);
    expect(fieldsOf(roles)).toEqual(['clubId', 'memberId']);
    expect(fieldsOf(await request(server()).post('/api/registry/clubs/x/memberships/y/end').set(auth(admin)).send({ leftOn: '2023-01-01' }).expect(400))).toEqual([
      'clubId',
      'memberId',
    ]);
    expect(fieldsOf(await request(server()).post('/api/registry/members/x/death').set(auth(admin)).send({ diedOn: '2023-01-01' }).expect(400))).toEqual(['memberId']);
    expect(fieldsOf(await request(server()).post('/api/registry/members/x/erasure').set(auth(admin)).expect(400))).toEqual(['id']);
  });

  it('400 for a body that is not JSON, 413 for a JSON body over the limit, 403 for an auditor erasing', async () => {
    const malformed = await request(server()).post('/api/registry/members').set(auth(admin)).set('Content-Type', 'application/json').send('{"fullName": ').expect(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    await request(server())
      .post('/api/registry/members')
      .set(auth(admin))
      .send({ fullName: 'x'.repeat(1024 * 1024 + 10) })
      .expect(413);
    await request(server()).post(`/api/registry/members/${memberId}/erasure`).set(auth(await t.token(['auditor'], ['VN']))).expect(403);
  });

  it('409 when the roles of an ended membership change', async () => {
    await request(server()).post(`/api/registry/clubs/${clubId}/memberships`).set(auth(admin)).send({ memberId, joinedOn: '2022-01-01' }).expect(201);
    await request(server()).post(`/api/registry/clubs/${clubId}/memberships/${memberId}/end`).set(auth(admin)).send({ leftOn: '2023-01-01' }).expect(200);
    await request(server())
      .put(`/api/registry/clubs/${clubId}/memberships/${memberId}/roles`)
      .set(auth(admin))
      .send({ roles: ['chair'], effectiveOn: '2023-06-01' })
      .expect(409);
    await request(server()).put(`/api/registry/clubs/${UNKNOWN}/memberships/${memberId}/roles`).set(auth(admin)).send({ roles: ['chair'], effectiveOn: '2023-06-01' }).expect(404);
  });
});
