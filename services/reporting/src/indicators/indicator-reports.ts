import { Inject, Injectable } from '@nestjs/common';
import { Actor, Clock, ForbiddenError, NotFoundError, PG_POOL, ScopeChecker, ValidationError, parseConsistencyTokens } from '@ishc/platform';
import { Pool, PoolClient } from 'pg';
import { IndicatorCache } from '../cache/indicator-cache';
import { ReadYourWrites } from '../consistency/read-your-writes';
import { PlanDefinedV1, planParametersOf } from '../plans/domain/plan';
import { ReportedIndicator, withTargets } from '../plans/domain/target';
import { planTable } from '../plans/plan.table';
import { readProjectionVersion } from '../projections/projection-version';
import { computeIndicators } from './compute-indicators';
import { readCoverageFacts, readFootprintCoverageFacts, readOrgUnitValidity } from './coverage-facts.query';
import { CoverageFacts } from './domain/coverage-indicators';
import { factsByPart, indicatorsOf } from './domain/indicators-of';
import { DEFAULT_PLAN_PARAMETERS, PlanParameters } from './domain/plan-parameters';
import { readIndicatorFacts } from './indicator-facts.query';

/** What a report is asked for (GET /indicators, /indicators/breakdown, /exports). */
export interface ReportQuery {
  orgUnit?: string;
  asOf?: string;
  plan?: string;
  consistentWith?: string | string[];
}

/** A report's subject once checked: the unit, the date, the plan, and whether the unit's footprint stands in for it. */
export interface ResolvedReport {
  orgUnit: string;
  orgUnitName: string;
  asOf: string;
  plan: PlanDefinedV1 | null;
  /** `footprint`: the unit had ended by asOf; the figures cover its footprint (ISHC.md §3). */
  basis: 'unit' | 'footprint';
  /** The unit's last day, for a footprint. */
  lastDay: string | null;
}

export interface IndicatorsAnswer {
  orgUnit: string;
  asOf: string;
  plan: string | null;
  basis: 'unit' | 'footprint';
  /** The commune-level units the figures cover. */
  scope: string[];
  indicators: ReportedIndicator[];
}

export type BreakdownBy = 'commune' | 'club';

export interface BreakdownRow {
  /** The commune (by commune), or the club's commune on asOf (by club). */
  orgUnit: string;
  orgUnitName: string | null;
  clubId: string | null;
  clubName: string | null;
  indicators: ReportedIndicator[];
}

export interface BreakdownAnswer extends Omit<IndicatorsAnswer, 'indicators'> {
  by: BreakdownBy;
  rows: BreakdownRow[];
}

/**
 * Answers indicator reports: resolves the subject (unit or plan, footprint after the unit ended), checks
 * scope, then computes in one read-only snapshot, through the cache keyed by the projection version of
 * that snapshot.
 */
