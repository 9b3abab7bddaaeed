import { ClubDissolvedV1, ClubEstablishedV1, ClubReassignedV1, OrgUnitDefinedV1, OrgUnitReparentedV1, OrgUnitRetiredV1 } from '@ishc/contracts';
import { PoolClient } from 'pg';

/** The part of an incoming registry event a replica reads. */
export interface ReplicatedEvent {
  type: string;
  data: unknown;
}

/**
 * The tables of the clubs-and-org-units replica that services other than the registry keep (microfinance,
 * activities): clubs with their lifetime, org units' validity and dated parent links. Each service adds
 * this SQL to its own migration; the tables are rebuildable from the registry's events.
 */
export const CLUB_AND_ORG_UNIT_REPLICA_TABLES = `
CREATE TABLE IF NOT EXISTS club_replica (
  club_id         uuid PRIMARY KEY,
  commune_code    text NOT NULL,
  established_on  date NOT NULL,
  dissolved_on    date
);
-- The day the club moved to commune_code by a reassignment (null: since its establishment).
ALTER TABLE club_replica ADD COLUMN IF NOT EXISTS commune_since date;
CREATE TABLE IF NOT EXISTS org_unit_replica (
  code        text PRIMARY KEY,
  valid_from  date NOT NULL,
  valid_to    date
);
CREATE TABLE IF NOT EXISTS org_unit_parent_replica (
  code         text NOT NULL,
  parent_code  text NOT NULL,
  valid_from   date NOT NULL,
  valid_to     date,
  PRIMARY KEY (code, valid_from)
);
`;

/**
 * Applies one registry event to the clubs-and-org-units replica when it is one of its kinds (a reform's
 * new parents and a club's reassignment included; successions are not followed) and says whether it
 * was. Every statement is an upsert, so applying an event twice leaves the same rows.
 */
export async function replicateClubOrOrgUnitEvent(event: ReplicatedEvent, client: PoolClient): Promise<boolean> {
  switch (event.type) {
    case 'ClubEstablished': {
      const club = event.data as ClubEstablishedV1;
      await client.query(
        `INSERT INTO club_replica (club_id, commune_code, established_on) VALUES ($1, $2, $3)
         ON CONFLICT (club_id) DO UPDATE SET established_on = EXCLUDED.established_on,
           commune_code = CASE WHEN club_replica.commune_since IS NULL THEN EXCLUDED.commune_code ELSE club_replica.commune_code END`,
        [club.clubId, club.communeCode, club.establishedOn],
      );
      return true;
    }
    case 'ClubDissolved': {
      const dissolved = event.data as ClubDissolvedV1;
      await client.query('UPDATE club_replica SET dissolved_on = $2 WHERE club_id = $1', [dissolved.clubId, dissolved.dissolvedOn]);
      return true;
    }
    case 'ClubReassigned': {
      // The replica keeps the club's latest commune (scope checks of new writes); the dated history
      // stays in the registry. A reassignment replayed out of order cannot move it back: only a later
      // effectiveOn than the one applied wins.
      const moved = event.data as ClubReassignedV1;
      await client.query(
        `UPDATE club_replica SET commune_code = $2, commune_since = $3
          WHERE club_id = $1 AND (commune_since IS NULL OR commune_since <= $3)`,
        [moved.clubId, moved.communeCode, moved.effectiveOn],
      );
      return true;
    }
    case 'OrgUnitDefined':
      await replicateOrgUnit(event.data as OrgUnitDefinedV1, client);
      return true;
    case 'OrgUnitRetired': {
      const retired = event.data as OrgUnitRetiredV1;
      await client.query('UPDATE org_unit_replica SET valid_to = $2 WHERE code = $1', [retired.code, retired.validTo]);
      await closeParentLinks(retired.code, client);
      return true;
    }
    case 'OrgUnitReparented': {
      const moved = event.data as OrgUnitReparentedV1;
      await client.query(
        `INSERT INTO org_unit_parent_replica (code, parent_code, valid_from) VALUES ($1, $2, $3)
         ON CONFLICT (code, valid_from) DO UPDATE SET parent_code = EXCLUDED.parent_code`,
        [moved.code, moved.parentCode, moved.effectiveOn],
      );
      await closeParentLinks(moved.code, client);
      return true;
    }
  }
  return false;
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
