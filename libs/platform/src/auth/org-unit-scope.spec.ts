import { ModuleRef } from '@nestjs/core';
import { ForbiddenError } from '../errors/http-errors';
import { Actor } from './actor';
import { ScopeChecker, StaticOrgUnitScope } from './org-unit-scope';

const resolver = new StaticOrgUnitScope({ VN: null, T1: 'VN', C1: 'T1', C2: 'T1', T2: 'VN', C3: 'T2' });
const checker = new ScopeChecker({ get: () => resolver } as unknown as ModuleRef);
const admin: Actor = { sub: 'a', roles: ['admin'], scope: [] };
const officer: Actor = { sub: 'o', roles: ['district_officer'], scope: ['T1'] };

describe('ScopeChecker.assertResolvedUnitInScope', () => {
  it('given an admin, when the unit takes a lookup, then the lookup is not made', async () => {
    const lookups: string[] = [];
    await checker.assertResolvedUnitInScope(admin, async () => (lookups.push('club commune'), 'C3'), '2025-01-01');
    expect(lookups).toEqual([]);
  });

  it('given an officer, when the looked-up unit is under the scope, then it passes', async () => {
    await expect(checker.assertResolvedUnitInScope(officer, async () => 'C2', '2025-01-01')).resolves.toBeUndefined();
  });

  it('given an officer, when the looked-up unit is outside the scope, then it is a 403 naming the unit', async () => {
    const refused = checker.assertResolvedUnitInScope(officer, async () => 'C3', '2025-01-01');
    await expect(refused).rejects.toBeInstanceOf(ForbiddenError);
    await expect(checker.assertResolvedUnitInScope(officer, async () => 'C3', '2025-01-01')).rejects.toThrow('Org unit C3 is outside your scope on 2025-01-01.');
  });
});
