import { DeciderSpecification } from '@ishc/testing';
import { RuleViolation, RuleViolations } from '@ishc/domain-kit';
import { MemberEvent, RegisterMember, ageOn, decideEraseMember, decideRegisterMember, evolveMember, initialMemberState } from './member';

const register = DeciderSpecification.for({ decide: decideRegisterMember, evolve: evolveMember, initialState: initialMemberState });
const erase = DeciderSpecification.for({ decide: decideEraseMember, evolve: evolveMember, initialState: initialMemberState });

const memberId = '5b0f2d3e-1c2a-4b7e-9f00-2a9d6c1e0b11';
const commune = { code: '29461', level: 'commune' as const, parentCode: '849', validFrom: '1992-05-01', validTo: null };
const personal = { alg: 'A256GCM' as const, iv: 'aXY=', tag: 'dGFn', ciphertext: 'Y2lwaGVy' };
const command = (overrides: Partial<RegisterMember> = {}): RegisterMember => ({
  memberId,
  sex: 'F',
  birthDate: '1950-03-15',
  birthYear: null,
  ethnicMinority: true,
  disadvantaged: ['poor', 'living_alone', 'poor'],
  communeCode: '29461',
  commune,
  personal,
  today: '2026-11-30',
  ...overrides,
});
const registered: MemberEvent = {
  type: 'MemberRegistered',
  data: { memberId, sex: 'F', birthYear: 1950, ethnicMinority: true, disadvantaged: ['poor', 'living_alone'], communeCode: '29461', registeredOn: '2026-11-30', personal },
};
const fields = (...names: string[]) => (e: unknown) =>
  e instanceof RuleViolations && e.violations.length === names.length && names.every((n) => e.violations.some((v) => v.field === n));

describe('registering a member', () => {
  it('given nothing, when a person is registered, then the event carries the ciphertext and only the statistics fields in clear', () => {
    register.given([]).when(command()).then(registered);
  });

  it('keeps a birth year when only the year is known', () => {
    register
      .given([])
      .when(command({ birthDate: null, birthYear: 1948 }))
      .then({ ...registered, data: { ...registered.data, birthYear: 1948 } } as MemberEvent);
  });

  it('rejects both a birth date and a birth year, and neither', () => {
    register.given([]).when(command({ birthYear: 1950 })).thenThrows(fields('birthDate'));
    register.given([]).when(command({ birthDate: null })).thenThrows(fields('birthDate'));
  });

  it('rejects a birth date or year in the future', () => {
    register.given([]).when(command({ birthDate: '2026-12-01' })).thenThrows(fields('birthDate'));
    register.given([]).when(command({ birthDate: null, birthYear: 2027 })).thenThrows(fields('birthYear'));
  });

  it('accepts ages 0 to 120 and rejects older', () => {
    register.given([]).when(command({ birthDate: '2026-11-30' })).then({ ...registered, data: { ...registered.data, birthYear: 2026 } } as MemberEvent);
    register.given([]).when(command({ birthDate: '1905-12-01' })).then({ ...registered, data: { ...registered.data, birthYear: 1905 } } as MemberEvent);
    register.given([]).when(command({ birthDate: '1905-11-30' })).thenThrows(fields('birthDate'));
    register.given([]).when(command({ birthDate: null, birthYear: 1905 })).thenThrows(fields('birthYear'));
  });

  it('rejects an unknown commune, a unit that is not a commune and a commune not valid today, listing every field', () => {
    register.given([]).when(command({ commune: null, communeCode: 'nope', birthDate: '2030-01-01' })).thenThrows(fields('communeCode', 'birthDate'));
    register.given([]).when(command({ commune: { ...commune, level: 'district' } })).thenThrows(fields('communeCode'));
    register.given([]).when(command({ commune: { ...commune, validTo: '2025-06-30' } })).thenThrows(fields('communeCode'));
  });

  it('refuses to register the same member id twice', () => {
    register.given([registered]).when(command()).thenThrows(RuleViolation, (e) => e.kind === 'conflict');
  });
});

describe('erasing a member', () => {
  it('given a registered member, when erased, then MemberErased', () => {
    erase.given([registered]).when({ memberId, today: '2026-12-01' }).then({ type: 'MemberErased', data: { memberId, erasedOn: '2026-12-01' } });
  });

  it('erasing again changes nothing', () => {
    erase
      .given([registered, { type: 'MemberErased', data: { memberId, erasedOn: '2026-12-01' } }])
      .when({ memberId, today: '2026-12-02' })
      .thenNothingHappened();
  });

  it('an unknown member is not found', () => {
    erase.given([]).when({ memberId, today: '2026-12-01' }).thenThrows(RuleViolation, (e) => e.kind === 'not_found');
  });
});

describe('age on a date', () => {
  it('counts whole years from the birth date, or year differences with a birth year only', () => {
    expect(ageOn({ birthDate: '1950-03-15', birthYear: null }, '2026-03-14')).toBe(75);
    expect(ageOn({ birthDate: '1950-03-15', birthYear: null }, '2026-03-15')).toBe(76);
    expect(ageOn({ birthDate: null, birthYear: 1950 }, '2026-01-01')).toBe(76);
  });
});
