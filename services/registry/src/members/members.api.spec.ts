import request from 'supertest';
import { describeWith } from '@ishc/testing';
import { RegistryTestApp, startRegistry } from '../spec-support/registry-test-app';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describeWith(['postgres'], 'members: POST /members, GET /members/{id}, possible duplicates, erasure', () => {
  let t: RegistryTestApp;
  let admin: string;
  const server = () => t.app.getHttpServer();
  beforeAll(async () => {
    t = await startRegistry();
    admin = await t.token();
    const units = [
      ['VN', { name: 'Việt Nam', level: 'country', parentCode: null, validFrom: '1976-07-02' }],
      ['84', { name: 'Tỉnh Trà Vinh', level: 'province', parentCode: 'VN', validFrom: '1992-05-01' }],
      ['849', { name: 'Huyện Trà Cú', level: 'district', parentCode: '84', validFrom: '1992-05-01' }],
      ['29461', { name: 'Thị trấn Trà Cú', level: 'commune', parentCode: '849', validFrom: '1992-05-01' }],
      ['29462', { name: 'Thị trấn Định An', level: 'commune', parentCode: '849', validFrom: '1992-05-01' }],
      ['29463', { name: 'Xã cũ', level: 'commune', parentCode: '849', validFrom: '1992-05-01', validTo: '2025-06-30' }],
    ] as const;
    for (const [code, body] of units) {
      await request(server()).put(`/api/registry/org-units/${code}`).set('Authorization', `Bearer ${admin}`).send(body).expect(201);
    }
  });
  afterAll(() => t?.close());

  const post = (body: object, token = admin) => request(server()).post('/api/registry/members').set('Authorization', `Bearer ${token}`).send(body);
  const get = (path: string, token = admin) => request(server()).get(`/api/registry/members${path}`).set('Authorization', `Bearer ${token}`);
  const fieldsOf = (res: { body: { errors: Array<{ field: string }> } }) => res.body.errors.map((e) => e.field).sort();
  const dao = {
    fullName: 'Nguyễn Thị Đào',
    sex: 'F',
    birthDate: '1950-03-15',
    ethnicity: 'Khmer',
    ethnicMinority: true,
    disadvantaged: ['poor', 'living_alone'],
    communeCode: '29461',
    phone: '0912 345 678',
    nationalId: '084150000123',
  };

  it('registers a person (201 with id and no duplicates); GET decrypts the personal data; stored events and rows hold only ciphertext', async () => {
    const res = await post(dao).expect(201);
    expect(res.body).toEqual({ id: expect.any(String), possibleDuplicates: [] });
    expect(res.headers['x-consistency-token']).toMatch(/^registry:\d+:\d+$/);
    const member = await get(`/${res.body.id}`).expect(200);
    expect(member.body).toMatchObject({
      id: res.body.id,
      fullName: 'Nguyễn Thị Đào',
      sex: 'F',
      birthDate: '1950-03-15',
      birthYear: 1950,
      ethnicity: 'Khmer',
      ethnicMinority: true,
      disadvantaged: ['poor', 'living_alone'],
      communeCode: '29461',
      phone: '0912345678',
      nationalId: '084150000123',
      erased: false,
    });
    const events = await t.db.pool.query(`SELECT type, data::text AS data FROM events WHERE stream_id = $1`, [`member-${res.body.id}`]);
    expect(events.rows).toHaveLength(1);
    expect(events.rows[0].type).toBe('MemberRegistered');
    const stored = [events.rows[0].data, JSON.stringify((await t.db.pool.query('SELECT * FROM members')).rows), JSON.stringify((await t.db.pool.query('SELECT * FROM member_match_hashes')).rows)].join();
    for (const clear of ['Nguyễn', 'Đào', '084150000123', '0912345678', '1950-03-15', 'Khmer']) expect(stored).not.toContain(clear);
    expect(JSON.parse(events.rows[0].data)).toMatchObject({ sex: 'F', birthYear: 1950, ethnicMinority: true, communeCode: '29461', disadvantaged: ['poor', 'living_alone'] });
  });

  it('reports possible duplicates (folded name + birth year + commune, or national ID) and lists them; never merges', async () => {
    const first = await post({ fullName: 'Lê Văn Đức', sex: 'M', birthYear: 1948, communeCode: '29462' }).expect(201);
    const second = await post({ fullName: '  LE  van duc ', sex: 'M', birthDate: '1948-02-01', communeCode: '29462' }).expect(201);
    expect(second.body.possibleDuplicates).toEqual([{ duplicateOf: first.body.id, reason: 'name_birth_year_commune' }]);
    expect(second.body.id).not.toBe(first.body.id);
    const otherYear = await post({ fullName: 'Lê Văn Đức', sex: 'M', birthYear: 1949, communeCode: '29462' }).expect(201);
    expect(otherYear.body.possibleDuplicates).toEqual([]);
    const sameId = await post({ fullName: 'Thạch Thị Sa', sex: 'F', birthYear: 1960, communeCode: '29462', nationalId: '084150000777' }).expect(201);
    const sameIdAgain = await post({ fullName: 'Thach Sa', sex: 'F', birthYear: 1961, communeCode: '29461', nationalId: '084150000777' }).expect(201);
    expect(sameIdAgain.body.possibleDuplicates).toEqual([{ duplicateOf: sameId.body.id, reason: 'national_id' }]);
    const listed = await get('/possible-duplicates').expect(200);
    expect(listed.body).toEqual(
      expect.arrayContaining([
        { memberId: second.body.id, duplicateOf: first.body.id, reason: 'name_birth_year_commune' },
        { memberId: sameIdAgain.body.id, duplicateOf: sameId.body.id, reason: 'national_id' },
      ]),
    );
    // A commune officer sees only pairs within the scope.
    const officer = await t.token(['commune_officer'], ['29462']);
    const scoped = await get('/possible-duplicates', officer).expect(200);
    expect(scoped.body).toEqual([{ memberId: second.body.id, duplicateOf: first.body.id, reason: 'name_birth_year_commune' }]);
  });

  it('400 lists every bad field of the body', async () => {
    const res = await post({ fullName: '', sex: 'X', birthYear: 'old', disadvantaged: ['rich'], communeCode: 5, phone: 'abc', nationalId: '12', extra: 1 }).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(fieldsOf(res)).toEqual(expect.arrayContaining(['birthYear', 'communeCode', 'disadvantaged.0', 'fullName', 'nationalId', 'phone', 'sex']));
  });

  it('400 for both or neither birthDate and birthYear, a birth in the future, an age over 120, a commune not valid today or not a commune', async () => {
    const base = { fullName: 'A', sex: 'M', communeCode: '29461' };
    expect(fieldsOf(await post({ ...base, birthDate: '1950-01-01', birthYear: 1950 }).expect(400))).toEqual(['birthDate']);
    expect(fieldsOf(await post(base).expect(400))).toEqual(['birthDate']);
    expect(fieldsOf(await post({ ...base, birthDate: '2999-01-01', communeCode: '29463' }).expect(400))).toEqual(['birthDate', 'communeCode']);
    expect(fieldsOf(await post({ ...base, birthYear: 1850 }).expect(400))).toEqual(['birthYear']);
    expect(fieldsOf(await post({ ...base, birthYear: 1950, communeCode: '849' }).expect(400))).toEqual(['communeCode']);
  });

  it('401 without a token; 403 for a commune outside the scope (register, read, erase); 404 unknown member; 400 bad id', async () => {
    await request(server()).post('/api/registry/members').send(dao).expect(401);
    await request(server()).get(`/api/registry/members/${UNKNOWN}`).expect(401);
    const other = await t.token(['commune_officer'], ['29462']);
    await post(dao, other).expect(403);
    const created = await post({ ...dao, nationalId: undefined, fullName: 'Kim Thị Lan' }).expect(201);
    await get(`/${created.body.id}`, other).expect(403);
    await request(server()).post(`/api/registry/members/${created.body.id}/erasure`).set('Authorization', `Bearer ${other}`).expect(403);
    const district = await t.token(['district_officer'], ['849']);
    await post({ ...dao, nationalId: undefined }, district).expect(201);
    await get(`/${created.body.id}`, district).expect(200);
    await get(`/${UNKNOWN}`).expect(404);
    await request(server()).post(`/api/registry/members/${UNKNOWN}/erasure`).set('Authorization', `Bearer ${admin}`).expect(404);
    expect(fieldsOf(await get('/not-a-uuid').expect(400))).toEqual(['id']);
  });

  it('erasure destroys the data key: GET shows no personal fields, the statistics stay, duplicates go; erasing again is harmless', async () => {
    const a = await post({ fullName: 'Sơn Thị Mai', sex: 'F', birthDate: '1955-05-05', ethnicMinority: true, disadvantaged: ['near_poor'], communeCode: '29461', nationalId: '084155000999' }).expect(201);
    const b = await post({ fullName: 'Son Thi Mai', sex: 'F', birthYear: 1955, communeCode: '29461' }).expect(201);
    expect(b.body.possibleDuplicates).toEqual([{ duplicateOf: a.body.id, reason: 'name_birth_year_commune' }]);
    const erased = await request(server()).post(`/api/registry/members/${a.body.id}/erasure`).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(erased.body).toMatchObject({ id: a.body.id, erased: true });
    const member = await get(`/${a.body.id}`).expect(200);
    expect(member.body).toMatchObject({ id: a.body.id, erased: true, sex: 'F', birthYear: 1955, ethnicMinority: true, disadvantaged: ['near_poor'], communeCode: '29461' });
    for (const field of ['fullName', 'birthDate', 'ethnicity', 'phone', 'nationalId']) expect(member.body).not.toHaveProperty(field);
    expect((await t.db.pool.query('SELECT 1 FROM member_keys WHERE member_id = $1', [a.body.id])).rowCount).toBe(0);
    expect((await t.db.pool.query('SELECT 1 FROM member_match_hashes WHERE member_id = $1', [a.body.id])).rowCount).toBe(0);
    const listed = await get('/possible-duplicates').expect(200);
    expect(listed.body.some((d: { memberId: string; duplicateOf: string }) => d.duplicateOf === a.body.id || d.memberId === a.body.id)).toBe(false);
    const events = await t.db.pool.query(`SELECT type FROM events WHERE stream_id = $1 ORDER BY stream_version`, [`member-${a.body.id}`]);
    expect(events.rows.map((r: { type: string }) => r.type)).toEqual(['MemberRegistered', 'MemberErased']);
    await request(server()).post(`/api/registry/members/${a.body.id}/erasure`).set('Authorization', `Bearer ${admin}`).expect(200);
    // A new registration no longer matches the erased person.
    const c = await post({ fullName: 'Sơn Thị Mai', sex: 'F', birthYear: 1955, communeCode: '29461', nationalId: '084155000999' }).expect(201);
    expect(c.body.possibleDuplicates).toEqual([{ duplicateOf: b.body.id, reason: 'name_birth_year_commune' }]);
  });
});
