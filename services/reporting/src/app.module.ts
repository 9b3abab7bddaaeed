import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Clock, EventSourcingModule, ORG_UNIT_SCOPE } from '@ishc/platform';
import { IndicatorCache } from './cache/indicator-cache';
import { ReadYourWrites } from './consistency/read-your-writes';
import { GetExportController } from './exports/get-export/get-export.http.controller';
import { IndicatorFeedPublisher } from './feed/indicator-feed.publisher';
import { GetBreakdownController } from './indicators/get-breakdown/get-breakdown.http.controller';
import { IndicatorReports } from './indicators/indicator-reports';
import { BuiltInPlansImport } from './plans/built-in-plans/built-in-plans.import';
import { DefinePlanController } from './plans/define-plan/define-plan.http.controller';
import { DefinePlanHandler } from './plans/define-plan/define-plan.handler';
import { GetPlansController } from './plans/get-plans/get-plans.http.controller';
import { PlanSchema } from './plans/plan-schema.provider';
import { GetIndicatorsController } from './indicators/get-indicators/get-indicators.http.controller';
import { ListIndicatorDefinitionsController } from './indicators/list-definitions/list-definitions.http.controller';
import { ReportingOrgUnitScope } from './projections/org-unit-scope.resolver';
import { PROJECTED_SOURCES, ProjectionConsumer } from './projections/projection-consumer';
import { ReportingSchema } from './projections/reporting-schema.provider';
import { GetRebuildsController } from './rebuild/get-rebuilds/get-rebuilds.http.controller';
import { ReadModelRebuilds } from './rebuild/read-model-rebuilds';
import { StartRebuildController } from './rebuild/start-rebuild/start-rebuild.http.controller';
import { StatusController } from './status/status.http.controller';

/**
 * Reporting: temporal read models projected from the other services' events, the indicators (cached),
 * plans with targets (its own event-sourced data), breakdowns, exports and the public feed.
 */
@Module({
  imports: [CqrsModule.forRoot(), EventSourcingModule.forService({ sources: PROJECTED_SOURCES })],
  controllers: [
    GetIndicatorsController,
    GetBreakdownController,
    GetExportController,
    DefinePlanController,
    GetPlansController,
    ListIndicatorDefinitionsController,
    StatusController,
    StartRebuildController,
    GetRebuildsController,
  ],
  providers: [
    Clock,
    ReportingSchema,
    PlanSchema,
    ProjectionConsumer,
    ReadModelRebuilds,
    ReadYourWrites,
    IndicatorCache,
    IndicatorReports,
    DefinePlanHandler,
    BuiltInPlansImport,
    IndicatorFeedPublisher,
    { provide: ORG_UNIT_SCOPE, useClass: ReportingOrgUnitScope },
  ],
})
export class ReportingModule {}
