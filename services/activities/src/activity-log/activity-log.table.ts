import { IsoDate } from '@ishc/contracts';
import { Pool, PoolClient } from 'pg';

type Db = Pool | PoolClient;

export const ACTIVITY_KINDS = ['meeting', 'session', 'health_check', 'home_care_visit', 'self_help_case'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** One record of the log: what its event says, and the details that never enter an event. */
export interface ActivityLogEntry {
  recordId: string;
  clubId: string;
  kind: ActivityKind;
  on: IsoDate;
  /** The event's data. */
  record: object;
  /** Sensitive details (health-check measurements, home-care services); null when none, or erased. */
  details: Record<string, unknown> | null;
  /** The person the details are about (erasure clears them). */
  subjectId: string | null;
}

/**
 * The club's activity log, read by month. Each write use case adds its entry in the transaction that
 * appends its event (the UnitOfWork's client), so the log and the events never disagree. It is also the
 * only home of the sensitive details, which the events (and so Kafka and reporting) never carry.
 */
/** An entry as read back (the event's data as JSON). */
export type StoredActivityLogEntry = ActivityLogEntry & { record: Record<string, unknown> };

export const activityLogTable = {
  async add(client: PoolClient, entry: ActivityLogEntry): Promise<void> {
    await client.query(
      `INSERT INTO activity_log (record_id, club_id, kind, on_date, record, details, subject_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [entry.recordId, entry.clubId, entry.kind, entry.on, JSON.stringify(entry.record), entry.details === null ? null : JSON.stringify(entry.details), entry.subjectId],
    );
  },

  /** The club's entries dated within the calendar month `YYYY-MM`, by date then kind. */
  async forMonth(db: Db, clubId: string, month: string): Promise<StoredActivityLogEntry[]> {
    const r = await db.query<{ record_id: string; club_id: string; kind: ActivityKind; on_date: string; record: Record<string, unknown>; details: Record<string, unknown> | null; subject_id: string | null }>(
      `SELECT record_id, club_id, kind, to_char(on_date, 'YYYY-MM-DD') AS on_date, record, details, subject_id
         FROM activity_log
        WHERE club_id = $1 AND on_date >= to_date($2, 'YYYY-MM') AND on_date < to_date($2, 'YYYY-MM') + interval '1 month'
        ORDER BY on_date, kind, record_id`,
      [clubId, month],
    );
    return r.rows.map((row) => ({ recordId: row.record_id, clubId: row.club_id, kind: row.kind, on: row.on_date, record: row.record, details: row.details, subjectId: row.subject_id }));
  },

  /** Erasure of a member (crypto-shredding in the registry): the sensitive details about them go too. */
  async eraseDetailsAbout(client: PoolClient, memberId: string): Promise<void> {
    await client.query('UPDATE activity_log SET details = NULL WHERE subject_id = $1', [memberId]);
  },
};
