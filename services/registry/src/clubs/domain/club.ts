import { ClubDissolvedV1, ClubEstablishedV1, IsoDate, OrgUnitLevel } from '@ishc/contracts';
import { isValidOn } from '../../org-units/domain/org-unit';
import { RuleViolation, RuleViolations } from '@ishc/domain-kit';

export interface ClubState {
  club: ClubEstablishedV1 | null;
  dissolvedOn: IsoDate | null;
}

export const initialClubState = (): ClubState => ({ club: null, dissolvedOn: null });

export type ClubEvent = { type: 'ClubEstablished'; data: ClubEstablishedV1 } | { type: 'ClubDissolved'; data: ClubDissolvedV1 };

export function evolveClub(state: ClubState, event: ClubEvent): ClubState {
  switch (event.type) {
    case 'ClubEstablished':
      return { club: event.data, dissolvedOn: null };
    case 'ClubDissolved':
      return { ...state, dissolvedOn: event.data.dissolvedOn };
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
