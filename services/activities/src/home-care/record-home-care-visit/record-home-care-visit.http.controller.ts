import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, PG_POOL, Roles, ScopeChecker, parseInput } from '@ishc/platform';
import { Pool } from 'pg';
import { assertClubInScope } from '../../clubs/club-scope';
import { recordHomeCareVisitBody } from './record-home-care-visit.body';
import { RecordHomeCareVisitCommand } from './record-home-care-visit.command';
import { ApiNotReplicatedYetResponse } from '../../replica/not-replicated-yet.doc';

@ApiTags('home care')
@ApiBearerAuth()
@Controller('home-care-visits')
export class RecordHomeCareVisitController {
  constructor(
    private readonly commands: CommandBus,
    private readonly scope: ScopeChecker,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('province_officer', 'district_officer', 'commune_officer')
  @ApiNotReplicatedYetResponse()
  @ApiOperation({ summary: 'Record a home-care visit (the volunteer holds home_care_volunteer that day; both are members of the club)' })
  async record(@Body() body: unknown, @CurrentActor() actor: Actor): Promise<{ id: string }> {
    const input = parseInput(recordHomeCareVisitBody, body);
    await assertClubInScope(this.pool, this.scope, actor, input.clubId, input.visitedOn);
    return this.commands.execute<RecordHomeCareVisitCommand, { id: string }>(new RecordHomeCareVisitCommand(input, actor));
  }
}
