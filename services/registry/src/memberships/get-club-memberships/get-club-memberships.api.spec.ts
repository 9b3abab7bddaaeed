import request from 'supertest';
import { describeWith } from '@ishc/testing';
import { RegistryTestApp, startRegistry } from '../../spec-support/registry-test-app';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describeWith(['postgres'], 'GET /clubs/{id}/memberships and GET /members/{id}/memberships', () => {
  let t: RegistryTestApp;
  let admin: string;
  let clubId: string;
  let chair: string;
  let member: string;
  let erased: string;
  let fromElsewhere: string;
  const server = () => t.app.getHttpServer();
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const get = (path: string, token = admin) => request(server()).get(`/api/registry${path}`).set(auth(token));
  const newMember = async (fullName: string, communeCode = '29461') =>
    (await request(server()).post('/api/registry/members').set(auth(admin)).send({ fullName, sex: 'F', birthYear: 1950, communeCode, phone: '0912345678' }).expect(201))
      .body.id as string;
  const join = (memberId: string, joinedOn: string, roles?: string[]) =>
    request(server()).post(`/api/registry/clubs/${clubId}/memberships`).set(auth(admin)).send({ memberId, joinedOn, roles }).expect(201);

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
    clubId = (await request(server()).post('/api/registry/clubs').set(auth(admin)).send({ name: 'CLB ấp Chợ', communeCode: '29461', establishedOn: '2021-06-01' }).expect(201))
      .body.id;
    chair = await newMember('Thạch Thị Chủ Nhiệm');
    member = await newMember('Kim Văn Hai');
    erased = await newMember('Sơn Thị Xoá');
    fromElsewhere = await newMember('Lâm Văn Định An', '29462');
    await join(chair, '2021-06-01', ['member']);
    await request(server()).put(`/api/registry/clubs/${clubId}/memberships/${chair}/roles`).set(auth(admin)).send({ roles: ['chair'], effectiveOn: '2023-01-01' }).expect(200);
    await join(member, '2022-01-01');
    await request(server()).post(`/api/registry/clubs/${clubId}/memberships/${member}/end`).set(auth(admin)).send({ leftOn: '2024-01-01' }).expect(200);
    await join(erased, '2022-01-01');
    await request(server()).post(`/api/registry/members/${erased}/erasure`).set(auth(admin)).expect(200);
    await join(fromElsewhere, '2022-06-01');
  });
  afterAll(() => t?.close());

  const byId = (res: { body: { members: Array<{ memberId: string }> } }) => new Map(res.body.members.map((m) => [m.memberId, m]));

  it('lists the members of the club on a date with the roles of that day, decrypted for a caller in scope; an erased member reads as erased', async () => {
    const on2022 = await get(`/clubs/${clubId}/memberships?asOf=2022-07-01`).expect(200);
    expect(on2022.body).toMatchObject({ clubId, asOf: '2022-07-01', communeCode: '29461' });
    const m2022 = byId(on2022);
    expect([...m2022.keys()].sort()).toEqual([chair, member, erased, fromElsewhere].sort());
    expect(m2022.get(chair)).toMatchObject({ roles: ['member'], rolesSince: '2021-06-01', personalData: 'shown', member: { fullName: 'Thạch Thị Chủ Nhiệm', phone: '0912345678' } });
    expect(m2022.get(erased)).toMatchObject({ personalData: 'erased', member: { erased: true, sex: 'F', birthYear: 1950 } });
    expect(m2022.get(erased)).not.toHaveProperty('member.fullName');

    const on2024 = byId(await get(`/clubs/${clubId}/memberships?asOf=2024-01-01`).expect(200));
    expect(on2024.has(member)).toBe(false);
    expect(on2024.get(chair)).toMatchObject({ roles: ['chair'], rolesSince: '2023-01-01' });
    expect((await get(`/clubs/${clubId}/memberships?asOf=2021-05-31`).expect(200)).body.members).toEqual([]);
  });

  it('withholds personal data from a caller outside the club’s commune, except for members of the caller’s own commune', async () => {
    const other = await t.token(['commune_officer'], ['29462']);
    const res = byId(await get(`/clubs/${clubId}/memberships?asOf=2022-07-01`, other).expect(200));
    expect(res.get(chair)).toMatchObject({ personalData: 'withheld', member: { id: chair, sex: 'F', erased: false } });
    expect(res.get(chair)).not.toHaveProperty('member.fullName');
    expect(res.get(fromElsewhere)).toMatchObject({ personalData: 'shown', member: { fullName: 'Lâm Văn Định An' } });
  });

  it('GET /members/{id}/memberships lists every membership of the person with its dated roles', async () => {
    const res = await get(`/members/${chair}/memberships`).expect(200);
    expect(res.body).toEqual({
      memberId: chair,
      diedOn: null,
      memberships: [
        {
          clubId,
          clubName: 'CLB ấp Chợ',
          joinedOn: '2021-06-01',
          leftOn: null,
          endReason: null,
          roles: ['chair'],
          rolesSince: '2023-01-01',
          roleHistory: [
            { validFrom: '2021-06-01', roles: ['member'] },
            { validFrom: '2023-01-01', roles: ['chair'] },
          ],
        },
      ],
    });
    expect((await get(`/members/${member}/memberships`).expect(200)).body.memberships[0]).toMatchObject({ leftOn: '2024-01-01' });
  });

  it('400 for a bad id or asOf; 401 without a token; 403 for a member outside the scope; 404 for an unknown club or member', async () => {
    const fields = (res: { body: { errors: Array<{ field: string }> } }) => res.body.errors.map((e) => e.field);
    expect(fields(await get('/clubs/not-a-uuid/memberships').expect(400))).toEqual(['id']);
    expect(fields(await get(`/clubs/${clubId}/memberships?asOf=2022-02-30`).expect(400))).toEqual(['asOf']);
    expect(fields(await get('/members/not-a-uuid/memberships').expect(400))).toEqual(['id']);
    await request(server()).get(`/api/registry/clubs/${clubId}/memberships`).expect(401);
    await request(server()).get(`/api/registry/members/${chair}/memberships`).expect(401);
    await get(`/members/${chair}/memberships`, await t.token(['commune_officer'], ['29462'])).expect(403);
    await get(`/clubs/${UNKNOWN}/memberships`).expect(404);
    await get(`/members/${UNKNOWN}/memberships`).expect(404);
  });
});
