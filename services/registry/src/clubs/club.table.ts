import { ClubDissolvedV1, ClubEstablishedV1, ClubReassignedV1 } from '@ishc/contracts';
import { Pool, PoolClient } from 'pg';

type Db = Pool | PoolClient;

/** A club as recorded: `communeCode`/`hamletCode` are those of its latest assignment. */
export interface ClubView extends ClubEstablishedV1 {
  dissolvedOn: string | null;
  dissolutionReason: string | null;
}

/** One dated assignment of a club (establishment, then each reassignment); validTo inclusive. */
export interface ClubAssignmentView {
  communeCode: string;
  hamletCode: string | null;
  validFrom: string;
  validTo: string | null;
}

interface ClubRow {
  club_id: string;
  name: string;
  commune_code: string;
  hamlet_code: string | null;
  established_on: string;
  dissolved_on: string | null;
  dissolution_reason: string | null;
}

const COLUMNS = `c.club_id, c.name, c.commune_code, c.hamlet_code, to_char(c.established_on, 'YYYY-MM-DD') AS established_on,
  to_char(c.dissolved_on, 'YYYY-MM-DD') AS dissolved_on, c.dissolution_reason`;

const toView = (r: ClubRow): ClubView => ({
  clubId: r.club_id,
  name: r.name,
  communeCode: r.commune_code,
  hamletCode: r.hamlet_code,
  establishedOn: r.established_on,
  dissolvedOn: r.dissolved_on,
  dissolutionReason: r.dissolution_reason,
});

/**
 * The commune of each club active on $1, resolved: the commune of its assignment that day, followed
 * through `whole` successions effective by then (ISHC.md §3: a club follows its commune with no write).
 */
const RESOLVED_COMMUNES = `
  WITH RECURSIVE assigned AS (
    SELECT a.club_id, a.commune_code, a.hamlet_code FROM club_assignments a JOIN clubs c ON c.club_id = a.club_id
     WHERE a.valid_from <= $1 AND (a.valid_to IS NULL OR a.valid_to >= $1)
       AND c.established_on <= $1 AND (c.dissolved_on IS NULL OR c.dissolved_on > $1)
  ), forward AS (
    SELECT club_id, commune_code AS code, 0 AS depth FROM assigned
    UNION ALL
    SELECT f.club_id, s.to_code, f.depth + 1 FROM forward f
      JOIN org_unit_successions s ON s.from_code = f.code AND s.kind = 'whole' AND s.effective_on <= $1
     WHERE f.depth < 10
  ), resolved AS (
    SELECT DISTINCT ON (f.club_id) f.club_id, f.code, a.commune_code AS assigned_commune_code, a.hamlet_code
      FROM forward f JOIN assigned a ON a.club_id = f.club_id ORDER BY f.club_id, f.depth DESC
  )`;

/** The registry's tables of clubs and their dated assignments (see registry-schema.ts). */
export const clubTable = {
  /**
   * `lock`: `share` for a command that must not race a dissolution (a join), `update` for the dissolution
   * itself (it then sees every membership committed before it).
   */
  async find(db: Db, clubId: string, lock?: 'share' | 'update'): Promise<ClubView | null> {
    const suffix = lock === 'share' ? ' FOR SHARE' : lock === 'update' ? ' FOR UPDATE' : '';
    const r = await db.query<ClubRow>(`SELECT ${COLUMNS} FROM clubs c WHERE c.club_id = $1${suffix}`, [clubId]);
    return r.rows[0] ? toView(r.rows[0]) : null;
  },

  /** The club and its first assignment, in one statement. */
  async insert(db: Db, club: ClubEstablishedV1): Promise<void> {
    await db.query(
      `WITH club AS (
         INSERT INTO clubs (club_id, name, commune_code, hamlet_code, established_on) VALUES ($1, $2, $3, $4, $5)
       )
       INSERT INTO club_assignments (club_id, commune_code, hamlet_code, valid_from) VALUES ($1, $3, $4, $5)`,
      [club.clubId, club.name, club.communeCode, club.hamletCode, club.establishedOn],
    );
  },

  async dissolve(db: Db, event: ClubDissolvedV1): Promise<void> {
    await db.query('UPDATE clubs SET dissolved_on = $2, dissolution_reason = $3 WHERE club_id = $1', [event.clubId, event.dissolvedOn, event.reason ?? null]);
  },

  /** The previous assignment ends the day before `effectiveOn`; the club's latest commune becomes the new one. */
  async reassign(db: Db, event: ClubReassignedV1): Promise<void> {
    await db.query(`UPDATE club_assignments SET valid_to = $2::date - 1 WHERE club_id = $1 AND valid_to IS NULL`, [event.clubId, event.effectiveOn]);
    await db.query('INSERT INTO club_assignments (club_id, commune_code, hamlet_code, valid_from) VALUES ($1, $2, $3, $4)', [
      event.clubId,
      event.communeCode,
      event.hamletCode,
      event.effectiveOn,
    ]);
    await db.query('UPDATE clubs SET commune_code = $2, hamlet_code = $3 WHERE club_id = $1', [event.clubId, event.communeCode, event.hamletCode]);
  },

  async assignments(db: Db, clubId: string): Promise<ClubAssignmentView[]> {
    const r = await db.query<{ commune_code: string; hamlet_code: string | null; valid_from: string; valid_to: string | null }>(
      `SELECT commune_code, hamlet_code, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to
         FROM club_assignments WHERE club_id = $1 ORDER BY valid_from`,
      [clubId],
    );
    return r.rows.map((row) => ({ communeCode: row.commune_code, hamletCode: row.hamlet_code, validFrom: row.valid_from, validTo: row.valid_to }));
  },

  /** Clubs active on `asOf` whose commune that day, resolved through whole successions, is one of `communeCodes`. */
  async activeIn(db: Db, communeCodes: string[], asOf: string): Promise<Array<ClubView & { assignedCommuneCode: string }>> {
    const r = await db.query<ClubRow & { resolved_commune: string; assigned_commune_code: string; assigned_hamlet_code: string | null }>(
      `${RESOLVED_COMMUNES}
       SELECT ${COLUMNS}, r.code AS resolved_commune, r.assigned_commune_code, r.hamlet_code AS assigned_hamlet_code
         FROM clubs c JOIN resolved r ON r.club_id = c.club_id
        WHERE r.code = ANY($2::text[]) ORDER BY c.name, c.club_id`,
      [asOf, communeCodes],
    );
    return r.rows.map((row) => ({
      ...toView(row),
      communeCode: row.resolved_commune,
      hamletCode: row.assigned_hamlet_code,
      assignedCommuneCode: row.assigned_commune_code,
    }));
  },
};
