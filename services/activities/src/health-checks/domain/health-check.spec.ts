import { DeciderSpecification } from '@ishc/testing';
import { conflictMatching, contextOf, fails, memberOf } from '../../clubs/domain/club-context.fixtures';
import { RecordHealthCheck, decideRecordHealthCheck, evolveHealthCheck, initialHealthCheckState } from './health-check';

const spec = DeciderSpecification.for({ decide: decideRecordHealthCheck, evolve: evolveHealthCheck, initialState: initialHealthCheckState });
const context = contextOf({ m1: memberOf('2022-01-01', { leftOn: '2025-03-01' }), dead: memberOf('2021-06-01', { diedOn: '2024-05-05' }), away: memberOf('2021-06-01', { clubId: 'c2' }) });
const check = (overrides: Partial<RecordHealthCheck> = {}): RecordHealthCheck => ({
  healthCheckId: 'h1',
  clubId: 'c1',
  memberId: 'm1',
  checkedOn: '2024-04-10',
  today: '2025-06-30',
  context,
  ...overrides,
});

describe('recording a health check', () => {
  it('given a member of the club on the day, when checked, then HealthCheckRecorded with ids and the date only (no measurements)', () => {
    spec.given([]).when(check()).then({ type: 'HealthCheckRecorded', data: { healthCheckId: 'h1', clubId: 'c1', memberId: 'm1', checkedOn: '2024-04-10' } });
  });

  it('given the member had not joined yet, had left, died, or is of another club, then memberId is invalid', () => {
    spec.given([]).when(check({ checkedOn: '2021-12-31' })).thenThrows(fails('invalid:memberId'));
    spec.given([]).when(check({ checkedOn: '2025-03-01' })).thenThrows(fails('invalid:memberId'));
    spec.given([]).when(check({ memberId: 'dead', checkedOn: '2024-05-05' })).thenThrows(fails('invalid:memberId'));
    spec.given([]).when(check({ memberId: 'dead', checkedOn: '2024-05-04' })).then([expect.objectContaining({ type: 'HealthCheckRecorded' })]);
    spec.given([]).when(check({ memberId: 'away' })).thenThrows(fails('invalid:memberId'));
  });

  it('given a date in the future, before the establishment or on the dissolution, then checkedOn is invalid (with the member, together)', () => {
    spec.given([]).when(check({ checkedOn: '2025-07-01' })).thenThrows(fails('invalid:checkedOn', 'invalid:memberId'));
    spec.given([]).when(check({ memberId: 'dead', checkedOn: '2021-05-31' })).thenThrows(fails('invalid:checkedOn', 'invalid:memberId'));
    spec.given([]).when(check({ memberId: 'away', checkedOn: '2026-01-01', today: '2026-02-01' })).thenThrows(fails('invalid:checkedOn', 'invalid:memberId'));
  });

  it('given a club or a member the replica has not seen, then a conflict saying the client may retry', () => {
    spec.given([]).when(check({ context: { ...context, club: null } })).thenThrows(conflictMatching(/club c1 is not known to activities yet.*retry/));
    spec.given([]).when(check({ memberId: 'm9' })).thenThrows(conflictMatching(/member m9 \(memberId\) is not known to activities yet.*retry/));
  });

  it('given a member registered moments ago whose membership of the club the replica has not seen, then a conflict saying the client may retry', () => {
    const awaiting = contextOf({ fresh: { diedOn: null, memberships: [], awaitingMembership: true } });
    spec.given([]).when(check({ memberId: 'fresh', context: awaiting })).thenThrows(conflictMatching(/membership of member fresh \(memberId\) in club c1 is not known to activities yet.*retry/));
  });

  it('given it is recorded, then recording it again is a conflict', () => {
    spec
      .given({ type: 'HealthCheckRecorded', data: { healthCheckId: 'h1', clubId: 'c1', memberId: 'm1', checkedOn: '2024-04-10' } })
      .when(check())
      .thenThrows(conflictMatching(/already recorded/));
  });
});
