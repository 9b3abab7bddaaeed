import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { OrgUnitDefinedV1 } from '@ishc/contracts';
import { Clock, NotFoundError, PG_POOL, isoDate, parseInput } from '@ishc/platform';
import { Inject } from '@nestjs/common';
import { Pool } from 'pg';
import { z } from 'zod';
import { SuccessionLink, orgUnitTable } from '../org-unit.table';

const query = z.object({ asOf: isoDate.optional() });

type UnitSummary = Pick<OrgUnitDefinedV1, 'code' | 'name' | 'level'>;

export interface OrgUnitView extends OrgUnitDefinedV1 {
  asOf: string;
  /** Whether the unit exists on `asOf`: before it, valid, or ended. */
  status: 'not_yet_valid' | 'valid' | 'ended';
  /** Through the dated parent links, on `asOf` (none unless the unit is valid that day). */
  parent: UnitSummary | null;
  children: UnitSummary[];
  /** Units this one succeeds, and units that succeed it (each link with its kind and date). */
  predecessors: SuccessionLink[];
  successors: SuccessionLink[];
  /**
   * When the unit has ended on `asOf`: the commune-level units that succeed, through `whole` links, the
   * communes that were under it on its last day (ISHC.md §3). Null otherwise.
   */
  footprint: UnitSummary[] | null;
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
  @ApiOperation({ summary: 'An org unit with its parent, children, predecessors and successors on a date (and its footprint once ended)' })
  @ApiQuery({ name: 'asOf', required: false, description: 'YYYY-MM-DD, default today' })
  async get(@Param('code') code: string, @Query() rawQuery: unknown): Promise<OrgUnitView> {
    const asOf = parseInput(query, rawQuery).asOf ?? this.clock.today();
    const unit = await orgUnitTable.find(this.pool, code);
    if (!unit) throw new NotFoundError(`Unknown org unit ${code}.`);
    const status = asOf < unit.validFrom ? 'not_yet_valid' : unit.validTo !== null && asOf > unit.validTo ? 'ended' : 'valid';
    const parent = status === 'valid' ? await orgUnitTable.parentOn(this.pool, code, asOf) : null;
    const children = status === 'valid' ? await orgUnitTable.children(this.pool, code, asOf) : [];
    const [predecessors, successors] = await Promise.all([orgUnitTable.successions(this.pool, code, 'to'), orgUnitTable.successions(this.pool, code, 'from')]);
    const footprint = status === 'ended' && unit.validTo !== null ? await orgUnitTable.footprint(this.pool, code, unit.validTo, asOf) : null;
    return {
      ...unit,
      asOf,
      status,
      parent: parent ? summary(parent) : null,
      children: children.map(summary),
      predecessors,
      successors,
      footprint: footprint ? footprint.map(summary) : null,
    };
  }
}
