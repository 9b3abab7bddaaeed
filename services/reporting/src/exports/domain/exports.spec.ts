import { adxPeriod, toAdx } from './adx';
import { parseCsv, toCsv } from './csv';
import { dhis2DailyPeriod, toDhis2DataValueSet } from './dhis2-data-value-set';
import { EXPORT_COLUMNS, ExportSubject, exportRows } from './export-table';

const subject: ExportSubject = {
  asOf: '2025-12-31',
  plan: 'TRACU-793-2021',
  units: [
    {
      orgUnit: '849',
      orgUnitName: 'Huyện Trà Cú',
      indicators: [
        { code: 'clubs_new', value: 52, numerator: 52, denominator: null, target: { op: '>=', value: 50 }, met: true },
        { code: 'clubs_with_both_funds_pct', value: 66.67, numerator: 2, denominator: 3, target: { op: '>=', value: 100 }, met: false },
      ],
    },
    { orgUnit: 'V86-TRACU', orgUnitName: 'Xã "Trà Cú", mới', indicators: [{ code: 'communes_with_club_pct', value: null, numerator: 0, denominator: 0 }] },
  ],
};
const labels = new Map([
  ['clubs_new', { vi: 'Số câu lạc bộ thành lập mới trong kỳ kế hoạch', unit: 'count' }],
  ['clubs_with_both_funds_pct', { vi: 'Tỷ lệ câu lạc bộ có cả hai quỹ', unit: 'percent' }],
]);

describe('exports', () => {
  it('CSV: a BOM, the Vietnamese header, one row per unit and indicator, quoted where needed, read back to the same cells', () => {
    const csv = toCsv(exportRows(subject, labels));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(csv.slice(1));
    expect(header).toEqual(EXPORT_COLUMNS.map((c) => c.label));
    expect(header).toContain('Tên chỉ tiêu');
    expect(rows).toEqual([
      ['849', 'Huyện Trà Cú', '2025-12-31', 'TRACU-793-2021', 'clubs_new', 'Số câu lạc bộ thành lập mới trong kỳ kế hoạch', 'số lượng', '52', '52', '', '>= 50', 'Đạt'],
      ['849', 'Huyện Trà Cú', '2025-12-31', 'TRACU-793-2021', 'clubs_with_both_funds_pct', 'Tỷ lệ câu lạc bộ có cả hai quỹ', '%', '66.67', '2', '3', '>= 100', 'Chưa đạt'],
      ['V86-TRACU', 'Xã "Trà Cú", mới', '2025-12-31', 'TRACU-793-2021', 'communes_with_club_pct', 'communes_with_club_pct', '', '', '0', '0', '', ''],
    ]);
  });

  it('ADX: one group per org unit with the day as ISO period, indicator codes as data elements, null values left out', () => {
    const xml = toAdx(subject, '2026-01-05T01:02:03.000Z');
    expect(adxPeriod('2025-12-31')).toBe('2025-12-31/P1D');
    expect(xml).toContain('<adx xmlns="urn:ihe:qrph:adx:2015" exported="2026-01-05T01:02:03.000Z">');
    const groups = [...xml.matchAll(/<group orgUnit="([^"]+)" period="([^"]+)"[^>]*>([\s\S]*?)<\/group>/g)].map((g) => ({
      orgUnit: g[1],
      period: g[2],
      values: [...g[3].matchAll(/<dataValue dataElement="([^"]+)" value="([^"]+)"\/>/g)].map((v) => [v[1], Number(v[2])]),
    }));
    expect(groups).toEqual([
      { orgUnit: '849', period: '2025-12-31/P1D', values: [['clubs_new', 52], ['clubs_with_both_funds_pct', 66.67]] },
      { orgUnit: 'V86-TRACU', period: '2025-12-31/P1D', values: [] },
    ]);
  });

  it('ADX escapes what XML needs escaped', () => {
    const xml = toAdx({ ...subject, units: [{ orgUnit: 'A&B<"', orgUnitName: null, indicators: [] }] }, 'now');
    expect(xml).toContain('orgUnit="A&amp;B&lt;&quot;"');
  });

  it('DHIS2 dataValueSets: codes, daily ISO period yyyyMMdd, values as strings with numerator and denominator in the comment', () => {
    expect(dhis2DailyPeriod('2025-12-31')).toBe('20251231');
    const parsed = JSON.parse(JSON.stringify(toDhis2DataValueSet(subject)));
    expect(parsed).toEqual({
      completeDate: '2025-12-31',
      dataValues: [
        { dataElement: 'clubs_new', period: '20251231', orgUnit: '849', value: '52', comment: 'numerator=52' },
        { dataElement: 'clubs_with_both_funds_pct', period: '20251231', orgUnit: '849', value: '66.67', comment: 'numerator=2;denominator=3' },
      ],
    });
  });
});
