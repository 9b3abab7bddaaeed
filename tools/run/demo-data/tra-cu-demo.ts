// The demo of Trà Cú district (Trà Vinh), made from a seed: clubs in several communes before the
// 1 July 2025 reform, their members and memberships, the clubs' funds with contributions, and a year of
// monthly meetings and activity sessions. Pure data:
// demo-data.ts writes it through the platform's HTTP API. Sizes and shares vary around the plan's norms
// (50–70 members; 60–70% women; 60–70% older) so that the scorecard has both met and unmet figures.
import { fictionalName } from './fictional-names';
import { SeededRandom } from './seeded-random';

export const DEMO_SEED = 793_2021;
/** Where the demo lives, and the date the dashboard link opens on (the district's last day). */
export const DEMO_ORG_UNIT = '849';
export const DEMO_AS_OF = '2025-06-30';

export type Sex = 'F' | 'M';
export type FundSource = 'commune_committee' | 'vae' | 'project' | 'donor' | 'members';

export interface DemoMember {
  fullName: string;
  sex: Sex;
  birthYear: number;
  ethnicity: string;
  ethnicMinority: boolean;
  disadvantaged: string[];
  communeCode: string;
  joinedOn: string;
  roles: string[];
  /** Exclusive end of the membership, for the few who leave. */
  leftOn?: string;
}

export interface DemoContribution {
  amountVnd: number;
  source: FundSource;
  receivedOn: string;
}

export interface DemoFund {
  kind: 'income' | 'activity';
  openedOn: string;
  contributions: DemoContribution[];
}

/** ISHC.md §4: the 8 activity areas. */
export const ACTIVITY_AREAS = ['livelihood', 'health', 'home_care', 'self_help', 'rights', 'learning', 'culture', 'resources'] as const;

/** A monthly meeting; attendees are positions in the club's `members`. */
export interface DemoMeeting {
  heldOn: string;
  attendees: number[];
}

/** An activity session in one area; participants are positions in the club's `members`. */
export interface DemoSession {
  area: (typeof ACTIVITY_AREAS)[number];
  heldOn: string;
  participants: number[];
}

export interface DemoClub {
  name: string;
  communeCode: string;
  establishedOn: string;
  members: DemoMember[];
  funds: DemoFund[];
  meetings: DemoMeeting[];
  sessions: DemoSession[];
}

interface ClubPlan {
  communeCode: string;
  hamlet: string;
  establishedOn: string;
  size: number;
  womenPct: number;
  olderPct: number;
  /** Which funds the club opens ('both' is the plan's target; the others are there to vary it). */
  funds: 'both' | 'income' | 'none';
  /**
   * In the 12 months to the demo date: a meeting every month and a session in every area ('full'), or
   * only 8 of the 12 meetings (not well managed), or no session on rights and resources (not full).
   */
  activity?: 'full' | 'few_meetings' | 'missing_areas';
}

/** Eleven clubs in nine of the district's seventeen communes (codes of the built-in reference data). */
const CLUBS: readonly ClubPlan[] = [
  { communeCode: '29461', hamlet: 'Khóm 1', establishedOn: '2019-11-15', size: 58, womenPct: 64, olderPct: 66, funds: 'both' },
  { communeCode: '29461', hamlet: 'Khóm 4', establishedOn: '2021-09-10', size: 52, womenPct: 62, olderPct: 61, funds: 'both' },
  { communeCode: '29467', hamlet: 'Ấp Ô Rồng', establishedOn: '2021-10-05', size: 64, womenPct: 67, olderPct: 64, funds: 'both' },
  { communeCode: '29467', hamlet: 'Ấp Ba Cụm', establishedOn: '2022-03-18', size: 46, womenPct: 70, olderPct: 72, funds: 'both', activity: 'few_meetings' },
  { communeCode: '29470', hamlet: 'Ấp Sóc Chà', establishedOn: '2022-06-20', size: 55, womenPct: 60, olderPct: 65, funds: 'both' },
  { communeCode: '29476', hamlet: 'Ấp Chợ', establishedOn: '2022-11-08', size: 61, womenPct: 66, olderPct: 69, funds: 'both', activity: 'missing_areas' },
  { communeCode: '29482', hamlet: 'Ấp Leng', establishedOn: '2023-04-12', size: 50, womenPct: 62, olderPct: 56, funds: 'both' },
  { communeCode: '29491', hamlet: 'Ấp Giồng Lớn', establishedOn: '2023-09-25', size: 38, womenPct: 63, olderPct: 58, funds: 'both', activity: 'few_meetings' },
  { communeCode: '29503', hamlet: 'Ấp Con Lọp', establishedOn: '2024-05-14', size: 66, womenPct: 65, olderPct: 67, funds: 'both' },
  { communeCode: '29506', hamlet: 'Ấp Ngãi Hòa', establishedOn: '2025-03-03', size: 54, womenPct: 61, olderPct: 63, funds: 'both' },
  { communeCode: '29485', hamlet: 'Ấp Trà Kha', establishedOn: '2024-10-21', size: 53, womenPct: 68, olderPct: 60, funds: 'both' },
];

