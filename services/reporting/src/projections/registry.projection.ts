import { ClubDissolvedV1, ClubEstablishedV1, OrgUnitDefinedV1 } from '@ishc/contracts';
import { PoolClient } from 'pg';

/** The part of an incoming event a projection reads. */
export interface ProjectedEvent {
  type: string;
  data: unknown;
}

/**
 * Projects the registry's org units and clubs into the temporal tables of reporting-schema.ts. Every
 * statement is an upsert, so applying an event twice leaves the same rows (the transports already
 * prevent a second application; this is belt and braces for rebuilds).
 */
export async function projectRegistryEvents(events: readonly ProjectedEvent[], client: PoolClient): Promise<void> {
  for (const event of events) {
    switch (event.type) {
      case 'OrgUnitDefined':
        await projectOrgUnit(event.data as OrgUnitDefinedV1, client);
        break;
      case 'ClubEstablished':
        await projectClubEstablished(event.data as ClubEstablishedV1, client);
        break;
      case 'ClubDissolved':
        await projectClubDissolved(event.data as ClubDissolvedV1, client);
        break;
    }
  }
}

async function projectOrgUnit(unit: OrgUnitDefinedV1, client: PoolClient): Promise<void> {
  await client.query(
    `INSERT INTO rp_org_unit (code, name, level, valid_from, valid_to, attributes) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, valid_from = EXCLUDED.valid_from,
       valid_to = EXCLUDED.valid_to, attributes = EXCLUDED.attributes`,
    [unit.code, unit.name, unit.level, unit.validFrom, unit.validTo, JSON.stringify(unit.attributes ?? {})],
  );
  // A definition carries one parent for the unit's whole validity; reforms will add dated links.
  await client.query('DELETE FROM rp_org_unit_parent WHERE code = $1', [unit.code]);
  if (unit.parentCode !== null) {
    await client.query('INSERT INTO rp_org_unit_parent (code, parent_code, valid_from, valid_to) VALUES ($1, $2, $3, $4)', [
      unit.code,
      unit.parentCode,
      unit.validFrom,
      unit.validTo,
    ]);
  }
}

async function projectClubEstablished(club: ClubEstablishedV1, client: PoolClient): Promise<void> {
  await client.query(
    `INSERT INTO rp_club (club_id, commune_code, established_on) VALUES ($1, $2, $3)
     ON CONFLICT (club_id) DO UPDATE SET commune_code = EXCLUDED.commune_code, established_on = EXCLUDED.established_on`,
    [club.clubId, club.communeCode, club.establishedOn],
  );
}

async function projectClubDissolved(event: ClubDissolvedV1, client: PoolClient): Promise<void> {
  await client.query('UPDATE rp_club SET dissolved_on = $2 WHERE club_id = $1', [event.clubId, event.dissolvedOn]);
}
