import { Pool, PoolClient } from 'pg';
import { FIRST_GENERATION, GenerationState, ReadModelGeneration, generationNumbered } from './read-model-generation';

/**
 * The generations of the read models (read-model-generation.ts), in `public`. Partial unique indexes
 * keep at most one active and at most one building generation, whatever races.
 */
export const GENERATION_TABLE = `
CREATE TABLE IF NOT EXISTS rp_generation (
  number        integer PRIMARY KEY,
  state         text NOT NULL CHECK (state IN ('building', 'active', 'retired', 'abandoned')),
  started_at    timestamptz NOT NULL DEFAULT now(),
  activated_at  timestamptz,
  ended_at      timestamptz,
  -- Why a rebuild was abandoned; when a retired or abandoned generation's tables were dropped.
  failure       text,
  dropped_at    timestamptz
);
CREATE UNIQUE INDEX IF NOT EXISTS rp_generation_one_active ON rp_generation ((true)) WHERE state = 'active';
CREATE UNIQUE INDEX IF NOT EXISTS rp_generation_one_building ON rp_generation ((true)) WHERE state = 'building';
INSERT INTO rp_generation (number, state, activated_at) SELECT 0, 'active', now() WHERE NOT EXISTS (SELECT 1 FROM rp_generation);
`;

export interface GenerationRecord extends ReadModelGeneration {
  state: GenerationState;
  startedAt: string;
  activatedAt: string | null;
  endedAt: string | null;
  failure: string | null;
}

type Db = Pool | PoolClient;

interface GenerationRow {
  number: number;
  state: GenerationState;
  started_at: Date;
  activated_at: Date | null;
  ended_at: Date | null;
  failure: string | null;
}

const COLUMNS = 'number, state, started_at, activated_at, ended_at, failure';

function toRecord(row: GenerationRow): GenerationRecord {
  return {
    ...generationNumbered(row.number),
    state: row.state,
    startedAt: row.started_at.toISOString(),
    activatedAt: row.activated_at?.toISOString() ?? null,
    endedAt: row.ended_at?.toISOString() ?? null,
    failure: row.failure,
  };
}

export const generationTable = {
  async active(db: Db): Promise<ReadModelGeneration> {
    const r = await db.query<{ number: number }>(`SELECT number FROM rp_generation WHERE state = 'active'`);
    return r.rows[0] ? generationNumbered(r.rows[0].number) : FIRST_GENERATION;
  },

  async list(db: Db): Promise<GenerationRecord[]> {
    const r = await db.query<GenerationRow>(`SELECT ${COLUMNS} FROM rp_generation ORDER BY number`);
    return r.rows.map(toRecord);
  },

  async find(db: Db, number: number): Promise<GenerationRecord | null> {
    const r = await db.query<GenerationRow>(`SELECT ${COLUMNS} FROM rp_generation WHERE number = $1`, [number]);
    return r.rows[0] ? toRecord(r.rows[0]) : null;
  },

  /** The next generation, as building; null when one is already building (the partial unique index). */
  async startNext(db: Db): Promise<GenerationRecord | null> {
    const r = await db.query<GenerationRow>(
      `INSERT INTO rp_generation (number, state) SELECT max(number) + 1, 'building' FROM rp_generation
       ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
    );
    return r.rows[0] ? toRecord(r.rows[0]) : null;
  },

  /**
   * In the caller's transaction (the switch-over, with the views): the building generation becomes
   * active and the active one retired. Two statements, as the one-active index is checked row by row.
   */
  async activate(client: PoolClient, number: number): Promise<void> {
    await client.query(`UPDATE rp_generation SET state = 'retired', ended_at = now() WHERE state = 'active'`);
    const r = await client.query(`UPDATE rp_generation SET state = 'active', activated_at = now() WHERE number = $1 AND state = 'building'`, [number]);
    if (r.rowCount !== 1) throw new Error(`generation ${number} is not building`);
  },

  async markDropped(db: Db, number: number): Promise<void> {
    await db.query(`UPDATE rp_generation SET dropped_at = now() WHERE number = $1`, [number]);
  },

  /** Retired or abandoned generations whose tables are still there (a drop that waited too long). */
  async undropped(db: Db): Promise<ReadModelGeneration[]> {
    const r = await db.query<{ number: number }>(`SELECT number FROM rp_generation WHERE state IN ('retired', 'abandoned') AND dropped_at IS NULL ORDER BY number`);
    return r.rows.map((row) => generationNumbered(row.number));
  },

  async abandon(db: Db, number: number, failure: string): Promise<void> {
    await db.query(`UPDATE rp_generation SET state = 'abandoned', ended_at = now(), failure = $2 WHERE number = $1 AND state = 'building'`, [number, failure]);
  },

  /** Building generations nobody builds any more (the process that built them stopped). */
  async abandonAllBuilding(db: Db): Promise<void> {
    await db.query(`UPDATE rp_generation SET state = 'abandoned', ended_at = now(), failure = 'the process building it stopped' WHERE state = 'building'`);
  },
};
