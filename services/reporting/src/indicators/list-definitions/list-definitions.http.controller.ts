import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { INDICATOR_DEFINITIONS, IndicatorDefinition } from '../domain/indicator-definitions';

@ApiTags('indicators')
@ApiBearerAuth()
@Controller('indicator-definitions')
export class ListIndicatorDefinitionsController {
  @Get()
  @ApiOperation({ summary: 'Every indicator: code, names (vi, en), unit and how it is computed' })
  list(): readonly IndicatorDefinition[] {
    return INDICATOR_DEFINITIONS;
  }
}
