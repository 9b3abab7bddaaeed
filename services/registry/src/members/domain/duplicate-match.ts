/**
 * Names compared for possible duplicates: case and Vietnamese diacritics folded (đ → d), spaces
 * collapsed. "Nguyễn Thị  Đào" and "nguyen thi dao" are the same.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export type DuplicateReason = 'name_birth_year_commune' | 'national_id';

/** The clear match keys of a member (hashed with a secret key before they are stored or compared). */
export function matchKeys(person: { fullName: string; birthYear: number; communeCode: string; nationalId: string | null }): Array<{ reason: DuplicateReason; key: string }> {
  const keys: Array<{ reason: DuplicateReason; key: string }> = [
    { reason: 'name_birth_year_commune', key: `name|${normaliseName(person.fullName)}|${person.birthYear}|${person.communeCode}` },
  ];
  if (person.nationalId !== null) keys.push({ reason: 'national_id', key: `nid|${person.nationalId}` });
  return keys;
}
