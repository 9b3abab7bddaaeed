import { DisadvantagedCategory, Sex } from '@ishc/contracts';
import { MemberCrypto, PersonalData } from './member-keyring';
import { MemberRow } from './member.table';

/** A member as the API shows it: personal fields only while the data key exists and the caller may see them. */
export interface MemberView {
  id: string;
  sex: Sex;
  birthYear: number;
  ethnicMinority: boolean | null;
  disadvantaged: DisadvantagedCategory[];
  communeCode: string;
  registeredOn: string;
  diedOn: string | null;
  erased: boolean;
  erasedOn: string | null;
  fullName?: string;
  birthDate?: string | null;
  ethnicity?: string | null;
  phone?: string | null;
  nationalId?: string | null;
}

/** The statistics fields, which every reader may see. */
export function memberStatistics(member: MemberRow): MemberView {
  return {
    id: member.memberId,
    sex: member.sex,
    birthYear: member.birthYear,
    ethnicMinority: member.ethnicMinority,
    disadvantaged: member.disadvantaged,
    communeCode: member.communeCode,
    registeredOn: member.registeredOn,
    diedOn: member.diedOn,
    erased: member.erasedOn !== null,
    erasedOn: member.erasedOn,
  };
}

/**
 * The member with the personal fields decrypted, or without them (and `erased: true`) when the data key
 * is gone. `wrappedKey` is the member's row of member_keys (null after erasure).
 */
export function revealMember(member: MemberRow, wrappedKey: MemberRow['personal'] | null, keys: () => MemberCrypto): MemberView {
  const view = memberStatistics(member);
  if (member.erasedOn !== null || wrappedKey === null) return { ...view, erased: true };
  const crypto = keys();
  const personal: PersonalData = crypto.decrypt(member.memberId, crypto.unwrap(member.memberId, wrappedKey), member.personal);
  return { ...view, ...personal };
}
