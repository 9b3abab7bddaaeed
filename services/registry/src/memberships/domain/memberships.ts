import {
  IsoDate,
  MemberDiedV1,
  MemberJoinedClubV1,
  MembershipEndedV1,
  MembershipRole,
  MembershipRolesChangedV1,
} from '@ishc/contracts';
import { RuleViolation, RuleViolations } from '@ishc/domain-kit';

/** One membership of the person: from joinedOn to leftOn (exclusive; null while active). */
export interface Membership {
  clubId: string;
  joinedOn: IsoDate;
  leftOn: IsoDate | null;
  roles: MembershipRole[];
  /** The day the current roles took effect. */
  rolesSince: IsoDate;
}

/** All of one person's memberships, in one stream: at most one is active at a time (ISHC.md §4). */
export interface MembershipsState {
  memberships: Membership[];
  diedOn: IsoDate | null;
}

export const initialMembershipsState = (): MembershipsState => ({ memberships: [], diedOn: null });

export type MembershipsEvent =
  | { type: 'MemberJoinedClub'; data: MemberJoinedClubV1 }
  | { type: 'MembershipRolesChanged'; data: MembershipRolesChangedV1 }
  | { type: 'MembershipEnded'; data: MembershipEndedV1 }
  | { type: 'MemberDied'; data: MemberDiedV1 };

const active = (state: MembershipsState): Membership | undefined => state.memberships.find((m) => m.leftOn === null);

function updateActive(state: MembershipsState, clubId: string, change: (m: Membership) => Membership): MembershipsState {
  return { ...state, memberships: state.memberships.map((m) => (m.clubId === clubId && m.leftOn === null ? change(m) : m)) };
}

export function evolveMemberships(state: MembershipsState, event: MembershipsEvent): MembershipsState {
  switch (event.type) {
    case 'MemberJoinedClub': {
      const { clubId, joinedOn, roles } = event.data;
      return { ...state, memberships: [...state.memberships, { clubId, joinedOn, leftOn: null, roles, rolesSince: joinedOn }] };
    }
    case 'MembershipRolesChanged':
      return updateActive(state, event.data.clubId, (m) => ({ ...m, roles: event.data.roles, rolesSince: event.data.effectiveOn }));
    case 'MembershipEnded':
      return updateActive(state, event.data.clubId, (m) => ({ ...m, leftOn: event.data.leftOn }));
    case 'MemberDied':
      return { ...state, diedOn: event.data.diedOn };
  }
}

const uniqueRoles = (roles: MembershipRole[]): MembershipRole[] => [...new Set(roles)];

/** A club as the handler found it, or null when its id is unknown. */
export type ClubFacts = { establishedOn: IsoDate; dissolvedOn: IsoDate | null } | null;

export interface JoinClub {
  memberId: string;
  clubId: string;
  club: ClubFacts;
  joinedOn: IsoDate;
  roles: MembershipRole[];
  today: IsoDate;
}

export function decideJoinClub(command: JoinClub, state: MembershipsState): MembershipsEvent[] {
  const { club, joinedOn } = command;
  if (club === null) throw new RuleViolation('not_found', null, `Unknown club ${command.clubId}.`);
  const violations: RuleViolation[] = [];
  if (joinedOn > command.today) violations.push(new RuleViolation('invalid', 'joinedOn', 'must not be in the future'));
  else if (joinedOn < club.establishedOn) violations.push(new RuleViolation('invalid', 'joinedOn', `must not be before the club was established (${club.establishedOn})`));
  else if (club.dissolvedOn !== null) {
    // Even a back-dated join: it would stay active in a club that no longer exists.
    violations.push(new RuleViolation('invalid', 'joinedOn', `the club was dissolved on ${club.dissolvedOn}: it takes no new members`));
  }
  if (violations.length > 0) throw new RuleViolations(violations);
  if (state.diedOn !== null) throw new RuleViolation('conflict', null, `member ${command.memberId} died on ${state.diedOn}`);
  const current = active(state);
  if (current) throw new RuleViolation('conflict', null, `member ${command.memberId} already has an active membership (club ${current.clubId} since ${current.joinedOn})`);
  const overlapped = state.memberships.find((m) => m.leftOn !== null && m.leftOn > joinedOn);
  if (overlapped) throw new RuleViolation('conflict', null, `joinedOn overlaps the membership in club ${overlapped.clubId} (left ${overlapped.leftOn})`);
  const roles = uniqueRoles(command.roles.length > 0 ? command.roles : ['member']);
  return [{ type: 'MemberJoinedClub', data: { memberId: command.memberId, clubId: command.clubId, joinedOn, roles } }];
}

