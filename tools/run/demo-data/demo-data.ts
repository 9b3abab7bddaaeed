// `npm start` shows something on a fresh platform: when the database has no clubs yet, the Trà Cú demo
// (tra-cu-demo.ts) is written through the gateway's public HTTP API — the same validation, events and
// projections as an officer's own writes — and the dashboard's link to its scorecard is printed.
// The demo is a list of steps, each kind of data planned in tra-cu-demo.ts (loan-plan.ts, care-plan.ts)
// and written here or in a write-*.ts of its own.
import { forEachLimited } from './for-each-limited';
import { DemoWriteError, GatewayWriter } from './gateway-writer';
import { formatScorecard, readScorecard } from './scorecard';
import { DEMO_AS_OF, DEMO_ORG_UNIT, DemoClub, DemoMember, residenceOn, traCuDemo } from './tra-cu-demo';
import { writeCare } from './write-care';
import { writeLoans } from './write-loans';

export interface DemoOptions {
  gatewayUrl: string;
  say(line: string): void;
  signal?: AbortSignal;
  /** How many writes run at once. */
  concurrency?: number;
}

export interface DemoOutcome {
  seeded: boolean;
  /** Why nothing was written (clubs exist already, no dev tokens). */
  reason?: string;
  /** The dashboard on the demo's unit and date (and the Trà Cú plan when reporting has it). */
  url: string;
  clubs: number;
  members: number;
  /** The Trà Cú plan's scorecard as of 2025-12-31 as printable lines, when reporting has the plan. */
  scorecard?: string[];
}

/** The demo's writer: an administrator (the writes span dates before the reform, scope checks use today). */
const DEMO_ACTOR = { sub: 'demo-data', roles: ['admin'], scope: ['VN'] };

export interface DemoContext {
  writer: GatewayWriter;
  clubs: DemoClub[];
  /** Club ids by position in `clubs`, set by the first step. */
  clubIds: string[];
  /** Member ids by club and position in its `members`, set by the members step. */
  memberIds: string[][];
  concurrency: number;
  say(line: string): void;
}

export interface DemoStep {
  name: string;
  run(context: DemoContext): Promise<void>;
}

export const DEMO_STEPS: readonly DemoStep[] = [
  { name: 'clubs', run: writeClubs },
  { name: 'members and memberships', run: writeMembers },
  { name: 'funds and contributions', run: writeFunds },
  // Microfinance's loans do not wait for activities' writes (nor they for the loans): side by side.
  {
    name: 'loans and repayments, alongside meetings, activity sessions, role changes, health checks, home-care visits and self-help cases',
    run: (context) => alongside(writeLoans(context), writeActivities(context).then(() => writeCare(context))),
  },
];

/** Waits for all the writes, then throws the first failure. */
async function alongside(...writes: Promise<void>[]): Promise<void> {
  const failure = (await Promise.allSettled(writes)).find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
}

export async function seedDemoData(options: DemoOptions): Promise<DemoOutcome> {
  const baseUrl = `${options.gatewayUrl}/?orgUnit=${DEMO_ORG_UNIT}&asOf=${DEMO_AS_OF}`;
  const token = await devToken(options.gatewayUrl, options.signal);
  if (!token) return { seeded: false, reason: 'dev tokens are off (DEV_TOKENS=false)', url: baseUrl, clubs: 0, members: 0 };
  const writer = new GatewayWriter({ gatewayUrl: options.gatewayUrl, token, signal: options.signal });

  if (await hasClubs(writer)) {
    return { seeded: false, reason: 'the database has clubs already', url: await dashboardUrl(writer, baseUrl), clubs: 0, members: 0, scorecard: await scorecardLines(writer) };
  }
  const clubs = traCuDemo();
  const memberIds = clubs.map((c) => new Array<string>(c.members.length).fill(''));
  const context: DemoContext = { writer, clubs, clubIds: [], memberIds, concurrency: options.concurrency ?? 6, say: options.say };
  const started = Date.now();
  for (const step of DEMO_STEPS) {
    await step.run(context);
    options.say(`demo data: ${step.name} written (${((Date.now() - started) / 1000).toFixed(1)} s, ${writer.requests} requests)`);
  }
  // Reporting projects the writes asynchronously: the link is printed once it has them all.
  await writer.get(`/api/reporting/indicators?orgUnit=${DEMO_ORG_UNIT}&asOf=${DEMO_AS_OF}&consistentWith=${encodeURIComponent(writer.consistencyTokens())}`);
  const members = context.clubs.reduce((n, c) => n + c.members.length, 0);
  return { seeded: true, url: await dashboardUrl(writer, baseUrl), clubs: context.clubs.length, members, scorecard: await scorecardLines(writer) };
}

