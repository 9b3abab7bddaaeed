import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, PG_POOL, Roles, ScopeChecker, parseInput } from '@ishc/platform';
import { Pool } from 'pg';
import { assertClubInScope } from '../../clubs/club-scope';
import { recordHealthCheckBody } from './record-health-check.body';
import { RecordHealthCheckCommand } from './record-health-check.command';
import { ApiNotReplicatedYetResponse } from '../../replica/not-replicated-yet.doc';

@ApiTags('health checks')
@ApiBearerAuth()
@Controller('health-checks')
export class RecordHealthCheckController {
  constructor(
    private readonly commands: CommandBus,
    private readonly scope: ScopeChecker,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('province_officer', 'district_officer', 'commune_officer')
  @ApiNotReplicatedYetResponse()
  @ApiOperation({ summary: 'Record a member’s health check (a member of the club that day; at least one measurement, each within its plausible range)' })
  async record(@Body() body: unknown, @CurrentActor() actor: Actor): Promise<{ id: string }> {
    const input = parseInput(recordHealthCheckBody, body);
    await assertClubInScope(this.pool, this.scope, actor, input.clubId, input.checkedOn);
    return this.commands.execute<RecordHealthCheckCommand, { id: string }>(new RecordHealthCheckCommand(input, actor));
  }
}
