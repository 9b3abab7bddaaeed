import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Clock, CurrentActor, NotFoundError, PG_POOL, Roles, ScopeChecker, parseInput } from '@ishc/platform';
import { Pool } from 'pg';
import { asObject } from '../../shared/as-object';
import { memberTable } from '../../members/member.table';
import { MembershipsEvent } from '../domain/memberships';
import { RecordDeathCommand } from './record-death.command';
import { recordDeathBody } from './record-death.body';

@ApiTags('members')
@ApiBearerAuth()
@Controller('members')
export class RecordDeathController {
  constructor(
    private readonly commands: CommandBus,
    private readonly scope: ScopeChecker,
    private readonly clock: Clock,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Post(':id/death')
  @HttpCode(200)
  @Roles('province_officer', 'district_officer', 'commune_officer')
  @ApiOperation({ summary: "Record a member's death: the active membership ends that day" })
  async record(@Param('id') id: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<{ id: string; diedOn: string; endedMemberships: string[] }> {
    const input = parseInput(recordDeathBody, { ...asObject(body), memberId: id });
    const member = await memberTable.find(this.pool, input.memberId);
    if (!member) throw new NotFoundError(`Unknown member ${input.memberId}.`);
    await this.scope.assertInScope(actor, member.communeCode, this.clock.today());
    const events = await this.commands.execute<RecordDeathCommand, MembershipsEvent[]>(new RecordDeathCommand(input, actor));
    const endedMemberships = events.flatMap((e) => (e.type === 'MembershipEnded' ? [e.data.clubId] : []));
    return { id: input.memberId, diedOn: input.diedOn, endedMemberships };
  }
}
