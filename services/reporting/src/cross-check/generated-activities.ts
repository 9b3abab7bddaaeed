import {
  ACTIVITY_AREAS,
  CLUB_ACTIVITIES_STREAM,
  ClubActivitiesEvent,
  HEALTH_CHECK_STREAM,
  HOME_CARE_VISIT_STREAM,
  clubActivitiesStreamId,
  healthCheckStreamId,
  homeCareVisitStreamId,
} from '@ishc/contracts';
import type { GeneratedClub, GeneratedDistrict, GeneratedMembership } from './generated-district';
import { Draw, addDays, earlier, later, monthsFromTo } from './generator-support';

const LAST_DAY = '2026-05-31';
const FROM = '2021-01-01';

/**
 * Activities from 2021 on: each club's monthly meeting in most months (how regularly depends on the club;
 * now and then an extra one in a month that has one), tagged with a few areas, and 0–2 sessions a month;
 * health checks of older members and home-care visits to some members, each while a member of the club
 * that records it (a member of the same club holding home_care_volunteer that day visits). Members who left a club keep the checks and visits
 * it recorded.
 */
export function generateActivities(draw: Draw, clubs: GeneratedClub[], memberships: GeneratedMembership[]): GeneratedDistrict['activities'] {
  const { rnd, between, pick } = draw;
  const activities: GeneratedDistrict['activities'] = [];
  const byClub = new Map<string, GeneratedMembership[]>();
  for (const m of memberships) byClub.set(m.clubId, [...(byClub.get(m.clubId) ?? []), m]);
  const membersOn = (clubId: string, on: string) =>
    (byClub.get(clubId) ?? []).filter((m) => m.joinedOn <= on && (m.leftOn === null || on < m.leftOn)).map((m) => m.memberId);
  // Members of the club on the day holding home_care_volunteer then (a visit's volunteer must).
  const homeCareVolunteersOn = (clubId: string, on: string) =>
    (byClub.get(clubId) ?? [])
      .filter((m) => m.joinedOn <= on && (m.leftOn === null || on < m.leftOn))
      .filter((m) => m.roleSets.filter((set) => set.on <= on).pop()?.roles.includes('home_care_volunteer'))
      .map((m) => m.memberId);
  const some = (ids: string[]) => ids.filter(() => rnd() < 0.5).slice(0, 12);

  for (const club of clubs) {
    const areas = ACTIVITY_AREAS.filter((a) => club.allAreas || a !== 'rights');
    const first = later(club.from, FROM);
    const last = earlier(club.to === null ? LAST_DAY : addDays(club.to, -1), LAST_DAY);
    const events: ClubActivitiesEvent[] = [];
    for (const month of monthsFromTo(first, last)) {
      const day = () => `${month}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
      const within = (on: string) => first <= on && on <= last;
      const heldOn = day();
      const present = within(heldOn) ? membersOn(club.clubId, heldOn) : [];
      if (present.length === 0) continue;
      const attendeeIds = [present[0], ...some(present.slice(1))];
      if (rnd() < club.meetingRate) {
        events.push({ type: 'MonthlyMeetingHeld', data: { meetingId: draw.uuid(), clubId: club.clubId, heldOn, attendeeIds, areas: areas.filter(() => rnd() < 0.2), topics: [], extra: false } });
        const extraOn = day();
        if (rnd() < 0.05 && within(extraOn) && extraOn !== heldOn) {
          const extra = membersOn(club.clubId, extraOn).slice(0, 3);
          if (extra.length > 0) events.push({ type: 'MonthlyMeetingHeld', data: { meetingId: draw.uuid(), clubId: club.clubId, heldOn: extraOn, attendeeIds: extra, areas: [pick(areas)], topics: [], extra: true } });
        }
      }
      for (let s = Math.floor(rnd() * 3); s > 0; s--) {
        events.push({ type: 'ActivitySessionHeld', data: { sessionId: draw.uuid(), clubId: club.clubId, area: pick(areas), heldOn, participantIds: attendeeIds, title: null } });
      }
    }
    // Meetings and sessions in date order, as the activities service appends them.
    events.sort((a, b) => a.data.heldOn.localeCompare(b.data.heldOn));
    if (events.length > 0) activities.push({ streamId: clubActivitiesStreamId(club.clubId), streamType: CLUB_ACTIVITIES_STREAM, events });
  }

  for (const m of memberships) {
    const first = later(m.joinedOn, '2022-01-01');
    const last = earlier(m.leftOn === null ? LAST_DAY : addDays(m.leftOn, -1), LAST_DAY);
    if (first > last) continue;
    if (m.birthYear <= 1966 && rnd() < 0.6) {
      for (let n = 1 + Math.floor(rnd() * 2); n > 0; n--) {
        const healthCheckId = draw.uuid();
        const data = { healthCheckId, clubId: m.clubId, memberId: m.memberId, checkedOn: between(first, last) };
        activities.push({ streamId: healthCheckStreamId(healthCheckId), streamType: HEALTH_CHECK_STREAM, events: [{ type: 'HealthCheckRecorded', data }] });
      }
    }
    if (rnd() < 0.15) {
      for (let n = 1 + Math.floor(rnd() * 2); n > 0; n--) {
        const visitedOn = between(first, last);
        const volunteerId = homeCareVolunteersOn(m.clubId, visitedOn).find((id) => id !== m.memberId);
        if (volunteerId === undefined) continue;
        const visitId = draw.uuid();
        const data = { visitId, clubId: m.clubId, volunteerId, beneficiaryId: m.memberId, visitedOn };
        activities.push({ streamId: homeCareVisitStreamId(visitId), streamType: HOME_CARE_VISIT_STREAM, events: [{ type: 'HomeCareVisitRecorded', data }] });
      }
    }
  }
  return activities;
}
