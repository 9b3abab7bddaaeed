import {
  ClubDissolvedV1,
  ClubEstablishedV1,
  ClubReassignedV1,
  MemberDiedV1,
  MemberJoinedClubV1,
  MemberRegisteredV1,
  MembershipEndedV1,
  MembershipRolesChangedV1,
  OrgUnitDefinedV1,
  OrgUnitReparentedV1,
  OrgUnitRetiredV1,
  OrgUnitSucceededV1,
} from '@ishc/contracts';
import { PoolClient } from 'pg';

/** The part of an incoming event a projection reads. */
export interface ProjectedEvent {
  type: string;
  data: unknown;
}

/**
 * Projects the registry's org units (definitions and the per-unit events of a reform: retirement, new
 * parent, succession), clubs (and their reassignments), members (statistics fields only) and memberships into the temporal tables of reporting-schema.ts. Every
 * statement is an upsert, so applying an event twice leaves the same rows (the transports already
 * prevent a second application; this is belt and braces for rebuilds).
 */
export async function projectRegistryEvents(events: readonly ProjectedEvent[], client: PoolClient): Promise<void> {
  for (const event of events) {
    switch (event.type) {
      case 'OrgUnitDefined':
        await projectOrgUnit(event.data as OrgUnitDefinedV1, client);
        break;
      case 'OrgUnitRetired':
        await projectOrgUnitRetired(event.data as OrgUnitRetiredV1, client);
        break;
      case 'OrgUnitReparented':
        await projectOrgUnitReparented(event.data as OrgUnitReparentedV1, client);
        break;
      case 'OrgUnitSucceeded':
        await projectOrgUnitSucceeded(event.data as OrgUnitSucceededV1, client);
        break;
      case 'ClubEstablished':
        await projectClubEstablished(event.data as ClubEstablishedV1, client);
        break;
      case 'ClubDissolved':
        await projectClubDissolved(event.data as ClubDissolvedV1, client);
        break;
      case 'ClubReassigned':
        await projectClubReassigned(event.data as ClubReassignedV1, client);
        break;
      case 'MemberRegistered':
        await projectMemberRegistered(event.data as MemberRegisteredV1, client);
        break;
      case 'MemberJoinedClub':
        await projectMemberJoinedClub(event.data as MemberJoinedClubV1, client);
        await projectMembershipRoles(event.data as MemberJoinedClubV1, (event.data as MemberJoinedClubV1).joinedOn, client);
        break;
      case 'MembershipRolesChanged':
        await projectMembershipRoles(event.data as MembershipRolesChangedV1, (event.data as MembershipRolesChangedV1).effectiveOn, client);
        break;
      case 'MembershipEnded':
        await projectMembershipEnded(event.data as MembershipEndedV1, client);
        break;
      case 'MemberDied':
        await projectMemberDied(event.data as MemberDiedV1, client);
        break;
      // MemberErased destroys the member's data key: only the encrypted personal data becomes
      // unreadable. Reporting never holds personal data, so statistics stay exactly as they were.
      // MembershipRolesChanged: the volunteers' roles of clubs_well_managed_pct (rp_membership_roles).
    }
  }
}

async function projectOrgUnit(unit: OrgUnitDefinedV1, client: PoolClient): Promise<void> {
  // A definition gives the parent from validFrom on; later links (reforms) stay. The link of the
  // previous definition, and any before the (new) start, go.
  await client.query(
    `DELETE FROM rp_org_unit_parent WHERE code = $1 AND (valid_from <= $2 OR valid_from = (SELECT valid_from FROM rp_org_unit WHERE code = $1))`,
    [unit.code, unit.validFrom],
  );
  await client.query(
    `INSERT INTO rp_org_unit (code, name, level, valid_from, valid_to, attributes) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, valid_from = EXCLUDED.valid_from,
       valid_to = EXCLUDED.valid_to, attributes = EXCLUDED.attributes`,
    [unit.code, unit.name, unit.level, unit.validFrom, unit.validTo, JSON.stringify(unit.attributes ?? {})],
  );
  if (unit.parentCode !== null) {
    await client.query('INSERT INTO rp_org_unit_parent (code, parent_code, valid_from) VALUES ($1, $2, $3)', [unit.code, unit.parentCode, unit.validFrom]);
  }
  await closeParentLinks(unit.code, client);
}

async function projectOrgUnitRetired(event: OrgUnitRetiredV1, client: PoolClient): Promise<void> {
  await client.query('UPDATE rp_org_unit SET valid_to = $2 WHERE code = $1', [event.code, event.validTo]);
  await closeParentLinks(event.code, client);
}

async function projectOrgUnitReparented(event: OrgUnitReparentedV1, client: PoolClient): Promise<void> {
  await client.query(
    `INSERT INTO rp_org_unit_parent (code, parent_code, valid_from) VALUES ($1, $2, $3)
     ON CONFLICT (code, valid_from) DO UPDATE SET parent_code = EXCLUDED.parent_code`,
    [event.code, event.parentCode, event.effectiveOn],
  );
  await closeParentLinks(event.code, client);
}

