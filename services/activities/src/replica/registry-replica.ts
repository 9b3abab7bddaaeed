import {
  ClubDissolvedV1,
  ClubEstablishedV1,
  MemberDiedV1,
  MemberJoinedClubV1,
  MemberRegisteredV1,
  MembershipEndedV1,
  OrgUnitDefinedV1,
  OrgUnitReparentedV1,
  OrgUnitRetiredV1,
} from '@ishc/contracts';
import { PoolClient } from 'pg';

/** The part of an incoming registry event the replica reads. */
export interface ReplicatedEvent {
  type: string;
  data: unknown;
}

/**
 * Applies registry events to the replica tables (activities-schema.ts): clubs with their lifetime, members
 * with their memberships (joined, left) and death, and org units' validity and dated parent links (a
 * reform's new parents included; successions are not followed). Roles are not kept (no rule reads them
 * yet). Every statement is an upsert, so applying an event twice leaves the same rows.
 */
export async function replicateRegistryEvents(events: readonly ReplicatedEvent[], client: PoolClient): Promise<void> {
  for (const event of events) {
    switch (event.type) {
      case 'ClubEstablished': {
        const club = event.data as ClubEstablishedV1;
        await client.query(
          `INSERT INTO club_replica (club_id, commune_code, established_on) VALUES ($1, $2, $3)
           ON CONFLICT (club_id) DO UPDATE SET commune_code = EXCLUDED.commune_code, established_on = EXCLUDED.established_on`,
          [club.clubId, club.communeCode, club.establishedOn],
        );
        break;
      }
      case 'ClubDissolved': {
        const dissolved = event.data as ClubDissolvedV1;
        await client.query('UPDATE club_replica SET dissolved_on = $2 WHERE club_id = $1', [dissolved.clubId, dissolved.dissolvedOn]);
        break;
      }
      case 'MemberRegistered':
        await knowMember((event.data as MemberRegisteredV1).memberId, client);
        break;
      case 'MemberJoinedClub': {
        const joined = event.data as MemberJoinedClubV1;
        await knowMember(joined.memberId, client);
        await client.query(
          'INSERT INTO membership_replica (member_id, club_id, joined_on) VALUES ($1, $2, $3) ON CONFLICT (member_id, club_id, joined_on) DO NOTHING',
          [joined.memberId, joined.clubId, joined.joinedOn],
        );
        break;
      }
      case 'MembershipEnded': {
        // Ends the latest membership in the club that began before `leftOn` (exclusive).
        const ended = event.data as MembershipEndedV1;
        await client.query(
          `UPDATE membership_replica SET left_on = $3
            WHERE member_id = $1 AND club_id = $2
              AND joined_on = (SELECT max(joined_on) FROM membership_replica WHERE member_id = $1 AND club_id = $2 AND joined_on < $3)`,
          [ended.memberId, ended.clubId, ended.leftOn],
        );
        break;
      }
      case 'MemberDied': {
        const died = event.data as MemberDiedV1;
        await client.query(
          'INSERT INTO member_replica (member_id, died_on) VALUES ($1, $2) ON CONFLICT (member_id) DO UPDATE SET died_on = EXCLUDED.died_on',
          [died.memberId, died.diedOn],
        );
        break;
      }
      case 'OrgUnitDefined':
        await replicateOrgUnit(event.data as OrgUnitDefinedV1, client);
        break;
      case 'OrgUnitRetired': {
        const retired = event.data as OrgUnitRetiredV1;
        await client.query('UPDATE org_unit_replica SET valid_to = $2 WHERE code = $1', [retired.code, retired.validTo]);
        await closeParentLinks(retired.code, client);
        break;
      }
      case 'OrgUnitReparented': {
        const moved = event.data as OrgUnitReparentedV1;
        await client.query(
          `INSERT INTO org_unit_parent_replica (code, parent_code, valid_from) VALUES ($1, $2, $3)
           ON CONFLICT (code, valid_from) DO UPDATE SET parent_code = EXCLUDED.parent_code`,
          [moved.code, moved.parentCode, moved.effectiveOn],
        );
        await closeParentLinks(moved.code, client);
        break;
      }
    }
  }
}

async function knowMember(memberId: string, client: PoolClient): Promise<void> {
  await client.query('INSERT INTO member_replica (member_id) VALUES ($1) ON CONFLICT (member_id) DO NOTHING', [memberId]);
}

async function replicateOrgUnit(unit: OrgUnitDefinedV1, client: PoolClient): Promise<void> {
  // A definition gives the parent from validFrom on; later links (reforms) stay.
  await client.query(
    `DELETE FROM org_unit_parent_replica WHERE code = $1 AND (valid_from <= $2 OR valid_from = (SELECT valid_from FROM org_unit_replica WHERE code = $1))`,
    [unit.code, unit.validFrom],
  );
  await client.query(
    `INSERT INTO org_unit_replica (code, valid_from, valid_to) VALUES ($1, $2, $3)
     ON CONFLICT (code) DO UPDATE SET valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to`,
    [unit.code, unit.validFrom, unit.validTo],
  );
  if (unit.parentCode !== null) {
    await client.query('INSERT INTO org_unit_parent_replica (code, parent_code, valid_from) VALUES ($1, $2, $3)', [unit.code, unit.parentCode, unit.validFrom]);
  }
  await closeParentLinks(unit.code, client);
}

/** Each parent link of a unit ends the day before the next one starts, the last one when the unit ends. */
async function closeParentLinks(code: string, client: PoolClient): Promise<void> {
  await client.query(
    `UPDATE org_unit_parent_replica p SET valid_to = x.valid_to
       FROM (SELECT l.code, l.valid_from,
                    COALESCE(LEAD(l.valid_from) OVER (PARTITION BY l.code ORDER BY l.valid_from) - 1, u.valid_to) AS valid_to
               FROM org_unit_parent_replica l LEFT JOIN org_unit_replica u ON u.code = l.code WHERE l.code = $1) x
      WHERE p.code = x.code AND p.valid_from = x.valid_from`,
    [code],
  );
}
