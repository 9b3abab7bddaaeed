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

export type RegistryEvent =
  | { type: 'OrgUnitDefined'; data: OrgUnitDefinedV1 }
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
