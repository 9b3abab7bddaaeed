import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Clock, CurrentActor, PG_POOL, Roles, ScopeChecker, parseInput } from '@ishc/platform';
import { Pool } from 'pg';
import { asObject } from '../../shared/as-object';
import { Membership } from '../domain/memberships';
import { clubAndMemberInScope } from '../membership-access';
import { JoinClubCommand } from './join-club.command';
import { joinClubBody } from './join-club.body';

export type MembershipAnswer = { id: string; memberId: string } & Membership;

@ApiTags('memberships')
@ApiBearerAuth()
@Controller('clubs')
export class JoinClubController {
  constructor(
    private readonly commands: CommandBus,
    private readonly scope: ScopeChecker,
    private readonly clock: Clock,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Post(':id/memberships')
  @HttpCode(201)
  @Roles('province_officer', 'district_officer', 'commune_officer')
  @ApiOperation({ summary: 'A member joins a club (at most one active membership per person; 409 otherwise)' })
  async join(@Param('id') id: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<MembershipAnswer> {
    const input = parseInput(joinClubBody, { ...asObject(body), clubId: id });
    await clubAndMemberInScope(this.pool, this.scope, actor, input, this.clock.today());
    const membership = await this.commands.execute<JoinClubCommand, Membership>(new JoinClubCommand(input, actor));
    return { id: input.memberId, memberId: input.memberId, ...membership };
  }
}
