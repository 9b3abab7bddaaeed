import { IsoDate, OrgUnitDefinedV1, levelRank } from '@ishc/contracts';
import { RuleViolation } from '../../shared/rule-violation';

/** What the registry knows of one org unit: its latest definition, if any. */
export interface OrgUnitState {
  definition: OrgUnitDefinedV1 | null;
}

export const initialOrgUnitState = (): OrgUnitState => ({ definition: null });

export type OrgUnitEvent = { type: 'OrgUnitDefined'; data: OrgUnitDefinedV1 };

export function evolveOrgUnit(_state: OrgUnitState, event: OrgUnitEvent): OrgUnitState {
  switch (event.type) {
    case 'OrgUnitDefined':
      return { definition: event.data };
  }
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
