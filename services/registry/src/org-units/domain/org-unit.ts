import { IsoDate, OrgUnitDefinedV1, OrgUnitReparentedV1, OrgUnitRetiredV1, OrgUnitSucceededV1, levelRank } from '@ishc/contracts';
import { RuleViolation } from '@ishc/domain-kit';

/**
 * What the registry knows of one org unit: its latest definition (validTo moved by a retirement), if
 * any, and the change sets (reforms) already recorded in its stream.
 */
export interface OrgUnitState {
  definition: OrgUnitDefinedV1 | null;
  changeSets: string[];
}

export const initialOrgUnitState = (): OrgUnitState => ({ definition: null, changeSets: [] });

export type OrgUnitEvent =
  | { type: 'OrgUnitDefined'; data: OrgUnitDefinedV1 }
  | { type: 'OrgUnitRetired'; data: OrgUnitRetiredV1 }
  | { type: 'OrgUnitReparented'; data: OrgUnitReparentedV1 }
  | { type: 'OrgUnitSucceeded'; data: OrgUnitSucceededV1 };

const withChangeSet = (state: OrgUnitState, id: string): string[] => (state.changeSets.includes(id) ? state.changeSets : [...state.changeSets, id]);

export function evolveOrgUnit(state: OrgUnitState, event: OrgUnitEvent): OrgUnitState {
  switch (event.type) {
    case 'OrgUnitDefined':
      return { ...state, definition: event.data };
    case 'OrgUnitRetired':
      return {
        definition: state.definition ? { ...state.definition, validTo: event.data.validTo } : null,
        changeSets: withChangeSet(state, event.data.changeSetId),
      };
    case 'OrgUnitReparented':
    case 'OrgUnitSucceeded':
      return { ...state, changeSets: withChangeSet(state, event.data.changeSetId) };
  }
}

/** One unit's share of a change set, decided on the whole hierarchy (see org-unit-change-set.ts). */
export interface RecordChangeSet {
  changeSetId: string;
  events: OrgUnitEvent[];
}

/** Records a unit's share of a change set once: a change set already in the stream changes nothing. */
export function decideRecordChangeSet(command: RecordChangeSet, state: OrgUnitState): OrgUnitEvent[] {
  if (state.changeSets.includes(command.changeSetId)) return [];
  const creates = command.events.some((e) => e.type === 'OrgUnitDefined');
  if (creates && state.definition !== null) {
    throw new RuleViolation('conflict', null, `org unit ${state.definition.code} already exists`);
  }
  return command.events;
}

/** The parent as the handler found it (another aggregate), or null when the code is unknown. */
export type ParentFacts = Pick<OrgUnitDefinedV1, 'code' | 'level' | 'validFrom' | 'validTo'> | null;

export interface DefineOrgUnit {
  definition: OrgUnitDefinedV1;
  parent: ParentFacts;
}

const isValidOn = (unit: { validFrom: IsoDate; validTo: IsoDate | null }, day: IsoDate): boolean =>
  unit.validFrom <= day && (unit.validTo === null || day <= unit.validTo);

/**
 * PUT semantics: the first definition creates the unit, a different one replaces it, an identical one
 * changes nothing (so re-importing reference data is a no-op).
 */
export function decideDefineOrgUnit(command: DefineOrgUnit, state: OrgUnitState): OrgUnitEvent[] {
  const { definition, parent } = command;
  if (definition.validTo !== null && definition.validTo < definition.validFrom) {
    throw new RuleViolation('invalid', 'validTo', 'must not be before validFrom');
  }
  if (definition.level === 'country') {
    if (definition.parentCode !== null) throw new RuleViolation('invalid', 'parentCode', 'a country has no parent');
  } else {
    if (definition.parentCode === null) throw new RuleViolation('invalid', 'parentCode', `a ${definition.level} needs a parent`);
    if (definition.parentCode === definition.code) throw new RuleViolation('invalid', 'parentCode', 'a unit cannot be its own parent');
    if (parent === null) throw new RuleViolation('invalid', 'parentCode', `unknown org unit ${definition.parentCode}`);
    if (levelRank(parent.level) >= levelRank(definition.level)) {
      throw new RuleViolation('invalid', 'parentCode', `a ${parent.level} cannot be the parent of a ${definition.level}`);
    }
    if (!isValidOn(parent, definition.validFrom)) {
      throw new RuleViolation('invalid', 'parentCode', `${parent.code} is not valid on ${definition.validFrom}`);
    }
  }
  if (state.definition && sameDefinition(state.definition, definition)) return [];
  return [{ type: 'OrgUnitDefined', data: definition }];
}

function sameDefinition(a: OrgUnitDefinedV1, b: OrgUnitDefinedV1): boolean {
  return (
    a.name === b.name &&
    a.level === b.level &&
    a.parentCode === b.parentCode &&
    a.validFrom === b.validFrom &&
    a.validTo === b.validTo &&
    Boolean(a.attributes.ethnicMinorityArea) === Boolean(b.attributes.ethnicMinorityArea) &&
    Boolean(a.attributes.especiallyDifficult) === Boolean(b.attributes.especiallyDifficult)
  );
}

export { isValidOn };
