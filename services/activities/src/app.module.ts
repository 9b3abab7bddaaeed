import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Clock, EventSourcingModule, ORG_UNIT_SCOPE } from '@ishc/platform';
import { HoldMeetingController } from './clubs/hold-meeting/hold-meeting.http.controller';
import { HoldMeetingHandler } from './clubs/hold-meeting/hold-meeting.handler';
import { HoldSessionController } from './clubs/hold-session/hold-session.http.controller';
import { HoldSessionHandler } from './clubs/hold-session/hold-session.handler';
import { ActivitiesSchema } from './replica/activities-schema.provider';
import { ActivitiesOrgUnitScope } from './replica/org-unit-scope.resolver';
import { REPLICATED_SOURCES, RegistryReplicaConsumer } from './replica/registry-replica.consumer';

/**
 * Activities: clubs' monthly meetings and activity sessions, checked against a replica of the registry's
 * clubs, memberships and org units; health checks, home-care visits and self-help cases arrive with their
 * issue (see docs/architecture.md).
 */
@Module({
  imports: [CqrsModule.forRoot(), EventSourcingModule.forService({ sources: REPLICATED_SOURCES })],
  controllers: [HoldMeetingController, HoldSessionController],
  providers: [
    Clock,
    ActivitiesSchema,
    RegistryReplicaConsumer,
    { provide: ORG_UNIT_SCOPE, useClass: ActivitiesOrgUnitScope },
    HoldMeetingHandler,
    HoldSessionHandler,
  ],
})
export class ActivitiesModule {}
