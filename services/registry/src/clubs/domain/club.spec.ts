import { DeciderSpecification } from '@ishc/testing';
import { RuleViolation, RuleViolations } from '@ishc/domain-kit';
import { ClubEvent, DissolveClub, EstablishClub, ReassignClub, decideDissolveClub, decideEstablishClub, decideReassignClub, evolveClub, initialClubState } from './club';

const spec = DeciderSpecification.for({ decide: decideEstablishClub, evolve: evolveClub, initialState: initialClubState });

const commune = { code: '29461', level: 'commune' as const, parentCode: '849', validFrom: '1992-05-01', validTo: '2025-06-30' };
const establish = (overrides: Partial<EstablishClub> = {}): EstablishClub => ({
  clubId: '7d3c4a9e-8f7b-4c1e-9a55-0f0f8f1d2a10',
  name: 'CLB ấp Chợ',
  commune,
  communeCode: '29461',
  hamlet: null,
  hamletCode: null,
  establishedOn: '2021-06-01',
  today: '2026-11-30',
  ...overrides,
});
const dissolveSpec = DeciderSpecification.for({ decide: decideDissolveClub, evolve: evolveClub, initialState: initialClubState });
const reassignSpec = DeciderSpecification.for({ decide: decideReassignClub, evolve: evolveClub, initialState: initialClubState });
const clubId = '7d3c4a9e-8f7b-4c1e-9a55-0f0f8f1d2a10';
const established: ClubEvent = {
  type: 'ClubEstablished',
  data: { clubId, name: 'CLB ấp Chợ', communeCode: '29461', hamletCode: null, establishedOn: '2021-06-01' },
};
const dissolve = (overrides: Partial<DissolveClub> = {}): DissolveClub => ({
  clubId,
  dissolvedOn: '2025-03-01',
  reason: 'merged with CLB ấp Mới',
  memberships: [],
  today: '2026-11-30',
  ...overrides,
});
const partialCommune = { code: 'N1', level: 'commune' as const, parentCode: '86', validFrom: '2025-07-01', validTo: null };
const reassign = (overrides: Partial<ReassignClub> = {}): ReassignClub => ({
  clubId,
  communeCode: 'N1',
  commune: partialCommune,
  hamletCode: null,
  hamlet: null,
  effectiveOn: '2025-07-01',
  partialSuccessions: [{ from: '29461', to: 'N1', effectiveOn: '2025-07-01' }],
  today: '2026-11-30',
  ...overrides,
});
const invalidOn = (field: string) => (e: unknown) => e instanceof RuleViolation && e.kind === 'invalid' && e.field === field;
const conflict = (e: unknown) => e instanceof RuleViolation && e.kind === 'conflict';
const notFound = (e: unknown) => e instanceof RuleViolation && e.kind === 'not_found';
const fields = (...names: string[]) => (e: unknown) =>
  e instanceof RuleViolations && names.every((n) => e.violations.some((v) => v.field === n)) && e.violations.length === names.length;

describe('establishing a club', () => {
  it('given nothing, when a club is established in a commune valid that day, then it is established', () => {
    spec
      .given([])
      .when(establish())
      .then([
        {
          type: 'ClubEstablished',
          data: { clubId: establish().clubId, name: 'CLB ấp Chợ', communeCode: '29461', hamletCode: null, establishedOn: '2021-06-01' },
        },
      ]);
  });

  it('rejects a commune that is not valid on the establishment date', () => {
    spec.given([]).when(establish({ establishedOn: '2025-07-01' })).thenThrows(fields('communeCode'));
  });

  it('rejects an establishment date in the future and an unknown commune, listing both', () => {
    spec.given([]).when(establish({ establishedOn: '2027-01-01', commune: null, communeCode: 'nope' })).thenThrows(fields('establishedOn', 'communeCode'));
  });

  it('rejects a unit that is not a commune', () => {
    spec.given([]).when(establish({ commune: { ...commune, level: 'district' } })).thenThrows(fields('communeCode'));
  });

  it('rejects a hamlet of another commune', () => {
    const hamlet = { code: 'H1', level: 'hamlet' as const, parentCode: '29462', validFrom: '2000-01-01', validTo: null };
    spec.given([]).when(establish({ hamlet, hamletCode: 'H1' })).thenThrows(fields('hamletCode'));
  });
});

