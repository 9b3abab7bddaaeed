import { ApiError, Query } from './api-client';
import { DashboardApi, JsonClient } from './dashboard-api';
import { OrgUnitView } from './types';

/** A client answering from a table of `path?query` → body; anything else is the given status (404: no route). */
function fakeClient(answers: Record<string, unknown>, missing = 404): JsonClient & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async get<T>(path: string, query: Query = {}): Promise<T> {
      const text = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== null).map(([k, v]) => [k, String(v)])).toString();
      const key = text ? `${path}?${text}` : path;
      asked.push(key);
      if (key in answers) return answers[key] as T;
      throw new ApiError(missing, key, { status: missing });
    },
    download: async () => ({ blob: new Blob([]), fileName: undefined }),
  };
}

const unit = (code: string, level: OrgUnitView['level'], children: OrgUnitView['children'], status: OrgUnitView['status'] = 'valid'): OrgUnitView => ({
  code,
  name: code,
  level,
  validFrom: '1992-05-01',
  validTo: null,
  status,
  parent: null,
  children,
  footprint: null,
});
const indicators = (clubs: number) => ({ orgUnit: 'x', asOf: '2025-06-30', plan: null, scope: [], indicators: [{ code: 'clubs_active', value: clubs, numerator: clubs, denominator: null }] });

describe('DashboardApi degrades where a route is not offered yet', () => {
  const asOf = '2025-06-30';

  it('says plans are unavailable on a 404, and passes any other error on', async () => {
    expect(await new DashboardApi(fakeClient({})).plans()).toBe('unavailable');
    await expect(new DashboardApi(fakeClient({}, 500)).plans()).rejects.toMatchObject({ status: 500 });
  });

  it('uses the breakdown by commune when reporting offers it', async () => {
    const client = fakeClient({
      '/api/reporting/indicators/breakdown?orgUnit=849&asOf=2025-06-30&by=commune': {
        rows: [{ orgUnit: 'c1', indicators: indicators(2).indicators }, { orgUnit: 'c2', indicators: indicators(0).indicators }],
      },
    });
    const district = unit('849', 'district', [
      { code: 'c1', name: 'Một', level: 'commune' },
      { code: 'c2', name: 'Hai', level: 'commune' },
    ]);
    const breakdown = await new DashboardApi(client).breakdown(district, { asOf });
    expect(breakdown.lines.map((l) => [l.name, l.indicators?.[0].value])).toEqual([
      ['Một', 2],
      ['Hai', 0],
    ]);
    expect(client.asked).toHaveLength(1);
  });

  it('reads each unit below when there is no breakdown route, and keeps a failing one as a line with its error', async () => {
    const client = fakeClient({ '/api/reporting/indicators?orgUnit=c1&asOf=2025-06-30': indicators(3) });
    const district = unit('849', 'district', [
      { code: 'c1', name: 'Một', level: 'commune' },
      { code: 'c2', name: 'Hai', level: 'commune' },
      { code: 'h1', name: 'Ấp', level: 'hamlet' },
    ]);
    const breakdown = await new DashboardApi(client).breakdown(district, { asOf });
    expect(breakdown.lines.map((l) => l.key)).toEqual(['c1', 'c2']);
    expect(breakdown.lines[0].indicators?.[0].value).toBe(3);
    expect(breakdown.lines[1]).toMatchObject({ indicators: null, error: { status: 404 } });
  });

  it('lists a commune’s clubs from the registry, flagged, when reporting has no breakdown by club', async () => {
    const club = { id: 'k1', name: 'CLB Khóm 1', communeCode: 'c1', hamletCode: null, establishedOn: '2021-09-10', dissolvedOn: null };
    const client = fakeClient({ '/api/registry/clubs?orgUnit=c1&asOf=2025-06-30': [club] });
    const breakdown = await new DashboardApi(client).breakdown(unit('c1', 'commune', []), { asOf });
    expect(breakdown).toMatchObject({ by: 'club', clubFiguresUnavailable: true, lines: [{ key: 'k1', name: 'CLB Khóm 1', kind: 'club', indicators: null }] });
  });

  it('asks for a plan whose unit has ended without the unit, so reporting uses its footprint', async () => {
    const client = fakeClient({ '/api/reporting/indicators?asOf=2025-12-31&plan=TRACU': indicators(11) });
    const plan = { code: 'TRACU', name: 'Trà Cú', orgUnitCode: '849', start: '2021-05-07', end: '2025-12-31' };
    const answer = await new DashboardApi(client).indicators(unit('849', 'district', [], 'ended'), { asOf: '2025-12-31', plan });
    expect(answer.indicators[0].value).toBe(11);
  });
});
