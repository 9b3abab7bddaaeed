import { IsoDate, OrgUnitAttributes, OrgUnitLevel } from './org-units';

// Events the registry publishes. Schemas are versioned by `schemaVersion` on the envelope; a new
// shape gets a new version and an upcaster, never an in-place change.

export const ORG_UNIT_STREAM = 'org-unit';
export const CLUB_STREAM = 'club';

export const orgUnitStreamId = (code: string): string => `${ORG_UNIT_STREAM}-${code}`;
export const clubStreamId = (clubId: string): string => `${CLUB_STREAM}-${clubId}`;
export const MEMBER_STREAM = 'member';
export const memberStreamId = (memberId: string): string => `${MEMBER_STREAM}-${memberId}`;
/**
 * All of one person's memberships (and death) in ONE stream: "at most one active membership at a time"
 * is then guarded by the stream's expected version, whatever club the concurrent joins name.
 */
export const MEMBERSHIPS_STREAM = 'member-memberships';
export const membershipsStreamId = (memberId: string): string => `${MEMBERSHIPS_STREAM}-${memberId}`;

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

/**
 * The club is dissolved from `dissolvedOn` (exclusive end, like a membership's leftOn: the club is active
 * up to the day before). Its active memberships end the same day, each with a MembershipEnded (reason
 * `club_dissolved`) in the member's memberships stream, in the same transaction.
 */
export interface ClubDissolvedV1 {
  clubId: string;
  dissolvedOn: IsoDate;
  /** Why, as the officer wrote it (optional; absent in events written before it existed). */
  reason?: string | null;
}

/**
 * After a `partial` succession of its commune, the club belongs to `communeCode` (and `hamletCode`) from
 * `effectiveOn`; until the day before it stays with `fromCommuneCode` (the commune it was last
 * established or reassigned in). `whole` successions need no such event: a club follows them by itself.
 */
