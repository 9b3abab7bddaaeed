import { Pool, PoolClient } from 'pg';

type Db = Pool | PoolClient;

/** A club as a replica knows it from the registry's events. */
export interface ReplicatedClub {
  clubId: string;
  communeCode: string;
  establishedOn: string;
  dissolvedOn: string | null;
}

export const clubReplicaTable = {
  async find(db: Db, clubId: string): Promise<ReplicatedClub | null> {
    const r = await db.query<{ club_id: string; commune_code: string; established_on: string; dissolved_on: string | null }>(
      `SELECT club_id, commune_code, to_char(established_on, 'YYYY-MM-DD') AS established_on, to_char(dissolved_on, 'YYYY-MM-DD') AS dissolved_on
         FROM club_replica WHERE club_id = $1`,
      [clubId],
    );
    const row = r.rows[0];
    return row ? { clubId: row.club_id, communeCode: row.commune_code, establishedOn: row.established_on, dissolvedOn: row.dissolved_on } : null;
  },
};
