import { createTestDatabase, describeWith, TestDatabase } from '@ishc/testing';
import { OrgUnitDefinedV1 } from '@ishc/contracts';
import { coverageIndicators } from '../indicators/domain/coverage-indicators';
import { readCoverageFacts } from '../indicators/coverage-facts.query';
import { ProjectedEvent, projectRegistryEvents } from './registry.projection';
import { migrateReportingSchema } from './reporting-schema';

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
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('reporting_projection');
    await migrateReportingSchema(db.pool);
  });
  afterAll(() => db?.drop());

  const apply = async (events: ProjectedEvent[]) => {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await projectRegistryEvents(events, client);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  };
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

  it('gives the same answers when the whole history is applied again', async () => {
    const before = await indicatorsAt('84', '2023-12-31');
    await apply(history);
    expect(await indicatorsAt('84', '2023-12-31')).toEqual(before);
  });
});
