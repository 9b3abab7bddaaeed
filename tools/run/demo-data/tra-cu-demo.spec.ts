import { DEMO_END, REFORM_DATE, residenceOn, SUCCESSOR_COMMUNE, traCuDemo } from './tra-cu-demo';

describe('the Trà Cú demo', () => {
  const clubs = traCuDemo();

  it('is the same on every run, and another seed gives other people', () => {
    expect(traCuDemo()).toEqual(clubs);
    expect(traCuDemo(1).map((c) => c.members[0].fullName)).not.toEqual(clubs.map((c) => c.members[0].fullName));
  });

  it('has clubs in several communes of Trà Cú, clubs and people dated before the reform, their year running to the end of 2025', () => {
    expect(clubs).toHaveLength(11);
    expect(new Set(clubs.map((c) => c.communeCode)).size).toBe(9);
    const beforeReform = clubs.flatMap((c) => [c.establishedOn, ...c.members.flatMap((m) => [m.joinedOn, m.leftOn ?? c.establishedOn])]);
    expect(beforeReform.every((d) => d < REFORM_DATE)).toBe(true);
    const ofTheYear = clubs.flatMap((c) => [
      ...c.funds.flatMap((f) => [f.openedOn, ...f.contributions.map((x) => x.receivedOn)]),
      ...c.meetings.map((m) => m.heldOn),
      ...c.loans.flatMap((l) => [l.disbursedOn, ...l.repayments.map((r) => r.paidOn), l.writtenOffOn ?? l.disbursedOn]),
      ...c.healthChecks.map((h) => h.checkedOn),
      ...c.homeCareVisits.map((v) => v.visitedOn),
      ...c.selfHelpCases.map((x) => x.openedOn),
      ...c.roleChanges.map((r) => r.effectiveOn),
    ]);
    expect(ofTheYear.every((d) => d <= DEMO_END)).toBe(true);
    for (const club of clubs) {
      expect(club.members.every((m) => m.communeCode === club.communeCode && m.joinedOn >= club.establishedOn)).toBe(true);
      expect(club.funds.every((f) => f.openedOn >= club.establishedOn)).toBe(true);
    }
  });

  it('varies around the plan norms: some clubs meet the size and composition rules, some do not', () => {
    const sizes = clubs.map((c) => c.members.length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(597);
    expect(sizes.filter((n) => n >= 50 && n <= 70)).toHaveLength(9);
    const womenPct = clubs.map((c) => (100 * c.members.filter((m) => m.sex === 'F').length) / c.members.length);
    expect(womenPct.every((p) => p >= 60 && p <= 70)).toBe(true);
    const olderPct = clubs.map((c) => (100 * c.members.filter((m) => 2025 - m.birthYear >= 60).length) / c.members.length);
    expect(olderPct.filter((p) => p >= 60 && p <= 70)).toHaveLength(8);
    expect(clubs.every((c) => c.funds.length === 2)).toBe(true);
  });

  it('gives every club a chair and at least five volunteers of each kind, and no personal identifiers', () => {
    for (const club of clubs) {
      const holding = (role: string) => club.members.filter((m) => m.roles.includes(role)).length;
      expect(holding('chair')).toBe(1);
      expect(holding('home_care_volunteer')).toBeGreaterThanOrEqual(5);
      expect(holding('livelihood_volunteer')).toBeGreaterThanOrEqual(5);
      for (const member of club.members) expect(Object.keys(member)).not.toEqual(expect.arrayContaining(['phone', 'nationalId', 'birthDate']));
    }
  });

  it('registers people in the successor commune after the reform (residence must be valid that day)', () => {
    expect(clubs.every((c) => SUCCESSOR_COMMUNE[c.communeCode] !== undefined)).toBe(true);
    expect(residenceOn('29461', '2025-06-30')).toBe('29461');
    expect(residenceOn('29461', '2026-01-01')).toBe('V86-TRACU');
  });

  it('holds eighteen months of meetings and a year of sessions, with clubs short of the norms, attended by members of that day', () => {
    const full = clubs.filter((c) => c.sessions.length === 8);
    expect(full).toHaveLength(10);
    // Clubs older than the 18 months that met in only 12 of them (a younger club has fewer months).
    expect(clubs.filter((c) => c.establishedOn < '2024-07-01' && c.meetings.length === 12)).toHaveLength(2);
    expect(clubs[0].meetings.map((m) => m.heldOn)).toEqual([
      '2024-07-15', '2024-08-15', '2024-09-15', '2024-10-15', '2024-11-15', '2024-12-15',
      '2025-01-15', '2025-02-15', '2025-03-15', '2025-04-15', '2025-05-15', '2025-06-15',
      '2025-07-15', '2025-08-15', '2025-09-15', '2025-10-15', '2025-11-15', '2025-12-15',
    ]);
    // From April 2025 each meeting takes up an area in turn.
    expect(clubs[0].meetings.slice(9).map((m) => m.areas)).toEqual(
      ['livelihood', 'health', 'home_care', 'self_help', 'rights', 'learning', 'culture', 'resources', 'livelihood'].map((a) => [a]),
    );
    for (const club of clubs) {
      const months = club.meetings.map((m) => m.heldOn.slice(0, 7));
      expect(new Set(months).size).toBe(months.length);
      for (const { heldOn, people } of [
        ...club.meetings.map((m) => ({ heldOn: m.heldOn, people: m.attendees })),
        ...club.sessions.map((x) => ({ heldOn: x.heldOn, people: x.participants })),
      ]) {
        expect(heldOn >= club.establishedOn && heldOn <= DEMO_END).toBe(true);
        expect(people.every((p) => club.members[p].joinedOn <= heldOn && (club.members[p].leftOn ?? '9999') > heldOn)).toBe(true);
      }
    }
  });
});
