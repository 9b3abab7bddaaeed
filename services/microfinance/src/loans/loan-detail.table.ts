import { IsoDate } from '@ishc/contracts';
import { Pool, PoolClient } from 'pg';
import { ReplicatedClub, readClubContextOfRows } from '@ishc/registry-replica';

type Db = Pool | PoolClient;

/**
 * What a loan has beyond its events, written in the same transaction as them: the free text a client sent
 * (purpose, the write-off's reason), which may name people and so stays out of the published events, and
 * the club's loans by club for GET /clubs/{clubId}/loans. A member's erasure blanks the text.
 */
export const LOAN_DETAIL_TABLE = `
CREATE TABLE IF NOT EXISTS loan_detail (
  loan_id           uuid PRIMARY KEY,
  club_id           uuid NOT NULL,
  member_id         uuid NOT NULL,
  applied_on        date NOT NULL,
  purpose           text NOT NULL,
  write_off_reason  text
);
CREATE INDEX IF NOT EXISTS loan_detail_by_club ON loan_detail (club_id, applied_on);
`;

/** The text that replaces a purpose or reason once the member's data was erased. */
export const ERASED_TEXT = '(erased)';

export interface LoanDetail {
  loanId: string;
  clubId: string;
  memberId: string;
  appliedOn: IsoDate;
  purpose: string;
  writeOffReason: string | null;
}

export const loanDetailTable = {
  async insert(db: Db, detail: Omit<LoanDetail, 'writeOffReason'>): Promise<void> {
    await db.query('INSERT INTO loan_detail (loan_id, club_id, member_id, applied_on, purpose) VALUES ($1, $2, $3, $4, $5)', [
      detail.loanId,
      detail.clubId,
      detail.memberId,
      detail.appliedOn,
      detail.purpose,
    ]);
  },

  async recordWriteOffReason(db: Db, loanId: string, reason: string): Promise<void> {
    await db.query('UPDATE loan_detail SET write_off_reason = $2 WHERE loan_id = $1', [loanId, reason]);
  },

  async find(db: Db, loanId: string): Promise<LoanDetail | null> {
    const { rows } = await db.query<Row>(`${SELECT} WHERE loan_id = $1`, [loanId]);
    return rows[0] ? fromRow(rows[0]) : null;
  },

  /**
   * The loan's detail and its club as the replica knows it (null: not seen yet), in one statement: a command's
   * round trips are most of its cost. The club is read by the replica library, which owns the replica's tables.
   */
  async findWithClub(db: Db, loanId: string): Promise<{ detail: LoanDetail; club: ReplicatedClub | null } | null> {
    const [row] = await readClubContextOfRows<Row>(db, `SELECT ${COLUMNS}, '{}'::uuid[] AS member_ids FROM loan_detail WHERE loan_id = $1`, [loanId]);
    return row ? { detail: fromRow(row), club: row.clubContext.club } : null;
  },

  /** The club's loans applied for on or before `asOf`, oldest first. */
  async ofClub(db: Db, clubId: string, asOf: IsoDate): Promise<LoanDetail[]> {
    const { rows } = await db.query<Row>(`${SELECT} WHERE club_id = $1 AND applied_on <= $2 ORDER BY applied_on, loan_id`, [clubId, asOf]);
    return rows.map(fromRow);
  },

  /** Blanks the free text of a member's loans (the registry erased the member's personal data). */
  async eraseTextOfMember(db: Db, memberId: string): Promise<void> {
    await db.query(`UPDATE loan_detail SET purpose = $2, write_off_reason = CASE WHEN write_off_reason IS NULL THEN NULL ELSE $2 END WHERE member_id = $1`, [
      memberId,
      ERASED_TEXT,
    ]);
  },
};

const COLUMNS = `loan_id, club_id, member_id, to_char(applied_on, 'YYYY-MM-DD') AS applied_on, purpose, write_off_reason`;
const SELECT = `SELECT ${COLUMNS} FROM loan_detail`;

interface Row {
  loan_id: string;
  club_id: string;
  member_id: string;
  applied_on: string;
  purpose: string;
  write_off_reason: string | null;
}

function fromRow(row: Row): LoanDetail {
  return { loanId: row.loan_id, clubId: row.club_id, memberId: row.member_id, appliedOn: row.applied_on, purpose: row.purpose, writeOffReason: row.write_off_reason };
}
