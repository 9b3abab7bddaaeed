// The demo's care for older members in 2025: a health-check day per club (fictional measurements within
// activities' plausible ranges), home-care visits by the club's home-care volunteers to members who need
// them, a few self-help cases, and the volunteers' role changes. Pure: demo-data writes it.
import { addDays } from './demo-dates';
import { SeededRandom } from './seeded-random';

export interface CareMember {
  birthYear: number;
  disadvantaged: readonly string[];
  joinedOn: string;
  leftOn?: string;
  roles: readonly string[];
}

export interface DemoHealthCheck {
  member: number;
  checkedOn: string;
  systolic: number;
  diastolic: number;
  weightKg: number;
  glucose?: number;
}

export interface DemoHomeCareVisit {
  volunteer: number;
  beneficiary: number;
  visitedOn: string;
  services: string[];
}

export interface DemoSelfHelpCase {
  beneficiary?: number;
  openedOn: string;
  kind: string;
  valueVnd?: number;
}

/** A membership's roles from `effectiveOn` (PUT …/memberships/{memberId}/roles). */
export interface DemoRoleChange {
  member: number;
  roles: string[];
  effectiveOn: string;
}

export interface CarePlanInput {
  members: readonly CareMember[];
  establishedOn: string;
  /** The club's health-check day. */
  healthCheckOn: string;
  /** Share of the older members present on the day who come to it. */
  healthCheckTurnout: number;
  /** Days of the two rounds of home-care visits. */
  homeCareDays: readonly string[];
  elderlyAge: number;
  roleChanges: readonly DemoRoleChange[];
}

const HOME_CARE_NEEDS = ['needs_home_care', 'living_alone', 'disability'];
const HOME_CARE_SERVICES = ['Thăm hỏi, trò chuyện', 'Đo huyết áp', 'Dọn dẹp nhà cửa', 'Hỗ trợ vệ sinh cá nhân', 'Nấu ăn', 'Nhắc uống thuốc'];
const SELF_HELP_KINDS: readonly { kind: string; value?: [number, number]; named: boolean }[] = [
  { kind: 'Thăm hỏi thành viên ốm đau', value: [300_000, 500_000], named: true },
  { kind: 'Hỗ trợ sửa chữa nhà', value: [2_000_000, 5_000_000], named: true },
  { kind: 'Đổi công thu hoạch lúa', named: true },
  { kind: 'Làm đường, vệ sinh xóm ấp', named: false },
];

export function isMemberOn(member: Pick<CareMember, 'joinedOn' | 'leftOn'>, on: string): boolean {
  return member.joinedOn <= on && (member.leftOn === undefined || member.leftOn > on);
}

/** The roles the member holds on `on`: the last change on or before it, else those given on joining. */
export function rolesOn(members: readonly CareMember[], changes: readonly DemoRoleChange[], member: number, on: string): readonly string[] {
  const change = changes.filter((c) => c.member === member && c.effectiveOn <= on).sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn)).at(-1);
  return change?.roles ?? members[member].roles;
}

/** Blood pressure, weight and (for some) capillary glucose of an older person: plausible, fictional. */
function measurements(random: SeededRandom): Omit<DemoHealthCheck, 'member' | 'checkedOn'> {
  const systolic = random.int(100, 175);
  const diastolic = Math.max(55, systolic - random.int(35, 65));
  const weightKg = random.int(380, 720) / 10;
  return random.chance(0.4) ? { systolic, diastolic, weightKg, glucose: random.int(45, 120) / 10 } : { systolic, diastolic, weightKg };
}

export function planHealthChecks(input: CarePlanInput, random: SeededRandom): DemoHealthCheck[] {
  const checkedOn = input.healthCheckOn;
  const year = Number(checkedOn.slice(0, 4));
  return input.members.flatMap((m, member) =>
    year - m.birthYear >= input.elderlyAge && isMemberOn(m, checkedOn) && random.chance(input.healthCheckTurnout) ? [{ member, checkedOn, ...measurements(random) }] : [],
  );
}

/**
 * Up to four members who need care (a need among their disadvantaged categories, or 80 and older), each
 * visited once a round by a volunteer holding `home_care_volunteer` that day.
 */
export function planHomeCareVisits(input: CarePlanInput, random: SeededRandom): DemoHomeCareVisit[] {
  const [first] = input.homeCareDays;
  const needsCare = (m: CareMember) => m.disadvantaged.some((d) => HOME_CARE_NEEDS.includes(d)) || Number(first.slice(0, 4)) - m.birthYear >= 80;
  const beneficiaries = random
    .shuffle(input.members.map((m, i) => ({ m, i })).filter(({ m, i }) => needsCare(m) && !rolesOn(input.members, input.roleChanges, i, first).includes('home_care_volunteer')))
    .slice(0, 4);
  return input.homeCareDays.flatMap((day, round) =>
    beneficiaries.flatMap(({ m, i }, n) => {
      const visitedOn = addDays(day, n + round);
      const volunteers = input.members
        .map((v, index) => ({ v, index }))
        .filter(({ v, index }) => index !== i && isMemberOn(v, visitedOn) && rolesOn(input.members, input.roleChanges, index, visitedOn).includes('home_care_volunteer'));
      if (!isMemberOn(m, visitedOn) || volunteers.length === 0) return [];
      const services = random.shuffle(HOME_CARE_SERVICES).slice(0, random.int(1, 3));
      return [{ volunteer: random.pick(volunteers).index, beneficiary: i, visitedOn, services }];
    }),
  );
}

/** Two or three cases in the year, on `days` (ascending); the person helped a member that day. */
export function planSelfHelpCases(input: CarePlanInput, days: readonly string[], random: SeededRandom): DemoSelfHelpCase[] {
  return days.slice(0, random.int(2, days.length)).flatMap((openedOn) => {
    const { kind, value, named } = random.pick(SELF_HELP_KINDS);
    const present = input.members.map((m, i) => ({ m, i })).filter(({ m }) => isMemberOn(m, openedOn));
    if (present.length === 0 || openedOn < input.establishedOn) return [];
    const valueVnd = value ? Math.round(random.int(value[0], value[1]) / 100_000) * 100_000 : undefined;
    const beneficiary = named ? random.pick(present).i : undefined;
    return [{ openedOn, kind, ...(beneficiary === undefined ? {} : { beneficiary }), ...(valueVnd === undefined ? {} : { valueVnd }) }];
  });
}