function activeIn(state: MembershipsState, memberId: string, clubId: string): Membership {
  const current = state.memberships.find((m) => m.clubId === clubId && m.leftOn === null);
  if (current) return current;
  if (state.memberships.some((m) => m.clubId === clubId)) throw new RuleViolation('conflict', null, `the membership of ${memberId} in club ${clubId} has ended`);
  throw new RuleViolation('not_found', null, `Member ${memberId} is not a member of club ${clubId}.`);
}

export interface ChangeMembershipRoles {
  memberId: string;
  clubId: string;
  roles: MembershipRole[];
  effectiveOn: IsoDate;
  today: IsoDate;
}

/** Role changes are dated: not before the current roles took effect, not in the future. */
export function decideChangeMembershipRoles(command: ChangeMembershipRoles, state: MembershipsState): MembershipsEvent[] {
  const current = activeIn(state, command.memberId, command.clubId);
  const { effectiveOn } = command;
  if (effectiveOn > command.today) throw new RuleViolation('invalid', 'effectiveOn', 'must not be in the future');
  if (effectiveOn < current.rolesSince) throw new RuleViolation('invalid', 'effectiveOn', `must not be before the current roles took effect (${current.rolesSince})`);
  const roles = uniqueRoles(command.roles);
  if (roles.length === current.roles.length && roles.every((r) => current.roles.includes(r))) return [];
  return [{ type: 'MembershipRolesChanged', data: { memberId: command.memberId, clubId: command.clubId, roles, effectiveOn } }];
}

export interface EndMembership {
  memberId: string;
  clubId: string;
  leftOn: IsoDate;
  reason: string | null;
  today: IsoDate;
}

/** leftOn is exclusive: after joinedOn (and the last role change), not in the future. */
export function decideEndMembership(command: EndMembership, state: MembershipsState): MembershipsEvent[] {
  const current = activeIn(state, command.memberId, command.clubId);
  const { leftOn } = command;
  if (leftOn > command.today) throw new RuleViolation('invalid', 'leftOn', 'must not be in the future');
  if (leftOn <= current.rolesSince) throw new RuleViolation('invalid', 'leftOn', `must be after ${current.rolesSince} (the membership's latest start or role change)`);
  return [{ type: 'MembershipEnded', data: { memberId: command.memberId, clubId: command.clubId, leftOn, reason: command.reason } }];
}

export interface RecordDeath {
  memberId: string;
  diedOn: IsoDate;
  today: IsoDate;
}

/** Death ends the active membership that day (ISHC.md §4). Recording the same death again changes nothing. */
export function decideRecordDeath(command: RecordDeath, state: MembershipsState): MembershipsEvent[] {
  const { diedOn } = command;
  if (state.diedOn !== null) {
    if (state.diedOn === diedOn) return [];
    throw new RuleViolation('conflict', null, `member ${command.memberId} is already recorded as died on ${state.diedOn}`);
  }
  if (diedOn > command.today) throw new RuleViolation('invalid', 'diedOn', 'must not be in the future');
  const current = active(state);
  if (current && diedOn < current.joinedOn) throw new RuleViolation('invalid', 'diedOn', `must not be before the active membership began (${current.joinedOn})`);
  const events: MembershipsEvent[] = [];
  if (current) events.push({ type: 'MembershipEnded', data: { memberId: command.memberId, clubId: current.clubId, leftOn: diedOn, reason: 'died' } });
  events.push({ type: 'MemberDied', data: { memberId: command.memberId, diedOn } });
  return events;
}
