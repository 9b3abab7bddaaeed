// The demo of Trà Cú district (Trà Vinh), made from a seed: clubs in several communes before the
// 1 July 2025 reform, their members and memberships, the clubs' funds with contributions, eighteen months
// of monthly meetings and activity sessions to the end of 2025, loans from the income funds (loan-plan.ts),
// health checks, home-care visits, self-help cases and volunteers' role changes (care-plan.ts). Pure data:
// demo-data.ts writes it through the platform's HTTP API. Sizes, shares and habits vary around the plan's
// norms (50–70 members; 60–70% women; 60–70% older) so that the scorecard has both met and unmet figures.
import { ActivityPlan, DemoMeeting, DemoSession, meetingsOf, sessionsOf } from './activity-plan';
import { DemoHealthCheck, DemoHomeCareVisit, DemoRoleChange, DemoSelfHelpCase, planHealthChecks, planHomeCareVisits, planSelfHelpCases } from './care-plan';
import { DEMO_AS_OF, DEMO_END, addDays, minDate } from './demo-dates';
import { fictionalName } from './fictional-names';
import { DemoLoan, planLoans } from './loan-plan';
import { SeededRandom } from './seeded-random';

export { DEMO_AS_OF, DEMO_END, addDays } from './demo-dates';
export { ACTIVITY_AREAS } from './activity-plan';
export type { DemoMeeting, DemoSession } from './activity-plan';

export const DEMO_SEED = 793_2021;
/** Where the demo lives (the dashboard link opens on it, on DEMO_AS_OF: the district's last day). */
export const DEMO_ORG_UNIT = '849';

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

export interface DemoClub {
  name: string;
  communeCode: string;
  establishedOn: string;
  members: DemoMember[];
  funds: DemoFund[];
  meetings: DemoMeeting[];
  sessions: DemoSession[];
  loans: DemoLoan[];
  healthChecks: DemoHealthCheck[];
  homeCareVisits: DemoHomeCareVisit[];
  selfHelpCases: DemoSelfHelpCase[];
  roleChanges: DemoRoleChange[];
}

interface ClubPlan extends ActivityPlan {
  communeCode: string;
  hamlet: string;
  establishedOn: string;
  size: number;
  womenPct: number;
  olderPct: number;
  /** Which funds the club opens ('both' is the plan's target; the others are there to vary it). */
  funds: 'both' | 'income' | 'none';
  /**
   * In the second half of 2025: two home-care volunteers step down, leaving four (no longer well managed),
   * or a livelihood volunteer hands the role over to another member.
   */
  roleChange?: 'volunteers_step_down' | 'volunteer_hands_over';
}

/** Eleven clubs in nine of the district's seventeen communes (codes of the built-in reference data). */
const CLUBS: readonly ClubPlan[] = [
  { communeCode: '29461', hamlet: 'Khóm 1', establishedOn: '2019-11-15', size: 58, womenPct: 64, olderPct: 66, funds: 'both', roleChange: 'volunteer_hands_over' },
  { communeCode: '29461', hamlet: 'Khóm 4', establishedOn: '2021-09-10', size: 52, womenPct: 62, olderPct: 61, funds: 'both' },
  { communeCode: '29467', hamlet: 'Ấp Ô Rồng', establishedOn: '2021-10-05', size: 64, womenPct: 67, olderPct: 64, funds: 'both' },
  { communeCode: '29467', hamlet: 'Ấp Ba Cụm', establishedOn: '2022-03-18', size: 46, womenPct: 70, olderPct: 72, funds: 'both', activity: 'few_meetings' },
  { communeCode: '29470', hamlet: 'Ấp Sóc Chà', establishedOn: '2022-06-20', size: 55, womenPct: 60, olderPct: 65, funds: 'both' },
  { communeCode: '29476', hamlet: 'Ấp Chợ', establishedOn: '2022-11-08', size: 61, womenPct: 66, olderPct: 69, funds: 'both', activity: 'missing_areas', roleChange: 'volunteers_step_down' },
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

/** Loan rounds of the demo's year: at the January and July meetings (a club lends once its fund has cash). */
const LOAN_ROUNDS = ['2025-01-15', '2025-07-15'];
/** How many members a round lends to at most (the fund's cash may stop it earlier). */
export const BORROWERS_PER_ROUND = 8;
/** Monthly rates the clubs set themselves (ISHC.md §4: often below 1%, may be 0). */
const MONTHLY_RATES = ['0', '0.5', '0.6', '0.7', '0.8'];
const SELF_HELP_DAYS = ['2025-02-20', '2025-06-12', '2025-10-08'];

export function traCuDemo(seed = DEMO_SEED): DemoClub[] {
  const random = new SeededRandom(seed);
  // Loans and care draw from streams of their own: the people and funds stay those of the same seed.
  const lending = new SeededRandom(seed + 1);
  const caring = new SeededRandom(seed + 2);
  return CLUBS.map((plan, index) => {
    const members = membersOf(plan, random);
    const funds = fundsOf(plan, random);
    const roleChanges = roleChangesOf(plan, members);
    const care = {
      members,
      establishedOn: plan.establishedOn,
      healthCheckOn: `2025-05-${10 + index}`,
      healthCheckTurnout: 0.4 + 0.5 * caring.next(),
      homeCareDays: ['2025-03-10', '2025-09-10'],
      elderlyAge: 60,
      roleChanges,
    };
    return {
      name: `CLB Liên thế hệ tự giúp nhau ${plan.hamlet}`,
      communeCode: plan.communeCode,
      establishedOn: plan.establishedOn,
      members,
      funds,
      meetings: meetingsOf(plan, members),
      sessions: sessionsOf(plan, members),
      loans: planLoans(
        {
          members,
          contributions: funds.find((f) => f.kind === 'income')?.contributions ?? [],
          roundDates: LOAN_ROUNDS,
          monthlyRatePct: lending.pick(MONTHLY_RATES),
          borrowersPerRound: BORROWERS_PER_ROUND,
          until: DEMO_END,
        },
        lending,
      ),
      healthChecks: planHealthChecks(care, caring),
      homeCareVisits: planHomeCareVisits(care, caring),
      selfHelpCases: planSelfHelpCases(care, SELF_HELP_DAYS, caring),
      roleChanges,
    };
  });
}

/** The plan's role changes (positions 2–7 are the home-care volunteers, 8–13 the livelihood ones), on members who stay. */
function roleChangesOf(plan: ClubPlan, members: readonly DemoMember[]): DemoRoleChange[] {
  if (plan.roleChange === 'volunteers_step_down') {
    return [6, 7].map((member) => ({ member, roles: ['member'], effectiveOn: '2025-09-01' }));
  }
  if (plan.roleChange === 'volunteer_hands_over') {
    const successor = members.findIndex((m, i) => i >= 14 && m.leftOn === undefined);
    return [
      { member: 13, roles: ['member'], effectiveOn: '2025-08-01' },
      { member: successor, roles: ['livelihood_volunteer'], effectiveOn: '2025-08-01' },
    ];
  }
  return [];
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

/** The club's funds, with the contributions received up to the demo's end (a young club has had fewer). */
function fundsOf(plan: ClubPlan, random: SeededRandom): DemoFund[] {
  return draftFundsOf(plan, random).map((f) => ({ ...f, contributions: f.contributions.filter((c) => c.receivedOn <= DEMO_END) }));
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

