import { Module } from '@nestjs/common';
import { Clock, EventSourcingModule, ORG_UNIT_SCOPE } from '@ishc/platform';
import { ReadYourWrites } from './consistency/read-your-writes';
import { GetIndicatorsController } from './indicators/get-indicators/get-indicators.http.controller';
import { ListIndicatorDefinitionsController } from './indicators/list-definitions/list-definitions.http.controller';
import { ReportingOrgUnitScope } from './projections/org-unit-scope.resolver';
import { PROJECTED_SOURCES, ProjectionConsumer } from './projections/projection-consumer';
import { ReportingSchema } from './projections/reporting-schema.provider';
import { StatusController } from './status/status.http.controller';

/** Reporting: temporal read models projected from the other services' events, and the indicators. */
@Module({
  imports: [EventSourcingModule.forService({ sources: PROJECTED_SOURCES })],
  controllers: [GetIndicatorsController, ListIndicatorDefinitionsController, StatusController],
  providers: [Clock, ReportingSchema, ProjectionConsumer, ReadYourWrites, { provide: ORG_UNIT_SCOPE, useClass: ReportingOrgUnitScope }],
})
export class ReportingModule {}
