import { IsoDate, OrgUnitAttributes, OrgUnitDefinedV1, OrgUnitLevel, SuccessionKind, levelRank } from '@ishc/contracts';
import { RuleViolation, RuleViolations } from '@ishc/domain-kit';
import { OrgUnitEvent } from './org-unit';

/** One unit as a change set sees it: validity and dated parents (each from its `validFrom` on). */
export interface UnitFacts {
  code: string;
  level: OrgUnitLevel;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  /** Sorted by validFrom; a parent holds until the next one starts (or the unit ends). */
  parents: { parentCode: string; validFrom: IsoDate }[];
}

/**
 * The part of the hierarchy a change set touches: the units it names and the children of the units it
 * retires (the handler loads them; the spec folds them from events), and the change sets applied.
 */
export interface HierarchyState {
  units: Record<string, UnitFacts>;
  changeSets: string[];
}

export const initialHierarchyState = (): HierarchyState => ({ units: {}, changeSets: [] });

export function evolveHierarchy(state: HierarchyState, event: OrgUnitEvent): HierarchyState {
  const units = { ...state.units };
  switch (event.type) {
    case 'OrgUnitDefined': {
      const d = event.data;
      units[d.code] = {
        code: d.code,
        level: d.level,
        validFrom: d.validFrom,
        validTo: d.validTo,
        parents: d.parentCode ? [{ parentCode: d.parentCode, validFrom: d.validFrom }] : [],
      };
      return { ...state, units };
    }
    case 'OrgUnitRetired': {
      const unit = units[event.data.code];
      if (unit) units[unit.code] = { ...unit, validTo: event.data.validTo };
      return { units, changeSets: addOnce(state.changeSets, event.data.changeSetId) };
    }
    case 'OrgUnitReparented': {
      const unit = units[event.data.code];
      if (unit) {
        const parents = [...unit.parents.filter((p) => p.validFrom < event.data.effectiveOn), { parentCode: event.data.parentCode, validFrom: event.data.effectiveOn }];
        units[unit.code] = { ...unit, parents };
      }
      return { units, changeSets: addOnce(state.changeSets, event.data.changeSetId) };
    }
    case 'OrgUnitSucceeded':
      return { units, changeSets: addOnce(state.changeSets, event.data.changeSetId) };
  }
}

const addOnce = (ids: string[], id: string): string[] => (ids.includes(id) ? ids : [...ids, id]);

export interface CreateUnit {
  code: string;
  name: string;
  level: OrgUnitLevel;
  parentCode: string | null;
  validTo: IsoDate | null;
  attributes: OrgUnitAttributes;
}

/** `POST /org-unit-changes`: one reform, all or nothing (ISHC.md §3). */
export interface ApplyOrgUnitChangeSet {
  id: string;
  effectiveOn: IsoDate;
  retire: string[];
  create: CreateUnit[];
  reparent: { code: string; parentCode: string }[];
  successions: { from: string; to: string; kind: SuccessionKind }[];
}

export const isValidOn = (unit: { validFrom: IsoDate; validTo: IsoDate | null }, day: IsoDate): boolean =>
  unit.validFrom <= day && (unit.validTo === null || day <= unit.validTo);

