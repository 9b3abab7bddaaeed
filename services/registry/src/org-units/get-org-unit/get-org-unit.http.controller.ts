import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { OrgUnitDefinedV1 } from '@ishc/contracts';
import { Clock, NotFoundError, PG_POOL, isoDate, parseInput } from '@ishc/platform';
import { Inject } from '@nestjs/common';
import { Pool } from 'pg';
import { z } from 'zod';
import { orgUnitTable } from '../org-unit.table';

const query = z.object({ asOf: isoDate.optional() });

type UnitSummary = Pick<OrgUnitDefinedV1, 'code' | 'name' | 'level'>;

export interface OrgUnitView extends OrgUnitDefinedV1 {
  asOf: string;
  /** Whether the unit exists on `asOf`: before it, valid, or ended. */
  status: 'not_yet_valid' | 'valid' | 'ended';
  parent: UnitSummary | null;
  children: UnitSummary[];
}

const summary = (u: OrgUnitDefinedV1): UnitSummary => ({ code: u.code, name: u.name, level: u.level });

@ApiTags('org units')
@ApiBearerAuth()
@Controller('org-units')
export class GetOrgUnitController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly clock: Clock,
  ) {}

  @Get(':code')
  @ApiOperation({ summary: 'An org unit with its parent and children as they were on a date' })
  @ApiQuery({ name: 'asOf', required: false, description: 'YYYY-MM-DD, default today' })
  async get(@Param('code') code: string, @Query() rawQuery: unknown): Promise<OrgUnitView> {
    const asOf = parseInput(query, rawQuery).asOf ?? this.clock.today();
    const unit = await orgUnitTable.find(this.pool, code);
    if (!unit) throw new NotFoundError(`Unknown org unit ${code}.`);
    const status = asOf < unit.validFrom ? 'not_yet_valid' : unit.validTo !== null && asOf > unit.validTo ? 'ended' : 'valid';
    const parent = status === 'valid' && unit.parentCode ? await orgUnitTable.find(this.pool, unit.parentCode) : null;
    const children = status === 'valid' ? await orgUnitTable.children(this.pool, code, asOf) : [];
    return { ...unit, asOf, status, parent: parent ? summary(parent) : null, children: children.map(summary) };
  }
}
