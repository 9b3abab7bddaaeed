import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, NotFoundError, PG_POOL, ScopeChecker, parseInput } from '@ishc/platform';
import { Pool } from 'pg';
import { clubIdFromPath, scopeDateFor } from '../../clubs/club-path';
import { clubReplicaTable } from '../../replica/club-replica.table';
import { activityLogTable } from '../activity-log.table';
import { ActivityLogView, activityLogView } from './activity-log.view';
import { getActivityLogQuery } from './get-activity-log.query';

@ApiTags('activity log')
@ApiBearerAuth()
@Controller('clubs/:clubId/activity-log')
export class GetActivityLogController {
  constructor(
    private readonly scope: ScopeChecker,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The club’s meetings, sessions, health checks, home-care visits and self-help cases of one calendar month' })
  @ApiQuery({ name: 'month', required: true, description: 'YYYY-MM' })
  async get(@Param('clubId') rawClubId: string, @Query() rawQuery: unknown, @CurrentActor() actor: Actor): Promise<ActivityLogView> {
    const clubId = clubIdFromPath(rawClubId);
    const { month } = parseInput(getActivityLogQuery, rawQuery);
    const club = await clubReplicaTable.find(this.pool, clubId);
    if (!club) throw new NotFoundError(`Unknown club ${clubId}.`);
    // Scope on the month's last day, kept within the club's lifetime (a commune may have moved during its life).
    await this.scope.assertInScope(actor, club.communeCode, scopeDateFor(club, lastDayOf(month)));
    return activityLogView(clubId, month, await activityLogTable.forMonth(this.pool, clubId, month));
  }
}

function lastDayOf(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, '0')}`;
}
