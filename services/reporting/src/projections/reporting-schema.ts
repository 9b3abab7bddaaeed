import { withLockedMigration } from '@ishc/platform';
import { Pool, PoolClient } from 'pg';
import { GENERATION_TABLE, generationTable } from '../read-model/generation.table';
import { ReadModelGeneration } from '../read-model/read-model-generation';
import { identifier, pointViewsAt } from '../read-model/read-model-views';
import { LOAN_INSTALMENT_TABLE, migrateLoanInstalments } from './loan-instalment.statements';
import { LOAN_PAID_TABLE, migrateLoanPaid } from './loan-paid.statements';
import { MEMBER_ACTIVITY_TABLE, migrateMemberActivity } from './member-activity.statements';
import { PROJECTION_VERSION_TABLE } from './projection-version';

/**
 * The reporting read models keep temporal facts (DESIGN §6), so any indicator can be computed for any
 * unit and date: unit validity, dated parent links, succession links (reforms), club lifetimes, club funds, members and memberships (and their roles), activities, loans. Idempotent; advisory-locked so
 * several starting processes do not race.
 */
const MIGRATION = `
CREATE TABLE IF NOT EXISTS rp_org_unit (
  code        text PRIMARY KEY,
  name        text NOT NULL,
  level       text NOT NULL,
  valid_from  date NOT NULL,
  valid_to    date,
  attributes  jsonb NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS rp_org_unit_parent (
  code         text NOT NULL,
  parent_code  text NOT NULL,
  valid_from   date NOT NULL,
  valid_to     date,
  PRIMARY KEY (code, valid_from)
);
CREATE INDEX IF NOT EXISTS rp_org_unit_parent_by_parent ON rp_org_unit_parent (parent_code, valid_from);
CREATE TABLE IF NOT EXISTS rp_org_unit_succession (
  from_code     text NOT NULL,
  to_code       text NOT NULL,
  kind          text NOT NULL,
  effective_on  date NOT NULL,
  PRIMARY KEY (from_code, to_code, effective_on)
);
CREATE INDEX IF NOT EXISTS rp_org_unit_succession_by_to ON rp_org_unit_succession (to_code);
CREATE TABLE IF NOT EXISTS rp_club (
  club_id         uuid PRIMARY KEY,
  commune_code    text NOT NULL,
  established_on  date NOT NULL,
  dissolved_on    date
);
CREATE INDEX IF NOT EXISTS rp_club_by_commune ON rp_club (commune_code, established_on);
-- The club's name (not personal data), for breakdowns by club; null in rows projected before it was kept.
ALTER TABLE rp_club ADD COLUMN IF NOT EXISTS name text;
-- After a partial succession, a club is reassigned explicitly: its commune from effective_on on.
CREATE TABLE IF NOT EXISTS rp_club_reassignment (
  club_id       uuid NOT NULL,
  commune_code  text NOT NULL,
  effective_on  date NOT NULL,
  PRIMARY KEY (club_id, effective_on)
);
-- Club funds (microfinance events): when each opened, and each dated movement of cash and of loans outstanding.
CREATE TABLE IF NOT EXISTS rp_fund (
  club_id    uuid NOT NULL,
  kind       text NOT NULL,
  opened_on  date NOT NULL,
  PRIMARY KEY (club_id, kind)
);
CREATE TABLE IF NOT EXISTS rp_fund_movement (
  event_id             uuid PRIMARY KEY,
  club_id              uuid NOT NULL,
  kind                 text NOT NULL,
  on_date              date NOT NULL,
  cash_delta_vnd       bigint NOT NULL,
  principal_delta_vnd  bigint NOT NULL
);
CREATE INDEX IF NOT EXISTS rp_fund_movement_by_fund ON rp_fund_movement (club_id, kind, on_date);
-- Members (statistics fields only, never personal data) and their dated memberships. The statistics
-- columns are null until the registration is projected: a death (another stream) may arrive first.
CREATE TABLE IF NOT EXISTS rp_member (
  member_id        uuid PRIMARY KEY,
  sex              text,
  birth_year       integer,
  ethnic_minority  boolean,
  disadvantaged    text[],
  died_on          date
);
CREATE TABLE IF NOT EXISTS rp_membership (
  member_id  uuid NOT NULL,
  club_id    uuid NOT NULL,
  joined_on  date NOT NULL,
  left_on    date,
  PRIMARY KEY (member_id, club_id, joined_on)
);
CREATE INDEX IF NOT EXISTS rp_membership_by_club ON rp_membership (club_id, joined_on);
-- Activities (activities.projection.ts): dated records, ids only (no health values, no names).
CREATE TABLE IF NOT EXISTS rp_meeting (
  meeting_id  uuid PRIMARY KEY,
  club_id     uuid NOT NULL,
  held_on     date NOT NULL,
  areas       text[] NOT NULL,
  extra       boolean NOT NULL
);
CREATE INDEX IF NOT EXISTS rp_meeting_by_club ON rp_meeting (club_id, held_on);
CREATE TABLE IF NOT EXISTS rp_session (
  session_id  uuid PRIMARY KEY,
  club_id     uuid NOT NULL,
  area        text NOT NULL,
  held_on     date NOT NULL
);
CREATE INDEX IF NOT EXISTS rp_session_by_club ON rp_session (club_id, held_on);
CREATE TABLE IF NOT EXISTS rp_health_check (
  health_check_id  uuid PRIMARY KEY,
  club_id          uuid NOT NULL,
  member_id        uuid NOT NULL,
  checked_on       date NOT NULL
);
CREATE INDEX IF NOT EXISTS rp_health_check_by_member ON rp_health_check (member_id, checked_on);
CREATE TABLE IF NOT EXISTS rp_home_care_visit (
  visit_id        uuid PRIMARY KEY,
  club_id         uuid NOT NULL,
  volunteer_id    uuid NOT NULL,
  beneficiary_id  uuid NOT NULL,
  visited_on      date NOT NULL
);
CREATE INDEX IF NOT EXISTS rp_home_care_visit_by_beneficiary ON rp_home_care_visit (beneficiary_id, visited_on);
CREATE TABLE IF NOT EXISTS rp_self_help_case (
  case_id         uuid PRIMARY KEY,
  club_id         uuid NOT NULL,
  beneficiary_id  uuid,
  opened_on       date NOT NULL,
  value_vnd       bigint
);
-- Loans (loans.projection.ts): disbursed club-fund loans with their schedule, and each dated payment.
CREATE TABLE IF NOT EXISTS rp_loan (
  loan_id         uuid PRIMARY KEY,
  club_id         uuid NOT NULL,
  member_id       uuid NOT NULL,
  principal_vnd   bigint NOT NULL,
  disbursed_on    date NOT NULL,
  schedule        jsonb NOT NULL,
  written_off_on  date
);
CREATE INDEX IF NOT EXISTS rp_loan_by_club ON rp_loan (club_id, disbursed_on);
CREATE INDEX IF NOT EXISTS rp_loan_by_member ON rp_loan (member_id, disbursed_on);
CREATE TABLE IF NOT EXISTS rp_loan_repayment (
  event_id    uuid PRIMARY KEY,
  loan_id     uuid NOT NULL,
  paid_on     date NOT NULL,
  amount_vnd  bigint NOT NULL
);
CREATE INDEX IF NOT EXISTS rp_loan_repayment_by_loan ON rp_loan_repayment (loan_id, paid_on);
-- A membership's roles (registry.projection.ts): the whole set in force from effective_on (the join, or
-- a change) until the member's next row in that club; members(k,T) still decides who is a member on T.
CREATE TABLE IF NOT EXISTS rp_membership_roles (
  member_id     uuid NOT NULL,
  club_id       uuid NOT NULL,
  effective_on  date NOT NULL,
  roles         text[] NOT NULL,
  PRIMARY KEY (member_id, club_id, effective_on)
);
CREATE INDEX IF NOT EXISTS rp_membership_roles_by_club ON rp_membership_roles (club_id, effective_on);
-- The role sets naming a volunteer role (a few per club), for the well-managed criterion's count (club-tally.query.ts).
CREATE INDEX IF NOT EXISTS rp_membership_roles_volunteers ON rp_membership_roles (club_id, effective_on)
  WHERE roles && ARRAY['home_care_volunteer', 'livelihood_volunteer']::text[];
`;

