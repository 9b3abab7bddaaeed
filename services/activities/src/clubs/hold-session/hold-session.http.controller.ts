import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, PG_POOL, Roles, ScopeChecker, parseInput } from '@ishc/platform';
import { Pool } from 'pg';
import { clubReplicaTable } from '../../replica/club-replica.table';
import { clubIdFromPath, scopeDateFor } from '../club-path';
import { holdSessionBody } from './hold-session.body';
import { HoldSessionCommand } from './hold-session.command';
import { ApiNotReplicatedYetResponse } from '../../replica/not-replicated-yet.doc';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('clubs/:clubId/sessions')
export class HoldSessionController {
  constructor(
    private readonly commands: CommandBus,
    private readonly scope: ScopeChecker,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('province_officer', 'district_officer', 'commune_officer')
  @ApiNotReplicatedYetResponse()
  @ApiOperation({ summary: 'Record an activity session of one area (participants are members of the club on the day)' })
  async hold(@Param('clubId') rawClubId: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<{ id: string }> {
    const clubId = clubIdFromPath(rawClubId);
    const input = parseInput(holdSessionBody, body);
    // A club not replicated yet is answered 409 by the handler (retry); a known one is checked for scope.
    const club = await clubReplicaTable.find(this.pool, clubId);
    if (club) await this.scope.assertInScope(actor, club.communeCode, scopeDateFor(club, input.heldOn));
    return this.commands.execute<HoldSessionCommand, { id: string }>(new HoldSessionCommand(clubId, input, actor));
  }
}
