import { ACTIVITY_AREAS } from '@ishc/contracts';
import { ApiResponse, apiClient } from './api-client';
import { defineTraCuUnits } from './org-units';
import { PlatformUnderTest } from './platform-under-test';

type Api = ReturnType<typeof apiClient>;
interface Indicators {
  indicators: Array<{ code: string; value: number | null; numerator: number; denominator: number | null }>;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);

/**
 * Activities issue, "done when": a scripted year of one club's life over HTTP (12 monthly meetings,
 * sessions in all 8 areas, health checks, home-care visits) makes it count as full-activities in
 * reporting; a second club missing one area does not; a second meeting in the same month is refused.
 * Registry, activities and reporting run as the compiled processes behind the gateway, each on its own
 * database; activities checks every write against its replica of the registry, reporting projects both.
 */
export function clubYearScenario(platform: () => PlatformUnderTest): void {
  it('a year of one club’s life makes it full-activities; a club missing one area is not; a second meeting in a month is 409', async () => {
    const api = apiClient(platform().gateway.url, await platform().token());
    await defineTraCuUnits(api);

    // One club per commune, so each commune's figure is its club's.
    const full = await clubWithMembers(api, '29461', 'CLB ấp Chợ');
    const partial = await clubWithMembers(api, '29462', 'CLB ấp Mới');
    // The later registry write's token covers the earlier ones (one service, one position order).
    const registryToken = partial.token;

    let activitiesToken = '';
    const write = async (path: string, body: object) => {
      const res = await postWhenReplicated(api, path, body);
      expect(res.status).toBe(201);
      activitiesToken = res.headers.get('x-consistency-token') ?? activitiesToken;
    };

    // The full club: a meeting every month (January's also covers health and culture), a session in each
    // other area, quarterly health checks of the older member, monthly home-care visits.
    for (const [i, month] of MONTHS.entries()) {
      await write(`/api/activities/clubs/${full.clubId}/meetings`, {
        heldOn: `${month}-10`,
        attendeeIds: full.members,
        areas: i === 0 ? ['health', 'culture'] : [],
        topics: [`Sinh hoạt tháng ${i + 1}`],
      });
      await write('/api/activities/home-care-visits', { clubId: full.clubId, volunteerId: full.volunteer, beneficiaryId: full.elder, visitedOn: `${month}-20`, services: ['thăm hỏi'] });
      if (i % 3 === 0) await write('/api/activities/health-checks', { clubId: full.clubId, memberId: full.elder, checkedOn: `${month}-12`, systolic: 138, diastolic: 86, weightKg: 51.5 });
    }
    for (const [i, area] of ACTIVITY_AREAS.filter((a) => a !== 'health' && a !== 'culture').entries()) {
      await write(`/api/activities/clubs/${full.clubId}/sessions`, { area, heldOn: `${MONTHS[i + 2]}-15`, participantIds: full.members });
    }
    await write('/api/activities/self-help-cases', { clubId: full.clubId, beneficiaryId: full.elder, openedOn: '2025-08-01', kind: 'sửa nhà sau bão', valueVnd: 2_000_000 });

    // A second meeting in a month is refused; marked extra it is recorded, and it does not count twice.
    const second = await api.post<{ detail: string }>(`/api/activities/clubs/${full.clubId}/meetings`, { heldOn: '2025-05-25', attendeeIds: [full.elder] });
    expect(second.status).toBe(409);
    expect(second.body.detail).toMatch(/already held its meeting of 2025-05/);
    await write(`/api/activities/clubs/${full.clubId}/meetings`, { heldOn: '2025-05-25', attendeeIds: [full.elder], extra: true });

    // The other club does everything but `resources`; its older member is never checked.
    for (const month of MONTHS) await write(`/api/activities/clubs/${partial.clubId}/meetings`, { heldOn: `${month}-08`, attendeeIds: partial.members });
    for (const area of ACTIVITY_AREAS.filter((a) => a !== 'resources')) {
      await write(`/api/activities/clubs/${partial.clubId}/sessions`, { area, heldOn: '2025-06-06', participantIds: partial.members });
    }

    const read = (orgUnit: string) =>
      readHonouringRetryAfter(() => api.get<Indicators>(`/api/reporting/indicators?orgUnit=${orgUnit}&asOf=2025-12-31&consistentWith=${activitiesToken},${registryToken}`));
    const of = async (orgUnit: string) => {
      const res = await read(orgUnit);
      expect(res.status).toBe(200);
      return Object.fromEntries(res.body.indicators.map((i) => [i.code, i]));
    };
    const fullCommune = await of('29461');
    expect(fullCommune.clubs_full_activities_pct).toEqual({ code: 'clubs_full_activities_pct', value: 100, numerator: 1, denominator: 1 });
    expect(fullCommune.clubs_well_managed_meetings_pct).toEqual({ code: 'clubs_well_managed_meetings_pct', value: 100, numerator: 1, denominator: 1 });
    expect(fullCommune.elderly_health_checked_pct).toEqual({ code: 'elderly_health_checked_pct', value: 100, numerator: 1, denominator: 1 });
    expect(fullCommune.home_care_beneficiaries).toEqual({ code: 'home_care_beneficiaries', value: 1, numerator: 1, denominator: null });
    const partialCommune = await of('29462');
    expect(partialCommune.clubs_full_activities_pct).toEqual({ code: 'clubs_full_activities_pct', value: 0, numerator: 0, denominator: 1 });
    expect(partialCommune.clubs_well_managed_meetings_pct.numerator).toBe(1);
    expect(partialCommune.elderly_health_checked_pct).toEqual({ code: 'elderly_health_checked_pct', value: 0, numerator: 0, denominator: 1 });
    const district = await of('849');
    expect(district.clubs_full_activities_pct).toEqual({ code: 'clubs_full_activities_pct', value: 50, numerator: 1, denominator: 2 });
    expect(district.home_care_beneficiaries.value).toBe(1);
  }, 180_000);
}

