import { Body, Controller, Inject, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Clock, CurrentActor, PG_POOL, Roles, ScopeChecker, parseInput } from '@ishc/platform';
import { Pool } from 'pg';
import { asObject } from '../../shared/as-object';
import { Membership } from '../domain/memberships';
import { MembershipAnswer } from '../join-club/join-club.http.controller';
import { clubAndMemberInScope } from '../membership-access';
import { ChangeMembershipRolesCommand } from './change-membership-roles.command';
import { changeMembershipRolesBody } from './change-membership-roles.body';

@ApiTags('memberships')
@ApiBearerAuth()
@Controller('clubs')
export class ChangeMembershipRolesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly scope: ScopeChecker,
    private readonly clock: Clock,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Put(':id/memberships/:memberId/roles')
  @Roles('province_officer', 'district_officer', 'commune_officer')
  @ApiOperation({ summary: "Change a membership's roles from a date" })
  async change(@Param('id') id: string, @Param('memberId') memberId: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<MembershipAnswer> {
    const input = parseInput(changeMembershipRolesBody, { ...asObject(body), clubId: id, memberId });
    await clubAndMemberInScope(this.pool, this.scope, actor, input, this.clock.today());
    const membership = await this.commands.execute<ChangeMembershipRolesCommand, Membership>(new ChangeMembershipRolesCommand(input, actor));
    return { id: input.memberId, memberId: input.memberId, ...membership };
  }
}
