import {
  ClubEstablishedV1,
  FundEvent,
  FundKind,
  FundSource,
  MemberRegisteredV1,
  OrgUnitDefinedV1,
  OrgUnitSucceededV1,
  RegistryEvent,
  DISADVANTAGED_CATEGORIES,
  FUND_SOURCES,
} from '@ishc/contracts';
import { referenceSuccessions, referenceUnits } from '../spec-support/reference-data';

const PERSONAL: MemberRegisteredV1['personal'] = { alg: 'A256GCM', iv: 'aXY=', tag: 'dGFn', ciphertext: 'c2VjcmV0' };

/** A member's registry events, in the order the registry would append them. */
export type MemberEvent = Extract<RegistryEvent, { type: 'MemberRegistered' | 'MemberJoinedClub' | 'MembershipEnded' | 'MemberDied' }>;
export type ClubEvent = Extract<RegistryEvent, { type: 'ClubEstablished' | 'ClubDissolved' }>;

/**
 * A small district generated from a seed: the built-in reference data (Trà Cú and the 2025 reform), clubs
 * in four of its communes (and one in a new commune after the reform), members who join, leave, move and
 * die, and funds with contributions. Everything is a contract event, so the same list feeds reporting and
 * the cross-check's own computation.
 */
export interface GeneratedDistrict {
  units: OrgUnitDefinedV1[];
  successions: OrgUnitSucceededV1[];
  clubs: Array<{ clubId: string; events: ClubEvent[] }>;
  members: Array<{ memberId: string; events: MemberEvent[] }>;
  funds: Array<{ clubId: string; kind: FundKind; events: FundEvent[] }>;
}

/** Every event of the district as one list (order within a stream preserved). */
export function rawEvents(district: GeneratedDistrict): Array<RegistryEvent | FundEvent> {
  return [
    ...district.units.map((data): RegistryEvent => ({ type: 'OrgUnitDefined', data })),
    ...district.successions.map((data): RegistryEvent => ({ type: 'OrgUnitSucceeded', data })),
    ...district.clubs.flatMap((c) => c.events),
    ...district.members.flatMap((m) => m.events),
    ...district.funds.flatMap((f) => f.events),
  ];
}

/** mulberry32: a tiny deterministic generator, so a failing seed can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** A deterministic UUID-shaped id (the streams and projections expect UUIDs). */
function uuid(rnd: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rnd() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const LAST_DAY = '2026-05-31';
// Seven clubs in four communes of district 849 (29464, 29467 and 29470 all become V86-TAPSON), one in a new commune.
const CLUB_COMMUNES = ['29461', '29461', '29464', '29464', '29467', '29467', '29470'];

export function generateDistrict(seed = 20250701, memberCount = 200): GeneratedDistrict {
  const rnd = random(seed);
  const between = (from: string, to: string) => addDays(from, Math.floor(rnd() * (daysBetween(from, to) + 1)));
  const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)];

  const clubs: GeneratedDistrict['clubs'] = [];
  const clubSpans: Array<{ clubId: string; from: string; to: string }> = [];
  const establish = (communeCode: string, establishedOn: string, dissolvedOn: string | null) => {
    const clubId = uuid(rnd);
    const data: ClubEstablishedV1 = { clubId, name: `CLB ${clubId.slice(0, 4)}`, communeCode, hamletCode: null, establishedOn };
    const events: ClubEvent[] = [{ type: 'ClubEstablished', data }];
    if (dissolvedOn) events.push({ type: 'ClubDissolved', data: { clubId, dissolvedOn, reason: null } });
    clubs.push({ clubId, events });
    clubSpans.push({ clubId, from: establishedOn, to: dissolvedOn ?? LAST_DAY });
  };
  CLUB_COMMUNES.forEach((commune, i) => establish(commune, between('2019-01-01', '2024-12-31'), i === 3 ? between('2025-01-01', '2025-10-31') : null));
  establish('V86-LNA', between('2025-07-01', '2025-12-31'), null);

  const members: GeneratedDistrict['members'] = [];
  for (let i = 0; i < memberCount; i++) {
    const memberId = uuid(rnd);
    // The first club is large enough (about 60) for the size and composition indicators to matter.
    const club = rnd() < 0.3 ? clubSpans[0] : pick(clubSpans);
    const joinedOn = between(club.from, club.to);
    const events: MemberEvent[] = [
      {
        type: 'MemberRegistered',
        data: {
          memberId,
          sex: rnd() < 0.62 ? 'F' : 'M',
          birthYear: 1935 + Math.floor(rnd() * 70),
          ethnicMinority: rnd() < 0.1 ? null : rnd() < 0.5,
          disadvantaged: DISADVANTAGED_CATEGORIES.filter(() => rnd() < 0.12),
          communeCode: '29461',
          registeredOn: joinedOn,
          personal: PERSONAL,
        },
      },
      { type: 'MemberJoinedClub', data: { memberId, clubId: club.clubId, joinedOn, roles: ['member'] } },
    ];
    const fate = rnd();
    let leftOn: string | null = null;
    if (fate < 0.15 || club.to !== LAST_DAY) leftOn = club.to === LAST_DAY ? between(addDays(joinedOn, 1), addDays(LAST_DAY, 30)) : club.to;
    if (leftOn && leftOn <= club.to && leftOn > joinedOn) {
      events.push({ type: 'MembershipEnded', data: { memberId, clubId: club.clubId, leftOn, reason: null } });
      // Some move on to another club (one active membership at a time).
      const next = pick(clubSpans);
      if (rnd() < 0.4 && next.clubId !== club.clubId && next.to === LAST_DAY && leftOn < LAST_DAY) {
        const rejoined = between(leftOn > next.from ? leftOn : next.from, LAST_DAY);
        if (rejoined >= leftOn) events.push({ type: 'MemberJoinedClub', data: { memberId, clubId: next.clubId, joinedOn: rejoined, roles: ['member'] } });
      }
    } else if (fate > 0.94) {
      events.push({ type: 'MemberDied', data: { memberId, diedOn: between(addDays(joinedOn, 1), addDays(LAST_DAY, 30)) } });
    }
    members.push({ memberId, events });
  }

  const funds: GeneratedDistrict['funds'] = [];
  for (const club of clubSpans) {
    for (const kind of ['income', 'activity'] as const) {
      if (rnd() < 0.3) continue;
      const openedOn = between(club.from, club.to);
      const events: FundEvent[] = [{ type: 'FundOpened', data: { clubId: club.clubId, kind, openedOn } }];
      const receipts = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => between(openedOn, club.to)).sort();
      for (const receivedOn of receipts) {
        const source: FundSource = pick(FUND_SOURCES);
        events.push({ type: 'FundContributionReceived', data: { clubId: club.clubId, kind, amountVnd: (1 + Math.floor(rnd() * 50)) * 100_000, source, receivedOn } });
      }
      funds.push({ clubId: club.clubId, kind, events });
    }
  }
  return { units: referenceUnits(), successions: referenceSuccessions(), clubs, members, funds };
}
