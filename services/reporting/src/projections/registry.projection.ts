import {
  ClubDissolvedV1,
  ClubEstablishedV1,
  ClubReassignedV1,
  MemberDiedV1,
  MemberJoinedClubV1,
  MemberRegisteredV1,
  MembershipEndedV1,
  MembershipRolesChangedV1,
  OrgUnitDefinedV1,
  OrgUnitReparentedV1,
  OrgUnitRetiredV1,
  OrgUnitSucceededV1,
} from '@ishc/contracts';
import { PoolClient } from 'pg';
import { BatchedStatement, columnArrays, StatementBatch, update, upsert } from './batched-statements';
import { ORG_UNIT_DEFINED, ORG_UNIT_REPARENTED, ORG_UNIT_RETIRED } from './org-unit.statements';

/** The part of an incoming event a projection reads. */
export interface ProjectedEvent {
  type: string;
  data: unknown;
}

/**
 * Projects the registry's org units (definitions and the per-unit events of a reform: retirement, new
 * parent, succession), clubs (and their reassignments), members (statistics fields only) and memberships
 * into the temporal tables of reporting-schema.ts. A batch is applied with a few multi-row statements
 * (batched-statements.ts) that leave exactly what applying its events one by one would. Every statement
 * is an upsert, so applying an event twice leaves the same rows (the transports already prevent a second
 * application; this is belt and braces for rebuilds).
 */
export async function projectRegistryEvents(events: readonly ProjectedEvent[], client: PoolClient): Promise<void> {
  const batch = new StatementBatch(client);
  for (const event of events) {
    switch (event.type) {
      case 'OrgUnitDefined':
        await batch.add(ORG_UNIT_DEFINED, event.data as OrgUnitDefinedV1);
        break;
      case 'OrgUnitRetired':
        await batch.add(ORG_UNIT_RETIRED, event.data as OrgUnitRetiredV1);
        break;
      case 'OrgUnitReparented':
        await batch.add(ORG_UNIT_REPARENTED, event.data as OrgUnitReparentedV1);
        break;
      case 'OrgUnitSucceeded': {
        const e = event.data as OrgUnitSucceededV1;
        await batch.add(SUCCESSIONS, { from_code: e.from, to_code: e.to, kind: e.kind, effective_on: e.effectiveOn });
        break;
      }
      case 'ClubEstablished': {
        const club = event.data as ClubEstablishedV1;
        await batch.add(CLUBS, { club_id: club.clubId, commune_code: club.communeCode, established_on: club.establishedOn, name: club.name });
        break;
      }
      case 'ClubDissolved': {
        const e = event.data as ClubDissolvedV1;
        await batch.add(CLUB_DISSOLUTIONS, { club_id: e.clubId, dissolved_on: e.dissolvedOn });
        break;
      }
      case 'ClubReassigned': {
        const e = event.data as ClubReassignedV1;
        await batch.add(CLUB_REASSIGNMENTS, { club_id: e.clubId, commune_code: e.communeCode, effective_on: e.effectiveOn });
        break;
      }
      case 'MemberRegistered': {
        // Only the statistics fields; `personal` (encrypted) is never read.
        const m = event.data as MemberRegisteredV1;
        await batch.add(MEMBERS, { member_id: m.memberId, sex: m.sex, birth_year: m.birthYear, ethnic_minority: m.ethnicMinority, disadvantaged: m.disadvantaged });
        break;
      }
      case 'MemberJoinedClub': {
        const e = event.data as MemberJoinedClubV1;
        await batch.add(MEMBERSHIPS, { member_id: e.memberId, club_id: e.clubId, joined_on: e.joinedOn });
        await batch.add(MEMBERSHIP_ROLES, { member_id: e.memberId, club_id: e.clubId, effective_on: e.joinedOn, roles: e.roles });
        break;
      }
      case 'MembershipRolesChanged': {
        const e = event.data as MembershipRolesChangedV1;
        await batch.add(MEMBERSHIP_ROLES, { member_id: e.memberId, club_id: e.clubId, effective_on: e.effectiveOn, roles: e.roles });
        break;
      }
      case 'MembershipEnded':
        await batch.add(MEMBERSHIP_ENDS, event.data as MembershipEndedV1);
        break;
      case 'MemberDied': {
        const e = event.data as MemberDiedV1;
        await batch.add(DEATHS, { member_id: e.memberId, died_on: e.diedOn });
        break;
      }
      // MemberErased destroys the member's data key: only the encrypted personal data becomes
      // unreadable. Reporting never holds personal data, so statistics stay exactly as they were.
    }
  }
  await batch.flush();
}

