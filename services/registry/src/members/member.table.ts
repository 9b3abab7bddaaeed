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

  async findMany(db: Db, memberIds: string[]): Promise<Map<string, MemberRow>> {
    const r = await db.query<Row>(`SELECT ${COLUMNS} FROM members WHERE member_id = ANY($1::uuid[])`, [memberIds]);
    return new Map(r.rows.map((row) => [row.member_id, toMember(row)]));
  },

  /** The wrapped data keys of those members that still have one. */
  async wrappedKeys(db: Db, memberIds: string[]): Promise<Map<string, EncryptedPersonalDataV1>> {
    const r = await db.query<{ member_id: string; wrapped_key: EncryptedPersonalDataV1 }>(
      'SELECT member_id, wrapped_key FROM member_keys WHERE member_id = ANY($1::uuid[])',
      [memberIds],
    );
    return new Map(r.rows.map((row) => [row.member_id, row.wrapped_key]));
  },

  /**
   * One registration, in ONE statement (one round trip instead of six): the member row, its wrapped data
   * key, its match hashes, and a possible-duplicate link to each earlier member sharing one of them.
   * Answers those links, in the order of `hashes`, then by member id. The lookup reads the hashes as they
   * were before this statement, so the new member never matches itself.
   */
  async register(
    db: Db,
    m: MemberRegisteredV1,
    wrappedKey: EncryptedPersonalDataV1,
    hashes: Array<{ reason: DuplicateReason; hash: string }>,
  ): Promise<PossibleDuplicate[]> {
    const r = await db.query<{ duplicate_of: string; reason: DuplicateReason }>(
      `WITH new_member AS (
         INSERT INTO members (member_id, sex, birth_year, ethnic_minority, disadvantaged, commune_code, registered_on, personal)
         VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8)
       ), new_key AS (
         INSERT INTO member_keys (member_id, wrapped_key) VALUES ($1::uuid, $9)
       ), given AS (
         SELECT h.reason, h.hash, h.ord FROM unnest($10::text[], $11::text[]) WITH ORDINALITY AS h(reason, hash, ord)
       ), new_hashes AS (
         INSERT INTO member_match_hashes (member_id, reason, hash) SELECT $1::uuid, g.reason, g.hash FROM given g
       ), found AS (
         SELECT g.ord, g.reason, x.member_id AS duplicate_of
           FROM given g JOIN member_match_hashes x ON x.reason = g.reason AND x.hash = g.hash AND x.member_id <> $1::uuid
       ), links AS (
         INSERT INTO member_possible_duplicates (member_id, duplicate_of, reason)
         SELECT $1::uuid, f.duplicate_of, f.reason FROM found f
         ON CONFLICT DO NOTHING
       )
       SELECT duplicate_of, reason FROM found ORDER BY ord, duplicate_of`,
      [
        m.memberId,
        m.sex,
        m.birthYear,
        m.ethnicMinority,
        m.disadvantaged,
        m.communeCode,
        m.registeredOn,
        JSON.stringify(m.personal),
        JSON.stringify(wrappedKey),
        hashes.map((h) => h.reason),
        hashes.map((h) => h.hash),
      ],
    );
    return r.rows.map((row) => ({ memberId: m.memberId, duplicateOf: row.duplicate_of, reason: row.reason }));
  },

  /** Many registrations at once (a bulk import): one statement per table. */
  async insertMany(db: Db, entries: Array<{ member: MemberRegisteredV1; wrappedKey: EncryptedPersonalDataV1 }>): Promise<void> {
    if (entries.length === 0) return;
    const members = entries.map(({ member: m }) => ({
      member_id: m.memberId,
      sex: m.sex,
      birth_year: m.birthYear,
      ethnic_minority: m.ethnicMinority,
      disadvantaged: m.disadvantaged,
      commune_code: m.communeCode,
      registered_on: m.registeredOn,
      personal: m.personal,
    }));
    await db.query(
      `INSERT INTO members (member_id, sex, birth_year, ethnic_minority, disadvantaged, commune_code, registered_on, personal)
       SELECT x.member_id, x.sex, x.birth_year, x.ethnic_minority, ARRAY(SELECT jsonb_array_elements_text(x.disadvantaged)), x.commune_code, x.registered_on, x.personal
         FROM jsonb_to_recordset($1::jsonb) AS x(member_id uuid, sex text, birth_year integer, ethnic_minority boolean, disadvantaged jsonb,
                                                commune_code text, registered_on date, personal jsonb)`,
      [JSON.stringify(members)],
    );
    await db.query(
      `INSERT INTO member_keys (member_id, wrapped_key) SELECT x.member_id, x.wrapped_key FROM jsonb_to_recordset($1::jsonb) AS x(member_id uuid, wrapped_key jsonb)`,
      [JSON.stringify(entries.map((e) => ({ member_id: e.member.memberId, wrapped_key: e.wrappedKey })))],
    );
  },

  /** The members already holding one of these match hashes. */
  async matchingHashes(db: Db, hashes: string[]): Promise<Array<{ memberId: string; reason: DuplicateReason; hash: string }>> {
    if (hashes.length === 0) return [];
    const r = await db.query<{ member_id: string; reason: DuplicateReason; hash: string }>(
      'SELECT member_id, reason, hash FROM member_match_hashes WHERE hash = ANY($1::text[]) ORDER BY member_id',
      [hashes],
    );
    return r.rows.map((row) => ({ memberId: row.member_id, reason: row.reason, hash: row.hash }));
  },

  /** Match hashes and possible-duplicate links of many new members at once. */
  async recordMatchesMany(
    db: Db,
    hashes: Array<{ memberId: string; reason: DuplicateReason; hash: string }>,
    duplicates: PossibleDuplicate[],
  ): Promise<void> {
    if (hashes.length > 0) {
      await db.query(
        `INSERT INTO member_match_hashes (member_id, reason, hash)
         SELECT x.member_id, x.reason, x.hash FROM jsonb_to_recordset($1::jsonb) AS x(member_id uuid, reason text, hash text)`,
        [JSON.stringify(hashes.map((h) => ({ member_id: h.memberId, reason: h.reason, hash: h.hash })))],
      );
    }
    if (duplicates.length > 0) {
      await db.query(
        `INSERT INTO member_possible_duplicates (member_id, duplicate_of, reason)
         SELECT x.member_id, x.duplicate_of, x.reason FROM jsonb_to_recordset($1::jsonb) AS x(member_id uuid, duplicate_of uuid, reason text)
         ON CONFLICT DO NOTHING`,
        [JSON.stringify(duplicates.map((d) => ({ member_id: d.memberId, duplicate_of: d.duplicateOf, reason: d.reason })))],
      );
    }
  },

  /** Members created by earlier imports of the same rows (by the rows' keyed fingerprints). */
  async importedRows(db: Db, fingerprints: string[]): Promise<Map<string, string>> {
    if (fingerprints.length === 0) return new Map();
    const r = await db.query<{ fingerprint: string; member_id: string }>('SELECT fingerprint, member_id FROM member_import_rows WHERE fingerprint = ANY($1::text[])', [
      fingerprints,
    ]);
    return new Map(r.rows.map((row) => [row.fingerprint, row.member_id]));
  },

  async recordImportedRows(db: Db, rows: Array<{ fingerprint: string; memberId: string }>): Promise<void> {
    if (rows.length === 0) return;
    await db.query(
      `INSERT INTO member_import_rows (fingerprint, member_id)
       SELECT x.fingerprint, x.member_id FROM jsonb_to_recordset($1::jsonb) AS x(fingerprint text, member_id uuid)`,
      [JSON.stringify(rows.map((r) => ({ fingerprint: r.fingerprint, member_id: r.memberId })))],
    );
  },

  async wrappedKey(db: Db, memberId: string): Promise<EncryptedPersonalDataV1 | null> {
    const r = await db.query<{ wrapped_key: EncryptedPersonalDataV1 }>('SELECT wrapped_key FROM member_keys WHERE member_id = $1', [memberId]);
    return r.rows[0]?.wrapped_key ?? null;
  },

  /** Crypto-shredding: the data key, the match hashes and the duplicate links go; the statistics stay. */
  async erase(db: Db, memberId: string, erasedOn: string): Promise<void> {
    await db.query('DELETE FROM member_keys WHERE member_id = $1', [memberId]);
    await db.query('DELETE FROM member_match_hashes WHERE member_id = $1', [memberId]);
    await db.query('DELETE FROM member_import_rows WHERE member_id = $1', [memberId]);
    await db.query('DELETE FROM member_possible_duplicates WHERE member_id = $1 OR duplicate_of = $1', [memberId]);
    await db.query('UPDATE members SET erased_on = $2 WHERE member_id = $1', [memberId, erasedOn]);
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