/** The scorecard is a courtesy of the launcher: a failure to read it must not fail the start. */
async function scorecardLines(writer: GatewayWriter): Promise<string[] | undefined> {
  try {
    const answer = await readScorecard(writer, DEMO_ORG_UNIT);
    return answer && formatScorecard(answer);
  } catch (error) {
    return [`scorecard: not available (${error instanceof Error ? error.message : String(error)})`];
  }
}

async function devToken(gatewayUrl: string, signal?: AbortSignal): Promise<string | undefined> {
  const response = await fetch(`${gatewayUrl}/api/auth/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_ACTOR),
    signal,
  });
  if (response.status === 404) return undefined;
  const body = (await response.json()) as { token?: string };
  if (!response.ok || !body.token) throw new DemoWriteError(`POST /api/auth/dev-token → ${response.status}`);
  return body.token;
}

/** Any club in the country, before the reform (the demo's dates) or today. */
async function hasClubs(writer: GatewayWriter): Promise<boolean> {
  const today = new Date().toISOString().slice(0, 10);
  for (const asOf of [DEMO_AS_OF, today]) {
    const clubs = await writer.get<unknown[]>(`/api/registry/clubs?orgUnit=VN&asOf=${asOf}`);
    if (clubs.length > 0) return true;
  }
  return false;
}

/** With the plan reporting knows for the demo's unit, when it has plans at all. */
async function dashboardUrl(writer: GatewayWriter, baseUrl: string): Promise<string> {
  const plans = await writer.getOptional<Array<{ code: string; orgUnitCode: string }>>('/api/reporting/plans').catch(() => undefined);
  const plan = Array.isArray(plans) ? plans.find((p) => p.orgUnitCode === DEMO_ORG_UNIT) : undefined;
  return plan ? `${baseUrl}&plan=${encodeURIComponent(plan.code)}` : baseUrl;
}

async function writeClubs(context: DemoContext): Promise<void> {
  for (const club of context.clubs) {
    const { id } = await context.writer.post<{ id: string }>('/api/registry/clubs', {
      name: club.name,
      communeCode: club.communeCode,
      establishedOn: club.establishedOn,
    });
    context.clubIds.push(id);
  }
}

async function writeMembers(context: DemoContext): Promise<void> {
  const work = context.clubs.flatMap((club, index) => club.members.map((member, position) => ({ index, position, member })));
  await forEachLimited(work, context.concurrency, async ({ index, position, member }) => {
    context.memberIds[index][position] = await writeMember(context.writer, context.clubIds[index], member);
  });
}

async function writeMember(writer: GatewayWriter, clubId: string, m: DemoMember): Promise<string> {
  const { id } = await writer.post<{ id: string }>('/api/registry/members', {
    fullName: m.fullName,
    sex: m.sex,
    birthYear: m.birthYear,
    ethnicity: m.ethnicity,
    ethnicMinority: m.ethnicMinority,
    disadvantaged: m.disadvantaged,
    communeCode: residenceOn(m.communeCode, new Date().toISOString().slice(0, 10)),
  });
  await writer.post(`/api/registry/clubs/${clubId}/memberships`, { memberId: id, joinedOn: m.joinedOn, roles: m.roles });
  if (m.leftOn) await writer.post(`/api/registry/clubs/${clubId}/memberships/${id}/end`, { leftOn: m.leftOn });
  return id;
}

async function writeFunds(context: DemoContext): Promise<void> {
  const work = context.clubs.map((club, index) => ({ clubId: context.clubIds[index], club }));
  await forEachLimited(work, context.concurrency, async ({ clubId, club }) => {
    for (const fund of club.funds) {
      // Microfinance learns of a new club from registry's events: 409 until its replica has it.
      await context.writer.post(`/api/microfinance/clubs/${clubId}/funds`, { kind: fund.kind, openedOn: fund.openedOn }, true);
      for (const c of fund.contributions) {
        await context.writer.post(`/api/microfinance/clubs/${clubId}/funds/${fund.kind}/contributions`, c);
      }
    }
  });
}

async function writeActivities(context: DemoContext): Promise<void> {
  const work = context.clubs.map((club, index) => ({ index, club }));
  await forEachLimited(work, context.concurrency, async ({ index, club }) => {
    const clubId = context.clubIds[index];
    const ids = (positions: number[]) => positions.map((p) => context.memberIds[index][p]);
    // Activities learns of clubs and memberships from registry's events: 409 until its replica has them.
    for (const meeting of club.meetings) {
      const areas = meeting.areas ? { areas: meeting.areas } : {};
      await context.writer.post(`/api/activities/clubs/${clubId}/meetings`, { heldOn: meeting.heldOn, attendeeIds: ids(meeting.attendees), ...areas }, true);
    }
    for (const session of club.sessions) {
      await context.writer.post(
        `/api/activities/clubs/${clubId}/sessions`,
        { area: session.area, heldOn: session.heldOn, participantIds: ids(session.participants) },
        true,
      );
    }
  });
}
