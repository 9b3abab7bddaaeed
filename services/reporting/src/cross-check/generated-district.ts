import {
  ActivitiesEvent,
  ClubEstablishedV1,
  DISADVANTAGED_CATEGORIES,
  FundEvent,
  FundKind,
  LoanEvent,
  MembershipRole,
  OrgUnitDefinedV1,
  OrgUnitSucceededV1,
  RegistryEvent,
} from '@ishc/contracts';
import { referenceSuccessions, referenceUnits } from '../spec-support/reference-data';
import { generateActivities } from './generated-activities';
import { generateFundsAndLoans } from './generated-funds';
import { Draw, addDays, draws, earlier } from './generator-support';

/** A member's registry events, in the order the registry would append them. */
export type MemberEvent = Extract<RegistryEvent, { type: 'MemberRegistered' | 'MemberJoinedClub' | 'MembershipRolesChanged' | 'MembershipEnded' | 'MemberDied' }>;
export type ClubEvent = Extract<RegistryEvent, { type: 'ClubEstablished' | 'ClubDissolved' }>;

/**
 * A district generated from a seed, realistic in size: Trà Cú on the built-in reference data (17 communes,
 * the 2025 reform), about 35 clubs in 12 of its communes established 2019–2026 (some before the Trà Cú plan,
 * some in it, some after the reform in the new communes, two dissolved), about 2,000 members who join, change
 * roles, leave, move and die, five years of monthly meetings (regular or not) and sessions, health checks and
 * home-care visits, both funds (or one, or none) with contributions, and loans in yearly rounds repaid on time,
 * late or not at all (some written off). Everything is a contract event, so the same list feeds reporting and
 * the cross-check's own computation.
 */
export interface GeneratedDistrict {
  units: OrgUnitDefinedV1[];
  successions: OrgUnitSucceededV1[];
  clubs: Array<{ clubId: string; events: ClubEvent[] }>;
  members: Array<{ memberId: string; events: MemberEvent[] }>;
  funds: Array<{ clubId: string; kind: FundKind; events: FundEvent[] }>;
  activities: Array<{ streamId: string; streamType: string; events: ActivitiesEvent[] }>;
  loans: Array<{ streamId: string; streamType: string; events: LoanEvent[] }>;
}

/** The generator's own bookkeeping of a club (never read by the cross-check's computation). */
export interface GeneratedClub {
  clubId: string;
  communeCode: string;
  from: string;
  /** The dissolution day (exclusive), or null. */
  to: string | null;
  /** Share of months with a meeting, and whether the club ever works in `rights` (if not, never in all 8 areas). */
  meetingRate: number;
  allAreas: boolean;
}

/** A membership as generated: leftOn exclusive (the day of death for those who die), null while open. */
export interface GeneratedMembership {
  memberId: string;
  clubId: string;
  joinedOn: string;
  leftOn: string | null;
  birthYear: number;
  /** The role sets of the membership, each from its day (the join's first). */
  roleSets: Array<{ on: string; roles: MembershipRole[] }>;
}

export const LAST_DAY = '2026-05-31';
const PLAN_START = '2021-05-07';

/** Every event of the district as one list (order within a stream preserved). */
export function rawEvents(district: GeneratedDistrict): Array<RegistryEvent | FundEvent | ActivitiesEvent | LoanEvent> {
  return [
    ...district.units.map((data): RegistryEvent => ({ type: 'OrgUnitDefined', data })),
    ...district.successions.map((data): RegistryEvent => ({ type: 'OrgUnitSucceeded', data })),
    ...district.clubs.flatMap((c) => c.events),
    ...district.members.flatMap((m) => m.events),
    ...district.funds.flatMap((f) => f.events),
    ...district.activities.flatMap((a) => a.events),
    ...district.loans.flatMap((l) => l.events),
  ];
}

// Clubs per commune of Trà Cú: 12 of its 17 communes (29476, 29489, 29491, 29506 and 29509 have none).
const CLUBS_PER_COMMUNE: Array<[string, number]> = [
  ['29461', 4],
  ['29462', 2],
  ['29464', 3],
  ['29467', 3],
  ['29470', 2],
  ['29473', 3],
  ['29479', 3],
  ['29482', 2],
  ['29485', 2],
  ['29488', 3],
  ['29494', 3],
  ['29503', 3],
];
// Ethnic-minority areas and especially difficult communes (ISHC.md §2's priority), before and after the reform.
const PRIORITY: Record<string, OrgUnitDefinedV1['attributes']> = {
  '29464': { ethnicMinorityArea: true },
  '29473': { ethnicMinorityArea: true, especiallyDifficult: true },
  '29488': { especiallyDifficult: true },
  '29503': { ethnicMinorityArea: true },
  'V86-LNA': { ethnicMinorityArea: true },
  'V86-HAMGIANG': { especiallyDifficult: true },
};