/** The tables of a generation, as the migration names them (legacy databases had them in `public`). */
export const READ_MODEL_TABLES: readonly string[] = [...(MIGRATION + MEMBER_ACTIVITY_TABLE + LOAN_INSTALMENT_TABLE + LOAN_PAID_TABLE + PROJECTION_VERSION_TABLE).matchAll(/CREATE TABLE IF NOT EXISTS (\w+)/g)].map((m) => m[1]);

/**
 * Creates (idempotently, under an advisory lock, so starting processes do not race) the generation table
 * in `public` and the read-model tables in `generation`'s schema: by default the active generation's,
 * whose views in `public` it then points at its tables (read-model-views.ts). A database from before
 * generations has its tables moved into generation 0's schema first: nothing is projected again.
 */
export function migrateReportingSchema(pool: Pool, generation?: ReadModelGeneration): Promise<void> {
  return withLockedMigration(pool, 'ishc:reporting-schema', async (client) => {
    await client.query(`SET LOCAL search_path TO public; ${GENERATION_TABLE}`);
    const active = await generationTable.active(client);
    const target = generation ?? active;
    const schema = identifier(target.schema);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    if (target.number === 0) await moveLegacyTables(client, target.schema);
    await client.query(`SET LOCAL search_path TO ${schema}; ${MIGRATION} ${PROJECTION_VERSION_TABLE}`);
    await migrateMemberActivity(client);
    await migrateLoanInstalments(client);
    await migrateLoanPaid(client);
    if (target.number === active.number) await pointViewsAt(client, target.schema);
  });
}

async function moveLegacyTables(client: PoolClient, schema: string): Promise<void> {
  const legacy = await client.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relname = ANY($1::text[])`,
    [READ_MODEL_TABLES],
  );
  for (const { name } of legacy.rows) await client.query(`ALTER TABLE public.${identifier(name)} SET SCHEMA ${identifier(schema)}`);
}
