import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Clock, NotFoundError, PG_POOL, ValidationError, isoDate, parseInput } from '@ishc/platform';
import { Pool } from 'pg';
import { z } from 'zod';
import { ClubAssignmentView, ClubView, clubTable } from '../club.table';
import { orgUnitTable } from '../../org-units/org-unit.table';
import { clubCommuneOn } from '../club-commune';

const listQuery = z.object({ orgUnit: z.string().min(1), asOf: isoDate.optional() });
const oneQuery = z.object({ asOf: isoDate.optional() });
const uuid = z.uuid({ message: 'must be a UUID' });

/** A club on a date: its commune that day (through reassignments and whole successions) and its history. */
export interface ClubOnDateView extends ClubView {
  id: string;
  asOf: string;
  status: 'not_yet_established' | 'active' | 'dissolved';
  /** The commune of the club's assignment on `asOf` (before any whole succession is followed). */
  assignedCommuneCode: string;
  assignments: ClubAssignmentView[];
}

@ApiTags('clubs')
@ApiBearerAuth()
@Controller('clubs')
export class GetClubController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly clock: Clock,
  ) {}

  @Get(':id')
  @ApiOperation({ summary: 'One club on a date: its commune that day follows reassignments and whole successions of its commune' })
  @ApiQuery({ name: 'asOf', required: false, description: 'YYYY-MM-DD, default today' })
  async get(@Param('id') id: string, @Query() rawQuery: unknown): Promise<ClubOnDateView> {
    if (!uuid.safeParse(id).success) throw new ValidationError([{ field: 'id', message: 'must be a UUID' }]);
    const asOf = parseInput(oneQuery, rawQuery).asOf ?? this.clock.today();
    const club = await clubTable.find(this.pool, id);
    if (!club) throw new NotFoundError(`Unknown club ${id}.`);
    const { communeCode, assignment: assigned, assignments } = await clubCommuneOn(this.pool, id, asOf);
    const status = asOf < club.establishedOn ? 'not_yet_established' : club.dissolvedOn !== null && asOf >= club.dissolvedOn ? 'dissolved' : 'active';
    return {
      id: club.clubId,
      ...club,
      communeCode,
      hamletCode: assigned.hamletCode,
      asOf,
      status,
      assignedCommuneCode: assigned.communeCode,
      assignments,
    };
  }

  @Get()
  @ApiOperation({
    summary:
      'Clubs active on a date under an org unit (each club in its commune of that day, through reassignments and whole successions); ' +
      'for a unit that has ended by then, the clubs of its footprint (the communes succeeding, through whole links, those under it on its last day)',
  })
  @ApiQuery({ name: 'orgUnit', required: true })
  @ApiQuery({ name: 'asOf', required: false, description: 'YYYY-MM-DD, default today' })
  async list(@Query() rawQuery: unknown): Promise<Array<{ id: string } & ClubView>> {
    const query = parseInput(listQuery, rawQuery);
    const asOf = query.asOf ?? this.clock.today();
    const unit = await orgUnitTable.find(this.pool, query.orgUnit);
    if (!unit) throw new NotFoundError(`Unknown org unit ${query.orgUnit}.`);
    // An ended unit (a commune merged in a reform, a district abolished) lists its footprint's clubs, as a
    // plan on it is reported (ISHC.md §3), rather than nothing.
    const communes = await orgUnitTable.communesCoveredBy(this.pool, unit, asOf);
    const clubs = await clubTable.activeIn(this.pool, communes, asOf);
    return clubs.map((c) => ({ id: c.clubId, ...c }));
  }
}
