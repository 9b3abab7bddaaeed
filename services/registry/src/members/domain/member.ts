import { DisadvantagedCategory, EncryptedPersonalDataV1, IsoDate, MemberErasedV1, MemberRegisteredV1, Sex } from '@ishc/contracts';
import { RuleViolation, RuleViolations } from '@ishc/domain-kit';
import { UnitFacts } from '../../clubs/domain/club';
import { isValidOn } from '../../org-units/domain/org-unit';

export const MAX_AGE = 120;

export interface MemberState {
  member: MemberRegisteredV1 | null;
  erasedOn: IsoDate | null;
}

export const initialMemberState = (): MemberState => ({ member: null, erasedOn: null });

export type MemberEvent = { type: 'MemberRegistered'; data: MemberRegisteredV1 } | { type: 'MemberErased'; data: MemberErasedV1 };

export function evolveMember(state: MemberState, event: MemberEvent): MemberState {
  switch (event.type) {
    case 'MemberRegistered':
      return { member: event.data, erasedOn: null };
    case 'MemberErased':
      return { ...state, erasedOn: event.data.erasedOn };
  }
}

/** Whole years from `birth` to `on` (ISHC.md §4); with a birth year only, year(on) − birthYear. */
export function ageOn(birth: { birthDate: IsoDate | null; birthYear: number | null }, on: IsoDate): number {
  const year = Number(on.slice(0, 4));
  if (birth.birthDate === null) return year - (birth.birthYear ?? year);
  const born = Number(birth.birthDate.slice(0, 4));
  return year - born - (on.slice(5) < birth.birthDate.slice(5) ? 1 : 0);
}

export interface RegisterMember {
  memberId: string;
  sex: Sex;
  birthDate: IsoDate | null;
  birthYear: number | null;
  ethnicMinority: boolean | null;
  disadvantaged: DisadvantagedCategory[];
  communeCode: string;
  commune: UnitFacts;
  /** The personal fields, already encrypted under the member's data key (the domain never sees them in clear). */
  personal: EncryptedPersonalDataV1;
  today: IsoDate;
}

export function decideRegisterMember(command: RegisterMember, state: MemberState): MemberEvent[] {
  if (state.member) throw new RuleViolation('conflict', null, `member ${command.memberId} already exists`);
  const violations: RuleViolation[] = [];
  const { birthDate, birthYear, today } = command;
  if ((birthDate === null) === (birthYear === null)) {
    violations.push(new RuleViolation('invalid', 'birthDate', 'give exactly one of birthDate and birthYear'));
  } else {
    const field = birthDate !== null ? 'birthDate' : 'birthYear';
    const inFuture = birthDate !== null ? birthDate > today : (birthYear as number) > Number(today.slice(0, 4));
    const age = ageOn({ birthDate, birthYear }, today);
    if (inFuture) violations.push(new RuleViolation('invalid', field, 'must not be in the future'));
    else if (age < 0 || age > MAX_AGE) violations.push(new RuleViolation('invalid', field, `the age must be between 0 and ${MAX_AGE}`));
  }
  const { commune } = command;
  if (commune === null) {
    violations.push(new RuleViolation('invalid', 'communeCode', `unknown org unit ${command.communeCode}`));
  } else if (commune.level !== 'commune') {
    violations.push(new RuleViolation('invalid', 'communeCode', `${commune.code} is a ${commune.level}, not a commune`));
  } else if (!isValidOn(commune, today)) {
    violations.push(new RuleViolation('invalid', 'communeCode', `${commune.code} is not valid today (${today})`));
  }
  if (violations.length > 0) throw new RuleViolations(violations);
  return [
    {
      type: 'MemberRegistered',
      data: {
        memberId: command.memberId,
        sex: command.sex,
        birthYear: birthDate !== null ? Number(birthDate.slice(0, 4)) : (birthYear as number),
        ethnicMinority: command.ethnicMinority,
        disadvantaged: [...new Set(command.disadvantaged)],
        communeCode: command.communeCode,
        registeredOn: today,
        personal: command.personal,
      },
    },
  ];
}

export interface EraseMember {
  memberId: string;
  today: IsoDate;
}

/** Erasure destroys the data key; erasing an erased member again changes nothing. */
export function decideEraseMember(command: EraseMember, state: MemberState): MemberEvent[] {
  if (!state.member) throw new RuleViolation('not_found', null, `Unknown member ${command.memberId}.`);
  if (state.erasedOn !== null) return [];
  return [{ type: 'MemberErased', data: { memberId: command.memberId, erasedOn: command.today } }];
}
