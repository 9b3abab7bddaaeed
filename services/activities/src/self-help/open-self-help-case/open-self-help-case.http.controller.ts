import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, PG_POOL, Roles, ScopeChecker, parseInput } from '@ishc/platform';
import { Pool } from 'pg';
import { assertClubInScope } from '../../clubs/club-scope';
import { openSelfHelpCaseBody } from './open-self-help-case.body';
import { OpenSelfHelpCaseCommand } from './open-self-help-case.command';
import { ApiNotReplicatedYetResponse } from '../../replica/not-replicated-yet.doc';

@ApiTags('self-help')
@ApiBearerAuth()
@Controller('self-help-cases')
export class OpenSelfHelpCaseController {
  constructor(
    private readonly commands: CommandBus,
    private readonly scope: ScopeChecker,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('province_officer', 'district_officer', 'commune_officer')
  @ApiNotReplicatedYetResponse()
  @ApiOperation({ summary: 'Open a self-help case (the person helped, when named, is a member of the club that day)' })
  async open(@Body() body: unknown, @CurrentActor() actor: Actor): Promise<{ id: string }> {
    const input = parseInput(openSelfHelpCaseBody, body);
    await assertClubInScope(this.pool, this.scope, actor, input.clubId, input.openedOn);
    return this.commands.execute<OpenSelfHelpCaseCommand, { id: string }>(new OpenSelfHelpCaseCommand(input, actor));
  }
}
