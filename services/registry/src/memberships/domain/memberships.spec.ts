import { DeciderSpecification } from '@ishc/testing';
import { RuleViolation, RuleViolations } from '@ishc/domain-kit';
import {
  JoinClub,
  MembershipsEvent,
  decideChangeMembershipRoles,
  decideEndMembership,
  decideJoinClub,
  decideRecordDeath,
  evolveMemberships,
  initialMembershipsState,
} from './memberships';

const decider = <C>(decide: (c: C, s: ReturnType<typeof initialMembershipsState>) => MembershipsEvent[]) =>
  DeciderSpecification.for({ decide, evolve: evolveMemberships, initialState: initialMembershipsState });
const join = decider(decideJoinClub);
const changeRoles = decider(decideChangeMembershipRoles);
const end = decider(decideEndMembership);
const die = decider(decideRecordDeath);

const memberId = '5b0f2d3e-1c2a-4b7e-9f00-2a9d6c1e0b11';
const clubA = '7d3c4a9e-8f7b-4c1e-9a55-0f0f8f1d2a10';
const clubB = '7d3c4a9e-8f7b-4c1e-9a55-0f0f8f1d2a11';
const today = '2026-11-30';
const joinA = (overrides: Partial<JoinClub> = {}): JoinClub => ({
  memberId,
  clubId: clubA,
  club: { establishedOn: '2021-06-01', dissolvedOn: null },
  joinedOn: '2022-01-10',
  roles: [],
  today,
  ...overrides,
});
const joinedA: MembershipsEvent = { type: 'MemberJoinedClub', data: { memberId, clubId: clubA, joinedOn: '2022-01-10', roles: ['member'] } };
const endedA: MembershipsEvent = { type: 'MembershipEnded', data: { memberId, clubId: clubA, leftOn: '2023-01-01', reason: 'moved' } };
const invalid = (field: string) => (e: unknown) =>
  (e instanceof RuleViolations && e.violations.length === 1 && e.violations[0].field === field) || (e instanceof RuleViolation && e.kind === 'invalid' && e.field === field);
const kind = (k: RuleViolation['kind']) => (e: unknown) => e instanceof RuleViolation && e.kind === k;

describe('joining a club', () => {
  it('given no membership, when the person joins, then MemberJoinedClub with the role member by default', () => {
    join.given([]).when(joinA()).then(joinedA);
  });

  it('keeps the given roles, each once', () => {
    join
      .given([])
      .when(joinA({ roles: ['chair', 'member', 'chair'] }))
      .then({ ...joinedA, data: { ...joinedA.data, roles: ['chair', 'member'] } } as MembershipsEvent);
  });

  it('rejects joinedOn before the club was established, any join of a dissolved club (even back-dated), or in the future', () => {
    join.given([]).when(joinA({ joinedOn: '2021-05-31' })).thenThrows(invalid('joinedOn'));
    join.given([]).when(joinA({ club: { establishedOn: '2021-06-01', dissolvedOn: '2024-01-01' }, joinedOn: '2024-01-01' })).thenThrows(invalid('joinedOn'));
    // A back-dated join of a dissolved club would leave an active membership in it.
    join.given([]).when(joinA({ club: { establishedOn: '2021-06-01', dissolvedOn: '2024-01-01' }, joinedOn: '2023-01-01' })).thenThrows(invalid('joinedOn'));
    join.given([]).when(joinA({ joinedOn: '2026-12-01' })).thenThrows(invalid('joinedOn'));
  });

  it('an unknown club is not found', () => {
    join.given([]).when(joinA({ club: null })).thenThrows(kind('not_found'));
  });

  it('at most one active membership: joining any club while active is a conflict', () => {
    join.given([joinedA]).when(joinA({ clubId: clubB })).thenThrows(kind('conflict'));
    join.given([joinedA]).when(joinA()).thenThrows(kind('conflict'));
  });

  it('after the membership ended the person may join another club, but not back-dated into the ended one', () => {
    join
      .given([joinedA, endedA])
      .when(joinA({ clubId: clubB, joinedOn: '2023-01-01' }))
      .then({ type: 'MemberJoinedClub', data: { memberId, clubId: clubB, joinedOn: '2023-01-01', roles: ['member'] } });
    join.given([joinedA, endedA]).when(joinA({ clubId: clubB, joinedOn: '2022-12-31' })).thenThrows(kind('conflict'));
  });

  it('a person who died joins no club', () => {
    join.given([{ type: 'MemberDied', data: { memberId, diedOn: '2024-01-01' } }]).when(joinA()).thenThrows(kind('conflict'));
  });
});

