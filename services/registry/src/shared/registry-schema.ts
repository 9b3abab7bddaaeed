import { runLockedMigration } from '@ishc/platform';
import { Pool } from 'pg';

/**
 * The registry's own read tables, written in the same transaction as the events they reflect (an
 * inline projection): commands check references against them (a parent, a club's commune) and the
 * GET routes read them. The events stay the source of truth; these tables can be rebuilt from them.
 */
const MIGRATION = `
CREATE TABLE IF NOT EXISTS org_units (
  code         text PRIMARY KEY,
  name         text NOT NULL,
  level        text NOT NULL,
  parent_code  text,
  valid_from   date NOT NULL,
  valid_to     date,
  attributes   jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS org_units_by_parent ON org_units (parent_code);
-- Dated parents: one row per interval (org_units.parent_code keeps the parent the unit was defined with).
CREATE TABLE IF NOT EXISTS org_unit_parents (
  code         text NOT NULL,
  parent_code  text NOT NULL,
  valid_from   date NOT NULL,
  valid_to     date,
  PRIMARY KEY (code, valid_from)
);
CREATE INDEX IF NOT EXISTS org_unit_parents_by_parent ON org_unit_parents (parent_code, valid_from);
-- A database from before dated parents: each unit's single parent becomes its one link.
INSERT INTO org_unit_parents (code, parent_code, valid_from, valid_to)
  SELECT u.code, u.parent_code, u.valid_from, u.valid_to FROM org_units u
   WHERE u.parent_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM org_unit_parents p WHERE p.code = u.code)
  ON CONFLICT DO NOTHING;
CREATE TABLE IF NOT EXISTS org_unit_successions (
  from_code      text NOT NULL,
  to_code        text NOT NULL,
  kind           text NOT NULL,
  effective_on   date NOT NULL,
  change_set_id  text NOT NULL,
  PRIMARY KEY (from_code, to_code, effective_on)
);
CREATE INDEX IF NOT EXISTS org_unit_successions_by_to ON org_unit_successions (to_code);
CREATE TABLE IF NOT EXISTS org_unit_change_sets (
  change_set_id  text PRIMARY KEY,
  effective_on   date NOT NULL
);
CREATE TABLE IF NOT EXISTS clubs (
  club_id         uuid PRIMARY KEY,
  name            text NOT NULL,
  commune_code    text NOT NULL,
  hamlet_code     text,
  established_on  date NOT NULL,
  dissolved_on    date
);
CREATE INDEX IF NOT EXISTS clubs_by_commune ON clubs (commune_code);
ALTER TABLE clubs ADD COLUMN IF NOT EXISTS dissolution_reason text;
-- Where a club was put, dated: its establishment, then each reassignment (after a partial succession).
-- clubs.commune_code is the latest; a whole succession moves no row (reads follow the links).
CREATE TABLE IF NOT EXISTS club_assignments (
  club_id       uuid NOT NULL,
  commune_code  text NOT NULL,
  hamlet_code   text,
  valid_from    date NOT NULL,
  valid_to      date,
  PRIMARY KEY (club_id, valid_from)
);
CREATE INDEX IF NOT EXISTS club_assignments_by_commune ON club_assignments (commune_code);
-- A database from before reassignments: each club's commune is its one assignment.
INSERT INTO club_assignments (club_id, commune_code, hamlet_code, valid_from)
  SELECT c.club_id, c.commune_code, c.hamlet_code, c.established_on FROM clubs c
   WHERE NOT EXISTS (SELECT 1 FROM club_assignments a WHERE a.club_id = c.club_id)
  ON CONFLICT DO NOTHING;
-- Members: statistics fields in clear, personal data as the ciphertext of MemberRegistered.
CREATE TABLE IF NOT EXISTS members (
  member_id       uuid PRIMARY KEY,
  sex             text NOT NULL,
  birth_year      integer NOT NULL,
  ethnic_minority boolean,
  disadvantaged   text[] NOT NULL,
  commune_code    text NOT NULL,
  registered_on   date NOT NULL,
  personal        jsonb NOT NULL,
  erased_on       date,
  died_on         date
);
CREATE INDEX IF NOT EXISTS members_by_commune ON members (commune_code);
-- Each member's data key, wrapped by the master key. The only copy: deleting the row erases the member.
CREATE TABLE IF NOT EXISTS member_keys (
  member_id    uuid PRIMARY KEY,
  wrapped_key  jsonb NOT NULL
);
-- Keyed hashes (HMAC) of the duplicate-match keys; never clear values. Deleted on erasure.
CREATE TABLE IF NOT EXISTS member_match_hashes (
  member_id  uuid NOT NULL,
  reason     text NOT NULL,
  hash       text NOT NULL,
  PRIMARY KEY (member_id, reason)
);
CREATE INDEX IF NOT EXISTS member_match_hashes_by_hash ON member_match_hashes (hash);
-- Memberships (all of a person's in the stream member-memberships-<memberId>); left_on exclusive.
CREATE TABLE IF NOT EXISTS memberships (
  member_id     uuid NOT NULL,
  club_id       uuid NOT NULL,
  joined_on     date NOT NULL,
  left_on       date,
  roles         text[] NOT NULL,
  roles_since   date NOT NULL,
  end_reason    text,
  PRIMARY KEY (member_id, club_id, joined_on)
);
CREATE INDEX IF NOT EXISTS memberships_by_club ON memberships (club_id);
-- The roles of each membership, dated: from joined_on, then from each role change (reads "on a date").
CREATE TABLE IF NOT EXISTS membership_roles (
  member_id   uuid NOT NULL,
  club_id     uuid NOT NULL,
  joined_on   date NOT NULL,
  valid_from  date NOT NULL,
  roles       text[] NOT NULL,
  PRIMARY KEY (member_id, club_id, joined_on, valid_from)
);
-- A database from before dated roles: each membership's current roles stand for its whole span.
INSERT INTO membership_roles (member_id, club_id, joined_on, valid_from, roles)
  SELECT m.member_id, m.club_id, m.joined_on, m.joined_on, m.roles FROM memberships m
   WHERE NOT EXISTS (SELECT 1 FROM membership_roles r WHERE r.member_id = m.member_id AND r.club_id = m.club_id AND r.joined_on = m.joined_on)
  ON CONFLICT DO NOTHING;
-- Rows already imported from a member file (a keyed hash of the row, never its values): importing the
-- same file again creates nothing new. Deleted with the member's other hashes on erasure.
CREATE TABLE IF NOT EXISTS member_import_rows (
  fingerprint  text PRIMARY KEY,
  member_id    uuid NOT NULL
);
CREATE INDEX IF NOT EXISTS member_import_rows_by_member ON member_import_rows (member_id);
-- Possible duplicates found on registration: reported, listed, never merged.
CREATE TABLE IF NOT EXISTS member_possible_duplicates (
  member_id        uuid NOT NULL,
  duplicate_of     uuid NOT NULL,
  reason           text NOT NULL,
  PRIMARY KEY (member_id, duplicate_of, reason)
);
`;

export function migrateRegistrySchema(pool: Pool): Promise<void> {
  return runLockedMigration(pool, 'ishc:registry-schema', MIGRATION);
}
