import request from 'supertest';
import { FUND_SOURCES, FundEvent } from '@ishc/contracts';
import { describeWith } from '@ishc/testing';
import { ReportingTestApp, startReporting } from '../../spec-support/reporting-test-app';

/** A deterministic pseudo-random sequence (so a failure repeats). */
function* amounts(seed: number): Generator<number> {
  let x = seed;
  for (;;) {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    yield 1 + (x % 50_000_000);
  }
}

describeWith(['postgres'], 'GET /api/reporting/indicators: club funds from microfinance events', () => {
  let t: ReportingTestApp;
  let admin: string;
  const get = (query: string) => request(t.app.getHttpServer()).get(`/api/reporting/indicators?${query}`).set('Authorization', `Bearer ${admin}`);
  const byCode = (res: request.Response) => Object.fromEntries(res.body.indicators.map((i: { code: string }) => [i.code, i]));

  beforeAll(async () => {
    t = await startReporting();
    admin = await t.token();
    await t.defineUnit({ code: 'VN', name: 'Việt Nam', level: 'country', parentCode: null, validFrom: '1976-07-02', validTo: null });
    await t.defineUnit({ code: '849', name: 'Huyện Trà Cú', level: 'district', parentCode: 'VN', validFrom: '1992-05-01', validTo: null });
    await t.defineUnit({ code: '29461', name: 'Xã A', level: 'commune', parentCode: '849', validFrom: '1992-05-01', validTo: null });
  });
  afterAll(() => t?.close());

  it('shows both funds and the income fund’s money right after the writes, with microfinance consistency tokens', async () => {
    const a = await t.establishClub('29461', '2021-01-01');
    const b = await t.establishClub('29461', '2021-01-01');
    const opened: FundEvent[] = [{ type: 'FundOpened', data: { clubId: a.clubId, kind: 'income', openedOn: '2021-02-01' } }];
    await t.fundEvents(a.clubId, 'income', opened);
    const activity = await t.fundEvents(a.clubId, 'activity', [{ type: 'FundOpened', data: { clubId: a.clubId, kind: 'activity', openedOn: '2021-03-01' } }]);
    await t.fundEvents(b.clubId, 'income', [{ type: 'FundOpened', data: { clubId: b.clubId, kind: 'income', openedOn: '2021-02-01' } }]);

    // Many contributions, amounts up to 50 million đồng, dates spread over 2021, to both clubs' income funds.
    const next = amounts(42);
    let expected = 0;
    let token = activity;
    for (let i = 0; i < 60; i++) {
      const club = i % 2 === 0 ? a.clubId : b.clubId;
      const amountVnd = next.next().value as number;
      const receivedOn = `2021-${String(2 + (i % 11)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      if (receivedOn <= '2021-12-31') expected += amountVnd;
      token = await t.fundEvents(club, 'income', [
        { type: 'FundContributionReceived', data: { clubId: club, kind: 'income', amountVnd, source: FUND_SOURCES[i % FUND_SOURCES.length], receivedOn } },
      ]);
    }
    // Activity-fund money is not income-fund capital.
    token = await t.fundEvents(a.clubId, 'activity', [
      { type: 'FundContributionReceived', data: { clubId: a.clubId, kind: 'activity', amountVnd: 777, source: 'members', receivedOn: '2021-04-01' } },
    ]);

    const res = await get(`orgUnit=849&asOf=2021-12-31&consistentWith=${token},${b.token}`).expect(200);
    expect(byCode(res).clubs_with_both_funds_pct).toEqual({ code: 'clubs_with_both_funds_pct', value: 50, numerator: 1, denominator: 2 });
    expect(byCode(res).income_fund_capital_vnd).toEqual({ code: 'income_fund_capital_vnd', value: expected, numerator: expected, denominator: null });
    // Before the activity fund opened, no club had both.
    expect(byCode(await get('orgUnit=849&asOf=2021-02-28').expect(200)).clubs_with_both_funds_pct.numerator).toBe(0);
  });

  it('400 names consistentWith for a token of no service reporting knows (it projects every service now)', async () => {
    const res = await get('orgUnit=849&consistentWith=billing:1:1').expect(400);
    expect(res.body.errors[0].field).toBe('consistentWith');
  });
});
