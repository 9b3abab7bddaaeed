import { FundEvent, OrgUnitDefinedV1, RegistryEvent } from '@ishc/contracts';

/** What GET /indicators answers for one indicator. */
export interface Figure {
  value: number | null;
  numerator: number;
  denominator: number | null;
}

/**
 * ISHC.md §6 computed the plain way, from the raw contract events alone: no read model, nothing of
 * reporting's own code. Deliberately naive (a scan of the whole list per question), so that it is easy to
 * check against the definitions by reading it.
 */
export function indicatorsFromRawEvents(events: ReadonlyArray<RegistryEvent | FundEvent>, orgUnit: string, asOf: string, elderlyAge = 60): Record<string, Figure> {
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
  const communes = [...units.values()].filter((u) => u.level === 'commune' && validOn(u) && isUnder(u.code)).map((u) => u.code);
  // A club stays with its commune; a whole succession moves it to the successor from the effective date.
  const communeOnT = (code: string): string => {
    const next = wholeSuccessor.get(code);
    return next && next.effectiveOn <= asOf ? communeOnT(next.to) : code;
  };

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

  // Funds: opened on or before T; the income fund's capital is its cash (contributions only in this district).
  const opened = new Set<string>();
  let incomeCapital = 0;
  for (const e of events) {
    if ((e.type !== 'FundOpened' && e.type !== 'FundContributionReceived') || !clubCommune.has(e.data.clubId)) continue;
    if (e.type === 'FundOpened' && e.data.openedOn <= asOf) opened.add(`${e.data.clubId}/${e.data.kind}`);
    if (e.type === 'FundContributionReceived' && e.data.kind === 'income' && e.data.receivedOn <= asOf) incomeCapital += e.data.amountVnd;
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
    income_fund_capital_vnd: count(incomeCapital),
    clubs_size_compliant_pct: compliant('size'),
    clubs_women_share_compliant_pct: compliant('women'),
    clubs_elderly_share_compliant_pct: compliant('elderly'),
    clubs_young_share_compliant_pct: compliant('young'),
    clubs_composition_compliant_pct: compliant('all'),
  };
}
