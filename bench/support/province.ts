// A generated province, deterministic (seeded): org units (country, province, districts, communes), clubs,
// members and their memberships in registry's store; five years of monthly meetings, sessions, health
// checks and home-care visits in activities' store; the clubs' two funds and their members' loans in
// microfinance's store (province-loans.ts). Shapes follow libs/contracts. Produced club by club (a
// generator), so 2 M events never sit in memory at once.
import { clubMicrofinance } from './province-loans';
import { SeededRandom } from './seeded-random';

export interface ProvinceSize {
  communes: number;
  clubsPerCommune: number;
  membersPerClub: number;
  years: number;
}

export const PROVINCE_CODE = 'BP84';

export interface GeneratedEvent {
  type: string;
  data: unknown;
}

export interface GeneratedStream {
  streamId: string;
  streamType: string;
  events: GeneratedEvent[];
}

export const STORES = ['registry', 'activities', 'microfinance'] as const;
export type StoreName = (typeof STORES)[number];

/** The streams of one club (the first chunk: the org units), per store. */
export type ProvinceChunk = Record<StoreName, GeneratedStream[]>;

export function districtCount(size: ProvinceSize): number {
  return Math.max(1, Math.round(size.communes / 11));
}

const AREAS = ['livelihood', 'health', 'home_care', 'self_help', 'rights', 'learning', 'culture', 'resources'];

export function* provinceChunks(size: ProvinceSize, seed = 84): Generator<ProvinceChunk> {
  const random = new SeededRandom(seed);
  let registry: GeneratedStream[] = [];
  let activities: GeneratedStream[] = [];
  const unit = (code: string, name: string, level: string, parentCode: string | null) =>
    registry.push({
      streamId: `org-unit-${code}`,
      streamType: 'org-unit',
      events: [{ type: 'OrgUnitDefined', data: { code, name, level, parentCode, validFrom: '2000-01-01', validTo: null, attributes: {} } }],
    });
  unit('VN', 'Việt Nam', 'country', null);
  unit(PROVINCE_CODE, 'Tỉnh (sinh ra)', 'province', 'VN');
  const districts = districtCount(size);
  const districtCodes = Array.from({ length: districts }, (_, d) => `${PROVINCE_CODE}-D${d + 1}`);
  districtCodes.forEach((code, d) => unit(code, `Huyện ${d + 1}`, 'district', PROVINCE_CODE));
  const communeCodes = Array.from({ length: size.communes }, (_, c) => `${districtCodes[c % districts]}-C${c + 1}`);
  communeCodes.forEach((code, c) => unit(code, `Xã ${c + 1}`, 'commune', districtCodes[c % districts]));
  yield { registry, activities, microfinance: [] };
  registry = [];

  const firstYear = 2026 - size.years;
  let clubs = 0;
  for (const communeCode of communeCodes) {
    for (let k = 0; k < size.clubsPerCommune; k++) {
      clubs++;
      const clubId = random.uuid();
      const establishedOn = `${firstYear - 1}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
      registry.push({
        streamId: `club-${clubId}`,
        streamType: 'club',
        events: [{ type: 'ClubEstablished', data: { clubId, name: `CLB ${clubs}`, communeCode, hamletCode: null, establishedOn } }],
      });
      const memberIds: string[] = [];
      for (let m = 0; m < size.membersPerClub; m++) {
        const memberId = random.uuid();
        memberIds.push(memberId);
        registry.push({
          streamId: `member-${memberId}`,
          streamType: 'member',
          events: [
            {
              type: 'MemberRegistered',
              data: {
                memberId,
                sex: random.chance(0.7) ? 'F' : 'M',
                birthYear: random.int(1935, 1975),
                ethnicMinority: random.chance(0.6),
                disadvantaged: random.chance(0.3) ? ['poor'] : [],
                communeCode,
                registeredOn: `${firstYear}-01-01`,
                personal: { alg: 'A256GCM', iv: random.base64(12), tag: random.base64(16), ciphertext: random.base64(96) },
              },
            },
          ],
        });
        registry.push({
          streamId: `member-memberships-${memberId}`,
          streamType: 'member-memberships',
          events: [{ type: 'MemberJoinedClub', data: { memberId, clubId, joinedOn: `${firstYear}-01-02`, roles: m === 0 ? ['chair'] : m < 6 ? ['home_care_volunteer'] : ['member'] } }],
        });
      }
      const clubActivities: GeneratedEvent[] = [];
      const beneficiaries = memberIds.slice(-5);
      for (let y = 0; y < size.years; y++) {
        for (let month = 1; month <= 12; month++) {
          const day = `${firstYear + y}-${pad(month)}-${pad(random.int(1, 28))}`;
          clubActivities.push({
            type: 'MonthlyMeetingHeld',
            data: { meetingId: random.uuid(), clubId, heldOn: day, attendeeIds: memberIds.filter(() => random.chance(0.75)), areas: [random.pick(AREAS), random.pick(AREAS)].filter((a, i, all) => all.indexOf(a) === i), topics: ['sinh hoạt'], extra: false },
          });
          clubActivities.push({
            type: 'ActivitySessionHeld',
            data: { sessionId: random.uuid(), clubId, area: random.pick(AREAS), heldOn: day, participantIds: memberIds.filter(() => random.chance(0.3)).slice(0, 30).concat(memberIds[0]).filter((id, i, all) => all.indexOf(id) === i), title: null },
          });
          for (const beneficiaryId of beneficiaries) {
            const visitId = random.uuid();
            activities.push({
              streamId: `home-care-visit-${visitId}`,
              streamType: 'home-care-visit',
              events: [{ type: 'HomeCareVisitRecorded', data: { visitId, clubId, volunteerId: memberIds[1 + random.int(0, 4)], beneficiaryId, visitedOn: day } }],
            });
          }
        }
        for (const memberId of memberIds) {
          for (const half of [3, 9]) {
            const healthCheckId = random.uuid();
            activities.push({
              streamId: `health-check-${healthCheckId}`,
              streamType: 'health-check',
              events: [{ type: 'HealthCheckRecorded', data: { healthCheckId, clubId, memberId, checkedOn: `${firstYear + y}-${pad(half)}-${pad(random.int(1, 28))}` } }],
            });
          }
        }
      }
      activities.push({ streamId: `club-activities-${clubId}`, streamType: 'club-activities', events: clubActivities });
      yield { registry, activities, microfinance: clubMicrofinance(random, clubId, memberIds, firstYear, size.years) };
      registry = [];
      activities = [];
    }
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