const SUCCESSIONS = upsert({
  table: 'rp_org_unit_succession',
  columns: { from_code: 'text', to_code: 'text', kind: 'text', effective_on: 'date' },
  key: ['from_code', 'to_code', 'effective_on'],
  onConflict: 'update',
});

const CLUBS = upsert({
  table: 'rp_club',
  columns: { club_id: 'uuid', commune_code: 'text', established_on: 'date', name: 'text' },
  key: ['club_id'],
  onConflict: 'update',
});

// Touches rp_club like CLUBS: a dissolution projected before its club's establishment changes nothing.
const CLUB_DISSOLUTIONS = update({ table: 'rp_club', columns: { club_id: 'uuid', dissolved_on: 'date' }, key: ['club_id'] });

/** From effectiveOn the club belongs to the commune it was reassigned to (after a partial succession). */
const CLUB_REASSIGNMENTS = upsert({
  table: 'rp_club_reassignment',
  columns: { club_id: 'uuid', commune_code: 'text', effective_on: 'date' },
  key: ['club_id', 'effective_on'],
  onConflict: 'update',
});

// A member's statistics fields and their death are disjoint columns of rp_member, each written by an
// upsert that creates the row if needed: they commute, so a death projected before the registration
// (another stream) keeps both, in either order.
const MEMBERS = upsert({
  table: 'rp_member',
  columns: { member_id: 'uuid', sex: 'text', birth_year: 'integer', ethnic_minority: 'boolean', disadvantaged: 'text[]' },
  key: ['member_id'],
  onConflict: 'update',
  touches: ['rp_member (statistics)'],
});

const DEATHS = upsert({ table: 'rp_member', columns: { member_id: 'uuid', died_on: 'date' }, key: ['member_id'], onConflict: 'update', touches: ['rp_member (died_on)'] });

/** A second application keeps the row (and its left_on, should the end have been projected already). */
const MEMBERSHIPS = upsert({
  table: 'rp_membership',
  columns: { member_id: 'uuid', club_id: 'uuid', joined_on: 'date' },
  key: ['member_id', 'club_id', 'joined_on'],
  onConflict: 'nothing',
});

/** The membership's whole role set from the join or the change; the latest event for a day wins. */
const MEMBERSHIP_ROLES = upsert({
  table: 'rp_membership_roles',
  columns: { member_id: 'uuid', club_id: 'uuid', effective_on: 'date', roles: 'text[]' },
  key: ['member_id', 'club_id', 'effective_on'],
  onConflict: 'update',
});

const MEMBERSHIP_END_COLUMNS = { member_id: 'uuid', club_id: 'uuid', left_on: 'date' } as const;

/**
 * Ends the member's latest membership in the club that began on or before `leftOn` (exclusive end). Which
 * membership an end hits depends only on the joins (a join in between is applied first: both touch
 * rp_membership); of several ends hitting one membership the last wins, as one by one.
 */
const MEMBERSHIP_ENDS: BatchedStatement<MembershipEndedV1> = {
  touches: ['rp_membership'],
  async apply(events, client) {
    await client.query(
      `UPDATE rp_membership m SET left_on = e.left_on
         FROM (SELECT DISTINCT ON (t.member_id, t.club_id, t.joined_on) t.member_id, t.club_id, t.joined_on, t.left_on
                 FROM (SELECT v.member_id, v.club_id, v.left_on, v.ord,
                              (SELECT MAX(x.joined_on) FROM rp_membership x
                                WHERE x.member_id = v.member_id AND x.club_id = v.club_id AND x.joined_on <= v.left_on) AS joined_on
                         FROM unnest($1::uuid[], $2::uuid[], $3::date[]) WITH ORDINALITY AS v(member_id, club_id, left_on, ord)) t
                WHERE t.joined_on IS NOT NULL
                ORDER BY t.member_id, t.club_id, t.joined_on, t.ord DESC) e
        WHERE m.member_id = e.member_id AND m.club_id = e.club_id AND m.joined_on = e.joined_on`,
      columnArrays(
        MEMBERSHIP_END_COLUMNS,
        events.map((e) => ({ member_id: e.memberId, club_id: e.clubId, left_on: e.leftOn })),
      ),
    );
  },
};
