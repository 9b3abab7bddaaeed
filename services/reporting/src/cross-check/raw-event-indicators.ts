import { ACTIVITY_AREAS, ActivitiesEvent, FundEvent, LoanDisbursedV1, LoanEvent, MemberRegisteredV1, OrgUnitDefinedV1, RegistryEvent } from '@ishc/contracts';
import { Figure, count, pct } from './raw-figures';
import { RawPlan, parametersOf } from './raw-parameters';
import { RawScope, newClubFigures, wellManagedFigures } from './raw-event-plan-indicators';

export type { Figure } from './raw-figures';

export type RawEvent = RegistryEvent | FundEvent | ActivitiesEvent | LoanEvent;

// The events of some types, in their order in the list, kept per list (the questions all read the same list).
const SELECTIONS = new WeakMap<readonly RawEvent[], Map<string, RawEvent[]>>();
function ofTypes<K extends RawEvent['type']>(events: readonly RawEvent[], types: K[]): Array<Extract<RawEvent, { type: K }>> {
  const cache = SELECTIONS.get(events) ?? new Map<string, RawEvent[]>();
  SELECTIONS.set(events, cache);
  const key = types.join(',');
  if (!cache.has(key)) cache.set(key, events.filter((e) => (types as string[]).includes(e.type)));
  return cache.get(key) as Array<Extract<RawEvent, { type: K }>>;
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * ISHC.md §6 computed the plain way, from the raw contract events alone: no read model, nothing of
 * reporting's own code. Deliberately naive (every question reads the events of the types it needs from the
 * start), so that it is easy to check against the definitions by reading it. With a plan, its parameters apply (raw-parameters.ts) and
 * `orgUnit` is evaluated on its footprint (ISHC.md §3) when it has ended by `asOf`.
 */
