import { DeciderSpecification } from '@ishc/testing';
import { OrgUnitDefinedV1 } from '@ishc/contracts';
import { RuleViolation } from '@ishc/domain-kit';
import { DefineOrgUnit, decideDefineOrgUnit, evolveOrgUnit, initialOrgUnitState } from './org-unit';

const spec = DeciderSpecification.for({ decide: decideDefineOrgUnit, evolve: evolveOrgUnit, initialState: initialOrgUnitState });

const province = { code: '84', level: 'province' as const, validFrom: '1992-05-01', validTo: '2025-06-30' };
const district: OrgUnitDefinedV1 = {
  code: '849',
  name: 'Huyện Trà Cú',
  level: 'district',
  parentCode: '84',
  validFrom: '1992-05-01',
  validTo: '2025-06-30',
  attributes: {},
};
const define = (definition: OrgUnitDefinedV1, parent: DefineOrgUnit['parent'] = province): DefineOrgUnit => ({ definition, parent });
const violation = (field: string) => (e: unknown) => e instanceof RuleViolation && e.field === field;

describe('defining an org unit', () => {
  it('given nothing, when a district is defined under a valid province, then it is defined', () => {
    spec.given([]).when(define(district)).then([{ type: 'OrgUnitDefined', data: district }]);
  });

  it('given the same definition, when it is defined again, then nothing happens (idempotent import)', () => {
    spec.given([{ type: 'OrgUnitDefined', data: district }]).when(define(district)).then([]);
  });

  it('given a definition, when its name changes, then the new definition is recorded', () => {
    const renamed = { ...district, name: 'Trà Cú' };
    spec.given([{ type: 'OrgUnitDefined', data: district }]).when(define(renamed)).then([{ type: 'OrgUnitDefined', data: renamed }]);
  });

  it('rejects validTo before validFrom', () => {
    spec.given([]).when(define({ ...district, validTo: '1990-01-01' })).thenThrows(violation('validTo'));
  });

  it('rejects an unknown parent', () => {
    spec.given([]).when(define(district, null)).thenThrows(violation('parentCode'));
  });

  it('rejects a parent of the same or a lower level', () => {
    spec.given([]).when(define(district, { ...province, level: 'district' })).thenThrows(violation('parentCode'));
  });

  it('rejects a parent that is not valid when the unit starts', () => {
    spec.given([]).when(define({ ...district, validFrom: '2025-07-01', validTo: null })).thenThrows(violation('parentCode'));
  });

  it('rejects a country with a parent and a commune without one', () => {
    const country: OrgUnitDefinedV1 = { code: 'VN', name: 'Việt Nam', level: 'country', parentCode: 'X', validFrom: '1976-07-02', validTo: null, attributes: {} };
    spec.given([]).when(define(country, null)).thenThrows(violation('parentCode'));
    spec.given([]).when(define({ ...district, level: 'commune', parentCode: null }, null)).thenThrows(violation('parentCode'));
  });
});
