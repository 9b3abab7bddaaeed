import { matchKeys, normaliseName } from './duplicate-match';

describe('names compared for duplicates', () => {
  it('folds case and Vietnamese diacritics (đ → d) and collapses spaces', () => {
    expect(normaliseName('  Nguyễn Thị   Đào ')).toBe('nguyen thi dao');
    expect(normaliseName('NGUYỄN THỊ ĐÀO')).toBe(normaliseName('nguyen thi dao'));
    expect(normaliseName('Trương Văn Ước')).toBe('truong van uoc');
  });

  it('a member matches on folded name + birth year + commune, and on the national ID when given', () => {
    const a = matchKeys({ fullName: 'Lê Văn Đức', birthYear: 1950, communeCode: '29461', nationalId: null });
    const b = matchKeys({ fullName: 'le van  duc', birthYear: 1950, communeCode: '29461', nationalId: '084150000123' });
    expect(a).toHaveLength(1);
    expect(b[0]).toEqual(a[0]);
    expect(b[1]).toEqual({ reason: 'national_id', key: 'nid|084150000123' });
    expect(matchKeys({ fullName: 'Lê Văn Đức', birthYear: 1951, communeCode: '29461', nationalId: null })[0].key).not.toBe(a[0].key);
  });
});
