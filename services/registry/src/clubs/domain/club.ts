import { ClubDissolvedV1, ClubEstablishedV1, ClubReassignedV1, IsoDate, OrgUnitLevel } from '@ishc/contracts';
import { isValidOn } from '../../org-units/domain/org-unit';
import { RuleViolation, RuleViolations } from '@ishc/domain-kit';

/** Where the club was put, from a day on: its establishment, then each reassignment. */
export interface ClubAssignment {
  communeCode: string;
  hamletCode: string | null;
  from: IsoDate;
}

export interface ClubState {
  club: ClubEstablishedV1 | null;
  dissolvedOn: IsoDate | null;
  assignments: ClubAssignment[];
}

export const initialClubState = (): ClubState => ({ club: null, dissolvedOn: null, assignments: [] });

export type ClubEvent =
  | { type: 'ClubEstablished'; data: ClubEstablishedV1 }
  | { type: 'ClubDissolved'; data: ClubDissolvedV1 }
  | { type: 'ClubReassigned'; data: ClubReassignedV1 };

export function evolveClub(state: ClubState, event: ClubEvent): ClubState {
  switch (event.type) {
    case 'ClubEstablished': {
      const { communeCode, hamletCode, establishedOn } = event.data;
      return { club: event.data, dissolvedOn: null, assignments: [{ communeCode, hamletCode, from: establishedOn }] };
    }
    case 'ClubDissolved':
      return { ...state, dissolvedOn: event.data.dissolvedOn };
    case 'ClubReassigned': {
      const { communeCode, hamletCode, effectiveOn } = event.data;
      return { ...state, assignments: [...state.assignments, { communeCode, hamletCode, from: effectiveOn }] };
    }
  }
}

/** An org unit as the handler found it, or null when its code is unknown. */
export type UnitFacts = { code: string; level: OrgUnitLevel; parentCode: string | null; validFrom: IsoDate; validTo: IsoDate | null } | null;

export interface EstablishClub {
  clubId: string;
  name: string;
  commune: UnitFacts;
  communeCode: string;
  hamlet: UnitFacts;
  hamletCode: string | null;
  establishedOn: IsoDate;
  /** The caller's "today", so the rule "not in the future" stays a pure function. */
  today: IsoDate;
}

export function decideEstablishClub(command: EstablishClub, state: ClubState): ClubEvent[] {
  if (state.club) throw new RuleViolation('conflict', null, `club ${command.clubId} already exists`);
  const violations: RuleViolation[] = [];
  if (command.establishedOn > command.today) {
    violations.push(new RuleViolation('invalid', 'establishedOn', 'must not be in the future'));
  }
  const { commune } = command;
  if (commune === null) {
    violations.push(new RuleViolation('invalid', 'communeCode', `unknown org unit ${command.communeCode}`));
  } else if (commune.level !== 'commune') {
    violations.push(new RuleViolation('invalid', 'communeCode', `${commune.code} is a ${commune.level}, not a commune`));
  } else if (!isValidOn(commune, command.establishedOn)) {
    violations.push(new RuleViolation('invalid', 'communeCode', `${commune.code} is not valid on ${command.establishedOn}`));
  }
  if (command.hamletCode !== null) {
    const { hamlet } = command;
    if (hamlet === null) violations.push(new RuleViolation('invalid', 'hamletCode', `unknown org unit ${command.hamletCode}`));
    else if (hamlet.level !== 'hamlet' || hamlet.parentCode !== command.communeCode) {
      violations.push(new RuleViolation('invalid', 'hamletCode', `${hamlet.code} is not a hamlet of ${command.communeCode}`));
    }
  }
  if (violations.length > 0) throw new RuleViolations(violations);
  return [
    {
      type: 'ClubEstablished',
      data: {
        clubId: command.clubId,
        name: command.name,
        communeCode: command.communeCode,
        hamletCode: command.hamletCode,
        establishedOn: command.establishedOn,
      },
    },
  ];
}

/** A membership of the club as the handler found it (memberships live in each person's stream). */
export interface ClubMembershipFacts {
  memberId: string;
  joinedOn: IsoDate;
  leftOn: IsoDate | null;
  /** The day the membership's current roles took effect (its start, or its latest role change). */
  rolesSince: IsoDate;
}

export interface DissolveClub {
  clubId: string;
  dissolvedOn: IsoDate;
  reason: string | null;
  memberships: ClubMembershipFacts[];
  today: IsoDate;
}

/**
 * Dissolution (ISHC.md §4): not before the establishment, not in the future. What a club officer
 * expects is that dissolving the club ends its active memberships the same day (the handler appends a
 * MembershipEnded, reason `club_dissolved`, to each member's stream), not a refusal until every
 * member was ended one by one. It is refused (409) only when a membership says the club still lived
 * on or after `dissolvedOn`: it began, changed roles or ended later (a back-dated dissolution).
 */
