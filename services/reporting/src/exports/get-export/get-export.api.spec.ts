import ExcelJS from 'exceljs';
import request from 'supertest';
import { describeWith } from '@ishc/testing';
import { TRA_CU_PLAN } from '../../plans/built-in-plans/built-in-plans';
import { ReportingTestApp, startReporting } from '../../spec-support/reporting-test-app';
import { traCuScenario, untilProjected } from '../../spec-support/tra-cu-scenario';
import { parseCsv } from '../domain/csv';
import { EXPORT_COLUMNS } from '../domain/export-table';

const plan = TRA_CU_PLAN.code;
const FOOTPRINT = ['V86-DAIAN', 'V86-HAMGIANG', 'V86-LNA', 'V86-LONGHIEP', 'V86-TAPSON', 'V86-TRACU'];

describeWith(['postgres'], 'GET /api/reporting/exports: CSV, XLSX, ADX and DHIS2 dataValueSets, each parsed back', () => {
  let t: ReportingTestApp;
  let admin: string;
  let expected: Map<string, number | null>;
  const get = (query: string, token = admin) => request(t.app.getHttpServer()).get(`/api/reporting/exports?${query}`).set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    t = await startReporting();
    admin = await t.token();
    const scenario = await traCuScenario(t);
    // The plan's unit must be projected before the plan is defined.
    await untilProjected(t, scenario.tokens);
    await request(t.app.getHttpServer()).put(`/api/reporting/plans/${plan}`).set('Authorization', `Bearer ${admin}`).send(TRA_CU_PLAN).expect(201);
    const answer = await request(t.app.getHttpServer()).get(`/api/reporting/indicators?plan=${plan}&asOf=2025-12-31`).set('Authorization', `Bearer ${admin}`).expect(200);
    expected = new Map(answer.body.indicators.map((i: { code: string; value: number | null }) => [i.code, i.value]));
  }, 120000);
  afterAll(() => t?.close());

  it('CSV: UTF-8 with BOM, Vietnamese header, the plan’s footprint and each of its communes, values as GET /indicators gives them', async () => {
    const res = await get(`plan=${plan}&asOf=2025-12-31&format=csv`).expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain(`ishc-849-2025-12-31-${plan}.csv`);
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = parseCsv(res.text.slice(1));
    expect(header).toEqual(EXPORT_COLUMNS.map((c) => c.label));
    expect([...new Set(rows.map((r) => r[0]))]).toEqual(['849', ...FOOTPRINT]);
    const clubsActive = rows.find((r) => r[0] === '849' && r[4] === 'clubs_active') as string[];
    expect(clubsActive).toEqual(['849', 'Huyện Trà Cú', '2025-12-31', plan, 'clubs_active', 'Số câu lạc bộ đang hoạt động', 'số lượng', '4', '4', '', '', '']);
    const clubsNew = rows.find((r) => r[0] === '849' && r[4] === 'clubs_new') as string[];
    expect(clubsNew.slice(7)).toEqual([String(expected.get('clubs_new')), '3', '', '>= 50', 'Chưa đạt']);
  });

  it('XLSX: one sheet with the Vietnamese header and numbers as numbers', async () => {
    const res = await get(`plan=${plan}&asOf=2025-12-31&format=xlsx`)
      .buffer(true)
      .parse((stream, done) => {
        // A binary body (supertest buffers text only).
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body);
    const sheet = workbook.getWorksheet('Chỉ tiêu');
    expect(sheet).toBeDefined();
    const rows = (sheet?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    expect(rows[0].slice(1)).toEqual(EXPORT_COLUMNS.map((c) => c.label));
    const pct = rows.find((r) => r[1] === '849' && r[5] === 'communes_with_club_pct') as unknown[];
    expect(pct.slice(8, 11)).toEqual([50, 3, 6]);
    expect(rows).toHaveLength(1 + 7 * expected.size);
  });

  it('ADX: one group per org unit with the day as ISO period and indicator codes as data elements', async () => {
    const res = await get(`plan=${plan}&asOf=2025-12-31&format=adx`).expect(200);
    expect(res.headers['content-type']).toContain('application/adx+xml');
    const xml = res.text;
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<adx xmlns="urn:ihe:qrph:adx:2015" exported="[^"]+">/);
    const groups = [...xml.matchAll(/<group orgUnit="([^"]+)" period="([^"]+)"[^>]*>([\s\S]*?)<\/group>/g)];
    expect(groups.map((g) => g[1])).toEqual(['849', ...FOOTPRINT]);
    expect(new Set(groups.map((g) => g[2]))).toEqual(new Set(['2025-12-31/P1D']));
    const values = new Map([...groups[0][3].matchAll(/<dataValue dataElement="([^"]+)" value="([^"]+)"\/>/g)].map((v) => [v[1], Number(v[2])]));
    expect(values.get('clubs_active')).toBe(4);
    expect(values.get('communes_with_club_pct')).toBe(50);
    for (const [code, value] of values) expect(expected.get(code)).toBe(value);
  });

  it('DHIS2 dataValueSets JSON: codes as ids, daily period yyyyMMdd, string values', async () => {
    const res = await get(`orgUnit=849&plan=${plan}&asOf=2025-12-31&format=dhis2-json`).expect(200);
    expect(res.headers['content-type']).toContain('application/json');
    const set = JSON.parse(res.text) as { completeDate: string; dataValues: Array<{ dataElement: string; period: string; orgUnit: string; value: string }> };
    expect(set.completeDate).toBe('2025-12-31');
    expect(new Set(set.dataValues.map((v) => v.period))).toEqual(new Set(['20251231']));
    expect(new Set(set.dataValues.map((v) => v.orgUnit))).toEqual(new Set(['849', ...FOOTPRINT]));
    const total = set.dataValues.filter((v) => v.orgUnit === '849');
    expect(Object.fromEntries(total.map((v) => [v.dataElement, Number(v.value)]))).toMatchObject({ clubs_active: 4, clubs_new: 3 });
    expect(total.every((v) => typeof v.value === 'string' && expected.has(v.dataElement))).toBe(true);
  });

  it('exports a unit without a plan too (no target columns filled)', async () => {
    const res = await get('orgUnit=849&asOf=2025-06-30&format=csv').expect(200);
    const rows = parseCsv(res.text.slice(1)).slice(1);
    expect(rows.every((r) => r[3] === '' && r[10] === '' && r[11] === '')).toBe(true);
    expect(new Set(rows.map((r) => r[0])).size).toBe(1 + 17);
  });

  it('400 names format and every other bad parameter; 401 without a token; 403 out of scope; 404 unknown plan', async () => {
    const bad = await get('orgUnit=849&format=pdf&asOf=2025-13-01').expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['asOf', 'format']);
    const missing = await get('').expect(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['format', 'orgUnit']);
    await request(t.app.getHttpServer()).get('/api/reporting/exports?orgUnit=849&format=csv').expect(401);
    await get(`plan=${plan}&asOf=2025-12-31&format=csv`, await t.token(['district_officer'], ['848'])).expect(403);
    await get('plan=NOPE&format=adx').expect(404);
  });
});