export function indicatorsFromRawEvents(events: readonly RawEvent[], orgUnit: string, asOf: string, plan?: RawPlan): Record<string, Figure> {
  const params = parametersOf(plan);
  const of = <K extends RawEvent['type']>(...types: K[]) => ofTypes(events, types);
  const elderlyAge = params.elderlyAge;
  const units = new Map<string, OrgUnitDefinedV1>();
  const wholeSuccessor = new Map<string, { to: string; effectiveOn: string }>();
  for (const e of of('OrgUnitDefined', 'OrgUnitSucceeded')) {
    if (e.type === 'OrgUnitDefined') units.set(e.data.code, e.data);
    if (e.type === 'OrgUnitSucceeded' && e.data.kind === 'whole') wholeSuccessor.set(e.data.from, { to: e.data.to, effectiveOn: e.data.effectiveOn });
  }
  const validOn = (u: OrgUnitDefinedV1) => u.validFrom <= asOf && (u.validTo === null || asOf <= u.validTo);
  const isUnder = (code: string): boolean => {
    for (let c: string | null = code; c; c = units.get(c)?.parentCode ?? null) if (c === orgUnit) return true;
    return false;
  };
  // communes(U,T): commune-level units under U valid on T.
  const communesUnder = (on: string) =>
    [...units.values()].filter((u) => u.level === 'commune' && u.validFrom <= on && (u.validTo === null || on <= u.validTo) && isUnder(u.code)).map((u) => u.code);
  // A club stays with its commune; a whole succession moves it to the successor from the effective date.
  const communeOnT = (code: string): string => {
    const next = wholeSuccessor.get(code);
    return next && next.effectiveOn <= asOf ? communeOnT(next.to) : code;
  };
  // The footprint: the communes under the unit on its last day, followed through whole successions to T.
  const lastDay = units.get(orgUnit)?.validTo ?? null;
  const communes =
    plan && lastDay !== null && lastDay < asOf
      ? [...new Set(communesUnder(lastDay).map(communeOnT))].filter((c) => units.get(c) !== undefined && validOn(units.get(c) as OrgUnitDefinedV1))
      : communesUnder(asOf);

  // clubs(U,T): established on or before T, not dissolved on or before T, commune on T under U.
  const established = new Map<string, { communeCode: string; establishedOn: string }>();
  const dissolved = new Map<string, string>();
  for (const e of of('ClubEstablished', 'ClubDissolved')) {
    if (e.type === 'ClubEstablished') established.set(e.data.clubId, e.data);
    if (e.type === 'ClubDissolved') dissolved.set(e.data.clubId, e.data.dissolvedOn);
  }
  const clubCommune = new Map<string, string>();
  for (const [clubId, club] of established) {
    const gone = dissolved.get(clubId);
    const commune = communeOnT(club.communeCode);
    if (club.establishedOn <= asOf && !(gone && gone <= asOf) && communes.includes(commune)) clubCommune.set(clubId, commune);
  }
  const clubs = [...clubCommune.keys()];

  // members(k,T): joinedOn ≤ T < leftOn (open leftOn counts), alive on T; each membership with its role sets in force from their day.
  const people = new Map<string, MemberRegisteredV1>();
  const diedOn = new Map<string, string>();
  const memberships: Array<{ memberId: string; clubId: string; joinedOn: string; leftOn: string | null; roleSets: Array<{ on: string; roles: string[] }> }> = [];
  // The membership still open, by member and club, while the events are read in order.
  const open = new Map<string, (typeof memberships)[number]>();
  for (const e of of('MemberRegistered', 'MemberDied', 'MemberJoinedClub', 'MembershipRolesChanged', 'MembershipEnded')) {
    if (e.type === 'MemberRegistered') people.set(e.data.memberId, e.data);
    if (e.type === 'MemberDied') diedOn.set(e.data.memberId, e.data.diedOn);
    if (e.type === 'MemberJoinedClub') {
      const membership = { memberId: e.data.memberId, clubId: e.data.clubId, joinedOn: e.data.joinedOn, leftOn: null, roleSets: [{ on: e.data.joinedOn, roles: e.data.roles }] };
      memberships.push(membership);
      open.set(`${e.data.memberId}/${e.data.clubId}`, membership);
    }
    if (e.type === 'MembershipRolesChanged') open.get(`${e.data.memberId}/${e.data.clubId}`)?.roleSets.push({ on: e.data.effectiveOn, roles: e.data.roles });
    if (e.type === 'MembershipEnded') {
      const ended = open.get(`${e.data.memberId}/${e.data.clubId}`);
      if (ended) ended.leftOn = e.data.leftOn;
      open.delete(`${e.data.memberId}/${e.data.clubId}`);
    }
  }
  const alive = (memberId: string) => !diedOn.has(memberId) || (diedOn.get(memberId) as string) > asOf;
  const current = new Map<string, typeof memberships>();
  for (const m of memberships) {
    if (m.joinedOn <= asOf && (m.leftOn === null || asOf < m.leftOn) && alive(m.memberId)) current.set(m.clubId, [...(current.get(m.clubId) ?? []), m]);
  }
  const membershipsOn = (clubId: string) => current.get(clubId) ?? [];
  const membersOf = (clubId: string) => membershipsOn(clubId).map((m) => people.get(m.memberId) as MemberRegisteredV1);
  const isOlder = (p: MemberRegisteredV1) => Number(asOf.slice(0, 4)) - p.birthYear >= elderlyAge;
  const active = clubs.flatMap(membersOf);

  // Funds: opened on or before T.
  const opened = new Set<string>();
  for (const e of of('FundOpened')) if (clubCommune.has(e.data.clubId) && e.data.openedOn <= asOf) opened.add(`${e.data.clubId}/${e.data.kind}`);
  const bothFunds = (clubId: string) => opened.has(`${clubId}/income`) && opened.has(`${clubId}/activity`);

  // W: the N months ending on T, i.e. after the same day N months earlier (that month's last day if it has none) through T.
  const [y, m, d] = asOf.split('-').map(Number);
  const back = y * 12 + (m - 1) - params.trailingWindowMonths;
  const [wy, wm] = [Math.floor(back / 12), back % 12];
  const before = new Date(Date.UTC(wy, wm, Math.min(d, new Date(Date.UTC(wy, wm + 1, 0)).getUTCDate()))).toISOString().slice(0, 10);
  const inW = (day: string) => before < day && day <= asOf;
  const areasWithinW = new Map<string, Set<string>>();
  const checked = new Set<string>();
  const visited = new Set<string>();
  for (const e of of('MonthlyMeetingHeld', 'ActivitySessionHeld', 'HealthCheckRecorded', 'HomeCareVisitRecorded')) {
    if (e.type === 'MonthlyMeetingHeld' && inW(e.data.heldOn)) e.data.areas.forEach((a) => areasWithinW.set(e.data.clubId, new Set([...(areasWithinW.get(e.data.clubId) ?? []), a])));
    if (e.type === 'ActivitySessionHeld' && inW(e.data.heldOn)) areasWithinW.set(e.data.clubId, new Set([...(areasWithinW.get(e.data.clubId) ?? []), e.data.area]));
    if (e.type === 'HealthCheckRecorded' && inW(e.data.checkedOn)) checked.add(e.data.memberId);
    if (e.type === 'HomeCareVisitRecorded' && inW(e.data.visitedOn) && e.data.beneficiaryId) visited.add(e.data.beneficiaryId);
  }
  const olderActive = active.filter(isOlder);
  const fullActivities = (clubId: string) => ACTIVITY_AREAS.every((a) => areasWithinW.get(clubId)?.has(a));

  // Loans of the income funds of clubs(U,T) disbursed on or before T, each with what was paid on or before T.
  const loans = new Map<string, { disbursed: LoanDisbursedV1; paid: number; principalPaid: number; writtenOff: boolean }>();
  for (const e of of('LoanDisbursed', 'LoanRepaymentReceived', 'LoanWrittenOff')) {
    if (e.type === 'LoanDisbursed' && clubCommune.has(e.data.clubId) && e.data.disbursedOn <= asOf) loans.set(e.data.loanId, { disbursed: e.data, paid: 0, principalPaid: 0, writtenOff: false });
    const loan = 'loanId' in e.data ? loans.get(e.data.loanId) : undefined;
    if (loan && e.type === 'LoanRepaymentReceived' && e.data.paidOn <= asOf) [loan.paid, loan.principalPaid] = [loan.paid + e.data.amountVnd, loan.principalPaid + e.data.principalVnd];
    if (loan && e.type === 'LoanWrittenOff' && e.data.writtenOffOn <= asOf) loan.writtenOff = true;
  }
  let outstanding = 0;
  let atRisk = 0;
  for (const loan of loans.values()) {
    if (loan.writtenOff) continue;
    const principal = loan.disbursed.principalVnd - loan.principalPaid;
    outstanding += principal;
    // The payments settle the schedule oldest instalment first; the first one they do not cover is the oldest unpaid.
    let left = loan.paid;
    const unpaid = loan.disbursed.schedule.find((i) => (left -= i.principalVnd + i.interestVnd) < 0);
    if (unpaid && daysBetween(unpaid.dueOn, asOf) > 30) atRisk += principal;
  }
  const period = params.period;
  const borrowers = new Set(
    of('LoanDisbursed').flatMap((e) => ((period ? period.start <= e.data.disbursedOn && e.data.disbursedOn <= asOf : inW(e.data.disbursedOn)) ? [e.data.memberId] : [])),
  );

  // The income funds' capital: cash (contributions, less loans disbursed, plus repayments) plus outstanding principal.
  let incomeCash = 0;
  for (const e of of('FundContributionReceived', 'FundLoanDisbursed', 'FundRepaymentReceived')) {
    if (!('kind' in e.data) || e.data.kind !== 'income' || !clubCommune.has(e.data.clubId)) continue;
    if (e.type === 'FundContributionReceived' && e.data.receivedOn <= asOf) incomeCash += e.data.amountVnd;
    if (e.type === 'FundLoanDisbursed' && e.data.disbursedOn <= asOf) incomeCash -= e.data.amountVnd;
    if (e.type === 'FundRepaymentReceived' && e.data.receivedOn <= asOf) incomeCash += e.data.principalVnd + e.data.interestVnd;
  }

  // Composition per club (the plan's ranges, inclusive; shares compared in integers to avoid rounding).
  const { members: size, womenPct, olderPct, youngPct } = params.composition;
  const share = (part: number, n: number, r: { min: number; max: number }) => n > 0 && part * 100 >= r.min * n && part * 100 <= r.max * n;
  const composition = clubs.map((clubId) => {
    const ms = membersOf(clubId);
    const n = ms.length;
    const older = ms.filter(isOlder).length;
    const sized = n >= size.min && n <= size.max;
    const women = share(ms.filter((p) => p.sex === 'F').length, n, womenPct);
    const elderly = share(older, n, olderPct);
    const young = share(n - older, n, youngPct);
    return { sized, women, elderly, young, all: sized && women && elderly && young };
  });
  const compliant = (key: keyof (typeof composition)[number]) => pct(composition.filter((c) => c[key]).length, clubs.length);

  const meetingDays = new Map<string, string[]>();
  for (const e of of('MonthlyMeetingHeld')) meetingDays.set(e.data.clubId, [...(meetingDays.get(e.data.clubId) ?? []), e.data.heldOn]);
  const scope: RawScope = {
    asOf,
    params,
    clubs,
    clubCommune,
    establishedOn: (clubId) => established.get(clubId)?.establishedOn as string,
    unitAttributes: (code) => units.get(code)?.attributes ?? {},
    members: (clubId) => membershipsOn(clubId).map((ms) => ({ person: people.get(ms.memberId) as MemberRegisteredV1, roleSets: ms.roleSets })),
    isOlder,
    meetingDays: (clubId) => meetingDays.get(clubId) ?? [],
    bothFunds,
    fullActivities,
  };
  return {
    communes_with_club_pct: pct(communes.filter((c) => clubs.some((k) => clubCommune.get(k) === c)).length, communes.length),
    clubs_active: count(clubs.length),
    members_active: count(active.length),
    members_active_women: count(active.filter((p) => p.sex === 'F').length),
    members_active_older: count(active.filter(isOlder).length),
    members_active_young: count(active.filter((p) => !isOlder(p)).length),
    members_active_ethnic_minority: count(active.filter((p) => p.ethnicMinority === true).length),
    members_active_disadvantaged: count(active.filter((p) => p.disadvantaged.length > 0).length),
    clubs_with_both_funds_pct: pct(clubs.filter(bothFunds).length, clubs.length),
    income_fund_capital_vnd: count(incomeCash + outstanding),
    clubs_size_compliant_pct: compliant('sized'),
    clubs_women_share_compliant_pct: compliant('women'),
    clubs_elderly_share_compliant_pct: compliant('elderly'),
    clubs_young_share_compliant_pct: compliant('young'),
    clubs_composition_compliant_pct: compliant('all'),
    clubs_full_activities_pct: pct(clubs.filter(fullActivities).length, clubs.length),
    elderly_health_checked_pct: pct(olderActive.filter((p) => checked.has(p.memberId)).length, olderActive.length),
    home_care_beneficiaries: count(active.filter((p) => visited.has(p.memberId)).length),
    members_with_loan_pct: pct(active.filter((p) => borrowers.has(p.memberId)).length, active.length),
    loans_outstanding_vnd: count(outstanding),
    par30_pct: pct(atRisk, outstanding),
    ...wellManagedFigures(scope),
    ...newClubFigures(scope),
  };
}