describe('changing roles', () => {
  const change = { memberId, clubId: clubA, roles: ['chair' as const], effectiveOn: '2023-03-01', today };

  it('given an active membership, when roles change from a date, then MembershipRolesChanged', () => {
    changeRoles.given([joinedA]).when(change).then({ type: 'MembershipRolesChanged', data: { memberId, clubId: clubA, roles: ['chair'], effectiveOn: '2023-03-01' } });
  });

  it('the same roles again change nothing', () => {
    changeRoles.given([joinedA]).when({ ...change, roles: ['member'] }).thenNothingHappened();
  });

  it('rejects a date before the current roles took effect, or in the future', () => {
    changeRoles.given([joinedA]).when({ ...change, effectiveOn: '2022-01-09' }).thenThrows(invalid('effectiveOn'));
    const changed: MembershipsEvent = { type: 'MembershipRolesChanged', data: { memberId, clubId: clubA, roles: ['board'], effectiveOn: '2024-01-01' } };
    changeRoles.given([joinedA, changed]).when({ ...change, effectiveOn: '2023-12-31' }).thenThrows(invalid('effectiveOn'));
    changeRoles.given([joinedA]).when({ ...change, effectiveOn: '2026-12-01' }).thenThrows(invalid('effectiveOn'));
  });

  it('no membership in the club is not found; an ended one is a conflict', () => {
    changeRoles.given([]).when(change).thenThrows(kind('not_found'));
    changeRoles.given([joinedA, endedA]).when(change).thenThrows(kind('conflict'));
  });
});

describe('ending a membership', () => {
  const command = { memberId, clubId: clubA, leftOn: '2023-01-01', reason: 'moved', today };

  it('given an active membership, when it ends, then MembershipEnded (leftOn exclusive)', () => {
    end.given([joinedA]).when(command).then(endedA);
  });

  it('rejects leftOn on or before joinedOn, or in the future', () => {
    end.given([joinedA]).when({ ...command, leftOn: '2022-01-10' }).thenThrows(invalid('leftOn'));
    end.given([joinedA]).when({ ...command, leftOn: '2026-12-01' }).thenThrows(invalid('leftOn'));
  });

  it('ending an ended membership is a conflict; no membership is not found', () => {
    end.given([joinedA, endedA]).when(command).thenThrows(kind('conflict'));
    end.given([]).when(command).thenThrows(kind('not_found'));
  });
});

describe('death', () => {
  it('ends the active membership the day of death, then records the death', () => {
    die
      .given([joinedA])
      .when({ memberId, diedOn: '2025-02-03', today })
      .then([
        { type: 'MembershipEnded', data: { memberId, clubId: clubA, leftOn: '2025-02-03', reason: 'died' } },
        { type: 'MemberDied', data: { memberId, diedOn: '2025-02-03' } },
      ]);
  });

  it('without an active membership only records the death', () => {
    die.given([joinedA, endedA]).when({ memberId, diedOn: '2025-02-03', today }).then({ type: 'MemberDied', data: { memberId, diedOn: '2025-02-03' } });
  });

  it('rejects a date in the future or before the active membership began', () => {
    die.given([]).when({ memberId, diedOn: '2026-12-01', today }).thenThrows(invalid('diedOn'));
    die.given([joinedA]).when({ memberId, diedOn: '2022-01-09', today }).thenThrows(invalid('diedOn'));
  });

  it('the same death again changes nothing; another date is a conflict', () => {
    const died: MembershipsEvent = { type: 'MemberDied', data: { memberId, diedOn: '2025-02-03' } };
    die.given([died]).when({ memberId, diedOn: '2025-02-03', today }).thenNothingHappened();
    die.given([died]).when({ memberId, diedOn: '2025-02-04', today }).thenThrows(kind('conflict'));
  });
});
