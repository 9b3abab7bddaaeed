import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, parseInput } from '@ishc/platform';
import { BreakdownAnswer, IndicatorReports } from '../indicator-reports';
import { getBreakdownQuery } from './get-breakdown.query';

@ApiTags('indicators')
@ApiBearerAuth()
@Controller('indicators/breakdown')
export class GetBreakdownController {
  constructor(private readonly reports: IndicatorReports) {}

  @Get()
  @ApiOperation({ summary: 'The same indicators, one row per commune of the scope or per club of clubs(U,T)' })
  @ApiQuery({ name: 'by', required: true, enum: ['commune', 'club'] })
  @ApiQuery({ name: 'orgUnit', required: false, description: 'Org-unit code; may be omitted when plan is given' })
  @ApiQuery({ name: 'asOf', required: false, description: 'YYYY-MM-DD, default today' })
  @ApiQuery({ name: 'plan', required: false })
  @ApiQuery({ name: 'consistentWith', required: false })
  async get(@Query() rawQuery: unknown, @CurrentActor() actor: Actor): Promise<BreakdownAnswer> {
    const { by, ...query } = parseInput(getBreakdownQuery, rawQuery);
    return this.reports.breakdown(await this.reports.resolve(query, actor), by);
  }
}
