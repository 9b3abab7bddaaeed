import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotFoundError, PG_POOL } from '@ishc/platform';
import { Pool } from 'pg';
import { PlanDefinedV1 } from '../domain/plan';
import { planTable } from '../plan.table';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class GetPlansController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get()
  @ApiOperation({ summary: 'Every plan: code, name, unit, period, parameters and targets' })
  list(): Promise<PlanDefinedV1[]> {
    return planTable.list(this.pool);
  }

  @Get(':code')
  @ApiOperation({ summary: 'One plan' })
  async get(@Param('code') code: string): Promise<PlanDefinedV1> {
    const plan = await planTable.find(this.pool, code);
    if (!plan) throw new NotFoundError(`Unknown plan ${code}.`);
    return plan;
  }
}
