import { MembershipRole } from '@ishc/contracts';
import { RuleViolation, RuleViolations } from '@ishc/domain-kit';
import { ClubContext, KnownMember } from './club-context';

// Examples shared by the domain specs: a club of 2021-06-01 dissolved on 2026-01-01 and its people.

export const club = { clubId: 'c1', establishedOn: '2021-06-01', dissolvedOn: '2026-01-01' };

/** A member of `clubId` from `joinedOn` (to `leftOn`, exclusive), with roles from given days. */
export function memberOf(joinedOn: string, options: { leftOn?: string; diedOn?: string; clubId?: string; roles?: Array<[string, MembershipRole[]]> } = {}): KnownMember {
  const roles = (options.roles ?? [[joinedOn, ['member']]]).map(([since, r]) => ({ since, roles: r }));
  return { diedOn: options.diedOn ?? null, memberships: [{ clubId: options.clubId ?? 'c1', joinedOn, leftOn: options.leftOn ?? null, roles }] };
}

export const contextOf = (members: Record<string, KnownMember>): ClubContext => ({ club, members: new Map(Object.entries(members)) });

/** The fields a decide names as invalid (`invalid:field`), or `conflict`: for thenThrows predicates. */
export function violationsOf(error: unknown): string[] {
  if (error instanceof RuleViolations) return error.violations.map((v) => `${v.kind}:${v.field}`).sort();
  if (error instanceof RuleViolation) return [v(error)];
  return [];
}
const v = (e: RuleViolation) => (e.kind === 'conflict' ? 'conflict' : `${e.kind}:${e.field}`);

export const fails =
  (...expected: string[]) =>
  (error: unknown): boolean =>
    JSON.stringify(violationsOf(error)) === JSON.stringify([...expected].sort());

export const conflictMatching =
  (pattern: RegExp) =>
  (error: unknown): boolean =>
    error instanceof RuleViolation && error.kind === 'conflict' && pattern.test(error.message);
