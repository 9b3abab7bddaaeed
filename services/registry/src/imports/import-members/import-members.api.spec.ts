import request from 'supertest';
import { Workbook } from 'exceljs';
import { describeWith } from '@ishc/testing';
import { RegistryTestApp, startRegistry } from '../../spec-support/registry-test-app';
import { writeCsv } from '../csv';

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Năm sinh', 'Dân tộc', 'Dân tộc thiểu số', 'Hoàn cảnh khó khăn', 'Mã xã', 'Số điện thoại', 'Số CCCD/CMND', 'Mã CLB', 'Ngày vào CLB', 'Vai trò'];

interface RowResult {
  row: number;
  status: string;
  errors: Array<{ field: string; message: string }>;
  id?: string;
  sameAsRow?: number;
  possibleDuplicates: Array<{ duplicateOf?: string; duplicateOfRow?: number; reason: string }>;
}

// Communes of the built-in reference data valid today: V86-TRACU, V86-DAIAN (from 2025-07-01).
describeWith(['postgres'], 'POST /api/registry/imports/members and the template', () => {
  let t: RegistryTestApp;
  let admin: string;
  let clubId: string;
  let existingMember: string;
  const server = () => t.app.getHttpServer();
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const upload = (body: string | Buffer, { dryRun = 'false', type = CSV, token = admin }: { dryRun?: string; type?: string; token?: string } = {}) =>
    request(server()).post(`/api/registry/imports/members?dryRun=${dryRun}`).set(auth(token)).set('Content-Type', type).send(Buffer.from(body));
  const count = async (sql: string) => Number((await t.db.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${sql}`)).rows[0].n);
  const written = async () => ({ events: await count('events'), members: await count('members'), memberships: await count('memberships') });
  const rowsOf = (res: { body: { rows: RowResult[] } }) => new Map(res.body.rows.map((r) => [r.row, r]));

  beforeAll(async () => {
    t = await startRegistry({ referenceData: true });
    admin = await t.token();
    clubId = (await request(server()).post('/api/registry/clubs').set(auth(admin)).send({ name: 'CLB ấp Chợ', communeCode: 'V86-TRACU', establishedOn: '2025-08-01' }).expect(201))
      .body.id;
    existingMember = (
      await request(server())
        .post('/api/registry/members')
        .set(auth(admin))
        .send({ fullName: 'Thạch Thị Sa', sex: 'F', birthYear: 1948, communeCode: 'V86-TRACU' })
        .expect(201)
    ).body.id;
  }, 60_000);
  afterAll(() => t?.close());

  const file = () =>
    writeCsv([
      HEADER,
      ['Nguyễn Thị Đào', 'Nữ', '08/03/1955', '', 'Kinh', 'Không', 'hộ nghèo; sống một mình', 'V86-TRACU', '0912 345 678', '084155000123', clubId, '2025-09-01', 'member; home_care_volunteer'],
      ['', 'X', '2099-01-01', '', '', 'maybe', 'rich', '', 'abc', '12', 'not-a-uuid', '', ''],
      ['THACH THI SA', 'F', '', '1948', '', '', '', 'V86-TRACU', '', '', '', '', ''],
      ['Kim Văn Hai', 'Nam', '', '1960', 'Khmer', 'Có', '', 'V86-DAIAN', '', '', clubId, '2025-07-01', ''],
      ['Nguyễn Thị Đào', 'Nữ', '08/03/1955', '', 'Kinh', 'Không', 'hộ nghèo; sống một mình', 'V86-TRACU', '0912 345 678', '084155000123', clubId, '2025-09-01', 'member; home_care_volunteer'],
      ['', '', '', '', '', '', '', '', '', '', '', '', ''],
      ['Sơn Văn Ba', 'M', '', '1950', '', '', '', '29461', '', '', '', '', ''],
      ['Nguyen Thi Dao', 'F', '', '1955', '', '', '', 'V86-TRACU', '', '', '', '', ''],
    ]);

  it('dryRun=true reports every row (errors, possible duplicates, repeats) and writes nothing', async () => {
    const before = await written();
    const res = await upload(file(), { dryRun: 'true' }).expect(200);
    expect(await written()).toEqual(before);
    expect(res.body).toMatchObject({ dryRun: true, total: 7, valid: 3, created: 0, existing: 1, invalid: 3 });
    const rows = rowsOf(res);
    expect(rows.get(2)).toEqual({ row: 2, status: 'valid', errors: [], possibleDuplicates: [] });
    expect(rows.get(3)?.errors.map((e) => e.field).sort()).toEqual(['clubId', 'communeCode', 'disadvantaged.0', 'ethnicMinority', 'fullName', 'joinedOn', 'nationalId', 'phone', 'sex']);
    expect(rows.get(4)).toMatchObject({ status: 'valid', possibleDuplicates: [{ duplicateOf: existingMember, reason: 'name_birth_year_commune' }] });
    expect(rows.get(5)).toMatchObject({ status: 'invalid', errors: [{ field: 'joinedOn' }] });
    expect(rows.get(6)).toMatchObject({ status: 'existing', sameAsRow: 2 });
    expect(rows.has(7)).toBe(false);
    expect(rows.get(8)).toMatchObject({ status: 'invalid', errors: [{ field: 'communeCode' }] });
    expect(rows.get(9)).toMatchObject({ status: 'valid', possibleDuplicates: [{ duplicateOfRow: 2, reason: 'name_birth_year_commune' }] });
  });

  it('dryRun=false registers the valid rows with their memberships, reports the invalid ones; the same file again creates nothing', async () => {
    const before = await written();
    const res = await upload(file()).expect(200);
    expect(res.headers['x-consistency-token']).toMatch(/^registry:\d+:\d+$/);
    expect(res.body).toMatchObject({ dryRun: false, total: 7, valid: 0, created: 3, existing: 1, invalid: 3 });
    const rows = rowsOf(res);
    const dao = rows.get(2)?.id as string;
    expect(rows.get(9)?.possibleDuplicates).toEqual([{ duplicateOfRow: 2, reason: 'name_birth_year_commune' }]);
    expect(await written()).toEqual({ events: before.events + 4, members: before.members + 3, memberships: before.memberships + 1 });

    const member = await request(server()).get(`/api/registry/members/${dao}`).set(auth(admin)).expect(200);
    expect(member.body).toMatchObject({
      fullName: 'Nguyễn Thị Đào',
      sex: 'F',
      birthDate: '1955-03-08',
      birthYear: 1955,
      ethnicMinority: false,
      disadvantaged: ['poor', 'living_alone'],
      communeCode: 'V86-TRACU',
      phone: '0912345678',
      nationalId: '084155000123',
    });
    const club = await request(server()).get(`/api/registry/clubs/${clubId}/memberships?asOf=2025-09-01`).set(auth(admin)).expect(200);
    expect(club.body.members).toMatchObject([{ memberId: dao, roles: ['member', 'home_care_volunteer'], joinedOn: '2025-09-01' }]);
    const duplicates = await request(server()).get('/api/registry/members/possible-duplicates').set(auth(admin)).expect(200);
    expect(duplicates.body).toEqual(
      expect.arrayContaining([
        { memberId: rows.get(4)?.id, duplicateOf: existingMember, reason: 'name_birth_year_commune' },
        { memberId: rows.get(9)?.id, duplicateOf: dao, reason: 'name_birth_year_commune' },
      ]),
    );
    // Nothing personal in clear in the events.
    const stored = await t.db.pool.query(`SELECT data::text AS data FROM events WHERE stream_id = $1`, [`member-${dao}`]);
    expect(stored.rows[0].data).not.toContain('Đào');
    expect(stored.rows[0].data).not.toContain('0912345678');

    const again = await upload(file()).expect(200);
    expect(again.body).toMatchObject({ created: 0, existing: 4, invalid: 3 });
    expect(rowsOf(again).get(2)).toMatchObject({ status: 'existing', id: dao });
    expect(await written()).toEqual({ events: before.events + 4, members: before.members + 3, memberships: before.memberships + 1 });
  });

  it('reads an XLSX file (dates as dates, a phone typed as a number) the same way', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Thành viên');
    sheet.addRow(['Họ và tên', 'Giới tính', 'Ngày sinh', 'Mã xã', 'Số điện thoại']);
    sheet.addRow(['Lâm Thị Xuân', 'Nữ', new Date(Date.UTC(1952, 0, 15)), 'V86-DAIAN', 987654321]);
    const res = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), { type: XLSX }).expect(200);
    expect(res.body).toMatchObject({ total: 1, created: 1 });
    const member = await request(server()).get(`/api/registry/members/${res.body.rows[0].id}`).set(auth(admin)).expect(200);
    expect(member.body).toMatchObject({ fullName: 'Lâm Thị Xuân', birthDate: '1952-01-15', phone: '0987654321' });
  });

  it('marks rows outside the caller’s scope invalid and writes the others', async () => {
    const officer = await t.token(['commune_officer'], ['V86-DAIAN']);
    const csv = writeCsv([
      ['Họ và tên', 'Giới tính', 'Năm sinh', 'Mã xã'],
      ['Trần Văn Một', 'M', '1950', 'V86-TRACU'],
      ['Trần Văn Hai', 'M', '1951', 'V86-DAIAN'],
    ]);
    const res = await upload(csv, { token: officer }).expect(200);
    expect(res.body.rows.map((r: RowResult) => r.status)).toEqual(['invalid', 'created']);
    expect(res.body.rows[0].errors).toEqual([{ field: 'communeCode', message: 'V86-TRACU is outside your scope' }]);
  });

  it('400 for a file without the required columns or with unknown ones, an empty file, an unreadable XLSX or a bad dryRun', async () => {
    const missing = await upload(writeCsv([['Họ và tên', 'Quê quán'], ['A', 'B']])).expect(400);
    expect(missing.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'header.2', message: 'unknown column "Quê quán"' },
        { field: 'header', message: 'missing column "Giới tính"' },
        { field: 'header', message: 'missing column "Mã xã"' },
      ]),
    );
    await upload('').expect(400);
    expect((await upload('not a zip', { type: XLSX }).expect(400)).body.errors).toEqual([{ field: 'file', message: 'not a readable XLSX workbook' }]);
    expect((await upload(file(), { dryRun: 'maybe' }).expect(400)).body.errors[0].field).toBe('dryRun');
  });

  it('401 without a token, 403 for an auditor, 413 past the size limit, 415 for another media type, 422 for a reused Idempotency-Key', async () => {
    await request(server()).post('/api/registry/imports/members').set('Content-Type', CSV).send('x').expect(401);
    await upload(file(), { token: await t.token(['auditor'], ['VN']) }).expect(403);
    const tooLarge = await upload(Buffer.alloc(10 * 1024 * 1024 + 1, 'a')).expect(413);
    expect(tooLarge.headers['content-type']).toContain('application/problem+json');
    await request(server()).post('/api/registry/imports/members').set(auth(admin)).send({ rows: [] }).expect(415);
    const one = (name: string) => writeCsv([['Họ và tên', 'Giới tính', 'Năm sinh', 'Mã xã'], [name, 'F', '1950', 'V86-TRACU']]);
    const first = await upload(one('Lý Thị Một')).set('Idempotency-Key', 'import-1').expect(200);
    const replay = await upload(one('Lý Thị Một')).set('Idempotency-Key', 'import-1').expect(200);
    expect(replay.body).toEqual(first.body);
    await upload(one('Lý Thị Hai')).set('Idempotency-Key', 'import-1').expect(422);
  });

  it('GET /imports/members/template gives the CSV (UTF-8 with BOM) and XLSX templates with the Vietnamese headers', async () => {
    const csv = await request(server()).get('/api/registry/imports/members/template?format=csv').set(auth(admin)).buffer(true).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('mau-nhap-thanh-vien.csv');
    expect(csv.text).toBe(`\uFEFF${HEADER.join(',')}\r\n`);
    const xlsx = await request(server())
      .get('/api/registry/imports/members/template?format=xlsx')
      .set(auth(admin))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx.body);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Thành viên', 'Hướng dẫn']);
    expect((workbook.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
    // The template, filled in, imports as is.
    const filled = workbook.worksheets[0];
    filled.addRow(['Châu Thị Mười', 'Nữ', '', '1949', '', '', '', 'V86-TRACU']);
    const res = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), { type: XLSX, dryRun: 'true' }).expect(200);
    expect(res.body).toMatchObject({ total: 1, valid: 1 });
    expect((await request(server()).get('/api/registry/imports/members/template?format=pdf').set(auth(admin)).expect(400)).body.errors[0].field).toBe('format');
    await request(server()).get('/api/registry/imports/members/template').expect(401);
  });

  it('imports 5,000 rows in one request', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [`Người Thứ ${i}`, i % 2 ? 'Nam' : 'Nữ', '', String(1940 + (i % 40)), '', '', '', i % 3 ? 'V86-TRACU' : 'V86-DAIAN']);
    const csv = writeCsv([['Họ và tên', 'Giới tính', 'Ngày sinh', 'Năm sinh', 'Dân tộc', 'Dân tộc thiểu số', 'Hoàn cảnh khó khăn', 'Mã xã'], ...rows]);
    const started = Date.now();
    const res = await upload(csv).expect(200);
    const seconds = (Date.now() - started) / 1000;
    expect(res.body).toMatchObject({ total: 5000, created: 5000, invalid: 0 });
    expect(await count(`members WHERE member_id = ANY('{${res.body.rows.map((r: RowResult) => r.id).join(',')}}'::uuid[])`)).toBe(5000);
    expect(seconds).toBeLessThan(120);
  }, 180_000);
});