/**
 * The reform of 1 July 2025 (built-in reference data): the commune each demo commune became, whole. A
 * member's commune of residence must be valid on the day of registration, so after the reform the demo
 * registers people in the successor commune (their clubs keep their own, dated, commune).
 */
export const SUCCESSOR_COMMUNE: Readonly<Record<string, string>> = {
  '29461': 'V86-TRACU',
  '29485': 'V86-TRACU',
  '29467': 'V86-TAPSON',
  '29470': 'V86-TAPSON',
  '29476': 'V86-LNA',
  '29482': 'V86-HAMGIANG',
  '29491': 'V86-DAIAN',
  '29503': 'V86-LONGHIEP',
  '29506': 'V86-LONGHIEP',
};
export const REFORM_DATE = '2025-07-01';

export function residenceOn(communeCode: string, today: string): string {
  return today >= REFORM_DATE ? (SUCCESSOR_COMMUNE[communeCode] ?? communeCode) : communeCode;
}

const DISADVANTAGED = ['poor', 'near_poor', 'living_alone', 'disability', 'social_allowance', 'single_or_widowed_woman', 'needs_home_care'];

export function traCuDemo(seed = DEMO_SEED): DemoClub[] {
  const random = new SeededRandom(seed);
  return CLUBS.map((plan) => {
    const members = membersOf(plan, random);
    return {
      name: `CLB Liên thế hệ tự giúp nhau ${plan.hamlet}`,
      communeCode: plan.communeCode,
      establishedOn: plan.establishedOn,
      members,
      funds: fundsOf(plan, random),
      meetings: meetingsOf(plan, members),
      sessions: sessionsOf(plan, members),
    };
  });
}

/** Positions of the members of the club on `date` (joined, not yet left), at most `limit`. */
function presentOn(members: readonly DemoMember[], date: string, limit: number): number[] {
  const present: number[] = [];
  members.forEach((m, i) => {
    if (m.joinedOn <= date && (m.leftOn === undefined || m.leftOn > date)) present.push(i);
  });
  return present.slice(0, limit);
}

/** The 12 calendar months ending with the demo date's month, as `YYYY-MM`. */
function trailingMonths(): string[] {
  const [year, month] = DEMO_AS_OF.split('-').map(Number);
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 12 + i, 1));
    return d.toISOString().slice(0, 7);
  });
}

function meetingsOf(plan: ClubPlan, members: readonly DemoMember[]): DemoMeeting[] {
  return trailingMonths()
    .filter((_, i) => plan.activity !== 'few_meetings' || i % 3 !== 1)
    .map((month) => `${month}-15`)
    .filter((heldOn) => heldOn >= plan.establishedOn && heldOn <= DEMO_AS_OF)
    .map((heldOn) => ({ heldOn, attendees: presentOn(members, heldOn, 40) }))
    .filter((m) => m.attendees.length > 0);
}

