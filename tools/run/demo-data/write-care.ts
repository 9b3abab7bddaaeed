// The demo's care through the API (API.md): volunteers' role changes in the registry, then health checks,
// home-care visits and self-help cases in activities (a visit's volunteer holds home_care_volunteer that
// day: the plan picks no one who has stepped down). Health measurements are fictional and stay in activities.
import type { DemoContext } from './demo-data';
import { forEachLimited } from './for-each-limited';

export async function writeRoleChanges(context: DemoContext): Promise<void> {
  for (const [index, club] of context.clubs.entries()) {
    for (const change of club.roleChanges) {
      const memberId = context.memberIds[index][change.member];
      await context.writer.put(`/api/registry/clubs/${context.clubIds[index]}/memberships/${memberId}/roles`, { roles: change.roles, effectiveOn: change.effectiveOn });
    }
  }
}

export async function writeCare(context: DemoContext): Promise<void> {
  await writeRoleChanges(context);
  const writes = context.clubs.flatMap((club, index) => {
    const clubId = context.clubIds[index];
    const id = (position: number) => context.memberIds[index][position];
    return [
      ...club.healthChecks.map(({ member, ...measured }) => ({ path: '/api/activities/health-checks', body: { clubId, memberId: id(member), ...measured } })),
      ...club.homeCareVisits.map((v) => ({
        path: '/api/activities/home-care-visits',
        body: { clubId, volunteerId: id(v.volunteer), beneficiaryId: id(v.beneficiary), visitedOn: v.visitedOn, services: v.services },
      })),
      ...club.selfHelpCases.map(({ beneficiary, ...rest }) => ({
        path: '/api/activities/self-help-cases',
        body: { clubId, ...(beneficiary === undefined ? {} : { beneficiaryId: id(beneficiary) }), ...rest },
      })),
    ];
  });
  // 409 while activities' replica of the registry lags behind (retried, as for meetings).
  await forEachLimited(writes, context.concurrency, async ({ path, body }) => {
    await context.writer.post(path, body, true);
  });
}
