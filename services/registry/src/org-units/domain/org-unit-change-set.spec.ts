import { DeciderSpecification } from '@ishc/testing';
import { OrgUnitDefinedV1, OrgUnitLevel } from '@ishc/contracts';
import { RuleViolation, RuleViolations } from '@ishc/domain-kit';
import { OrgUnitEvent } from './org-unit';
import { ApplyOrgUnitChangeSet, decideOrgUnitChangeSet, evolveHierarchy, initialHierarchyState } from './org-unit-change-set';

const spec = DeciderSpecification.for({ decide: decideOrgUnitChangeSet, evolve: evolveHierarchy, initialState: initialHierarchyState });

const defined = (code: string, level: OrgUnitLevel, parentCode: string | null, validFrom = '1992-05-01', validTo: string | null = null): OrgUnitEvent => ({
  type: 'OrgUnitDefined',
  data: { code, name: code, level, parentCode, validFrom, validTo, attributes: {} } satisfies OrgUnitDefinedV1,
});

// Given a country, two provinces, a district of two communes.
const hierarchy: OrgUnitEvent[] = [
  defined('VN', 'country', null, '1976-07-02'),
  defined('84', 'province', 'VN'),
  defined('86', 'province', 'VN'),
  defined('849', 'district', '84'),
  defined('C1', 'commune', '849'),
  defined('C2', 'commune', '849'),
];

const reform = (change: Partial<ApplyOrgUnitChangeSet>): ApplyOrgUnitChangeSet => ({
  id: 'cs-1',
  effectiveOn: '2025-07-01',
  retire: [],
  create: [],
  reparent: [],
  successions: [],
  ...change,
});
const newCommune = { code: 'N1', name: 'Xã mới', level: 'commune' as const, parentCode: '86', validTo: null, attributes: {} };
const mergeBoth = reform({
  retire: ['849', 'C1', 'C2'],
  create: [newCommune],
  successions: [
    { from: 'C1', to: 'N1', kind: 'whole' },
    { from: 'C2', to: 'N1', kind: 'whole' },
  ],
});

/** The thrown violations as `kind field` strings. */
const failures = (expected: string[]) => (e: unknown) => {
  const list = e instanceof RuleViolations ? e.violations : e instanceof RuleViolation ? [e] : [];
  expect(list.map((v) => `${v.kind} ${v.field}`).sort()).toEqual([...expected].sort());
  return true;
};

describe('applying an org-unit change set (a reform)', () => {
  it('given a district of two communes, when both merge into a new commune of another province, then the units are created, retired the day before and linked', () => {
    spec.given(hierarchy).when(mergeBoth).then([
      { type: 'OrgUnitDefined', data: { ...newCommune, validFrom: '2025-07-01' } },
      { type: 'OrgUnitRetired', data: { code: '849', validTo: '2025-06-30', changeSetId: 'cs-1' } },
      { type: 'OrgUnitRetired', data: { code: 'C1', validTo: '2025-06-30', changeSetId: 'cs-1' } },
      { type: 'OrgUnitRetired', data: { code: 'C2', validTo: '2025-06-30', changeSetId: 'cs-1' } },
      { type: 'OrgUnitSucceeded', data: { from: 'C1', to: 'N1', kind: 'whole', effectiveOn: '2025-07-01', changeSetId: 'cs-1' } },
      { type: 'OrgUnitSucceeded', data: { from: 'C2', to: 'N1', kind: 'whole', effectiveOn: '2025-07-01', changeSetId: 'cs-1' } },
    ]);
  });

  it('given the change set already applied, when it is applied again, then nothing happens', () => {
    const applied: OrgUnitEvent = { type: 'OrgUnitRetired', data: { code: 'C1', validTo: '2025-06-30', changeSetId: 'cs-1' } };
    spec.given([...hierarchy, applied]).when(mergeBoth).thenNothingHappened();
  });

  it('given a district, when its communes move to a province, then each gets a dated parent and the district may end', () => {
    spec
      .given(hierarchy)
      .when(reform({ retire: ['849'], reparent: [{ code: 'C1', parentCode: '86' }, { code: 'C2', parentCode: '86' }] }))
      .then([
        { type: 'OrgUnitReparented', data: { code: 'C1', parentCode: '86', effectiveOn: '2025-07-01', changeSetId: 'cs-1' } },
        { type: 'OrgUnitReparented', data: { code: 'C2', parentCode: '86', effectiveOn: '2025-07-01', changeSetId: 'cs-1' } },
        { type: 'OrgUnitRetired', data: { code: '849', validTo: '2025-06-30', changeSetId: 'cs-1' } },
      ]);
  });

  it('rejects a retirement that leaves a child behind, naming the retire entry', () => {
    spec.given(hierarchy).when(reform({ retire: ['849', 'C1'] })).thenThrows(failures(['invalid retire.0']));
  });

  it('names every broken rule by its field path', () => {
    spec
      .given(hierarchy)
      .when(
        reform({
          retire: ['C1', 'NOPE'],
          create: [{ ...newCommune, parentCode: 'C2' }],
          reparent: [{ code: 'C2', parentCode: 'GHOST' }],
          successions: [
            { from: 'C1', to: 'N1', kind: 'whole' },
            { from: 'C1', to: 'C2', kind: 'partial' },
            { from: 'C2', to: 'MISSING', kind: 'partial' },
            { from: 'C2', to: 'C1', kind: 'whole' },
          ],
        }),
      )
      .thenThrows(
        failures([
          'invalid retire.1',
          'invalid create.0.parentCode',
          'invalid reparent.0.parentCode',
          'invalid successions.1.kind',
          'invalid successions.2.to',
          'invalid successions.3.from',
          'invalid successions.3.kind',
          'invalid successions.3.to',
        ]),
      );
  });

  it('answers a unit that has already ended with a conflict', () => {
    const ended = defined('C9', 'commune', '849', '1992-05-01', '2020-12-31');
    spec.given([...hierarchy, ended]).when(reform({ retire: ['C9'] })).thenThrows(failures(['conflict retire.0']));
  });

  it('rejects an empty change set and a created code that exists', () => {
    spec.given(hierarchy).when(reform({})).thenThrows(failures(['invalid body']));
    spec.given(hierarchy).when(reform({ create: [{ ...newCommune, code: 'C1' }] })).thenThrows(failures(['invalid create.0.code']));
  });
});