export function generateDistrict(seed = 20250701): GeneratedDistrict {
  const draw = draws(seed);
  const { rnd, between, pick } = draw;
  const clubs: GeneratedDistrict['clubs'] = [];
  const generated: GeneratedClub[] = [];
  const establish = (communeCode: string, establishedOn: string, dissolvedOn: string | null) => {
    const clubId = draw.uuid();
    const data: ClubEstablishedV1 = { clubId, name: `CLB ${clubId.slice(0, 4)}`, communeCode, hamletCode: null, establishedOn };
    const events: ClubEvent[] = [{ type: 'ClubEstablished', data }];
    if (dissolvedOn) events.push({ type: 'ClubDissolved', data: { clubId, dissolvedOn, reason: null } });
    clubs.push({ clubId, events });
    const club = { clubId, communeCode, from: establishedOn, to: dissolvedOn, meetingRate: pick([0.98, 0.95, 0.88, 0.75, 0.5]), allAreas: rnd() < 0.6 };
    generated.push(club);
  };
  let index = 0;
  for (const [commune, count] of CLUBS_PER_COMMUNE) {
    for (let k = 0; k < count; k++, index++) {
      // Edges of the Trà Cú plan's period: one club the day before it starts, one on its first day.
      const on = index === 1 ? addDays(PLAN_START, -1) : index === 2 ? PLAN_START : index < 12 ? between('2019-01-01', '2021-05-06') : between(PLAN_START, '2025-06-30');
      const dissolvedOn = index === 5 ? between('2023-06-01', '2024-06-30') : index === 16 ? between('2025-07-01', '2025-10-31') : null;
      establish(commune, on, dissolvedOn);
    }
  }
  // After the reform: clubs in the new communes (one after the Trà Cú plan's end).
  establish('V86-LNA', between('2025-07-01', '2025-09-30'), null);
  // On the Trà Cú plan's last day (still new for it).
  establish('V86-HAMGIANG', '2025-12-31', null);
  establish('V86-TRACU', between('2026-01-01', '2026-02-28'), null);

  const { members, memberships } = generateMembers(draw, generated);
  const { funds, loans } = generateFundsAndLoans(draw, generated, memberships);
  const activities = generateActivities(draw, generated, memberships);

  // A commune of province 86 outside Trà Cú's footprint, with a club, so a plan on the footprint is not the province.
  const outside: OrgUnitDefinedV1 = { code: 'XC-OUTSIDE', name: 'Xã ngoài Trà Cú', level: 'commune', parentCode: '86', validFrom: '2025-07-01', validTo: null, attributes: {} };
  const outsideClubId = draw.uuid();
  const outsideClub: ClubEstablishedV1 = { clubId: outsideClubId, name: 'CLB ngoài', communeCode: outside.code, hamletCode: null, establishedOn: '2025-08-01' };
  clubs.push({ clubId: outsideClubId, events: [{ type: 'ClubEstablished', data: outsideClub }] });
  const units = [...referenceUnits(), outside].map((u) => ({ ...u, attributes: PRIORITY[u.code] ?? u.attributes }));
  return { units, successions: referenceSuccessions(), clubs, members, funds, activities, loans };
}

/**
 * Members club by club: most join in the club's first months, some later; about 10% leave (some of them
 * move to another club), about 4% die, and a dissolved club's members leave on its last day. Clubs differ
 * in size (20–75), share of women and of older people, and how many volunteers they have; some members
 * change roles during their membership.
 */
