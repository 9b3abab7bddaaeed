import { ClubEstablishedV1 } from '@ishc/contracts';
import { Pool, PoolClient } from 'pg';

type Db = Pool | PoolClient;

export interface ClubView extends ClubEstablishedV1 {
  dissolvedOn: string | null;
}

interface ClubRow {
  club_id: string;
  name: string;
  commune_code: string;
  hamlet_code: string | null;
  established_on: string;
  dissolved_on: string | null;
}

const COLUMNS = `club_id, name, commune_code, hamlet_code, to_char(established_on, 'YYYY-MM-DD') AS established_on,
  to_char(dissolved_on, 'YYYY-MM-DD') AS dissolved_on`;

const toView = (r: ClubRow): ClubView => ({
  clubId: r.club_id,
  name: r.name,
  communeCode: r.commune_code,
  hamletCode: r.hamlet_code,
  establishedOn: r.established_on,
  dissolvedOn: r.dissolved_on,
});

/** The registry's table of clubs (see registry-schema.ts). */
export const clubTable = {
  async find(db: Db, clubId: string): Promise<ClubView | null> {
    const r = await db.query<ClubRow>(`SELECT ${COLUMNS} FROM clubs WHERE club_id = $1`, [clubId]);
    return r.rows[0] ? toView(r.rows[0]) : null;
  },

  async insert(db: Db, club: ClubEstablishedV1): Promise<void> {
    await db.query(
      `INSERT INTO clubs (club_id, name, commune_code, hamlet_code, established_on) VALUES ($1, $2, $3, $4, $5)`,
      [club.clubId, club.name, club.communeCode, club.hamletCode, club.establishedOn],
    );
  },

  /** Clubs active on `asOf` whose commune is one of `communeCodes`. */
  async activeIn(db: Db, communeCodes: string[], asOf: string): Promise<ClubView[]> {
    const r = await db.query<ClubRow>(
      `SELECT ${COLUMNS} FROM clubs WHERE commune_code = ANY($1::text[]) AND established_on <= $2
         AND (dissolved_on IS NULL OR dissolved_on > $2) ORDER BY name, club_id`,
      [communeCodes, asOf],
    );
    return r.rows.map(toView);
  },
};
