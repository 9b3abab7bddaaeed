import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, PG_POOL, Roles, ScopeChecker, parseInput } from '@ishc/platform';
import { Pool } from 'pg';
import { clubReplicaTable } from '../../replica/club-replica.table';
import { clubIdFromPath, scopeDateFor } from '../club-path';
import { holdMeetingBody } from './hold-meeting.body';
import { HoldMeetingCommand } from './hold-meeting.command';
import { ApiNotReplicatedYetResponse } from '../../replica/not-replicated-yet.doc';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller('clubs/:clubId/meetings')
export class HoldMeetingController {
  constructor(
    private readonly commands: CommandBus,
    private readonly scope: ScopeChecker,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('province_officer', 'district_officer', 'commune_officer')
  @ApiNotReplicatedYetResponse()
  @ApiOperation({ summary: 'Record the club’s monthly meeting (one per calendar month unless extra; attendees are members on the day)' })
  async hold(@Param('clubId') rawClubId: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<{ id: string }> {
    const clubId = clubIdFromPath(rawClubId);
    const input = parseInput(holdMeetingBody, body);
    // A club not replicated yet is answered 409 by the handler (retry); a known one is checked for scope.
    const club = await clubReplicaTable.find(this.pool, clubId);
    if (club) await this.scope.assertInScope(actor, club.communeCode, scopeDateFor(club, input.heldOn));
    return this.commands.execute<HoldMeetingCommand, { id: string }>(new HoldMeetingCommand(clubId, input, actor));
  }
}
