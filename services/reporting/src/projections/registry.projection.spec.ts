import { describeWith } from '@ishc/testing';
import { OrgUnitDefinedV1 } from '@ishc/contracts';
import { coverageIndicators } from '../indicators/domain/coverage-indicators';
import { readCoverageFacts } from '../indicators/coverage-facts.query';
import { givenReportingDatabase } from '../spec-support/given-reporting-database';
import { ReportingOrgUnitScope } from './org-unit-scope.resolver';
import { ProjectedEvent, projectRegistryEvents } from './registry.projection';

const unit = (code: string, level: OrgUnitDefinedV1['level'], parentCode: string | null, validFrom: string, validTo: string | null = null): ProjectedEvent => ({
  type: 'OrgUnitDefined',
  data: { code, name: code, level, parentCode, validFrom, validTo, attributes: {} } satisfies OrgUnitDefinedV1,
});
const club = (clubId: string, communeCode: string, establishedOn: string): ProjectedEvent => ({
  type: 'ClubEstablished',
  data: { clubId, name: `club ${clubId}`, communeCode, hamletCode: null, establishedOn },
});
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

// Given a province with a district of three communes (one created later) and clubs over time.
const history: ProjectedEvent[] = [
  unit('VN', 'country', null, '1976-07-02'),
  unit('84', 'province', 'VN', '1992-05-01', '2025-06-30'),
  unit('849', 'district', '84', '1992-05-01', '2025-06-30'),
  unit('C1', 'commune', '849', '1992-05-01', '2025-06-30'),
  unit('C2', 'commune', '849', '1992-05-01', '2025-06-30'),
  unit('C3', 'commune', '849', '2022-01-01', '2025-06-30'),
  club(id(1), 'C1', '2020-03-01'),
  club(id(2), 'C1', '2021-06-01'),
  club(id(3), 'C3', '2023-02-01'),
  { type: 'ClubDissolved', data: { clubId: id(2), dissolvedOn: '2024-01-01' } },
];

