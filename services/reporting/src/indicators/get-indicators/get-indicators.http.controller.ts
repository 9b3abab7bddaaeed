import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, parseInput } from '@ishc/platform';
import { IndicatorReports, IndicatorsAnswer } from '../indicator-reports';
import { getIndicatorsQuery } from './get-indicators.query';

export type { IndicatorsAnswer } from '../indicator-reports';

/** The indicators themselves are computed in compute-indicators.ts (one place for every report). */
@ApiTags('indicators')
@ApiBearerAuth()
@Controller('indicators')
export class GetIndicatorsController {
  constructor(private readonly reports: IndicatorReports) {}

  @Get()
  @ApiOperation({ summary: 'Every indicator for an org unit or a plan on a date (ISHC.md §6), with the plan’s targets' })
  @ApiQuery({ name: 'orgUnit', required: false, description: 'Org-unit code; may be omitted when plan is given' })
  @ApiQuery({ name: 'asOf', required: false, description: 'YYYY-MM-DD, default today' })
  @ApiQuery({ name: 'plan', required: false, description: 'Plan code: its parameters and targets; its footprint once its unit has ended' })
  @ApiQuery({ name: 'consistentWith', required: false, description: 'X-Consistency-Token values of your writes, comma-separated' })
  async get(@Query() rawQuery: unknown, @CurrentActor() actor: Actor): Promise<IndicatorsAnswer> {
    const query = parseInput(getIndicatorsQuery, rawQuery);
    return this.reports.indicators(await this.reports.resolve(query, actor));
  }
}
