import { IsoDate, MembershipRole } from '@ishc/contracts';
import { RuleViolation } from '@ishc/domain-kit';
import { isIsoDate } from '../../shared/iso-date';

// The rules every activity record shares, checked against what activities' replica of the registry knows:
// the club and the people it names must be known, the date within the club's lifetime and not in the
// future, the people members of the club (with a role, where one is needed) on that date.

/** A club's lifetime as activities' replica of the registry knows it. */
export interface ClubLifetime {
  clubId: string;
  establishedOn: IsoDate;
  /** The first day the club no longer exists (null while it does). */
  dissolvedOn: IsoDate | null;
}

/** The roles of a membership from `since` until the next change (or the membership's end). */
export interface DatedRoles {
  since: IsoDate;
  roles: readonly MembershipRole[];
}

/** One membership (`leftOn` exclusive) with its roles over time, ordered by `since`. */
export interface KnownMembership {
  clubId: string;
  joinedOn: IsoDate;
  leftOn: IsoDate | null;
  roles: readonly DatedRoles[];
}

/** A member as the replica knows it: memberships and the day of death. */
export interface KnownMember {
  diedOn: IsoDate | null;
  memberships: readonly KnownMembership[];
  /**
   * The replica applied the person's registration moments ago and has no membership of them in the club
   * at all: the registry's joining may still be on its way (it travels apart from the registration).
   */
  awaitingMembership?: boolean;
}

/** What the replica knows of the club and of the people named by the command (an id not seen is absent). */
export interface ClubContext {
  club: ClubLifetime | null;
  members: ReadonlyMap<string, KnownMember>;
}

/** A person the command names, by the request field that names them (`attendeeIds.2`, `volunteerId`). */
export interface NamedPerson {
  field: string;
  memberId: string;
}

/** The membership of the person in the club that holds on `on` (joined on or before it, not yet left, alive), if any. */
export function membershipOn(member: KnownMember, clubId: string, on: IsoDate): KnownMembership | undefined {
  if (member.diedOn !== null && on >= member.diedOn) return undefined;
  return member.memberships.find((m) => m.clubId === clubId && m.joinedOn <= on && (m.leftOn === null || on < m.leftOn));
}

export function isMemberOn(member: KnownMember, clubId: string, on: IsoDate): boolean {
  return membershipOn(member, clubId, on) !== undefined;
}

/** The roles the person holds in the club on `on`: the latest change on or before that day, within the membership of that day. */
export function rolesOn(member: KnownMember, clubId: string, on: IsoDate): readonly MembershipRole[] {
  const membership = membershipOn(member, clubId, on);
  if (!membership) return [];
  const current = membership.roles.filter((r) => r.since <= on).at(-1);
  return current?.roles ?? [];
}

const RETRY = "(the registry's event may still be on its way); retry shortly";

/**
 * A club or a person the replica has not seen yet is a conflict the client may retry: the registry may
 * have just created them. Never accepted as unknown. So is a person registered moments ago whose
 * membership of the club the replica has not seen: rather than "not a member", which would be wrong once
 * the joining arrives.
 */
export function assertKnown(context: ClubContext, clubId: string, people: readonly NamedPerson[]): asserts context is ClubContext & { club: ClubLifetime } {
  if (context.club === null) throw new RuleViolation('conflict', null, `club ${clubId} is not known to activities yet ${RETRY}`);
  const unknown = people.filter((p) => !context.members.has(p.memberId)).map((p) => `${p.memberId} (${p.field})`);
  if (unknown.length > 0) throw new RuleViolation('conflict', null, `member ${unknown.join(', ')} is not known to activities yet ${RETRY}`);
  const awaiting = people.filter((p) => context.members.get(p.memberId)?.awaitingMembership).map((p) => `${p.memberId} (${p.field})`);
  if (awaiting.length > 0) throw new RuleViolation('conflict', null, `the membership of member ${awaiting.join(', ')} in club ${clubId} is not known to activities yet ${RETRY}`);
}

/** The date of a record: a real date, not in the future, on or after the establishment, before the dissolution. */
export function dateViolations(field: string, on: IsoDate, today: IsoDate, club: ClubLifetime): RuleViolation[] {
  if (!isIsoDate(on)) return [new RuleViolation('invalid', field, 'must be a date (YYYY-MM-DD)')];
  if (on > today) return [new RuleViolation('invalid', field, `must not be in the future (today is ${today})`)];
  if (on < club.establishedOn) return [new RuleViolation('invalid', field, `must not be before the club was established (${club.establishedOn})`)];
  if (club.dissolvedOn !== null && on >= club.dissolvedOn) return [new RuleViolation('invalid', field, `must be before the club was dissolved (${club.dissolvedOn})`)];
  return [];
}

/** Each named person who is not a member of the club on `on` (or, with `role`, does not hold it that day). */
export function membershipViolations(people: readonly NamedPerson[], context: ClubContext, clubId: string, on: IsoDate, role?: MembershipRole): RuleViolation[] {
  if (!isIsoDate(on)) return [];
  return people.flatMap(({ field, memberId }) => {
    const member = context.members.get(memberId);
    if (!member || !isMemberOn(member, clubId, on)) return [new RuleViolation('invalid', field, `${memberId} is not a member of the club on ${on}`)];
    if (role !== undefined && !rolesOn(member, clubId, on).includes(role)) {
      return [new RuleViolation('invalid', field, `${memberId} does not hold the role ${role} in the club on ${on}`)];
    }
    return [];
  });
}

/** `ids` as named people of the request field `field` (`field.0`, `field.1`, …). */
export const namedList = (field: string, ids: readonly string[]): NamedPerson[] => ids.map((memberId, i) => ({ field: `${field}.${i}`, memberId }));
