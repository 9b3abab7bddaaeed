import { IsoDate } from '@ishc/contracts';

/** The role sets of memberships in the clubs of `clubs(U,T)`: each in force from `effectiveOn` until the member's next one in that club. */
export interface RoleFacts {
  roleSets: ReadonlyArray<{ memberId: string; clubId: string; effectiveOn: IsoDate; roles: readonly string[] }>;
}

/** The roles a member holds in a club on T: the latest role set in force on or before T (none before the first). */
export function rolesOn(facts: RoleFacts, clubId: string, memberId: string, asOf: IsoDate): readonly string[] {
  return rolesOnT(facts, asOf)(clubId, memberId);
}

/** rolesOn for many members at once: one pass over the role sets (a province has tens of thousands). */
export function rolesOnT(facts: RoleFacts, asOf: IsoDate): (clubId: string, memberId: string) => readonly string[] {
  const latest = new Map<string, { effectiveOn: IsoDate; roles: readonly string[] }>();
  for (const set of facts.roleSets) {
    if (set.effectiveOn > asOf) continue;
    const key = `${set.clubId}/${set.memberId}`;
    const held = latest.get(key);
    if (held === undefined || set.effectiveOn >= held.effectiveOn) latest.set(key, set);
  }
  return (clubId, memberId) => latest.get(`${clubId}/${memberId}`)?.roles ?? [];
}
