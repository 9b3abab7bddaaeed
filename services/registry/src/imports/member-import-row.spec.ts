import { fieldOfHeader } from './member-import-columns';
import { parseImportRow } from './member-import-row';

const CLUB = '7d3c4a9e-8f7b-4c1e-9a55-0f0f8f1d2a10';
const fields = (errors: Array<{ field: string }>) => errors.map((e) => e.field).sort();

describe('a row of a member file', () => {
  it('given the Vietnamese headers with or without diacritics, or the field names, then each names its field', () => {
    expect(fieldOfHeader('Họ và tên')).toBe('fullName');
    expect(fieldOfHeader('  ho VA ten ')).toBe('fullName');
    expect(fieldOfHeader('Số CCCD/CMND')).toBe('nationalId');
    expect(fieldOfHeader('communeCode')).toBe('communeCode');
    expect(fieldOfHeader('Quê quán')).toBeUndefined();
  });

  it('given Vietnamese values (Nữ, DD/MM/YYYY, Có, category labels), then they become the API values', () => {
    const parsed = parseImportRow({
      row: 2,
      cells: {
        fullName: 'Nguyễn Thị Đào',
        sex: 'Nữ',
        birthDate: '8/3/1955',
        ethnicMinority: 'Có',
        disadvantaged: 'hộ nghèo; Sống một mình, disability',
        communeCode: 'V86-TRACU',
        phone: '912345678',
        nationalId: '84155000123',
      },
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.member).toEqual({
      fullName: 'Nguyễn Thị Đào',
      sex: 'F',
      birthDate: '1955-03-08',
      ethnicMinority: true,
      disadvantaged: ['poor', 'living_alone', 'disability'],
      communeCode: 'V86-TRACU',
      phone: '0912345678',
      nationalId: '084155000123',
    });
    expect(parsed.membership).toBeNull();
  });

  it('given a club, then the membership needs a joining day; roles default to none (the join decides member)', () => {
    const base = { fullName: 'Kim Văn Hai', sex: 'Nam', birthYear: '1960', communeCode: 'V86-DAIAN' };
    expect(parseImportRow({ row: 3, cells: { ...base, clubId: CLUB, joinedOn: '01/07/2025', roles: 'Chair; board' } }).membership).toEqual({
      clubId: CLUB,
      joinedOn: '2025-07-01',
      roles: ['chair', 'board'],
    });
    expect(fields(parseImportRow({ row: 3, cells: { ...base, clubId: CLUB } }).errors)).toEqual(['joinedOn']);
    expect(fields(parseImportRow({ row: 3, cells: { ...base, joinedOn: '2025-07-01' } }).errors)).toEqual(['clubId']);
    expect(fields(parseImportRow({ row: 3, cells: { ...base, clubId: CLUB, joinedOn: '2025-07-01', roles: 'king' } }).errors)).toEqual(['roles.0']);
  });

  it('given bad values, then every bad field is named and no member is returned', () => {
    const parsed = parseImportRow({ row: 4, cells: { sex: 'X', birthYear: 'old', ethnicMinority: 'maybe', disadvantaged: 'rich', phone: 'abc' } });
    expect(parsed.member).toBeNull();
    expect(fields(parsed.errors)).toEqual(['birthYear', 'communeCode', 'disadvantaged.0', 'ethnicMinority', 'fullName', 'phone', 'sex']);
  });
});
