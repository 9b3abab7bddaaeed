import { ACTIVITY_AREAS, ActivitiesEvent, FundEvent, LoanDisbursedV1, LoanEvent, OrgUnitDefinedV1, RegistryEvent } from '@ishc/contracts';

/** What GET /indicators answers for one indicator. */
export interface Figure {
  value: number | null;
  numerator: number;
  denominator: number | null;
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * ISHC.md §6 computed the plain way, from the raw contract events alone: no read model, nothing of
 * reporting's own code. Deliberately naive (a scan of the whole list per question), so that it is easy to
 * check against the definitions by reading it.
 */
export function indicatorsFromRawEvents(
  events: ReadonlyArray<RegistryEvent | FundEvent | ActivitiesEvent | LoanEvent>,
  orgUnit: string,
  asOf: string,
  plan?: { start: string; elderlyAge: number },
): Record<string, Figure> {
  // With a plan, orgUnit is the plan's unit, evaluated on its footprint (ISHC.md §3) when it has ended.
  const elderlyAge = plan?.elderlyAge ?? 60;
  const units = new Map<string, OrgUnitDefinedV1>();
  const wholeSuccessor = new Map<string, { to: string; effectiveOn: string }>();
  for (const e of events) {
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
  for (const e of events) {
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

  // members(k,T): joinedOn ≤ T < leftOn (open leftOn counts), alive on T.
  const people = new Map<string, Extract<RegistryEvent, { type: 'MemberRegistered' }>['data']>();
  const diedOn = new Map<string, string>();
  const memberships: Array<{ memberId: string; clubId: string; joinedOn: string; leftOn: string | null }> = [];
  for (const e of events) {
    if (e.type === 'MemberRegistered') people.set(e.data.memberId, e.data);
    if (e.type === 'MemberDied') diedOn.set(e.data.memberId, e.data.diedOn);
    if (e.type === 'MemberJoinedClub') memberships.push({ memberId: e.data.memberId, clubId: e.data.clubId, joinedOn: e.data.joinedOn, leftOn: null });
    if (e.type === 'MembershipEnded') {
      const open = memberships.find((m) => m.memberId === e.data.memberId && m.clubId === e.data.clubId && m.leftOn === null);
      if (open) open.leftOn = e.data.leftOn;
    }
  }
  const alive = (memberId: string) => !diedOn.has(memberId) || (diedOn.get(memberId) as string) > asOf;
  const membersOf = (clubId: string) =>
    memberships
      .filter((m) => m.clubId === clubId && m.joinedOn <= asOf && (m.leftOn === null || asOf < m.leftOn) && alive(m.memberId))
      .map((m) => people.get(m.memberId) as Extract<RegistryEvent, { type: 'MemberRegistered' }>['data']);
  const age = (birthYear: number) => Number(asOf.slice(0, 4)) - birthYear;
  const active = clubs.flatMap(membersOf);

  // Funds: opened on or before T.
  const opened = new Set<string>();
  for (const e of events) if (e.type === 'FundOpened' && clubCommune.has(e.data.clubId) && e.data.openedOn <= asOf) opened.add(`${e.data.clubId}/${e.data.kind}`);

  // W: the 12 months ending on T, i.e. after the same day 12 months earlier (the month's last day if it has none) through T.
  const [y, m, d] = asOf.split('-').map(Number);
  const yearBefore = new Date(Date.UTC(y - 1, m - 1, Math.min(d, new Date(Date.UTC(y - 1, m, 0)).getUTCDate()))).toISOString().slice(0, 10);
  const inW = (day: string) => yearBefore < day && day <= asOf;
  const areasWithinW = new Map<string, Set<string>>();
  const checked = new Set<string>();
  const visited = new Set<string>();
  for (const e of events) {
    if (e.type === 'MonthlyMeetingHeld' && inW(e.data.heldOn)) e.data.areas.forEach((a) => areasWithinW.set(e.data.clubId, new Set([...(areasWithinW.get(e.data.clubId) ?? []), a])));
    if (e.type === 'ActivitySessionHeld' && inW(e.data.heldOn)) areasWithinW.set(e.data.clubId, new Set([...(areasWithinW.get(e.data.clubId) ?? []), e.data.area]));
    if (e.type === 'HealthCheckRecorded' && inW(e.data.checkedOn)) checked.add(e.data.memberId);
    if (e.type === 'HomeCareVisitRecorded' && inW(e.data.visitedOn) && e.data.beneficiaryId) visited.add(e.data.beneficiaryId);
  }
  const olderActive = active.filter((p) => age(p.birthYear) >= elderlyAge);

  // Loans of the income funds of clubs(U,T) disbursed on or before T, each with what was paid on or before T.
  const loans = new Map<string, { disbursed: LoanDisbursedV1; paid: number; principalPaid: number; writtenOff: boolean }>();
  for (const e of events) {
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
  const borrowers = new Set(events.flatMap((e) => (e.type === 'LoanDisbursed' && (plan ? plan.start <= e.data.disbursedOn && e.data.disbursedOn <= asOf : inW(e.data.disbursedOn)) ? [e.data.memberId] : [])));

  // The income funds' capital: cash (contributions, less loans disbursed, plus repayments) plus outstanding principal.
  let incomeCash = 0;
  for (const e of events) {
    if (!('kind' in e.data) || e.data.kind !== 'income' || !clubCommune.has(e.data.clubId)) continue;
    if (e.type === 'FundContributionReceived' && e.data.receivedOn <= asOf) incomeCash += e.data.amountVnd;
    if (e.type === 'FundLoanDisbursed' && e.data.disbursedOn <= asOf) incomeCash -= e.data.amountVnd;
    if (e.type === 'FundRepaymentReceived' && e.data.receivedOn <= asOf) incomeCash += e.data.principalVnd + e.data.interestVnd;
  }

  // Composition per club (ranges inclusive; shares compared in integers to avoid rounding).
  const share = (part: number, n: number, lowPct: number, highPct: number) => n > 0 && part * 100 >= lowPct * n && part * 100 <= highPct * n;
  const composition = clubs.map((clubId) => {
    const ms = membersOf(clubId);
    const n = ms.length;
    const older = ms.filter((m) => age(m.birthYear) >= elderlyAge).length;
    const size = n >= 50 && n <= 70;
    const women = share(ms.filter((m) => m.sex === 'F').length, n, 60, 70);
    const elderly = share(older, n, 60, 70);
    const young = share(n - older, n, 30, 40);
    return { size, women, elderly, young, all: size && women && elderly && young };
  });

  const count = (n: number): Figure => ({ value: n, numerator: n, denominator: null });
  const pct = (numerator: number, denominator: number): Figure => ({
    value: denominator === 0 ? null : Math.round((10_000 * numerator) / denominator) / 100,
    numerator,
    denominator,
  });
  const compliant = (key: keyof (typeof composition)[number]) => pct(composition.filter((c) => c[key]).length, clubs.length);
  return {
    communes_with_club_pct: pct(communes.filter((c) => clubs.some((k) => clubCommune.get(k) === c)).length, communes.length),
    clubs_active: count(clubs.length),
    members_active: count(active.length),
    members_active_women: count(active.filter((m) => m.sex === 'F').length),
    members_active_older: count(active.filter((m) => age(m.birthYear) >= elderlyAge).length),
    members_active_young: count(active.filter((m) => age(m.birthYear) < elderlyAge).length),
    members_active_ethnic_minority: count(active.filter((m) => m.ethnicMinority === true).length),
    members_active_disadvantaged: count(active.filter((m) => m.disadvantaged.length > 0).length),
    clubs_with_both_funds_pct: pct(clubs.filter((k) => opened.has(`${k}/income`) && opened.has(`${k}/activity`)).length, clubs.length),
    income_fund_capital_vnd: count(incomeCash + outstanding),
    clubs_size_compliant_pct: compliant('size'),
    clubs_women_share_compliant_pct: compliant('women'),
    clubs_elderly_share_compliant_pct: compliant('elderly'),
    clubs_young_share_compliant_pct: compliant('young'),
    clubs_composition_compliant_pct: compliant('all'),
    clubs_full_activities_pct: pct(clubs.filter((k) => ACTIVITY_AREAS.every((a) => areasWithinW.get(k)?.has(a))).length, clubs.length),
    elderly_health_checked_pct: pct(olderActive.filter((p) => checked.has(p.memberId)).length, olderActive.length),
    home_care_beneficiaries: count(active.filter((p) => visited.has(p.memberId)).length),
    members_with_loan_pct: pct(active.filter((p) => borrowers.has(p.memberId)).length, active.length),
    loans_outstanding_vnd: count(outstanding),
    par30_pct: pct(atRisk, outstanding),
  };
}
