import { IsoDate } from '@ishc/contracts';
import { PoolClient } from 'pg';
import { readCoverageFacts } from '../indicators/coverage-facts.query';
import { CoverageFacts } from '../indicators/domain/coverage-indicators';

const FEED_LEVELS = ['country', 'province', 'district', 'commune'];

/** An org unit the feed publishes for a date, with its scope (`communes(U,T)`, `clubs(U,T)`). */
export interface FeedUnitScope {
  code: string;
  name: string;
  level: string;
  scope: CoverageFacts;
}

/** Every unit the feed publishes on T, each with its scope, and the widest scope, which holds all of theirs. */
export interface FeedScopes {
  units: FeedUnitScope[];
  widest: CoverageFacts;
}

/**
 * The scopes of every country, province, district and commune valid on T in a fixed number of statements
 * whatever the number of units (a country has ~10,000): the communes under every unit in one statement,
 * the clubs once for the widest scope (the country's, normally) and each unit's clubs picked from them by
 * commune — what readCoverageFacts gives for the unit alone, as the breakdown's rows take theirs (a club
 * is placed in the commune its `whole` successions lead to on T, the same whichever unit asks).
 */
export async function readFeedScopes(db: PoolClient, asOf: IsoDate): Promise<FeedScopes> {
  const units = await db.query<{ code: string; name: string; level: string }>(
    `SELECT code, name, level FROM rp_org_unit
      WHERE level = ANY($1::text[]) AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2)
      ORDER BY array_position($1::text[], level), code`,
    [FEED_LEVELS, asOf],
  );
  const communesOf = await readCommunesUnderEach(
    db,
    units.rows.map((u) => u.code),
    asOf,
  );
  const widest = await readWidestCoverage(db, units.rows, communesOf, asOf);
  const clubsIn = new Map<string, Array<CoverageFacts['clubs'][number]>>();
  for (const club of widest.clubs) clubsIn.set(club.communeCode, [...(clubsIn.get(club.communeCode) ?? []), club]);
  return {
    widest,
    units: units.rows.map((unit) => {
      const communes = communesOf.get(unit.code) ?? [];
      const clubs = [...new Set(communes)].flatMap((code) => clubsIn.get(code) ?? []).sort(byClubId);
      return { ...unit, scope: { communes, clubs } };
    }),
  };
}

/**
 * `communes(U,T)` for each of `units`: readCoverageFacts' walk down the parent links valid on T, from all
 * units at once, each commune list in the order PostgreSQL gives it (its collation, as readCoverageFacts).
 */
async function readCommunesUnderEach(db: PoolClient, units: readonly string[], asOf: IsoDate): Promise<Map<string, string[]>> {
  const r = await db.query<{ root: string; code: string }>(
    `WITH RECURSIVE tree AS (
       SELECT u.code AS root, u.code, u.level FROM rp_org_unit u
        WHERE u.code = ANY($1::text[]) AND u.valid_from <= $2 AND (u.valid_to IS NULL OR u.valid_to >= $2)
       UNION ALL
       SELECT tree.root, child.code, child.level
         FROM tree
         JOIN rp_org_unit_parent link ON link.parent_code = tree.code
              AND link.valid_from <= $2 AND (link.valid_to IS NULL OR link.valid_to >= $2)
         JOIN rp_org_unit child ON child.code = link.code
              AND child.valid_from <= $2 AND (child.valid_to IS NULL OR child.valid_to >= $2)
     )
     SELECT root, code FROM tree WHERE level = 'commune' ORDER BY root, code`,
    [units, asOf],
  );
  const communesOf = new Map<string, string[]>();
  for (const row of r.rows) {
    const communes = communesOf.get(row.root);
    if (communes) communes.push(row.code);
    else communesOf.set(row.root, [row.code]);
  }
  return communesOf;
}

/**
 * The coverage of the units that hold all the others' communes: the largest first, a unit read only if it
 * has a commune no unit read so far has (so the country alone, unless a province hangs outside it on T).
 */
async function readWidestCoverage(
  db: PoolClient,
  units: ReadonlyArray<{ code: string }>,
  communesOf: ReadonlyMap<string, readonly string[]>,
  asOf: IsoDate,
): Promise<CoverageFacts> {
  const largestFirst = [...units].sort((a, b) => (communesOf.get(b.code)?.length ?? 0) - (communesOf.get(a.code)?.length ?? 0));
  const communes = new Set<string>();
  const clubs = new Map<string, CoverageFacts['clubs'][number]>();
  for (const unit of largestFirst) {
    if ((communesOf.get(unit.code) ?? []).every((code) => communes.has(code))) continue;
    const coverage = await readCoverageFacts(db, unit.code, asOf);
    for (const code of coverage.communes) communes.add(code);
    for (const club of coverage.clubs) if (!clubs.has(club.clubId)) clubs.set(club.clubId, club);
  }
  return { communes: [...communes], clubs: [...clubs.values()].sort(byClubId) };
}

/** readCoverageFacts' order of clubs (uuid order, which is that of their lowercase text). */
const byClubId = (a: { clubId: string }, b: { clubId: string }): number => (a.clubId < b.clubId ? -1 : a.clubId > b.clubId ? 1 : 0);
