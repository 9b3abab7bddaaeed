import { describeWith } from '@ishc/testing';
import { FundEvent, OrgUnitDefinedV1 } from '@ishc/contracts';
import { randomUUID } from 'node:crypto';
import { readCoverageFacts } from '../indicators/coverage-facts.query';
import { fundIndicators } from '../indicators/domain/fund-indicators';
import { readFundFacts } from '../indicators/fund-facts.query';
import { givenReportingDatabase } from '../spec-support/given-reporting-database';
import { ProjectedMicrofinanceEvent, projectMicrofinanceEvents } from './microfinance.projection';
import { ProjectedEvent, projectRegistryEvents } from './registry.projection';

const unit = (code: string, level: OrgUnitDefinedV1['level'], parentCode: string | null): ProjectedEvent => ({
  type: 'OrgUnitDefined',
  data: { code, name: code, level, parentCode, validFrom: '1992-05-01', validTo: null, attributes: {} } satisfies OrgUnitDefinedV1,
});
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const club = (n: number, communeCode: string, establishedOn: string): ProjectedEvent => ({
  type: 'ClubEstablished',
  data: { clubId: id(n), name: `club ${n}`, communeCode, hamletCode: null, establishedOn },
});
const recorded = (event: FundEvent): ProjectedMicrofinanceEvent => ({ eventId: randomUUID(), ...event });
const opened = (n: number, kind: 'income' | 'activity', openedOn: string) => recorded({ type: 'FundOpened', data: { clubId: id(n), kind, openedOn } });
const contribution = (n: number, kind: 'income' | 'activity', amountVnd: number, receivedOn: string) =>
  recorded({ type: 'FundContributionReceived', data: { clubId: id(n), kind, amountVnd, source: 'members', receivedOn } });

describeWith(['postgres'], 'reporting projection of microfinance fund events', () => {
  const db = givenReportingDatabase('reporting_mf_projection');
  const { inTransaction } = db;
  beforeAll(async () => {
    await inTransaction((client) =>
      projectRegistryEvents(
        [
          unit('VN', 'country', null),
          unit('D1', 'district', 'VN'),
          unit('C1', 'commune', 'D1'),
          unit('C2', 'commune', 'D1'),
          club(1, 'C1', '2021-01-01'),
          club(2, 'C1', '2021-01-01'),
          club(3, 'C2', '2022-01-01'),
          club(4, 'C2', '2021-01-01'),
          { type: 'ClubDissolved', data: { clubId: id(4), dissolvedOn: '2023-01-01' } },
        ],
        client,
      ),
    );
  });

  const apply = (events: ProjectedMicrofinanceEvent[]) => inTransaction((client) => projectMicrofinanceEvents(events, client));
  const indicatorsAt = async (orgUnit: string, asOf: string) => {
    const { clubs } = await readCoverageFacts(db.pool, orgUnit, asOf);
    return fundIndicators(clubs, await readFundFacts(db.pool, clubs.map((c) => c.clubId), asOf));
  };

  const history = [
    opened(1, 'income', '2021-02-01'),
    opened(1, 'activity', '2021-03-01'),
    contribution(1, 'income', 10_000_000, '2021-02-10'),
    contribution(1, 'income', 1_234_567, '2021-12-31'),
    contribution(1, 'activity', 999_999, '2021-03-05'),
    opened(2, 'income', '2021-06-01'),
    contribution(2, 'income', 7_000_001, '2021-06-02'),
    opened(3, 'income', '2022-01-01'),
    opened(3, 'activity', '2022-01-01'),
    contribution(3, 'income', 5, '2022-02-01'),
    // Club 4 has both funds and money, but is dissolved on 2023-01-01.
    opened(4, 'income', '2021-01-01'),
    opened(4, 'activity', '2021-01-01'),
    contribution(4, 'income', 3_000_000, '2021-01-02'),
  ];

  it('counts clubs of clubs(U,T) with both funds opened on or before T, and sums their income funds’ cash on T', async () => {
    await apply(history);
    // 2021-02-28: clubs 1, 2, 4 active; both funds: club 4 only (club 1's activity fund opens 2021-03-01).
    expect(await indicatorsAt('D1', '2021-02-28')).toEqual([
      { code: 'clubs_with_both_funds_pct', value: 33.33, numerator: 1, denominator: 3 },
      { code: 'income_fund_capital_vnd', value: 13_000_000, numerator: 13_000_000, denominator: null },
    ]);
    // 2021-12-31: clubs 1, 2, 4; both funds: 1 and 4; income cash 10,000,000 + 1,234,567 + 7,000,001 + 3,000,000.
    const dec2021 = await indicatorsAt('D1', '2021-12-31');
    expect(dec2021.map((i) => i.value)).toEqual([66.67, 21_234_568]);
    // 2023-01-01: club 4 is dissolved (no longer counted); clubs 1, 2, 3; both funds: 1 and 3.
    expect((await indicatorsAt('D1', '2023-01-01')).map((i) => [i.numerator, i.denominator])).toEqual([
      [2, 3],
      [18_234_573, null],
    ]);
    // A commune on its own; the activity fund's money never counts.
    expect((await indicatorsAt('C2', '2022-06-30')).map((i) => i.value)).toEqual([100, 3_000_005]);
  });

  it('books loans as the ledger does: a disbursement moves cash into principal (capital unchanged), interest adds, a write-off removes principal', async () => {
    const loanId = randomUUID();
    await apply([
      recorded({ type: 'FundLoanDisbursed', data: { clubId: id(2), kind: 'income', loanId, amountVnd: 4_000_000, disbursedOn: '2022-03-01' } }),
      recorded({ type: 'FundRepaymentReceived', data: { clubId: id(2), kind: 'income', loanId, principalVnd: 1_000_000, interestVnd: 20_000, receivedOn: '2022-04-01' } }),
      recorded({ type: 'FundLoanWrittenOff', data: { clubId: id(2), kind: 'income', loanId, principalVnd: 3_000_000, writtenOffOn: '2022-05-01' } }),
    ]);
    const capitalOf2 = async (asOf: string) => (await readFundFacts(db.pool, [id(2)], asOf)).incomeFundCapitalVnd;
    expect(await capitalOf2('2022-03-01')).toBe(7_000_001);
    expect(await capitalOf2('2022-04-01')).toBe(7_020_001);
    expect(await capitalOf2('2022-05-01')).toBe(4_020_001);
  });

  it('gives the same answers when the same events are delivered again', async () => {
    const before = await indicatorsAt('VN', '2021-12-31');
    await apply(history);
    expect(await indicatorsAt('VN', '2021-12-31')).toEqual(before);
  });
});
