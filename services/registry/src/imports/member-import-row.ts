import { MEMBERSHIP_ROLES, MembershipRole } from '@ishc/contracts';
import { FieldError, isoDate, zodFieldErrors } from '@ishc/platform';
import { z } from 'zod';
import { RegisterMemberBody, registerMemberBody } from '../members/register-member/register-member.body';
import { normaliseName } from '../members/domain/duplicate-match';
import { ImportField, disadvantagedCategoryOf, roleOf } from './member-import-columns';
import { MemberFileRow } from './member-file';

/** The membership a row asks for (columns Mã CLB, Ngày vào CLB, Vai trò). */
export interface ImportMembership {
  clubId: string;
  joinedOn: string;
  roles: MembershipRole[];
}

export interface ParsedImportRow {
  row: number;
  /** Null when the row's member fields are invalid (see errors). */
  member: RegisterMemberBody | null;
  membership: ImportMembership | null;
  errors: FieldError[];
}

const membershipSchema = z
  .object({
    clubId: z.uuid({ message: 'must be a UUID' }),
    joinedOn: isoDate,
    roles: z.array(z.enum(MEMBERSHIP_ROLES, { message: `must be one of ${MEMBERSHIP_ROLES.join(', ')}` })).max(10),
  })
  .strict();

const list = (value: string): string[] =>
  value
    .split(/[;,]/)
    .map((v) => v.trim())
    .filter((v) => v !== '');

/** DD/MM/YYYY (the Vietnamese way) as YYYY-MM-DD; anything else as given (the schema judges it). */
function dateOf(value: string): string {
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  return vn ? `${vn[3]}-${vn[2].padStart(2, '0')}-${vn[1].padStart(2, '0')}` : value;
}

function sexOf(value: string): string {
  const folded = normaliseName(value);
  if (folded === 'nu' || folded === 'f') return 'F';
  if (folded === 'nam' || folded === 'm') return 'M';
  return value;
}

function yesNoOf(value: string): boolean | string {
  const folded = normaliseName(value);
  if (['co', 'x', 'yes', 'true', '1'].includes(folded)) return true;
  if (['khong', 'no', 'false', '0'].includes(folded)) return false;
  return value;
}

/** Spreadsheets turn "0912345678" into the number 912345678 and drop a CCCD's leading 0: both come back. */
const phoneOf = (value: string): string => (/^\d{9}$/.test(value) ? `0${value}` : value);
const nationalIdOf = (value: string): string => (/^\d{11}$/.test(value) ? `0${value}` : value);

/** The row's cells as the body of `POST /members` (and a membership), each field checked like the API checks it. */
export function parseImportRow({ row, cells }: MemberFileRow): ParsedImportRow {
  const cell = (field: ImportField): string | undefined => cells[field];
  const candidate: Record<string, unknown> = {};
  const set = (key: string, value: unknown) => {
    if (value !== undefined) candidate[key] = value;
  };
  set('fullName', cell('fullName'));
  set('sex', cell('sex') !== undefined ? sexOf(cell('sex') as string) : undefined);
  set('birthDate', cell('birthDate') !== undefined ? dateOf(cell('birthDate') as string) : undefined);
  const year = cell('birthYear');
  set('birthYear', year !== undefined ? (/^\d{1,4}$/.test(year) ? Number(year) : year) : undefined);
  set('ethnicity', cell('ethnicity'));
  set('ethnicMinority', cell('ethnicMinority') !== undefined ? yesNoOf(cell('ethnicMinority') as string) : undefined);
  set('disadvantaged', cell('disadvantaged') !== undefined ? list(cell('disadvantaged') as string).map(disadvantagedCategoryOf) : undefined);
  set('communeCode', cell('communeCode'));
  set('phone', cell('phone') !== undefined ? phoneOf(cell('phone') as string) : undefined);
  set('nationalId', cell('nationalId') !== undefined ? nationalIdOf(cell('nationalId') as string) : undefined);
  const errors: FieldError[] = [];
  const member = registerMemberBody.safeParse(candidate);
  if (!member.success) errors.push(...zodFieldErrors(member.error));

  let membership: ImportMembership | null = null;
  const clubId = cell('clubId');
  if (clubId === undefined) {
    if (cell('joinedOn') !== undefined || cell('roles') !== undefined) errors.push({ field: 'clubId', message: 'required when Ngày vào CLB or Vai trò is given' });
  } else {
    const joinedOn = cell('joinedOn');
    const parsed = membershipSchema.safeParse({
      clubId,
      joinedOn: joinedOn !== undefined ? dateOf(joinedOn) : undefined,
      roles: cell('roles') !== undefined ? list(cell('roles') as string).map(roleOf) : [],
    });
    if (parsed.success) membership = parsed.data;
    else errors.push(...zodFieldErrors(parsed.error));
  }
  return { row, member: member.success ? member.data : null, membership, errors };
}
