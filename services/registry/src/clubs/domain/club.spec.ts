import { DeciderSpecification } from '@ishc/testing';
import { RuleViolations } from '@ishc/domain-kit';
import { EstablishClub, decideEstablishClub, evolveClub, initialClubState } from './club';

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
