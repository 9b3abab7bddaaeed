import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ForbiddenError } from '../errors/http-errors';
import { ORG_UNIT_SCOPE } from '../tokens';
import { Actor, isAdmin } from './actor';

/**
 * Whether an org unit lies under (or is) one of the scope units on a date: the hierarchy is dated and
 * only the services hold it (the registry its own tables, the others a replica). Each service provides
 * one under ORG_UNIT_SCOPE, in any of its modules.
 */
export interface OrgUnitScopeResolver {
  isWithin(unitCode: string, scopeCodes: string[], onDate: string): Promise<boolean>;
}

/** Checks a caller's org-unit scope for the unit and date a request concerns. */
@Injectable()
export class ScopeChecker {
  private resolver: OrgUnitScopeResolver | null = null;

  constructor(@Inject(ModuleRef) private readonly moduleRef: ModuleRef) {}

  async isInScope(actor: Actor, unitCode: string, onDate: string): Promise<boolean> {
    if (isAdmin(actor)) return true;
    if (actor.scope.length === 0) return false;
    return this.scopeResolver().isWithin(unitCode, actor.scope, onDate);
  }

  /** Throws a 403 problem when `unitCode` is outside the caller's scope on `onDate` (YYYY-MM-DD). */
  async assertInScope(actor: Actor, unitCode: string, onDate: string): Promise<void> {
    if (!(await this.isInScope(actor, unitCode, onDate))) {
      throw new ForbiddenError(`Org unit ${unitCode} is outside your scope on ${onDate}.`, { type: 'out-of-scope' });
    }
  }

  /**
   * assertInScope for a unit that takes a lookup to know (e.g. a club's commune today): `unitCode` is
   * called only when the answer depends on it — not for a caller whose scope is the whole country (admin).
   */
  async assertResolvedUnitInScope(actor: Actor, unitCode: () => Promise<string>, onDate: string): Promise<void> {
    if (isAdmin(actor)) return;
    await this.assertInScope(actor, await unitCode(), onDate);
  }

  // Looked up lazily and across modules: the service provides it in its own module, which this global
  // platform module cannot import.
  private scopeResolver(): OrgUnitScopeResolver {
    if (!this.resolver) {
      try {
        this.resolver = this.moduleRef.get<OrgUnitScopeResolver>(ORG_UNIT_SCOPE, { strict: false });
      } catch {
        throw new Error('No OrgUnitScopeResolver is provided under ORG_UNIT_SCOPE: the service must provide one');
      }
    }
    return this.resolver;
  }
}

/** A resolver for tests and tools: a fixed parent map, the same on every date. */
export class StaticOrgUnitScope implements OrgUnitScopeResolver {
  constructor(private readonly parentOf: Record<string, string | null>) {}

  async isWithin(unitCode: string, scopeCodes: string[], _onDate: string): Promise<boolean> {
    const scope = new Set(scopeCodes);
    const seen = new Set<string>();
    for (let code: string | null | undefined = unitCode; code && !seen.has(code); code = this.parentOf[code]) {
      if (scope.has(code)) return true;
      seen.add(code);
    }
    return false;
  }
}
