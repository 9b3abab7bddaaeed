import { IsoDate, ORG_UNIT_LEVELS, OrgUnitDefinedV1, OrgUnitLevel, SUCCESSION_KINDS, SuccessionKind } from '@ishc/contracts';
import { ApplyOrgUnitChangeSet, dayBefore } from '../org-units/domain/org-unit-change-set';

/** One row of units.csv. */
export interface ReferenceUnit extends OrgUnitDefinedV1 {
  note: string;
}

/** One row of a successions-<date>.csv. */
export interface ReferenceSuccession {
  from: string;
  to: string;
  kind: SuccessionKind;
  effectiveOn: IsoDate;
}

/** RFC 4180-ish: a header line, comma-separated fields, double quotes around fields holding commas. */
export function parseCsv(text: string): Record<string, string>[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.trim() !== '' && !line.startsWith('#'));
  const [header, ...rows] = lines.map(splitCsvLine);
  if (!header) return [];
  return rows.map((fields) => Object.fromEntries(header.map((name, i) => [name.trim(), (fields[i] ?? '').trim()])));
}

function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else {
      field += c;
    }
  }
  fields.push(field);
  return fields;
}

const flag = (value: string | undefined): boolean | undefined => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : undefined);

export function parseUnits(text: string): ReferenceUnit[] {
  return parseCsv(text).map((row, i) => {
    if (!(ORG_UNIT_LEVELS as readonly string[]).includes(row.level)) throw new Error(`units.csv row ${i + 2}: unknown level "${row.level}"`);
    const ethnicMinorityArea = flag(row.ethnic_minority_area);
    const especiallyDifficult = flag(row.especially_difficult);
    return {
      code: row.code,
      name: row.name,
      level: row.level as OrgUnitLevel,
      parentCode: row.parent_code || null,
      validFrom: row.valid_from,
      validTo: row.valid_to || null,
      attributes: { ...(ethnicMinorityArea === undefined ? {} : { ethnicMinorityArea }), ...(especiallyDifficult === undefined ? {} : { especiallyDifficult }) },
      note: row.note ?? '',
    };
  });
}

export function parseSuccessions(text: string): ReferenceSuccession[] {
  return parseCsv(text).map((row, i) => {
    if (!(SUCCESSION_KINDS as readonly string[]).includes(row.kind)) throw new Error(`successions row ${i + 2}: unknown kind "${row.kind}"`);
    return { from: row.from_code, to: row.to_code, kind: row.kind as SuccessionKind, effectiveOn: row.effective_on };
  });
}

export const definitionOf = ({ note: _note, ...definition }: ReferenceUnit): OrgUnitDefinedV1 => definition;

export interface ReferenceImportPlan {
  /** The units as they were before the reform (what the reform retires is still open; what it creates absent). */
  before: OrgUnitDefinedV1[];
  /** The reform itself, with a fixed id so that it is applied once. */
  changeSet: ApplyOrgUnitChangeSet;
  /** The units as the files give them (after the reform): re-defining them changes nothing. */
  after: OrgUnitDefinedV1[];
}

/**
 * How the files become commands: the units valid before `effectiveOn` are defined first (open-ended
 * when the reform ends them), then one change set retires the units whose last day is the day before,
 * creates those that start on `effectiveOn` and links them as the succession file says.
 */
export function planReferenceImport(units: ReferenceUnit[], successions: ReferenceSuccession[], effectiveOn: IsoDate): ReferenceImportPlan {
  const lastDay = dayBefore(effectiveOn);
  const foreign = successions.find((s) => s.effectiveOn !== effectiveOn);
  if (foreign) throw new Error(`succession ${foreign.from} → ${foreign.to} is effective on ${foreign.effectiveOn}, not ${effectiveOn}`);
  const created = units.filter((u) => u.validFrom === effectiveOn);
  const retired = units.filter((u) => u.validTo === lastDay);
  const before = units
    .filter((u) => u.validFrom < effectiveOn)
    .map((u) => definitionOf(u.validTo === lastDay ? { ...u, validTo: null } : u));
  return {
    before,
    changeSet: {
      id: `reference-${effectiveOn}`,
      effectiveOn,
      retire: retired.map((u) => u.code),
      create: created.map((u) => ({ code: u.code, name: u.name, level: u.level, parentCode: u.parentCode, validTo: u.validTo, attributes: u.attributes })),
      reparent: [],
      successions: successions.map(({ from, to, kind }) => ({ from, to, kind })),
    },
    after: units.map(definitionOf),
  };
}
