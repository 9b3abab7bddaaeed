import {
  ACTIVITY_AREAS,
  ActivitiesEvent,
  CLUB_ACTIVITIES_STREAM,
  ClubActivitiesEvent,
  ClubEstablishedV1,
  HEALTH_CHECK_STREAM,
  LOAN_STREAM,
  LoanEvent,
  ScheduledInstalmentV1,
  loanStreamId,
  HOME_CARE_VISIT_STREAM,
  clubActivitiesStreamId,
  healthCheckStreamId,
  homeCareVisitStreamId,
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
  activities: Array<{ streamId: string; streamType: string; events: ActivitiesEvent[] }>;
  loans: Array<{ streamId: string; streamType: string; events: LoanEvent[] }>;
}

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

  // Activities over 2024–2025 for most clubs that go on. Only members who never leave or die are attendees,
  // checked or visited, and only on or after joining, so a visit's club is the beneficiary's club on every T.
  const activities: GeneratedDistrict['activities'] = [];
  const steady = members.flatMap((m) => (m.events.length === 2 && m.events[1].type === 'MemberJoinedClub' ? [m.events[1].data] : []));
  clubSpans.forEach((club, index) => {
    const people = steady.filter((p) => p.clubId === club.clubId);
    if (club.to !== LAST_DAY || people.length < 2 || rnd() < 0.15) return;
    // Every other club never works in `rights`, so it never has full activities.
    const areas = ACTIVITY_AREAS.filter((a) => index % 2 === 0 || a !== 'rights');
    const events: ClubActivitiesEvent[] = [];
    for (let month = 0; month < 24; month++) {
      const heldOn = `${2024 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
      if (heldOn < club.from) continue;
      const attendeeIds = [pick(people).memberId];
      if (rnd() < 0.8) {
        const meetingId = uuid(rnd);
        events.push({ type: 'MonthlyMeetingHeld', data: { meetingId, clubId: club.clubId, heldOn, attendeeIds, areas: areas.filter(() => rnd() < 0.2), topics: [], extra: false } });
      }
      if (rnd() < 0.6) {
        const sessionId = uuid(rnd);
        events.push({ type: 'ActivitySessionHeld', data: { sessionId, clubId: club.clubId, area: pick(areas), heldOn, participantIds: attendeeIds, title: null } });
      }
    }
    activities.push({ streamId: clubActivitiesStreamId(club.clubId), streamType: CLUB_ACTIVITIES_STREAM, events });
    for (const person of people) {
      const from = person.joinedOn > '2024-01-01' ? person.joinedOn : '2024-01-01';
      if (from > '2025-12-31') continue;
      if (rnd() < 0.5) {
        const healthCheckId = uuid(rnd);
        const data = { healthCheckId, clubId: club.clubId, memberId: person.memberId, checkedOn: between(from, '2025-12-31') };
        activities.push({ streamId: healthCheckStreamId(healthCheckId), streamType: HEALTH_CHECK_STREAM, events: [{ type: 'HealthCheckRecorded', data }] });
      }
      const volunteer = pick(people);
      if (rnd() < 0.3 && volunteer.memberId !== person.memberId) {
        const visitId = uuid(rnd);
        const data = { visitId, clubId: club.clubId, volunteerId: volunteer.memberId, beneficiaryId: person.memberId, visitedOn: between(from, '2025-12-31') };
        activities.push({ streamId: homeCareVisitStreamId(visitId), streamType: HOME_CARE_VISIT_STREAM, events: [{ type: 'HomeCareVisitRecorded', data }] });
      }
    }
  });

  const loans = generateLoans(funds, clubSpans, steady, rnd, between, pick);
  // A commune of province 86 outside Trà Cú's footprint, with a club, so a plan on the footprint is not the province.
  const outside: OrgUnitDefinedV1 = { code: 'XC-OUTSIDE', name: 'Xã ngoài Trà Cú', level: 'commune', parentCode: '86', validFrom: '2025-07-01', validTo: null, attributes: {} };
  const outsideClubId = uuid(rnd);
  const outsideClub: ClubEstablishedV1 = { clubId: outsideClubId, name: 'CLB ngoài', communeCode: outside.code, hamletCode: null, establishedOn: '2025-08-01' };
  clubs.push({ clubId: outsideClubId, events: [{ type: 'ClubEstablished', data: outsideClub }] });
  return { units: [...referenceUnits(), outside], successions: referenceSuccessions(), clubs, members, funds, activities, loans };
}

/** `months` calendar months after `date`: the same day of the month, or the month's last day. */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

/** ISHC.md §4's default schedule (the generator's business only: the cross-check uses the event's schedule as given). */
function schedule(principalVnd: number, termMonths: number, ratePerMille: number, disbursedOn: string): ScheduledInstalmentV1[] {
  let balance = principalVnd;
  return Array.from({ length: termMonths }, (_, i) => {
    const principal = i === termMonths - 1 ? balance : Math.floor(principalVnd / termMonths);
    const instalment = { number: i + 1, dueOn: addMonths(disbursedOn, i + 1), principalVnd: principal, interestVnd: Math.round((balance * ratePerMille) / 1000) };
    balance -= principal;
    return instalment;
  });
}

/**
 * Loans from the income funds of clubs that go on, to members who stay, disbursed in 2024–2025: repaid on
 * time, late, or stopped (the last payment partial), one of the stopped ones written off. Every money
 * movement is mirrored on the income fund, as microfinance does.
 */
function generateLoans(
  funds: GeneratedDistrict['funds'],
  clubSpans: Array<{ clubId: string; from: string; to: string }>,
  steady: Array<{ memberId: string; clubId: string; joinedOn: string }>,
  rnd: () => number,
  between: (from: string, to: string) => string,
  pick: <T>(items: readonly T[]) => T,
): GeneratedDistrict['loans'] {
  const loans: GeneratedDistrict['loans'] = [];
  let writtenOff = false;
  for (const fund of funds) {
    const people = steady.filter((p) => p.clubId === fund.clubId);
    if (fund.kind !== 'income' || clubSpans.find((c) => c.clubId === fund.clubId)?.to !== LAST_DAY || people.length === 0) continue;
    const openedOn = fund.events[0].type === 'FundOpened' ? fund.events[0].data.openedOn : LAST_DAY;
    for (let n = 0; n < 5; n++) {
      const borrower = pick(people);
      const start = [openedOn, borrower.joinedOn, '2024-01-01'].sort()[2];
      if (start > '2025-10-31') continue;
      const loanId = uuid(rnd);
      const { clubId, memberId } = borrower;
      const disbursedOn = between(start, '2025-10-31');
      const principalVnd = (4 + Math.floor(rnd() * 20)) * 500_000 + Math.floor(rnd() * 3) * 1_000;
      const termMonths = 6 + Math.floor(rnd() * 7);
      const ratePerMille = pick([0, 5, 8]);
      const instalments = schedule(principalVnd, termMonths, ratePerMille, disbursedOn);
      const events: LoanEvent[] = [
        { type: 'LoanApplied', data: { loanId, clubId, memberId, principalVnd, termMonths, monthlyRatePct: String(ratePerMille / 10), appliedOn: disbursedOn } },
        { type: 'LoanApproved', data: { loanId, approvedOn: disbursedOn } },
        { type: 'LoanDisbursed', data: { loanId, clubId, memberId, principalVnd, disbursedOn, schedule: instalments } },
      ];
      fund.events.push({ type: 'FundLoanDisbursed', data: { clubId, kind: 'income', loanId, amountVnd: principalVnd, disbursedOn } });
      const behaviour = rnd();
      const lateDays = behaviour < 0.5 ? 0 : 20 + Math.floor(rnd() * 40);
      const stopAfter = behaviour < 0.8 ? termMonths : Math.floor(rnd() * termMonths);
      let paidOn = disbursedOn;
      let principalLeft = principalVnd;
      for (const inst of instalments.slice(0, Math.min(stopAfter + 1, termMonths))) {
        const partial = inst.number > stopAfter;
        const day = addDays(inst.dueOn, lateDays);
        paidOn = day > paidOn ? day : paidOn;
        if (paidOn > LAST_DAY) break;
        const principal = partial ? Math.floor(inst.principalVnd / 2) : inst.principalVnd;
        principalLeft -= principal;
        events.push({ type: 'LoanRepaymentReceived', data: { loanId, clubId, paidOn, amountVnd: principal + inst.interestVnd, principalVnd: principal, interestVnd: inst.interestVnd } });
        fund.events.push({ type: 'FundRepaymentReceived', data: { clubId, kind: 'income', loanId, principalVnd: principal, interestVnd: inst.interestVnd, receivedOn: paidOn } });
      }
      if (principalLeft === 0) events.push({ type: 'LoanRepaid', data: { loanId, clubId, repaidOn: paidOn } });
      else if (stopAfter < termMonths && !writtenOff) {
        writtenOff = true;
        const writtenOffOn = addDays(paidOn, 90);
        const interestVnd = instalments.filter((i) => i.number > stopAfter).reduce((sum, i) => sum + i.interestVnd, 0);
        events.push({ type: 'LoanWrittenOff', data: { loanId, clubId, writtenOffOn, principalVnd: principalLeft, interestVnd } });
        fund.events.push({ type: 'FundLoanWrittenOff', data: { clubId, kind: 'income', loanId, principalVnd: principalLeft, writtenOffOn } });
      }
      loans.push({ streamId: loanStreamId(loanId), streamType: LOAN_STREAM, events });
    }
  }
  // The fund's stream in date order, as microfinance appends it.
  const dayOf = (e: FundEvent): string => Object.values(e.data).find((v): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) as string;
  for (const fund of funds) fund.events.sort((a, b) => (a.type === 'FundOpened' ? -1 : b.type === 'FundOpened' ? 1 : dayOf(a).localeCompare(dayOf(b))));
  return loans;
}