describe('dissolving a club', () => {
  const member = (overrides: Partial<DissolveClub['memberships'][number]> = {}) => ({
    memberId: 'm-1',
    joinedOn: '2022-01-01',
    leftOn: null,
    rolesSince: '2022-01-01',
    ...overrides,
  });

  it('given an established club, when it is dissolved with active members, then it is dissolved (their memberships end that day)', () => {
    dissolveSpec
      .given([established])
      .when(dissolve({ memberships: [member(), member({ memberId: 'm-2', leftOn: '2024-01-01' })] }))
      .then([{ type: 'ClubDissolved', data: { clubId, dissolvedOn: '2025-03-01', reason: 'merged with CLB ấp Mới' } }]);
  });

  it('given an established club, when it is dissolved on its establishment day, then it is dissolved', () => {
    dissolveSpec
      .given([established])
      .when(dissolve({ dissolvedOn: '2021-06-01', reason: null }))
      .then([{ type: 'ClubDissolved', data: { clubId, dissolvedOn: '2021-06-01', reason: null } }]);
  });

  it('given an established club, when the dissolution is before its establishment, then it is rejected on dissolvedOn', () => {
    dissolveSpec.given([established]).when(dissolve({ dissolvedOn: '2021-05-31' })).thenThrows(invalidOn('dissolvedOn'));
  });

  it('given an established club, when the dissolution is in the future, then it is rejected on dissolvedOn', () => {
    dissolveSpec.given([established]).when(dissolve({ dissolvedOn: '2026-12-01' })).thenThrows(invalidOn('dissolvedOn'));
  });

  it('given a dissolved club, when it is dissolved again, then it is a conflict', () => {
    dissolveSpec
      .given([established, { type: 'ClubDissolved', data: { clubId, dissolvedOn: '2024-01-01', reason: null } }])
      .when(dissolve())
      .thenThrows(conflict);
  });

  it('given no club, when it is dissolved, then it is not found', () => {
    dissolveSpec.given([]).when(dissolve()).thenThrows(notFound);
  });

  it('given a membership that began, changed roles or ended on or after the day, when the club is dissolved, then it is a conflict', () => {
    dissolveSpec.given([established]).when(dissolve({ memberships: [member({ joinedOn: '2025-03-01', rolesSince: '2025-03-01' })] })).thenThrows(conflict);
    dissolveSpec.given([established]).when(dissolve({ memberships: [member({ rolesSince: '2025-04-01' })] })).thenThrows(conflict);
    dissolveSpec.given([established]).when(dissolve({ memberships: [member({ leftOn: '2025-03-02' })] })).thenThrows(conflict);
  });

  it('given a reassigned club, when the dissolution is before the reassignment, then it is rejected on dissolvedOn', () => {
    const reassigned: ClubEvent = {
      type: 'ClubReassigned',
      data: { clubId, fromCommuneCode: '29461', communeCode: 'N1', hamletCode: null, effectiveOn: '2025-07-01' },
    };
    dissolveSpec.given([established, reassigned]).when(dissolve({ dissolvedOn: '2025-06-30' })).thenThrows(invalidOn('dissolvedOn'));
  });
});

describe('reassigning a club after a partial succession', () => {
  it('given a club whose commune was succeeded partially, when it is reassigned to that successor, then it is reassigned', () => {
    reassignSpec
      .given([established])
      .when(reassign())
      .then([{ type: 'ClubReassigned', data: { clubId, fromCommuneCode: '29461', communeCode: 'N1', hamletCode: null, effectiveOn: '2025-07-01' } }]);
  });

  it('given a partial succession, when the reassignment is dated later than the succession, then it is reassigned from that day', () => {
    reassignSpec
      .given([established])
      .when(reassign({ effectiveOn: '2025-09-01' }))
      .then([{ type: 'ClubReassigned', data: { clubId, fromCommuneCode: '29461', communeCode: 'N1', hamletCode: null, effectiveOn: '2025-09-01' } }]);
  });

  it('given no partial succession to the commune, when the club is reassigned there, then it is a conflict', () => {
    reassignSpec.given([established]).when(reassign({ partialSuccessions: [] })).thenThrows(conflict);
    reassignSpec
      .given([established])
      .when(reassign({ partialSuccessions: [{ from: '29461', to: 'N2', effectiveOn: '2025-07-01' }] }))
      .thenThrows(conflict);
  });

  it('given a partial succession, when the reassignment is dated before it, then it is a conflict', () => {
    reassignSpec
      .given([established])
      .when(reassign({ effectiveOn: '2025-06-30', commune: { ...partialCommune, validFrom: '2025-01-01' } }))
      .thenThrows(conflict);
  });

  it('rejects a commune not valid on the day, an unknown one, a unit that is not a commune, and a hamlet of another commune', () => {
    reassignSpec.given([established]).when(reassign({ commune: { ...partialCommune, validTo: '2025-06-30' } })).thenThrows(fields('communeCode'));
    reassignSpec.given([established]).when(reassign({ commune: null })).thenThrows(fields('communeCode'));
    reassignSpec.given([established]).when(reassign({ commune: { ...partialCommune, level: 'district' } })).thenThrows(fields('communeCode'));
    const hamlet = { code: 'H9', level: 'hamlet' as const, parentCode: 'N2', validFrom: '2025-07-01', validTo: null };
    reassignSpec.given([established]).when(reassign({ hamletCode: 'H9', hamlet })).thenThrows(fields('hamletCode'));
  });

  it('rejects a day in the future, or not after the current assignment', () => {
    reassignSpec.given([established]).when(reassign({ effectiveOn: '2026-12-01' })).thenThrows(fields('effectiveOn'));
    reassignSpec
      .given([established])
      .when(reassign({ effectiveOn: '2021-06-01', commune: { ...partialCommune, validFrom: '2000-01-01' } }))
      .thenThrows(fields('effectiveOn'));
  });

  it('given a dissolved club, when it is reassigned, then it is a conflict; given no club, not found', () => {
    reassignSpec
      .given([established, { type: 'ClubDissolved', data: { clubId, dissolvedOn: '2025-01-01', reason: null } }])
      .when(reassign())
      .thenThrows(conflict);
    reassignSpec.given([]).when(reassign()).thenThrows(notFound);
  });
});
