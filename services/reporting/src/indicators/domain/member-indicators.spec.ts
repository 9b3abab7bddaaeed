import { ELDERLY_AGE, MemberStatistics, MembershipFact, ageOn, memberIndicators } from './member-indicators';

const T = '2024-06-30';
const stats = (over: Partial<MemberStatistics> = {}): MemberStatistics => ({ sex: 'M', birthYear: 1950, ethnicMinority: false, disadvantaged: [], ...over });
let n = 0;
const membership = (over: Partial<MembershipFact> = {}): MembershipFact => ({
  memberId: `m${++n}`,
  clubId: 'a',
  joinedOn: '2020-01-01',
  leftOn: null,
  diedOn: null,
  member: stats(),
  ...over,
});
const clubs = [{ clubId: 'a' }, { clubId: 'b' }];
const valuesOf = (memberships: MembershipFact[], asOf = T, elderlyAge?: number) =>
  Object.fromEntries(memberIndicators(clubs, { memberships }, asOf, elderlyAge === undefined ? undefined : { elderlyAge }).map((i) => [i.code, i.value]));

describe('member indicators', () => {
  it('given the default, then elderlyAge is 60 (ISHC.md §4)', () => {
    expect(ELDERLY_AGE).toBe(60);
  });

  it('given members in two clubs with mixed statistics, then the total and each breakdown are counts with no denominator', () => {
    const result = memberIndicators(
      clubs,
      {
        memberships: [
          membership({ clubId: 'a', member: stats({ sex: 'F', birthYear: 1950, ethnicMinority: true, disadvantaged: ['poor'] }) }),
          membership({ clubId: 'a', member: stats({ sex: 'F', birthYear: 1990, ethnicMinority: null }) }),
          membership({ clubId: 'b', member: stats({ sex: 'M', birthYear: 1960, disadvantaged: ['living_alone', 'disability'] }) }),
        ],
      },
      T,
    );
    expect(result).toEqual([
      { code: 'members_active', value: 3, numerator: 3, denominator: null },
      { code: 'members_active_women', value: 2, numerator: 2, denominator: null },
      { code: 'members_active_older', value: 2, numerator: 2, denominator: null },
      { code: 'members_active_young', value: 1, numerator: 1, denominator: null },
      { code: 'members_active_ethnic_minority', value: 1, numerator: 1, denominator: null },
      { code: 'members_active_disadvantaged', value: 2, numerator: 2, denominator: null },
    ]);
  });

  it('given only a birth year, when T is in the year the member turns 60, then they are older from 1 January (age = year(T) − birthYear)', () => {
    expect(ageOn(1964, '2024-01-01')).toBe(60);
    const turning60 = [membership({ member: stats({ birthYear: 1964 }) })];
    expect(valuesOf(turning60, '2024-01-01')).toMatchObject({ members_active_older: 1, members_active_young: 0 });
    expect(valuesOf(turning60, '2023-12-31')).toMatchObject({ members_active_older: 0, members_active_young: 1 });
  });

  it('given elderlyAge 55, then a member turning 55 in year(T) is older', () => {
    const turning55 = [membership({ member: stats({ birthYear: 1969 }) })];
    expect(valuesOf(turning55, T, 55)).toMatchObject({ members_active_older: 1, members_active_young: 0 });
    expect(valuesOf(turning55, T)).toMatchObject({ members_active_older: 0, members_active_young: 1 });
  });

  it('given joinedOn ≤ T < leftOn, then a member counts from the day they join and not on leftOn (exclusive)', () => {
    const m = [membership({ joinedOn: '2024-06-30', leftOn: '2024-07-15' })];
    expect(valuesOf(m, '2024-06-29').members_active).toBe(0);
    expect(valuesOf(m, '2024-06-30').members_active).toBe(1);
    expect(valuesOf(m, '2024-07-14').members_active).toBe(1);
    expect(valuesOf(m, '2024-07-15').members_active).toBe(0);
  });

  it('given a member who died on T, then they are not counted on T (alive on T means diedOn > T), but are the day before', () => {
    const m = [membership({ diedOn: '2024-06-30' })];
    expect(valuesOf(m, '2024-06-30').members_active).toBe(0);
    expect(valuesOf(m, '2024-06-29').members_active).toBe(1);
  });

  it('given memberships in clubs outside clubs(U,T), then they do not count', () => {
    expect(valuesOf([membership({ clubId: 'z' })]).members_active).toBe(0);
  });

  it('given a member whose registration is not projected yet, then they count in the total only', () => {
    expect(valuesOf([membership({ member: null })])).toEqual({
      members_active: 1,
      members_active_women: 0,
      members_active_older: 0,
      members_active_young: 0,
      members_active_ethnic_minority: 0,
      members_active_disadvantaged: 0,
    });
  });

  it('given the same membership listed twice, then the member counts once', () => {
    const m = membership();
    expect(valuesOf([m, { ...m }]).members_active).toBe(1);
  });
});