describeWith(['postgres'], 'reporting projection of registry events', () => {
  const db = givenReportingDatabase('reporting_projection');

  const apply = (events: ProjectedEvent[]) => db.inTransaction((client) => projectRegistryEvents(events, client));
  const indicatorsAt = async (unitCode: string, asOf: string) => coverageIndicators(await readCoverageFacts(db.pool, unitCode, asOf));

  it('answers each date on the hierarchy valid that day', async () => {
    await apply(history);
    // 2021-12-31: communes C1, C2 (C3 not yet); clubs 1 and 2, both in C1.
    expect(await indicatorsAt('849', '2021-12-31')).toEqual([
      { code: 'communes_with_club_pct', value: 50, numerator: 1, denominator: 2 },
      { code: 'clubs_active', value: 2, numerator: 2, denominator: null },
    ]);
    // 2023-12-31: C1, C2, C3; clubs 1, 2, 3.
    expect((await indicatorsAt('84', '2023-12-31')).map((i) => [i.numerator, i.denominator])).toEqual([[2, 3], [3, null]]);
    // 2024-01-01: club 2 is dissolved that day, so it no longer counts.
    expect((await indicatorsAt('VN', '2024-01-01'))[1].value).toBe(2);
    // A commune on its own.
    expect((await indicatorsAt('C2', '2024-01-01'))[0]).toEqual({ code: 'communes_with_club_pct', value: 0, numerator: 0, denominator: 1 });
    // After the district ended, nothing is under it.
    expect((await indicatorsAt('849', '2025-07-01'))[0].denominator).toBe(0);
  });

  it('follows a reform: dated parents, validity, and clubs of communes succeeded whole counted under the successor', async () => {
    const changeSetId = 'cs-2025';
    const reform: ProjectedEvent[] = [
      // Before: province P8 with district D8 of communes K1, K2, K3; clubs in K1 and K3.
      unit('P8', 'province', 'VN', '1992-05-01'),
      unit('P86', 'province', 'VN', '1992-05-01'),
      unit('D8', 'district', 'P8', '1992-05-01'),
      unit('K1', 'commune', 'D8', '1992-05-01'),
      unit('K2', 'commune', 'D8', '1992-05-01'),
      unit('K3', 'commune', 'D8', '1992-05-01'),
      club(id(11), 'K1', '2020-01-01'),
      club(id(13), 'K3', '2021-01-01'),
      // The reform of 2025-07-01: K1 and K2 merge (whole) into N1 under P86, K3 moves to P86, D8 ends.
      unit('N1', 'commune', 'P86', '2025-07-01'),
      { type: 'OrgUnitReparented', data: { code: 'K3', parentCode: 'P86', effectiveOn: '2025-07-01', changeSetId } },
      ...['D8', 'K1', 'K2'].map((code) => ({ type: 'OrgUnitRetired', data: { code, validTo: '2025-06-30', changeSetId } })),
      { type: 'OrgUnitSucceeded', data: { from: 'K1', to: 'N1', kind: 'whole', effectiveOn: '2025-07-01', changeSetId } },
      { type: 'OrgUnitSucceeded', data: { from: 'K2', to: 'N1', kind: 'whole', effectiveOn: '2025-07-01', changeSetId } },
    ];
    await apply(reform);
    const facts = (code: string, asOf: string) => readCoverageFacts(db.pool, code, asOf);

    // The day before: D8 holds three communes, two clubs, each in its own commune.
    expect(await facts('D8', '2025-06-30')).toEqual({
      communes: ['K1', 'K2', 'K3'],
      clubs: [
        { clubId: id(11), communeCode: 'K1' },
        { clubId: id(13), communeCode: 'K3' },
      ],
    });
    expect((await facts('P86', '2025-06-30')).communes).toEqual([]);
    // From the effective date: D8 has ended; P86 holds K3 (new parent) and N1, whose club came from K1.
    expect(await facts('D8', '2025-07-01')).toEqual({ communes: [], clubs: [] });
    expect(await facts('P86', '2025-07-01')).toEqual({
      communes: ['K3', 'N1'],
      clubs: [
        { clubId: id(11), communeCode: 'N1' },
        { clubId: id(13), communeCode: 'K3' },
      ],
    });
    expect(await indicatorsAt('N1', '2025-07-01')).toEqual([
      { code: 'communes_with_club_pct', value: 100, numerator: 1, denominator: 1 },
      { code: 'clubs_active', value: 1, numerator: 1, denominator: null },
    ]);
    expect((await facts('P8', '2025-07-01')).communes).toEqual([]);

    // Scope follows the parent of the day.
    const scope = new ReportingOrgUnitScope(db.pool);
    expect(await scope.isWithin('K3', ['P8'], '2025-06-30')).toBe(true);
    expect(await scope.isWithin('K3', ['P8'], '2025-07-01')).toBe(false);
    expect(await scope.isWithin('K3', ['P86'], '2025-07-01')).toBe(true);
    expect(await scope.isWithin('K1', ['P86'], '2025-06-30')).toBe(false);

    // Applied again (a rebuild), the reform leaves the same facts.
    await apply(reform);
    expect((await facts('P86', '2025-07-01')).clubs).toHaveLength(2);
    expect((await facts('D8', '2025-06-30')).communes).toEqual(['K1', 'K2', 'K3']);
  });

  it('follows a partial succession only for the clubs reassigned explicitly, from the reassignment’s date', async () => {
    const changeSetId = 'cs-partial';
    await apply([
      unit('P9', 'province', 'VN', '1992-05-01'),
      unit('Q1', 'commune', 'P9', '1992-05-01'),
      club(id(21), 'Q1', '2020-01-01'),
      club(id(22), 'Q1', '2020-01-01'),
      // Q1 splits on 2025-07-01 into R1 and R2 (partial); club 21 goes to R2 from 2025-08-01, club 22 is not reassigned yet.
      unit('R1', 'commune', 'P9', '2025-07-01'),
      unit('R2', 'commune', 'P9', '2025-07-01'),
      { type: 'OrgUnitRetired', data: { code: 'Q1', validTo: '2025-06-30', changeSetId } },
      { type: 'OrgUnitSucceeded', data: { from: 'Q1', to: 'R1', kind: 'partial', effectiveOn: '2025-07-01', changeSetId } },
      { type: 'OrgUnitSucceeded', data: { from: 'Q1', to: 'R2', kind: 'partial', effectiveOn: '2025-07-01', changeSetId } },
      { type: 'ClubReassigned', data: { clubId: id(21), fromCommuneCode: 'Q1', communeCode: 'R2', hamletCode: null, effectiveOn: '2025-08-01' } },
    ]);
    const clubsOf = async (code: string, asOf: string) => (await readCoverageFacts(db.pool, code, asOf)).clubs;
    expect(await clubsOf('P9', '2025-06-30')).toEqual([
      { clubId: id(21), communeCode: 'Q1' },
      { clubId: id(22), communeCode: 'Q1' },
    ]);
    // A partial link moves no club by itself; the reassignment does, from its date.
    expect(await clubsOf('P9', '2025-07-15')).toEqual([]);
    expect(await clubsOf('P9', '2025-08-01')).toEqual([{ clubId: id(21), communeCode: 'R2' }]);
    expect(await clubsOf('R1', '2025-08-01')).toEqual([]);
  });

  it('gives the same answers when the whole history is applied again', async () => {
    const before = await indicatorsAt('84', '2023-12-31');
    await apply(history);
    expect(await indicatorsAt('84', '2023-12-31')).toEqual(before);
  });
});
