import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Clock, CurrentActor, PG_POOL, Roles, ScopeChecker, parseInput } from '@ishc/platform';
import { Pool } from 'pg';
import { asObject } from '../../shared/as-object';
import { Membership } from '../domain/memberships';
import { MembershipAnswer } from '../join-club/join-club.http.controller';
import { clubAndMemberInScope } from '../membership-access';
import { EndMembershipCommand } from './end-membership.command';
import { endMembershipBody } from './end-membership.body';

@ApiTags('memberships')
@ApiBearerAuth()
@Controller('clubs')
export class EndMembershipController {
  constructor(
    private readonly commands: CommandBus,
    private readonly scope: ScopeChecker,
    private readonly clock: Clock,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Post(':id/memberships/:memberId/end')
  @HttpCode(200)
  @Roles('province_officer', 'district_officer', 'commune_officer')
  @ApiOperation({ summary: 'End a membership (leftOn exclusive)' })
  async end(@Param('id') id: string, @Param('memberId') memberId: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<MembershipAnswer> {
    const input = parseInput(endMembershipBody, { ...asObject(body), clubId: id, memberId });
    await clubAndMemberInScope(this.pool, this.scope, actor, input, this.clock.today());
    const membership = await this.commands.execute<EndMembershipCommand, Membership>(new EndMembershipCommand(input, actor));
    return { id: input.memberId, memberId: input.memberId, ...membership };
  }
}
