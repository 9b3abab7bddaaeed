import { DeciderSpecification } from '@ishc/testing';
import { conflictMatching, contextOf, fails, memberOf } from '../../clubs/domain/club-context.fixtures';
import { RecordHomeCareVisit, decideRecordHomeCareVisit, evolveHomeCareVisit, initialHomeCareVisitState } from './home-care-visit';

const spec = DeciderSpecification.for({ decide: decideRecordHomeCareVisit, evolve: evolveHomeCareVisit, initialState: initialHomeCareVisitState });
const context = contextOf({
  // A volunteer from 2023-03-01 until 2024-03-01 (then a plain member again).
  vol: memberOf('2022-01-01', { roles: [['2022-01-01', ['member']], ['2023-03-01', ['member', 'home_care_volunteer']], ['2024-03-01', ['member']]] }),
  elder: memberOf('2021-06-01', { leftOn: '2024-01-01' }),
  outsider: memberOf('2021-06-01', { clubId: 'c2', roles: [['2021-06-01', ['home_care_volunteer']]] }),
});
const visit = (overrides: Partial<RecordHomeCareVisit> = {}): RecordHomeCareVisit => ({
  visitId: 'v1',
  clubId: 'c1',
  volunteerId: 'vol',
  beneficiaryId: 'elder',
  visitedOn: '2023-06-15',
  today: '2025-06-30',
  context,
  ...overrides,
});

describe('recording a home-care visit', () => {
  it('given a volunteer holding home_care_volunteer and a member beneficiary on the day, then HomeCareVisitRecorded (ids and date)', () => {
    spec.given([]).when(visit()).then({ type: 'HomeCareVisitRecorded', data: { visitId: 'v1', clubId: 'c1', volunteerId: 'vol', beneficiaryId: 'elder', visitedOn: '2023-06-15' } });
  });

  it('given the volunteer does not hold home_care_volunteer on the day (not yet, no longer), then volunteerId is invalid', () => {
    spec.given([]).when(visit({ visitedOn: '2023-02-28' })).thenThrows(fails('invalid:volunteerId'));
    spec.given([]).when(visit({ visitedOn: '2024-03-01', beneficiaryId: 'vol' })).thenThrows(fails('invalid:volunteerId', 'invalid:beneficiaryId'));
    spec.given([]).when(visit({ visitedOn: '2023-03-01' })).then([expect.objectContaining({ type: 'HomeCareVisitRecorded' })]);
  });

  it('given a volunteer or a beneficiary of another club, or a beneficiary who left, then each is named', () => {
    spec.given([]).when(visit({ volunteerId: 'outsider' })).thenThrows(fails('invalid:volunteerId'));
    spec.given([]).when(visit({ beneficiaryId: 'outsider' })).thenThrows(fails('invalid:beneficiaryId'));
    spec.given([]).when(visit({ visitedOn: '2024-01-01' })).thenThrows(fails('invalid:beneficiaryId'));
  });

  it('given the volunteer visits themself, then beneficiaryId is invalid', () => {
    spec.given([]).when(visit({ beneficiaryId: 'vol' })).thenThrows(fails('invalid:beneficiaryId'));
  });

  it('given a date in the future or outside the club’s lifetime, then visitedOn is invalid', () => {
    spec.given([]).when(visit({ visitedOn: '2025-07-01' })).thenThrows(fails('invalid:visitedOn', 'invalid:volunteerId', 'invalid:beneficiaryId'));
    spec.given([]).when(visit({ visitedOn: '2021-05-31', volunteerId: 'outsider' })).thenThrows(fails('invalid:visitedOn', 'invalid:volunteerId', 'invalid:beneficiaryId'));
  });

  it('given a club or a person the replica has not seen, then a conflict the client may retry, naming them', () => {
    spec.given([]).when(visit({ context: { ...context, club: null } })).thenThrows(conflictMatching(/club c1 is not known to activities yet.*retry/));
    spec.given([]).when(visit({ volunteerId: 'x', beneficiaryId: 'y' })).thenThrows(conflictMatching(/member x \(volunteerId\), y \(beneficiaryId\) is not known.*retry/));
  });

  it('given it is recorded, then recording it again is a conflict', () => {
    spec
      .given({ type: 'HomeCareVisitRecorded', data: { visitId: 'v1', clubId: 'c1', volunteerId: 'vol', beneficiaryId: 'elder', visitedOn: '2023-06-15' } })
      .when(visit())
      .thenThrows(conflictMatching(/already recorded/));
  });
});