export function decideDissolveClub(command: DissolveClub, state: ClubState): ClubEvent[] {
  const { club } = state;
  if (!club) throw new RuleViolation('not_found', null, `Unknown club ${command.clubId}.`);
  if (state.dissolvedOn !== null) {
    throw new RuleViolation('conflict', null, `club ${command.clubId} was already dissolved on ${state.dissolvedOn}`);
  }
  const { dissolvedOn } = command;
  if (dissolvedOn > command.today) throw new RuleViolation('invalid', 'dissolvedOn', 'must not be in the future');
  if (dissolvedOn < club.establishedOn) {
    throw new RuleViolation('invalid', 'dissolvedOn', `must not be before the club was established (${club.establishedOn})`);
  }
  const lastAssignment = state.assignments[state.assignments.length - 1];
  if (lastAssignment && dissolvedOn < lastAssignment.from) {
    throw new RuleViolation('invalid', 'dissolvedOn', `must not be before the club's reassignment (${lastAssignment.from})`);
  }
  const later = command.memberships.filter((m) => (m.leftOn === null ? m.rolesSince >= dissolvedOn : m.leftOn > dissolvedOn));
  if (later.length > 0) {
    throw new RuleViolation(
      'conflict',
      'dissolvedOn',
      `${later.length} membership(s) of the club began, changed roles or ended on or after ${dissolvedOn} (e.g. member ${later[0].memberId}); ` +
        'end or correct them first, or dissolve the club later',
    );
  }
  return [{ type: 'ClubDissolved', data: { clubId: command.clubId, dissolvedOn, reason: command.reason } }];
}

/** A `partial` succession link out of the club's commune (or a commune that succeeded it whole). */
export interface PartialSuccession {
  from: string;
  to: string;
  effectiveOn: IsoDate;
}

export interface ReassignClub {
  clubId: string;
  communeCode: string;
  commune: UnitFacts;
  hamletCode: string | null;
  hamlet: UnitFacts;
  effectiveOn: IsoDate;
  /**
   * The partial successions out of the club's commune on the day before `effectiveOn`, followed through
   * `whole` links (a club follows those by itself), effective by `effectiveOn`.
   */
  partialSuccessions: PartialSuccession[];
  today: IsoDate;
}

/**
 * Reassignment after a `partial` succession (ISHC.md §3): the new commune must be a partial successor of
 * the club's commune, valid on `effectiveOn`, and the day must be on or after the succession, after the
 * club's latest assignment, and not in the future. A dissolved club is not reassigned (409).
 */
export function decideReassignClub(command: ReassignClub, state: ClubState): ClubEvent[] {
  const { club } = state;
  if (!club) throw new RuleViolation('not_found', null, `Unknown club ${command.clubId}.`);
  if (state.dissolvedOn !== null) throw new RuleViolation('conflict', null, `club ${command.clubId} was dissolved on ${state.dissolvedOn}`);
  const current = state.assignments[state.assignments.length - 1];
  const violations: RuleViolation[] = [];
  const { effectiveOn } = command;
  if (effectiveOn > command.today) violations.push(new RuleViolation('invalid', 'effectiveOn', 'must not be in the future'));
  else if (effectiveOn <= current.from) {
    violations.push(new RuleViolation('invalid', 'effectiveOn', `must be after the club's current assignment (${current.communeCode} from ${current.from})`));
  }
  const { commune } = command;
  if (commune === null) violations.push(new RuleViolation('invalid', 'communeCode', `unknown org unit ${command.communeCode}`));
  else if (commune.level !== 'commune') violations.push(new RuleViolation('invalid', 'communeCode', `${commune.code} is a ${commune.level}, not a commune`));
  else if (!isValidOn(commune, effectiveOn)) violations.push(new RuleViolation('invalid', 'communeCode', `${commune.code} is not valid on ${effectiveOn}`));
  if (command.hamletCode !== null) {
    const { hamlet } = command;
    if (hamlet === null) violations.push(new RuleViolation('invalid', 'hamletCode', `unknown org unit ${command.hamletCode}`));
    else if (hamlet.level !== 'hamlet' || hamlet.parentCode !== command.communeCode) {
      violations.push(new RuleViolation('invalid', 'hamletCode', `${hamlet.code} is not a hamlet of ${command.communeCode}`));
    }
  }
  if (violations.length > 0) throw new RuleViolations(violations);
  const link = command.partialSuccessions.find((s) => s.to === command.communeCode && s.effectiveOn <= effectiveOn);
  if (!link) {
    throw new RuleViolation(
      'conflict',
      'communeCode',
      `${command.communeCode} is not a partial successor of the club's commune ${current.communeCode} by ${effectiveOn}: ` +
        'a club is reassigned only after a partial succession (it follows whole successions by itself)',
    );
  }
  return [
    {
      type: 'ClubReassigned',
      data: { clubId: command.clubId, fromCommuneCode: current.communeCode, communeCode: command.communeCode, hamletCode: command.hamletCode, effectiveOn },
    },
  ];
}
