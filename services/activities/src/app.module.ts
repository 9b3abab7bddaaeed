import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Clock, EventSourcingModule, ORG_UNIT_SCOPE } from '@ishc/platform';
import { HoldMeetingController } from './clubs/hold-meeting/hold-meeting.http.controller';
import { HoldMeetingHandler } from './clubs/hold-meeting/hold-meeting.handler';
import { HoldSessionController } from './clubs/hold-session/hold-session.http.controller';
import { HoldSessionHandler } from './clubs/hold-session/hold-session.handler';
import { GetActivityLogController } from './activity-log/get-activity-log/get-activity-log.http.controller';
import { ClubActivityRecorder } from './activity-log/record-club-activity';
import { RecordHealthCheckController } from './health-checks/record-health-check/record-health-check.http.controller';
import { RecordHealthCheckHandler } from './health-checks/record-health-check/record-health-check.handler';
import { RecordHomeCareVisitController } from './home-care/record-home-care-visit/record-home-care-visit.http.controller';
import { RecordHomeCareVisitHandler } from './home-care/record-home-care-visit/record-home-care-visit.handler';
import { ActivitiesSchema } from './replica/activities-schema.provider';
import { ActivitiesOrgUnitScope } from './replica/org-unit-scope.resolver';
import { REPLICATED_SOURCES, RegistryReplicaConsumer } from './replica/registry-replica.consumer';
import { OpenSelfHelpCaseController } from './self-help/open-self-help-case/open-self-help-case.http.controller';
import { OpenSelfHelpCaseHandler } from './self-help/open-self-help-case/open-self-help-case.handler';

/**
 * Activities: clubs' monthly meetings, activity sessions, health checks, home-care visits and self-help
 * cases, checked against a replica of the registry's clubs, memberships (with dated roles) and org units;
 * and each club's activity log by month (see docs/architecture.md).
 */
@Module({
  imports: [CqrsModule.forRoot(), EventSourcingModule.forService({ sources: REPLICATED_SOURCES })],
  controllers: [
    HoldMeetingController,
    HoldSessionController,
    RecordHealthCheckController,
    RecordHomeCareVisitController,
    OpenSelfHelpCaseController,
    GetActivityLogController,
  ],
  providers: [
    Clock,
    ActivitiesSchema,
    RegistryReplicaConsumer,
    { provide: ORG_UNIT_SCOPE, useClass: ActivitiesOrgUnitScope },
    ClubActivityRecorder,
    HoldMeetingHandler,
    HoldSessionHandler,
    RecordHealthCheckHandler,
    RecordHomeCareVisitHandler,
    OpenSelfHelpCaseHandler,
  ],
})
export class ActivitiesModule {}
