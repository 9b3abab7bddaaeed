import { Pool, PoolClient } from 'pg';
import { ClubFundFacts, FundFacts, fundFactsAmong } from './domain/fund-indicators';

/** The fund facts of ISHC.md §6 for `clubs(U,T)` (the club ids given) on `asOf`. */
export async function readFundFacts(db: Pool | PoolClient, clubIds: readonly string[], asOf: string): Promise<FundFacts> {
  return fundFactsAmong(await readClubFundFacts(db, clubIds, asOf), new Set(clubIds));
}

/** readFundFacts with the income fund's capital club by club, so that any part of the scope is a sum. */
export async function readClubFundFacts(db: Pool | PoolClient, clubIds: readonly string[], asOf: string): Promise<ClubFundFacts> {
  const opened = await db.query<{ club_id: string; kind: 'income' | 'activity' }>(
    `SELECT club_id, kind FROM rp_fund WHERE club_id = ANY($1::uuid[]) AND opened_on <= $2 ORDER BY club_id, kind`,
    [clubIds, asOf],
  );
  const capital = await db.query<{ club_id: string; capital: string }>(
    `SELECT m.club_id, SUM(m.cash_delta_vnd + m.principal_delta_vnd)::text AS capital
       FROM rp_fund_movement m JOIN rp_fund f ON f.club_id = m.club_id AND f.kind = m.kind AND f.opened_on <= $2
      WHERE m.club_id = ANY($1::uuid[]) AND m.kind = 'income' AND m.on_date <= $2
      GROUP BY m.club_id`,
    [clubIds, asOf],
  );
  return {
    fundsOpened: opened.rows.map((r) => ({ clubId: r.club_id, kind: r.kind })),
    incomeFundCapitalVnd: new Map(capital.rows.map((r) => [r.club_id, Number(r.capital)])),
  };
}
