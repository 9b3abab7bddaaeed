// What the page reads, in the words of API.md. Where a route is not offered yet (plans, breakdowns), the
// answer says "unavailable" instead of failing, and the page shows what it can.
import { ApiClient, ApiError } from './api-client';
import { BreakdownRow, Club, IndicatorDefinition, IndicatorsAnswer, IndicatorValue, IsoDate, OrgUnitView, Plan, UnitSummary } from './types';

export interface Selection {
  asOf: IsoDate;
  plan?: Plan;
}

/** A line of a breakdown: a unit below, or a club of a commune. */
export interface BreakdownLine {
  key: string;
  name: string;
  kind: 'unit' | 'club';
  unit?: UnitSummary;
  club?: Club;
  /** Null when figures are not available for this line (see `error`, or clubs without a breakdown route). */
  indicators: IndicatorValue[] | null;
  error?: ApiError;
}

export interface Breakdown {
  by: 'unit' | 'club';
  lines: BreakdownLine[];
  /** Clubs listed from the registry because reporting offers no breakdown by club yet. */
  clubFiguresUnavailable: boolean;
}

/** Routes that a service may not offer yet answer 404 (no route) or 501; anything else is a real error. */
const notOffered = (error: unknown) => error instanceof ApiError && (error.status === 404 || error.status === 501);

/** What DashboardApi needs of a client (ApiClient; tests give a fake). */
export type JsonClient = Pick<ApiClient, 'get' | 'download'>;

export class DashboardApi {
  constructor(readonly client: JsonClient) {}

  definitions(): Promise<IndicatorDefinition[]> {
    return this.client.get<IndicatorDefinition[]>('/api/reporting/indicator-definitions');
  }

  async plans(): Promise<Plan[] | 'unavailable'> {
    try {
      return await this.client.get<Plan[]>('/api/reporting/plans');
    } catch (error) {
      if (notOffered(error)) return 'unavailable';
      throw error;
    }
  }

  orgUnit(code: string, asOf: IsoDate): Promise<OrgUnitView> {
    return this.client.get<OrgUnitView>(`/api/registry/org-units/${encodeURIComponent(code)}`, { asOf });
  }

  clubs(orgUnit: string, asOf: IsoDate): Promise<Club[]> {
    return this.client.get<Club[]>('/api/registry/clubs', { orgUnit, asOf });
  }

  /**
   * The indicators of a unit. A plan's own unit that has ended by `asOf` is asked without `orgUnit`, so
   * reporting evaluates the plan on the unit's footprint (ISHC.md §3).
   */
  indicators(unit: OrgUnitView, selection: Selection): Promise<IndicatorsAnswer> {
    return this.client.get<IndicatorsAnswer>('/api/reporting/indicators', this.indicatorQuery(unit.code, unit.status, selection));
  }

  indicatorsOf(code: string, selection: Selection): Promise<IndicatorsAnswer> {
    return this.client.get<IndicatorsAnswer>('/api/reporting/indicators', this.indicatorQuery(code, 'valid', selection));
  }

  async breakdown(unit: OrgUnitView, selection: Selection): Promise<Breakdown> {
    if (unit.status === 'valid' && unit.level === 'commune') return this.clubBreakdown(unit, selection);
    const children = (unit.status === 'ended' ? (unit.footprint ?? []) : unit.children).filter((c) => c.level !== 'hamlet');
    if (children.length > 0 && children.every((c) => c.level === 'commune')) {
      const rows = await this.breakdownRows(unit, selection, 'commune');
      if (rows) {
        const byCode = new Map(rows.map((r) => [r.orgUnit ?? r.code ?? '', r]));
        return {
          by: 'unit',
          clubFiguresUnavailable: false,
          lines: children.map((c) => ({ key: c.code, name: c.name, kind: 'unit', unit: c, indicators: byCode.get(c.code)?.indicators ?? null })),
        };
      }
    }
    const lines = await mapLimited(children, 4, async (child): Promise<BreakdownLine> => {
      const line: BreakdownLine = { key: child.code, name: child.name, kind: 'unit', unit: child, indicators: null };
      try {
        return { ...line, indicators: (await this.indicatorsOf(child.code, selection)).indicators };
      } catch (error) {
        return { ...line, error: error instanceof ApiError ? error : new ApiError(0, child.code, undefined) };
      }
    });
    return { by: 'unit', clubFiguresUnavailable: false, lines };
  }

  /** Exports (API.md: `GET /exports?orgUnit=&asOf=&plan=&format=`). */
  download(unit: OrgUnitView, selection: Selection, format: 'csv' | 'xlsx') {
    return this.client.download('/api/reporting/exports', { ...this.indicatorQuery(unit.code, unit.status, selection), format });
  }

  private async clubBreakdown(unit: OrgUnitView, selection: Selection): Promise<Breakdown> {
    const [clubs, rows] = await Promise.all([this.clubs(unit.code, selection.asOf), this.breakdownRows(unit, selection, 'club')]);
    const byClub = new Map((rows ?? []).map((r) => [r.clubId ?? r.orgUnit ?? r.code ?? '', r]));
    return {
      by: 'club',
      clubFiguresUnavailable: rows === undefined,
      lines: clubs.map((club) => ({ key: club.id, name: club.name, kind: 'club', club, indicators: byClub.get(club.id)?.indicators ?? null })),
    };
  }

  private async breakdownRows(unit: OrgUnitView, selection: Selection, by: 'commune' | 'club'): Promise<BreakdownRow[] | undefined> {
    try {
      const answer = await this.client.get<BreakdownRow[] | { rows: BreakdownRow[] }>('/api/reporting/indicators/breakdown', {
        ...this.indicatorQuery(unit.code, unit.status, selection),
        by,
      });
      return Array.isArray(answer) ? answer : answer.rows;
    } catch (error) {
      if (notOffered(error) || (error instanceof ApiError && error.status === 400)) return undefined;
      throw error;
    }
  }

  private indicatorQuery(code: string, status: OrgUnitView['status'], selection: Selection) {
    const plan = selection.plan?.code;
    const footprint = plan !== undefined && status === 'ended' && selection.plan?.orgUnitCode === code;
    return { orgUnit: footprint ? undefined : code, asOf: selection.asOf, plan };
  }
}

/** Runs `task` over `items`, at most `limit` at a time, keeping the order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