async function projectOrgUnitSucceeded(event: OrgUnitSucceededV1, client: PoolClient): Promise<void> {
  await client.query(
    `INSERT INTO rp_org_unit_succession (from_code, to_code, kind, effective_on) VALUES ($1, $2, $3, $4)
     ON CONFLICT (from_code, to_code, effective_on) DO UPDATE SET kind = EXCLUDED.kind`,
    [event.from, event.to, event.kind, event.effectiveOn],
  );
}

/** Each parent link of a unit ends the day before the next one starts, the last one when the unit ends. */
async function closeParentLinks(code: string, client: PoolClient): Promise<void> {
  await client.query(
    `UPDATE rp_org_unit_parent p SET valid_to = x.valid_to
       FROM (SELECT l.code, l.valid_from,
                    COALESCE(LEAD(l.valid_from) OVER (PARTITION BY l.code ORDER BY l.valid_from) - 1, u.valid_to) AS valid_to
               FROM rp_org_unit_parent l LEFT JOIN rp_org_unit u ON u.code = l.code WHERE l.code = $1) x
      WHERE p.code = x.code AND p.valid_from = x.valid_from`,
    [code],
  );
}

async function projectClubEstablished(club: ClubEstablishedV1, client: PoolClient): Promise<void> {
  await client.query(
    `INSERT INTO rp_club (club_id, commune_code, established_on, name) VALUES ($1, $2, $3, $4)
     ON CONFLICT (club_id) DO UPDATE SET commune_code = EXCLUDED.commune_code, established_on = EXCLUDED.established_on, name = EXCLUDED.name`,
    [club.clubId, club.communeCode, club.establishedOn, club.name],
  );
}

async function projectClubDissolved(event: ClubDissolvedV1, client: PoolClient): Promise<void> {
  await client.query('UPDATE rp_club SET dissolved_on = $2 WHERE club_id = $1', [event.clubId, event.dissolvedOn]);
}

/** From effectiveOn the club belongs to the commune it was reassigned to (after a partial succession). */
async function projectClubReassigned(event: ClubReassignedV1, client: PoolClient): Promise<void> {
  await client.query(
    `INSERT INTO rp_club_reassignment (club_id, commune_code, effective_on) VALUES ($1, $2, $3)
     ON CONFLICT (club_id, effective_on) DO UPDATE SET commune_code = EXCLUDED.commune_code`,
    [event.clubId, event.communeCode, event.effectiveOn],
  );
}

/** Only the statistics fields; `personal` (encrypted) is never read. Keeps a death projected before the registration. */
async function projectMemberRegistered(member: MemberRegisteredV1, client: PoolClient): Promise<void> {
  await client.query(
    `INSERT INTO rp_member (member_id, sex, birth_year, ethnic_minority, disadvantaged) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (member_id) DO UPDATE SET sex = EXCLUDED.sex, birth_year = EXCLUDED.birth_year,
       ethnic_minority = EXCLUDED.ethnic_minority, disadvantaged = EXCLUDED.disadvantaged`,
    [member.memberId, member.sex, member.birthYear, member.ethnicMinority, member.disadvantaged],
  );
}

/** A second application keeps the row (and its left_on, should the end have been projected already). */
async function projectMemberJoinedClub(event: MemberJoinedClubV1, client: PoolClient): Promise<void> {
  await client.query(
    `INSERT INTO rp_membership (member_id, club_id, joined_on) VALUES ($1, $2, $3)
     ON CONFLICT (member_id, club_id, joined_on) DO NOTHING`,
    [event.memberId, event.clubId, event.joinedOn],
  );
}

/** Ends the member's latest membership in the club that began on or before `leftOn` (exclusive end). */
async function projectMembershipEnded(event: MembershipEndedV1, client: PoolClient): Promise<void> {
  await client.query(
    `UPDATE rp_membership SET left_on = $3
      WHERE member_id = $1 AND club_id = $2
        AND joined_on = (SELECT MAX(joined_on) FROM rp_membership WHERE member_id = $1 AND club_id = $2 AND joined_on <= $3)`,
    [event.memberId, event.clubId, event.leftOn],
  );
}

/** The membership's whole role set from `from` (the join or the change); the latest event for a day wins. */
async function projectMembershipRoles(event: { memberId: string; clubId: string; roles: readonly string[] }, from: string, client: PoolClient): Promise<void> {
  await client.query(
    `INSERT INTO rp_membership_roles (member_id, club_id, effective_on, roles) VALUES ($1, $2, $3, $4)
     ON CONFLICT (member_id, club_id, effective_on) DO UPDATE SET roles = EXCLUDED.roles`,
    [event.memberId, event.clubId, from, [...event.roles]],
  );
}

async function projectMemberDied(event: MemberDiedV1, client: PoolClient): Promise<void> {
  await client.query(
    `INSERT INTO rp_member (member_id, died_on) VALUES ($1, $2)
     ON CONFLICT (member_id) DO UPDATE SET died_on = EXCLUDED.died_on`,
    [event.memberId, event.diedOn],
  );
}
