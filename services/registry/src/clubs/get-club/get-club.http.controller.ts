import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Clock, NotFoundError, PG_POOL, ValidationError, isoDate, parseInput } from '@ishc/platform';
import { Pool } from 'pg';
import { z } from 'zod';
import { ClubView, clubTable } from '../club.table';
import { orgUnitTable } from '../../org-units/org-unit.table';

const listQuery = z.object({ orgUnit: z.string().min(1), asOf: isoDate.optional() });
const uuid = z.uuid({ message: 'must be a UUID' });

@ApiTags('clubs')
@ApiBearerAuth()
@Controller('clubs')
export class GetClubController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly clock: Clock,
  ) {}

  @Get(':id')
  @ApiOperation({ summary: 'One club' })
  async get(@Param('id') id: string): Promise<{ id: string } & ClubView> {
    if (!uuid.safeParse(id).success) throw new ValidationError([{ field: 'id', message: 'must be a UUID' }]);
    const club = await clubTable.find(this.pool, id);
    if (!club) throw new NotFoundError(`Unknown club ${id}.`);
    return { id: club.clubId, ...club };
  }

  @Get()
  @ApiOperation({ summary: 'Clubs active on a date under an org unit' })
  @ApiQuery({ name: 'orgUnit', required: true })
  @ApiQuery({ name: 'asOf', required: false, description: 'YYYY-MM-DD, default today' })
  async list(@Query() rawQuery: unknown): Promise<Array<{ id: string } & ClubView>> {
    const query = parseInput(listQuery, rawQuery);
    const asOf = query.asOf ?? this.clock.today();
    if (!(await orgUnitTable.find(this.pool, query.orgUnit))) throw new NotFoundError(`Unknown org unit ${query.orgUnit}.`);
    const communes = await orgUnitTable.communesUnder(this.pool, query.orgUnit, asOf);
    const clubs = await clubTable.activeIn(this.pool, communes, asOf);
    return clubs.map((c) => ({ id: c.clubId, ...c }));
  }
}