function generateMembers(draw: Draw, clubs: GeneratedClub[]): { members: GeneratedDistrict['members']; memberships: GeneratedMembership[] } {
  const { rnd, between, pick } = draw;
  const members: GeneratedDistrict['members'] = [];
  const memberships: GeneratedMembership[] = [];
  const open = (c: GeneratedClub, on: string) => c.from <= on && (c.to === null || on < c.to);
  for (const club of clubs) {
    const size = club.from > '2025-06-30' ? 8 + Math.floor(rnd() * 15) : 20 + Math.floor(rnd() * 56);
    const women = pick([0.5, 0.65, 0.65, 0.8]);
    const older = pick([0.5, 0.65, 0.65, 0.8]);
    const volunteers = pick([0.06, 0.12, 0.2]);
    const end = earlier(club.to === null ? LAST_DAY : addDays(club.to, -1), LAST_DAY);
    for (let i = 0; i < Math.round(size * 1.3); i++) {
      const memberId = draw.uuid();
      const isOlder = rnd() < older;
      const birthYear = isOlder ? 1965 - Math.floor(rnd() * 28) : 2000 - Math.floor(rnd() * 35);
      const joinedOn = rnd() < 0.7 ? between(club.from, earlier(addDays(club.from, 90), end)) : between(club.from, end);
      const roles: MembershipRole[] = i === 0 ? ['chair'] : ['member'];
      if (rnd() < volunteers) roles.push('home_care_volunteer');
      if (rnd() < volunteers) roles.push('livelihood_volunteer');
      const events: MemberEvent[] = [
        {
          type: 'MemberRegistered',
          data: {
            memberId,
            sex: rnd() < women ? 'F' : 'M',
            birthYear,
            ethnicMinority: rnd() < 0.05 ? null : rnd() < 0.6,
            disadvantaged: DISADVANTAGED_CATEGORIES.filter(() => rnd() < 0.1),
            communeCode: club.communeCode,
            registeredOn: joinedOn,
            personal: { alg: 'A256GCM', iv: 'aXY=', tag: 'dGFn', ciphertext: 'c2VjcmV0' },
          },
        },
        { type: 'MemberJoinedClub', data: { memberId, clubId: club.clubId, joinedOn, roles } },
      ];
      const fate = rnd();
      let leftOn: string | null = club.to;
      let reason = 'club_dissolved';
      let diedOn: string | null = null;
      if (fate < 0.1 && joinedOn < end) [leftOn, reason] = [between(addDays(joinedOn, 1), end), 'moved'];
      else if (fate < 0.14 && joinedOn < end) [leftOn, reason, diedOn] = [null, 'died', between(addDays(joinedOn, 1), end)];
      if (diedOn !== null) leftOn = diedOn;
      // Some take on or give up a volunteer's role while they are members.
      const lastDay = leftOn === null ? LAST_DAY : addDays(leftOn, -1);
      const roleSets = [{ on: joinedOn, roles }];
      if (rnd() < 0.12 && joinedOn < lastDay) {
        const role = pick(['home_care_volunteer', 'livelihood_volunteer'] as const);
        const next = roles.includes(role) ? roles.filter((r) => r !== role) : [...roles, role];
        const effectiveOn = between(addDays(joinedOn, 1), lastDay);
        events.push({ type: 'MembershipRolesChanged', data: { memberId, clubId: club.clubId, roles: next, effectiveOn } });
        roleSets.push({ on: effectiveOn, roles: next });
      }
      memberships.push({ memberId, clubId: club.clubId, joinedOn, leftOn, birthYear, roleSets });
      if (leftOn !== null) events.push({ type: 'MembershipEnded', data: { memberId, clubId: club.clubId, leftOn, reason } });
      if (diedOn !== null) events.push({ type: 'MemberDied', data: { memberId, diedOn } });
      else if (leftOn !== null && leftOn < LAST_DAY && rnd() < 0.45) {
        // Moves on to another club (one active membership at a time), or now and then comes back to the same one later.
        const next = rnd() < 0.2 ? club : pick(clubs);
        const rejoined = between(leftOn, earlier(addDays(leftOn, 120), LAST_DAY));
        if ((next.clubId !== club.clubId || rejoined > leftOn) && open(next, rejoined)) {
          events.push({ type: 'MemberJoinedClub', data: { memberId, clubId: next.clubId, joinedOn: rejoined, roles: ['member'] } });
          memberships.push({ memberId, clubId: next.clubId, joinedOn: rejoined, leftOn: next.to, birthYear, roleSets: [{ on: rejoined, roles: ['member'] }] });
          if (next.to !== null) events.push({ type: 'MembershipEnded', data: { memberId, clubId: next.clubId, leftOn: next.to, reason: 'club_dissolved' } });
        }
      }
      members.push({ memberId, events });
    }
  }
  return { members, memberships };
}