function sessionsOf(plan: ClubPlan, members: readonly DemoMember[]): DemoSession[] {
  const months = trailingMonths();
  return ACTIVITY_AREAS.filter((area) => plan.activity !== 'missing_areas' || (area !== 'rights' && area !== 'resources'))
    .map((area, i) => {
      // One area a month from the second month of the window; a club younger than that spreads them out.
      const planned = `${months[1 + i]}-20`;
      const heldOn = planned >= plan.establishedOn ? planned : minDate(addDays(plan.establishedOn, 3 + 9 * i), DEMO_AS_OF);
      return { area, heldOn, participants: presentOn(members, heldOn, 12) };
    })
    .filter((s) => s.participants.length > 0);
}

function membersOf(plan: ClubPlan, random: SeededRandom): DemoMember[] {
  const women = Math.round((plan.size * plan.womenPct) / 100);
  const older = Math.round((plan.size * plan.olderPct) / 100);
  // Shares are exact per club (then shuffled): the scorecard's composition figures are predictable.
  const sexes = random.shuffle(Array.from({ length: plan.size }, (_, i): Sex => (i < women ? 'F' : 'M')));
  const isOlder = random.shuffle(Array.from({ length: plan.size }, (_, i) => i < older));
  const asOfYear = Number(DEMO_AS_OF.slice(0, 4));
  return sexes.map((sex, i) => {
    const khmer = random.chance(0.6);
    // Older: 60–85 on the demo date (and already on joining); young: 18–55.
    const age = isOlder[i] ? random.int(64, 85) : random.int(18, 55);
    const roles = i === 0 ? ['chair'] : i === 1 ? ['vice_chair'] : i < 8 ? ['home_care_volunteer'] : i < 14 ? ['livelihood_volunteer'] : ['member'];
    const member: DemoMember = {
      fullName: fictionalName(random, sex, khmer),
      sex,
      birthYear: asOfYear - age,
      ethnicity: khmer ? 'Khmer' : 'Kinh',
      ethnicMinority: khmer,
      disadvantaged: random.chance(0.3) ? [random.pick(DISADVANTAGED)] : [],
      communeCode: plan.communeCode,
      // The founders join on the day; the others over the next eight months (all before the reform), so
      // the monthly series grows.
      joinedOn: i < 20 ? plan.establishedOn : minDate(addDays(plan.establishedOn, random.int(1, 240)), DEMO_AS_OF),
      roles,
    };
    // A few leave after a while (the monthly series shows it); never the board or the volunteers.
    const leftOn = addDays(member.joinedOn, random.int(120, 400));
    if (i >= 14 && random.chance(0.04) && leftOn <= DEMO_AS_OF) member.leftOn = leftOn;
    return member;
  });
}

/** The club's funds, with the contributions received up to the demo date (a young club has had fewer). */
function fundsOf(plan: ClubPlan, random: SeededRandom): DemoFund[] {
  return draftFundsOf(plan, random).map((f) => ({ ...f, contributions: f.contributions.filter((c) => c.receivedOn <= DEMO_AS_OF) }));
}

function draftFundsOf(plan: ClubPlan, random: SeededRandom): DemoFund[] {
  if (plan.funds === 'none') return [];
  const incomeOpened = addDays(plan.establishedOn, 30);
  const income: DemoFund = {
    kind: 'income',
    openedOn: incomeOpened,
    contributions: [
      { amountVnd: 20_000_000, source: 'commune_committee', receivedOn: addDays(incomeOpened, 5) },
      { amountVnd: random.int(10, 30) * 1_000_000, source: 'vae', receivedOn: addDays(incomeOpened, 60) },
      { amountVnd: random.int(5, 15) * 1_000_000, source: 'project', receivedOn: addDays(incomeOpened, 150) },
      { amountVnd: random.int(20, 60) * 100_000, source: 'members', receivedOn: addDays(incomeOpened, 210) },
    ],
  };
  if (plan.funds === 'income') return [income];
  const activityOpened = addDays(plan.establishedOn, 45);
  const activity: DemoFund = {
    kind: 'activity',
    openedOn: activityOpened,
    contributions: [
      { amountVnd: random.int(10, 30) * 100_000, source: 'members', receivedOn: addDays(activityOpened, 10) },
      { amountVnd: random.int(1, 5) * 1_000_000, source: 'donor', receivedOn: addDays(activityOpened, 120) },
    ],
  };
  return [income, activity];
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
