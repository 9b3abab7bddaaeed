import { IsoDate, OrgUnitAttributes, OrgUnitLevel } from './org-units';

// Events the registry publishes. Schemas are versioned by `schemaVersion` on the envelope; a new
// shape gets a new version and an upcaster, never an in-place change.

export const ORG_UNIT_STREAM = 'org-unit';
export const CLUB_STREAM = 'club';

export const orgUnitStreamId = (code: string): string => `${ORG_UNIT_STREAM}-${code}`;
export const clubStreamId = (clubId: string): string => `${CLUB_STREAM}-${clubId}`;

/** The whole definition of an org unit as of this event (PUT semantics: the latest event wins). */
export interface OrgUnitDefinedV1 {
  code: string;
  name: string;
  level: OrgUnitLevel;
  parentCode: string | null;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  attributes: OrgUnitAttributes;
}

export interface ClubEstablishedV1 {
  clubId: string;
  name: string;
  communeCode: string;
  hamletCode: string | null;
  establishedOn: IsoDate;
}

export interface ClubDissolvedV1 {
  clubId: string;
  dissolvedOn: IsoDate;
}

/**
 * An org-unit change set (a reform, ISHC.md §3) is applied in one transaction but recorded as one event
 * per unit concerned, each in that unit's own stream (`org-unit-<code>`), all carrying the change set's
 * id. Per-unit events keep the per-key order the transports guarantee (Kafka key = stream id): a
 * consumer always sees a unit's retirement or new parent after its definition, which one event for the
 * whole reform (in a stream of its own) could not promise. Units the reform creates get an ordinary
 * `OrgUnitDefined` (validFrom = effectiveOn).
 */
export interface OrgUnitRetiredV1 {
  code: string;
  /** The unit's last day: the change set's effectiveOn − 1 day. */
  validTo: IsoDate;
  changeSetId: string;
}

/** From `effectiveOn` the unit's parent is `parentCode` (the earlier parent link ends the day before). */
export interface OrgUnitReparentedV1 {
  code: string;
  parentCode: string;
  effectiveOn: IsoDate;
  changeSetId: string;
}

export const SUCCESSION_KINDS = ['whole', 'partial'] as const;
export type SuccessionKind = (typeof SUCCESSION_KINDS)[number];

/**
 * A succession link old → new, in the stream of `from`. `whole`: everything under `from` (its clubs)
 * belongs to `to` from `effectiveOn`; `partial`: part of it does, each club is reassigned explicitly.
 */
export interface OrgUnitSucceededV1 {
  from: string;
  to: string;
  kind: SuccessionKind;
  effectiveOn: IsoDate;
  changeSetId: string;
}

export type RegistryEvent =
  | { type: 'OrgUnitDefined'; data: OrgUnitDefinedV1 }
  | { type: 'OrgUnitRetired'; data: OrgUnitRetiredV1 }
  | { type: 'OrgUnitReparented'; data: OrgUnitReparentedV1 }
  | { type: 'OrgUnitSucceeded'; data: OrgUnitSucceededV1 }
  | { type: 'ClubEstablished'; data: ClubEstablishedV1 }
  | { type: 'ClubDissolved'; data: ClubDissolvedV1 };

export type RegistryEventType = RegistryEvent['type'];

/** JSON Schemas of the current versions, for consumers outside TypeScript and for docs. */
export const registryEventSchemas: Record<RegistryEventType, { version: number; schema: object }> = {
  OrgUnitDefined: {
    version: 1,
    schema: {
      type: 'object',
      required: ['code', 'name', 'level', 'parentCode', 'validFrom', 'validTo', 'attributes'],
      properties: {
        code: { type: 'string' },
        name: { type: 'string' },
        level: { enum: ['country', 'province', 'district', 'commune', 'hamlet'] },
        parentCode: { type: ['string', 'null'] },
        validFrom: { type: 'string', format: 'date' },
        validTo: { type: ['string', 'null'], format: 'date' },
        attributes: { type: 'object', properties: { ethnicMinorityArea: { type: 'boolean' }, especiallyDifficult: { type: 'boolean' } } },
      },
    },
  },
  OrgUnitRetired: {
    version: 1,
    schema: {
      type: 'object',
      required: ['code', 'validTo', 'changeSetId'],
      properties: { code: { type: 'string' }, validTo: { type: 'string', format: 'date' }, changeSetId: { type: 'string' } },
    },
  },
  OrgUnitReparented: {
    version: 1,
    schema: {
      type: 'object',
      required: ['code', 'parentCode', 'effectiveOn', 'changeSetId'],
      properties: {
        code: { type: 'string' },
        parentCode: { type: 'string' },
        effectiveOn: { type: 'string', format: 'date' },
        changeSetId: { type: 'string' },
      },
    },
  },
  OrgUnitSucceeded: {
    version: 1,
    schema: {
      type: 'object',
      required: ['from', 'to', 'kind', 'effectiveOn', 'changeSetId'],
      properties: {
        from: { type: 'string' },
        to: { type: 'string' },
        kind: { enum: ['whole', 'partial'] },
        effectiveOn: { type: 'string', format: 'date' },
        changeSetId: { type: 'string' },
      },
    },
  },
  ClubEstablished: {
    version: 1,
    schema: {
      type: 'object',
      required: ['clubId', 'name', 'communeCode', 'hamletCode', 'establishedOn'],
      properties: {
        clubId: { type: 'string', format: 'uuid' },
        name: { type: 'string' },
        communeCode: { type: 'string' },
        hamletCode: { type: ['string', 'null'] },
        establishedOn: { type: 'string', format: 'date' },
      },
    },
  },
  ClubDissolved: {
    version: 1,
    schema: {
      type: 'object',
      required: ['clubId', 'dissolvedOn'],
      properties: { clubId: { type: 'string', format: 'uuid' }, dissolvedOn: { type: 'string', format: 'date' } },
    },
  },
};