/** The day before an ISO date. */
export function dayBefore(day: IsoDate): IsoDate {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The unit's parent on a day (null before its first parent link or for a country). */
export function parentOn(unit: UnitFacts, day: IsoDate): string | null {
  let parent: string | null = null;
  for (const link of unit.parents) if (link.validFrom <= day) parent = link.parentCode;
  return parent;
}

/**
 * Decides a whole change set against the hierarchy: every broken rule is collected (a 400 naming each
 * field path, e.g. `successions.3.to`; a unit already ended is a 409), and nothing is decided unless all
 * hold. An already applied change set decides nothing (re-importing reference data is a no-op).
 * Events come in the order a consumer can apply them: new units, new parents, retirements, successions.
 */
export function decideOrgUnitChangeSet(command: ApplyOrgUnitChangeSet, state: HierarchyState): OrgUnitEvent[] {
  if (state.changeSets.includes(command.id)) return [];
  const { effectiveOn } = command;
  const lastDay = dayBefore(effectiveOn);
  const problems: RuleViolation[] = [];
  const invalid = (field: string, message: string) => problems.push(new RuleViolation('invalid', field, message));
  const known = (code: string): UnitFacts | undefined => state.units[code];

  if (command.retire.length + command.create.length + command.reparent.length + command.successions.length === 0) {
    invalid('body', 'a change set changes something: retire, create, reparent or successions');
  }

  const retired = new Set<string>();
  command.retire.forEach((code, i) => {
    const field = `retire.${i}`;
    const unit = known(code);
    if (retired.has(code)) return invalid(field, `${code} is retired twice`);
    retired.add(code);
    if (!unit) return invalid(field, `unknown org unit ${code}`);
    if (unit.validTo !== null && unit.validTo < effectiveOn) {
      problems.push(new RuleViolation('conflict', field, `${code} has already ended (on ${unit.validTo})`));
      return;
    }
    if (unit.validFrom > lastDay) invalid(field, `${code} starts on ${unit.validFrom}, it cannot end on ${lastDay}`);
  });

  const created = new Map<string, CreateUnit>();
  command.create.forEach((unit, i) => {
    const field = `create.${i}`;
    if (known(unit.code) || created.has(unit.code)) invalid(`${field}.code`, `org unit ${unit.code} already exists`);
    created.set(unit.code, unit);
    if (unit.validTo !== null && unit.validTo < effectiveOn) invalid(`${field}.validTo`, 'must not be before effectiveOn');
  });

  /** Level of a unit that exists from effectiveOn on (known and not retired, or created here), else a message. */
  const levelFrom = (code: string): OrgUnitLevel | string => {
    const newUnit = created.get(code);
    if (newUnit) return newUnit.level;
    const unit = known(code);
    if (!unit) return `unknown org unit ${code}`;
    if (retired.has(code) || !isValidOn(unit, effectiveOn)) return `${code} is not valid on ${effectiveOn}`;
    return unit.level;
  };
  const isLevel = (v: OrgUnitLevel | string): v is OrgUnitLevel => levelRank(v as OrgUnitLevel) >= 0;
  const checkParent = (field: string, code: string, level: OrgUnitLevel, parentCode: string | null) => {
    if (level === 'country') {
      if (parentCode !== null) invalid(field, 'a country has no parent');
      return;
    }
    if (parentCode === null) return invalid(field, `a ${level} needs a parent`);
    if (parentCode === code) return invalid(field, 'a unit cannot be its own parent');
    const parentLevel = levelFrom(parentCode);
    if (!isLevel(parentLevel)) return invalid(field, parentLevel);
    if (levelRank(parentLevel) >= levelRank(level)) invalid(field, `a ${parentLevel} cannot be the parent of a ${level}`);
  };
  command.create.forEach((unit, i) => checkParent(`create.${i}.parentCode`, unit.code, unit.level, unit.parentCode));

  const reparented = new Set<string>();
  command.reparent.forEach(({ code, parentCode }, i) => {
    const field = `reparent.${i}`;
    if (reparented.has(code)) return invalid(`${field}.code`, `${code} is reparented twice`);
    reparented.add(code);
    const unit = known(code);
    if (created.has(code)) return invalid(`${field}.code`, `${code} is created by this change set: give its parent there`);
    if (!unit) return invalid(`${field}.code`, `unknown org unit ${code}`);
    if (unit.validTo !== null && unit.validTo < effectiveOn) {
      problems.push(new RuleViolation('conflict', `${field}.code`, `${code} has already ended (on ${unit.validTo})`));
      return;
    }
    if (retired.has(code)) return invalid(`${field}.code`, `${code} is retired by this change set`);
    if (unit.validFrom > effectiveOn) return invalid(`${field}.code`, `${code} is not valid on ${effectiveOn}`);
    if (parentOn(unit, effectiveOn) === parentCode) return invalid(`${field}.parentCode`, `${parentCode} is already the parent of ${code}`);
    checkParent(`${field}.parentCode`, code, unit.level, parentCode);
  });

  // A retired unit leaves no child behind: each child valid after it is retired or reparented too.
  const leftBehind = new Map<string, string[]>();
  for (const child of Object.values(state.units)) {
    if (retired.has(child.code) || reparented.has(child.code)) continue;
    if (!isValidOn(child, lastDay) || !isValidOn(child, effectiveOn)) continue;
    const parent = parentOn(child, lastDay);
    if (parent !== null && retired.has(parent)) leftBehind.set(parent, [...(leftBehind.get(parent) ?? []), child.code]);
  }
  for (const [parent, children] of leftBehind) {
    invalid(`retire.${command.retire.indexOf(parent)}`, `${children.sort().join(', ')} would stay valid under ${parent}: retire or reparent them too`);
  }

  const links = new Set<string>();
  const wholeFrom = new Set<string>();
  const anyFrom = new Map<string, number>();
  command.successions.forEach(({ from, to, kind }, i) => {
    const field = `successions.${i}`;
    const source = known(from);
    if (!source) invalid(`${field}.from`, `unknown org unit ${from}`);
    else if (kind === 'whole' && !retired.has(from)) invalid(`${field}.from`, `${from} is succeeded whole, so this change set must retire it`);
    else if (!retired.has(from) && !isValidOn(source, lastDay)) invalid(`${field}.from`, `${from} is not valid on ${lastDay}`);
    if (to === from) invalid(`${field}.to`, 'a unit cannot succeed itself');
    else {
      const target = levelFrom(to);
      if (!isLevel(target)) invalid(`${field}.to`, target);
    }
    if (links.has(`${from}>${to}`)) invalid(field, `${from} → ${to} is given twice`);
    links.add(`${from}>${to}`);
    if (wholeFrom.has(from) || (kind === 'whole' && anyFrom.has(from))) {
      invalid(`${field}.kind`, `${from} is succeeded whole by one unit only`);
    }
    if (kind === 'whole') wholeFrom.add(from);
    anyFrom.set(from, i);
  });

  if (problems.length > 0) throw new RuleViolations(problems);

  const changeSetId = command.id;
  return [
    ...command.create.map(
      (u): OrgUnitEvent => ({
        type: 'OrgUnitDefined',
        data: { code: u.code, name: u.name, level: u.level, parentCode: u.parentCode, validFrom: effectiveOn, validTo: u.validTo, attributes: u.attributes } satisfies OrgUnitDefinedV1,
      }),
    ),
    ...command.reparent.map((r): OrgUnitEvent => ({ type: 'OrgUnitReparented', data: { code: r.code, parentCode: r.parentCode, effectiveOn, changeSetId } })),
    ...command.retire.map((code): OrgUnitEvent => ({ type: 'OrgUnitRetired', data: { code, validTo: lastDay, changeSetId } })),
    ...command.successions.map((s): OrgUnitEvent => ({ type: 'OrgUnitSucceeded', data: { from: s.from, to: s.to, kind: s.kind, effectiveOn, changeSetId } })),
  ];
}

/** The stream an event of a change set belongs to: the unit it is about (a succession: the old unit). */
export function streamCodeOf(event: OrgUnitEvent): string {
  return event.type === 'OrgUnitSucceeded' ? event.data.from : event.data.code;
}
