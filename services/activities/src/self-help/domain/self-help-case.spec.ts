import { DeciderSpecification } from '@ishc/testing';
import { conflictMatching, contextOf, fails, memberOf } from '../../clubs/domain/club-context.fixtures';
import { OpenSelfHelpCase, decideOpenSelfHelpCase, evolveSelfHelpCase, initialSelfHelpCaseState } from './self-help-case';

const spec = DeciderSpecification.for({ decide: decideOpenSelfHelpCase, evolve: evolveSelfHelpCase, initialState: initialSelfHelpCaseState });
const context = contextOf({ m1: memberOf('2022-01-01'), away: memberOf('2021-06-01', { clubId: 'c2' }) });
const open = (overrides: Partial<OpenSelfHelpCase> = {}): OpenSelfHelpCase => ({
  caseId: 'k1',
  clubId: 'c1',
  beneficiaryId: 'm1',
  openedOn: '2024-09-01',
  kind: 'house repair after the storm',
  valueVnd: 2_000_000,
  today: '2025-06-30',
  context,
  ...overrides,
});

describe('opening a self-help case', () => {
  it('given a member helped on the day, then SelfHelpCaseOpened with the kind and value', () => {
    spec
      .given([])
      .when(open())
      .then({ type: 'SelfHelpCaseOpened', data: { caseId: 'k1', clubId: 'c1', beneficiaryId: 'm1', openedOn: '2024-09-01', kind: 'house repair after the storm', valueVnd: 2_000_000 } });
  });

  it('given no person named (help to the community), then opened without one', () => {
    spec.given([]).when(open({ beneficiaryId: null, valueVnd: null, openedOn: '2021-06-01' })).then([expect.objectContaining({ data: expect.objectContaining({ beneficiaryId: null, valueVnd: null }) })]);
  });

  it('given the person helped is not a member on the day, or a date outside the lifetime or in the future, then each is named', () => {
    spec.given([]).when(open({ openedOn: '2021-12-31' })).thenThrows(fails('invalid:beneficiaryId'));
    spec.given([]).when(open({ beneficiaryId: 'away' })).thenThrows(fails('invalid:beneficiaryId'));
    spec.given([]).when(open({ beneficiaryId: null, openedOn: '2025-07-01' })).thenThrows(fails('invalid:openedOn'));
    spec.given([]).when(open({ beneficiaryId: null, openedOn: '2026-01-01', today: '2026-03-01' })).thenThrows(fails('invalid:openedOn'));
    spec.given([]).when(open({ openedOn: '2021-05-31' })).thenThrows(fails('invalid:openedOn', 'invalid:beneficiaryId'));
  });

  it('given a club or a person the replica has not seen, then a conflict the client may retry', () => {
    spec.given([]).when(open({ context: { ...context, club: null }, beneficiaryId: null })).thenThrows(conflictMatching(/club c1 is not known.*retry/));
    spec.given([]).when(open({ beneficiaryId: 'nobody' })).thenThrows(conflictMatching(/member nobody \(beneficiaryId\) is not known.*retry/));
  });

  it('given it is opened, then opening it again is a conflict', () => {
    spec.given({ type: 'SelfHelpCaseOpened', data: { caseId: 'k1', clubId: 'c1', beneficiaryId: null, openedOn: '2024-09-01', kind: 'rice', valueVnd: null } }).when(open()).thenThrows(conflictMatching(/already opened/));
  });
});