export interface ClubReassignedV1 {
  clubId: string;
  fromCommuneCode: string;
  communeCode: string;
  hamletCode: string | null;
  effectiveOn: IsoDate;
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

export const SEXES = ['F', 'M'] as const;
export type Sex = (typeof SEXES)[number];

/** ISHC.md §4: the disadvantaged categories (multi-select). */
export const DISADVANTAGED_CATEGORIES = [
  'poor',
  'near_poor',
  'living_alone',
  'disability',
  'social_allowance',
  'single_or_widowed_woman',
  'needs_home_care',
] as const;
export type DisadvantagedCategory = (typeof DISADVANTAGED_CATEGORIES)[number];

/** ISHC.md §4: the roles of a membership. */
export const MEMBERSHIP_ROLES = ['member', 'chair', 'vice_chair', 'board', 'group_leader', 'home_care_volunteer', 'livelihood_volunteer'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/**
 * A member's personal data (Decree 13/2023: full name, national ID, phone, exact birth date, ethnicity)
 * as AES-256-GCM ciphertext under the member's own data key, which only the registry holds (wrapped by
 * its master key). Erasure destroys that key, so every copy of this ciphertext (events, replicas,
 * backups) becomes unreadable. All fields base64.
 */
export interface EncryptedPersonalDataV1 {
  alg: 'A256GCM';
  iv: string;
  tag: string;
  ciphertext: string;
}

/** A person registered: only what statistics need is in clear; the rest is in `personal`, encrypted. */
export interface MemberRegisteredV1 {
  memberId: string;
  sex: Sex;
  /** From the exact birth date when known (the date itself is in `personal`). */
  birthYear: number;
  ethnicMinority: boolean | null;
  disadvantaged: DisadvantagedCategory[];
  communeCode: string;
  registeredOn: IsoDate;
  personal: EncryptedPersonalDataV1;
}

/** The member's data key was destroyed (crypto-shredding): `personal` in earlier events is unreadable. */
export interface MemberErasedV1 {
  memberId: string;
  erasedOn: IsoDate;
}

/** In the member's memberships stream. */
export interface MemberJoinedClubV1 {
  memberId: string;
  clubId: string;
  joinedOn: IsoDate;
  roles: MembershipRole[];
}

/** The roles of the member's membership in `clubId` from `effectiveOn`. */
export interface MembershipRolesChangedV1 {
  memberId: string;
  clubId: string;
  roles: MembershipRole[];
  effectiveOn: IsoDate;
}

/** The membership ended; `leftOn` is exclusive (the first day not a member). */
export interface MembershipEndedV1 {
  memberId: string;
  clubId: string;
  leftOn: IsoDate;
  reason: string | null;
}

/** The person died; any active membership ends the same day (a MembershipEnded with reason `died` precedes it). */
export interface MemberDiedV1 {
  memberId: string;
  diedOn: IsoDate;
}

export type RegistryEvent =
  | { type: 'OrgUnitDefined'; data: OrgUnitDefinedV1 }
  | { type: 'OrgUnitRetired'; data: OrgUnitRetiredV1 }
  | { type: 'OrgUnitReparented'; data: OrgUnitReparentedV1 }
  | { type: 'OrgUnitSucceeded'; data: OrgUnitSucceededV1 }
  | { type: 'ClubEstablished'; data: ClubEstablishedV1 }
  | { type: 'ClubDissolved'; data: ClubDissolvedV1 }
  | { type: 'ClubReassigned'; data: ClubReassignedV1 }
  | { type: 'MemberRegistered'; data: MemberRegisteredV1 }
  | { type: 'MemberErased'; data: MemberErasedV1 }
  | { type: 'MemberJoinedClub'; data: MemberJoinedClubV1 }
  | { type: 'MembershipRolesChanged'; data: MembershipRolesChangedV1 }
  | { type: 'MembershipEnded'; data: MembershipEndedV1 }
  | { type: 'MemberDied'; data: MemberDiedV1 };

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
      properties: { clubId: { type: 'string', format: 'uuid' }, dissolvedOn: { type: 'string', format: 'date' }, reason: { type: ['string', 'null'] } },
    },
  },
  ClubReassigned: {
    version: 1,
    schema: {
      type: 'object',
      required: ['clubId', 'fromCommuneCode', 'communeCode', 'hamletCode', 'effectiveOn'],
      properties: {
        clubId: { type: 'string', format: 'uuid' },
        fromCommuneCode: { type: 'string' },
        communeCode: { type: 'string' },
        hamletCode: { type: ['string', 'null'] },
        effectiveOn: { type: 'string', format: 'date' },
      },
    },
  },
  MemberRegistered: {
    version: 1,
    schema: {
      type: 'object',
      required: ['memberId', 'sex', 'birthYear', 'ethnicMinority', 'disadvantaged', 'communeCode', 'registeredOn', 'personal'],
      properties: {
        memberId: { type: 'string', format: 'uuid' },
        sex: { enum: ['F', 'M'] },
        birthYear: { type: 'integer' },
        ethnicMinority: { type: ['boolean', 'null'] },
        disadvantaged: { type: 'array', items: { enum: [...DISADVANTAGED_CATEGORIES] } },
        communeCode: { type: 'string' },
        registeredOn: { type: 'string', format: 'date' },
        personal: {
          type: 'object',
          required: ['alg', 'iv', 'tag', 'ciphertext'],
          properties: {
            alg: { const: 'A256GCM' },
            iv: { type: 'string', contentEncoding: 'base64' },
            tag: { type: 'string', contentEncoding: 'base64' },
            ciphertext: { type: 'string', contentEncoding: 'base64' },
          },
        },
      },
    },
  },
  MemberErased: {
    version: 1,
    schema: {
      type: 'object',
      required: ['memberId', 'erasedOn'],
      properties: { memberId: { type: 'string', format: 'uuid' }, erasedOn: { type: 'string', format: 'date' } },
    },
  },
  MemberJoinedClub: {
    version: 1,
    schema: {
      type: 'object',
      required: ['memberId', 'clubId', 'joinedOn', 'roles'],
      properties: {
        memberId: { type: 'string', format: 'uuid' },
        clubId: { type: 'string', format: 'uuid' },
        joinedOn: { type: 'string', format: 'date' },
        roles: { type: 'array', items: { enum: [...MEMBERSHIP_ROLES] } },
      },
    },
  },
  MembershipRolesChanged: {
    version: 1,
    schema: {
      type: 'object',
      required: ['memberId', 'clubId', 'roles', 'effectiveOn'],
      properties: {
        memberId: { type: 'string', format: 'uuid' },
        clubId: { type: 'string', format: 'uuid' },
        roles: { type: 'array', items: { enum: [...MEMBERSHIP_ROLES] } },
        effectiveOn: { type: 'string', format: 'date' },
      },
    },
  },
  MembershipEnded: {
    version: 1,
    schema: {
      type: 'object',
      required: ['memberId', 'clubId', 'leftOn', 'reason'],
      properties: {
        memberId: { type: 'string', format: 'uuid' },
        clubId: { type: 'string', format: 'uuid' },
        leftOn: { type: 'string', format: 'date' },
        reason: { type: ['string', 'null'] },
      },
    },
  },
  MemberDied: {
    version: 1,
    schema: {
      type: 'object',
      required: ['memberId', 'diedOn'],
      properties: { memberId: { type: 'string', format: 'uuid' }, diedOn: { type: 'string', format: 'date' } },
    },
  },
};
