import { EncryptedPersonalDataV1, MemberRegisteredV1 } from '@ishc/contracts';
import { Pool, PoolClient } from 'pg';
import { DuplicateReason } from './domain/duplicate-match';

type Db = Pool | PoolClient;

export interface MemberRow extends MemberRegisteredV1 {
  erasedOn: string | null;
  diedOn: string | null;
}

interface Row {
  member_id: string;
  sex: MemberRegisteredV1['sex'];
  birth_year: number;
  ethnic_minority: boolean | null;
  disadvantaged: MemberRegisteredV1['disadvantaged'];
  commune_code: string;
  registered_on: string;
  personal: EncryptedPersonalDataV1;
  erased_on: string | null;
  died_on: string | null;
}

const COLUMNS = `member_id, sex, birth_year, ethnic_minority, disadvantaged, commune_code,
  to_char(registered_on, 'YYYY-MM-DD') AS registered_on, personal,
  to_char(erased_on, 'YYYY-MM-DD') AS erased_on, to_char(died_on, 'YYYY-MM-DD') AS died_on`;

const toMember = (r: Row): MemberRow => ({
  memberId: r.member_id,
  sex: r.sex,
  birthYear: r.birth_year,
  ethnicMinority: r.ethnic_minority,
  disadvantaged: r.disadvantaged,
  communeCode: r.commune_code,
  registeredOn: r.registered_on,
  personal: r.personal,
  erasedOn: r.erased_on,
  diedOn: r.died_on,
});

export interface PossibleDuplicate {
  memberId: string;
  duplicateOf: string;
  reason: DuplicateReason;
}

/** The registry's member tables (see registry-schema.ts): members, their wrapped data keys, match hashes. */
export const memberTable = {
  async find(db: Db, memberId: string): Promise<MemberRow | null> {
    const r = await db.query<Row>(`SELECT ${COLUMNS} FROM members WHERE member_id = $1`, [memberId]);
    return r.rows[0] ? toMember(r.rows[0]) : null;
  },

  async insert(db: Db, m: MemberRegisteredV1, wrappedKey: EncryptedPersonalDataV1): Promise<void> {
    await db.query(
      `INSERT INTO members (member_id, sex, birth_year, ethnic_minority, disadvantaged, commune_code, registered_on, personal)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [m.memberId, m.sex, m.birthYear, m.ethnicMinority, m.disadvantaged, m.communeCode, m.registeredOn, JSON.stringify(m.personal)],
    );
    await db.query('INSERT INTO member_keys (member_id, wrapped_key) VALUES ($1, $2)', [m.memberId, JSON.stringify(wrappedKey)]);
  },

  async wrappedKey(db: Db, memberId: string): Promise<EncryptedPersonalDataV1 | null> {
    const r = await db.query<{ wrapped_key: EncryptedPersonalDataV1 }>('SELECT wrapped_key FROM member_keys WHERE member_id = $1', [memberId]);
    return r.rows[0]?.wrapped_key ?? null;
  },

  /** Crypto-shredding: the data key, the match hashes and the duplicate links go; the statistics stay. */
  async erase(db: Db, memberId: string, erasedOn: string): Promise<void> {
    await db.query('DELETE FROM member_keys WHERE member_id = $1', [memberId]);
    await db.query('DELETE FROM member_match_hashes WHERE member_id = $1', [memberId]);
    await db.query('DELETE FROM member_possible_duplicates WHERE member_id = $1 OR duplicate_of = $1', [memberId]);
    await db.query('UPDATE members SET erased_on = $2 WHERE member_id = $1', [memberId, erasedOn]);
  },

  /** Records the member's match hashes and links it to the earlier members sharing one; returns the links. */
  async recordMatches(db: Db, memberId: string, hashes: Array<{ reason: DuplicateReason; hash: string }>): Promise<PossibleDuplicate[]> {
    const found: PossibleDuplicate[] = [];
    for (const { reason, hash } of hashes) {
      const r = await db.query<{ member_id: string }>(
        'SELECT member_id FROM member_match_hashes WHERE reason = $1 AND hash = $2 AND member_id <> $3 ORDER BY member_id',
        [reason, hash, memberId],
      );
      for (const row of r.rows) {
        found.push({ memberId, duplicateOf: row.member_id, reason });
        await db.query('INSERT INTO member_possible_duplicates (member_id, duplicate_of, reason) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
          memberId,
          row.member_id,
          reason,
        ]);
      }
      await db.query('INSERT INTO member_match_hashes (member_id, reason, hash) VALUES ($1, $2, $3)', [memberId, reason, hash]);
    }
    return found;
  },

  async possibleDuplicates(db: Db): Promise<Array<PossibleDuplicate & { communeCode: string; duplicateCommuneCode: string }>> {
    const r = await db.query<{ member_id: string; duplicate_of: string; reason: DuplicateReason; commune_code: string; duplicate_commune_code: string }>(
      `SELECT d.member_id, d.duplicate_of, d.reason, a.commune_code, b.commune_code AS duplicate_commune_code
         FROM member_possible_duplicates d
         JOIN members a ON a.member_id = d.member_id
         JOIN members b ON b.member_id = d.duplicate_of
        ORDER BY a.registered_on, d.member_id, d.duplicate_of, d.reason`,
    );
    return r.rows.map((x) => ({ memberId: x.member_id, duplicateOf: x.duplicate_of, reason: x.reason, communeCode: x.commune_code, duplicateCommuneCode: x.duplicate_commune_code }));
  },

  async markDied(db: Db, memberId: string, diedOn: string): Promise<void> {
    await db.query('UPDATE members SET died_on = $2 WHERE member_id = $1', [memberId, diedOn]);
  },
};