interface ClubWithMembers {
  clubId: string;
  elder: string;
  volunteer: string;
  members: string[];
  /** The registry's consistency token of the last write. */
  token: string;
}

/** A club of 2024-11-15 with an older member (born 1950), a home-care volunteer and a younger member. */
async function clubWithMembers(api: Api, communeCode: string, name: string): Promise<ClubWithMembers> {
  const club = await api.post<{ id: string }>('/api/registry/clubs', { name, communeCode, establishedOn: '2024-11-15' });
  expect(club.status).toBe(201);
  const people: Array<[string, number, string[]]> = [
    ['Thạch Thị Sa Ra', 1950, ['member']],
    ['Kim Văn Hai', 1985, ['member', 'home_care_volunteer']],
    ['Sơn Thị Ngọc', 1998, ['member']],
  ];
  const ids: string[] = [];
  let token = '';
  for (const [fullName, birthYear, roles] of people) {
    const member = await api.post<{ id: string }>('/api/registry/members', { fullName, sex: 'F', birthYear, communeCode });
    expect(member.status).toBe(201);
    const joined = await api.post(`/api/registry/clubs/${club.body.id}/memberships`, { memberId: member.body.id, joinedOn: '2024-11-15', roles });
    expect(joined.status).toBe(201);
    ids.push(member.body.id);
    token = joined.headers.get('x-consistency-token') ?? token;
  }
  return { clubId: club.body.id, elder: ids[0], volunteer: ids[1], members: ids, token };
}

/**
 * Activities answers 409 "not known to activities yet … retry" while its replica has not seen the registry's
 * latest events; a client retries, and so does this (bounded, no fixed sleep beyond a short back-off).
 */
async function postWhenReplicated(api: Api, path: string, body: object): Promise<ApiResponse<{ detail?: string }>> {
  for (let attempt = 1; ; attempt++) {
    const res = await api.post<{ detail?: string }>(path, body);
    if (res.status !== 409 || !/not known to activities yet/.test(res.body?.detail ?? '') || attempt >= 200) return res;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function readHonouringRetryAfter<T>(read: () => Promise<ApiResponse<T>>, attempts = 3): Promise<ApiResponse<T>> {
  for (let attempt = 1; ; attempt++) {
    const res = await read();
    if (res.status !== 503 || attempt >= attempts) return res;
    await new Promise((resolve) => setTimeout(resolve, 1000 * Number(res.headers.get('retry-after') ?? '1')));
  }
}