@Injectable()
export class IndicatorReports {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly clock: Clock,
    private readonly scope: ScopeChecker,
    private readonly readYourWrites: ReadYourWrites,
    private readonly cache: IndicatorCache,
  ) {}

  async resolve(query: ReportQuery, actor: Actor): Promise<ResolvedReport> {
    await this.readYourWrites.waitFor(parseConsistencyTokens(query.consistentWith));
    const asOf = query.asOf ?? this.clock.today();
    const plan = query.plan === undefined ? null : await planTable.find(this.pool, query.plan);
    if (query.plan !== undefined && plan === null) throw new NotFoundError(`Unknown plan ${query.plan}.`);
    const code = query.orgUnit ?? plan?.orgUnitCode;
    if (code === undefined) throw new ValidationError([{ field: 'orgUnit', message: 'Required unless a plan is given' }]);

    const unit = await readOrgUnitValidity(this.pool, code);
    if (!unit) throw new NotFoundError(`Unknown org unit ${code}.`);
    // A plan's own unit that has ended is evaluated on its footprint; any other unit must be valid that day.
    const ended = unit.validTo !== null && asOf > unit.validTo;
    const onFootprint = ended && plan !== null && plan.orgUnitCode === code;
    if (asOf < unit.validFrom || (ended && !onFootprint)) {
      throw new NotFoundError(`Org unit ${code} was not valid on ${asOf} (valid ${unit.validFrom} to ${unit.validTo ?? 'today'}).`);
    }
    if (onFootprint) await this.assertFootprintInScope(actor, code, unit.validTo as string, asOf);
    else await this.scope.assertInScope(actor, code, asOf);
    return { orgUnit: code, orgUnitName: unit.name, asOf, plan, basis: onFootprint ? 'footprint' : 'unit', lastDay: onFootprint ? unit.validTo : null };
  }

  /**
   * A footprint is in scope for whoever had the unit in scope on its last day (the district's officers),
   * or has every commune of the footprint in scope on asOf (the new province's officers).
   */
  private async assertFootprintInScope(actor: Actor, code: string, lastDay: string, asOf: string): Promise<void> {
    if (await this.scope.isInScope(actor, code, lastDay)) return;
    const { communes } = await readFootprintCoverageFacts(this.pool, code, lastDay, asOf);
    for (const commune of communes) {
      if (!(await this.scope.isInScope(actor, commune, asOf))) {
        throw new ForbiddenError(`The footprint of org unit ${code} on ${asOf} is outside your scope.`, { type: 'out-of-scope' });
      }
    }
    if (communes.length === 0) throw new ForbiddenError(`Org unit ${code} is outside your scope on ${lastDay}.`, { type: 'out-of-scope' });
  }

  indicators(report: ResolvedReport): Promise<IndicatorsAnswer> {
    return this.cached({ kind: 'indicators', report }, async (db) => {
      const scope = await this.scopeOf(db, report);
      return { ...this.head(report, scope), indicators: await this.compute(db, report, scope) };
    });
  }

  /**
   * The facts of the whole scope are read once (a fixed number of statements, as for GET /indicators) and
   * each row's indicators are computed from them for its commune or club: the same function as
   * GET /indicators, so a commune's row equals GET /indicators for that commune.
   */
  breakdown(report: ResolvedReport, by: BreakdownBy): Promise<BreakdownAnswer> {
    return this.cached({ kind: 'breakdown', by, report }, async (db) => {
      const scope = await this.scopeOf(db, report);
      const names = await readUnitNames(db, scope.communes);
      const params = this.paramsOf(report);
      const factsOf = factsByPart(await readIndicatorFacts(db, scope, report.asOf, params));
      const indicatorsOfPart = (part: CoverageFacts) => withTargets(indicatorsOf(part, factsOf(part), report.asOf, params), report.plan?.targets ?? []);
      if (by === 'commune') {
        const clubsOf = new Map<string, Array<CoverageFacts['clubs'][number]>>();
        for (const club of scope.clubs) clubsOf.set(club.communeCode, [...(clubsOf.get(club.communeCode) ?? []), club]);
        const rows = scope.communes.map((commune): BreakdownRow => ({
          orgUnit: commune,
          orgUnitName: names.get(commune) ?? null,
          clubId: null,
          clubName: null,
          indicators: indicatorsOfPart({ communes: [commune], clubs: clubsOf.get(commune) ?? [] }),
        }));
        return { ...this.head(report, scope), by, rows };
      }
      const clubNames = await readClubNames(db, scope.clubs.map((c) => c.clubId));
      const clubs = [...scope.clubs].sort((a, b) => a.communeCode.localeCompare(b.communeCode) || a.clubId.localeCompare(b.clubId));
      const rows = clubs.map((club): BreakdownRow => ({
        orgUnit: club.communeCode,
        orgUnitName: names.get(club.communeCode) ?? null,
        clubId: club.clubId,
        clubName: clubNames.get(club.clubId) ?? null,
        indicators: indicatorsOfPart({ communes: [club.communeCode], clubs: [club] }),
      }));
      return { ...this.head(report, scope), by, rows };
    });
  }

  private head(report: ResolvedReport, scope: CoverageFacts): Omit<IndicatorsAnswer, 'indicators'> {
    return { orgUnit: report.orgUnit, asOf: report.asOf, plan: report.plan?.code ?? null, basis: report.basis, scope: [...scope.communes] };
  }

  private scopeOf(db: PoolClient, report: ResolvedReport): Promise<CoverageFacts> {
    return report.basis === 'footprint'
      ? readFootprintCoverageFacts(db, report.orgUnit, report.lastDay as string, report.asOf)
      : readCoverageFacts(db, report.orgUnit, report.asOf);
  }

  private async compute(db: PoolClient, report: ResolvedReport, scope: CoverageFacts): Promise<ReportedIndicator[]> {
    return withTargets(await computeIndicators(db, scope, report.asOf, this.paramsOf(report)), report.plan?.targets ?? []);
  }

  private paramsOf(report: ResolvedReport): PlanParameters {
    return report.plan ? planParametersOf(report.plan) : DEFAULT_PLAN_PARAMETERS;
  }

  /**
   * A hit costs one statement (the projection version, which names exactly the read-model state an
   * answer was computed from) and one cache lookup. A miss computes in one repeatable-read snapshot,
   * keyed by the projection version read in that same snapshot.
   */
  private async cached<T>(parts: Record<string, unknown>, compute: (db: PoolClient) => Promise<T>): Promise<T> {
    const hit = await this.cache.peek<T>({ ...parts, projectionVersion: await readProjectionVersion(this.pool) });
    if (hit !== null) return hit;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const projectionVersion = await readProjectionVersion(client);
      const answer = await this.cache.getOrCompute({ ...parts, projectionVersion }, () => compute(client));
      await client.query('COMMIT');
      return answer;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

async function readUnitNames(db: PoolClient, codes: readonly string[]): Promise<Map<string, string>> {
  const r = await db.query<{ code: string; name: string }>('SELECT code, name FROM rp_org_unit WHERE code = ANY($1::text[])', [codes]);
  return new Map(r.rows.map((row) => [row.code, row.name]));
}

async function readClubNames(db: PoolClient, clubIds: readonly string[]): Promise<Map<string, string>> {
  const r = await db.query<{ club_id: string; name: string | null }>('SELECT club_id, name FROM rp_club WHERE club_id = ANY($1::uuid[])', [clubIds]);
  return new Map(r.rows.filter((row) => row.name !== null).map((row) => [row.club_id, row.name as string]));
}
