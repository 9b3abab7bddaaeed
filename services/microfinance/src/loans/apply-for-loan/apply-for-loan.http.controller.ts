import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, PG_POOL, Roles, ScopeChecker, parseInput } from '@ishc/platform';
import { Pool } from 'pg';
import { scopeDateFor } from '../../funds/club-path';
import { clubReplicaTable } from '../../replica/club-replica.table';
import { applyForLoanBody } from './apply-for-loan.body';
import { ApplyForLoanCommand } from './apply-for-loan.command';
import { LoanApplied } from './apply-for-loan.handler';
import { ApiNotReplicatedYetResponse } from '../../replica/not-replicated-yet.doc';

@ApiTags('loans')
@ApiBearerAuth()
@Controller('loans')
export class ApplyForLoanController {
  constructor(
    private readonly commands: CommandBus,
    private readonly scope: ScopeChecker,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('province_officer', 'district_officer', 'commune_officer')
  @ApiNotReplicatedYetResponse()
  @ApiOperation({ summary: 'A current member of the club applies for a loan from its income fund' })
  async apply(@Body() body: unknown, @CurrentActor() actor: Actor): Promise<LoanApplied> {
    const input = parseInput(applyForLoanBody, body);
    // A club not replicated yet is answered 409 by the handler (retry); a known one is checked for scope.
    const club = await clubReplicaTable.find(this.pool, input.clubId);
    if (club) await this.scope.assertInScope(actor, club.communeCode, scopeDateFor(club, input.appliedOn));
    return this.commands.execute<ApplyForLoanCommand, LoanApplied>(new ApplyForLoanCommand(input, actor));
  }
}
