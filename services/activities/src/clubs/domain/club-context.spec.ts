import { isMemberOn, rolesOn } from './club-context';
import { memberOf } from './club-context.fixtures';

describe('a member’s roles on a date', () => {
  const volunteer = memberOf('2022-01-01', {
    leftOn: '2025-01-01',
    roles: [
      ['2022-01-01', ['member']],
      ['2023-03-01', ['member', 'home_care_volunteer']],
      ['2024-03-01', ['member']],
    ],
  });

  it('given roles changed over time, then the roles on T are those of the latest change on or before T', () => {
    expect(rolesOn(volunteer, 'c1', '2023-02-28')).toEqual(['member']);
    expect(rolesOn(volunteer, 'c1', '2023-03-01')).toEqual(['member', 'home_care_volunteer']);
    expect(rolesOn(volunteer, 'c1', '2024-02-29')).toEqual(['member', 'home_care_volunteer']);
    expect(rolesOn(volunteer, 'c1', '2024-03-01')).toEqual(['member']);
  });

  it('given the membership ended, died or is of another club, then no roles (and not a member)', () => {
    const lapsed = memberOf('2022-01-01', { leftOn: '2023-06-01', roles: [['2022-01-01', ['home_care_volunteer']]] });
    expect(rolesOn(lapsed, 'c1', '2023-06-01')).toEqual([]);
    expect(isMemberOn(lapsed, 'c1', '2023-06-01')).toBe(false);
    const dead = memberOf('2022-01-01', { diedOn: '2023-01-01', roles: [['2022-01-01', ['home_care_volunteer']]] });
    expect(rolesOn(dead, 'c1', '2023-01-01')).toEqual([]);
    expect(rolesOn(dead, 'c1', '2022-12-31')).toEqual(['home_care_volunteer']);
    expect(rolesOn(volunteer, 'c2', '2023-06-01')).toEqual([]);
  });

  it('given a rejoining, then the roles of the earlier membership do not carry over', () => {
    const rejoined = {
      diedOn: null,
      memberships: [
        { clubId: 'c1', joinedOn: '2021-06-01', leftOn: '2022-01-01', roles: [{ since: '2021-06-01', roles: ['home_care_volunteer' as const] }] },
        { clubId: 'c1', joinedOn: '2023-01-01', leftOn: null, roles: [{ since: '2023-01-01', roles: ['member' as const] }] },
      ],
    };
    expect(rolesOn(rejoined, 'c1', '2021-12-31')).toEqual(['home_care_volunteer']);
    expect(rolesOn(rejoined, 'c1', '2022-06-01')).toEqual([]);
    expect(rolesOn(rejoined, 'c1', '2023-06-01')).toEqual(['member']);
  });
});
