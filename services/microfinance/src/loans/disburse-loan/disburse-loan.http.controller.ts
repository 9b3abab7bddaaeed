import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, PG_POOL, Roles, ScopeChecker, parseInput } from '@ishc/platform';
import { Pool } from 'pg';
import { loanIdFromPath } from '../loan-path';
import { loanInScope } from '../loan-scope';
import { disburseLoanBody } from './disburse-loan.body';
import { DisburseLoanCommand } from './disburse-loan.command';
import { LoanDisbursed } from './disburse-loan.handler';
import { ApiNotReplicatedYetResponse } from '../../replica/not-replicated-yet.doc';

@ApiTags('loans')
@ApiBearerAuth()
@Controller('loans/:id/disbursement')
export class DisburseLoanController {
  constructor(
    private readonly commands: CommandBus,
    private readonly scope: ScopeChecker,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Post()
  @HttpCode(200)
  @Roles('province_officer', 'district_officer', 'commune_officer')
  @ApiNotReplicatedYetResponse()
  @ApiOperation({ summary: 'Lend an approved loan from the club’s income fund (409 beyond the fund’s cash); fixes the schedule' })
  async disburse(@Param('id') rawId: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<LoanDisbursed> {
    const loanId = loanIdFromPath(rawId);
    const input = parseInput(disburseLoanBody, body);
    await loanInScope(this.pool, this.scope, actor, loanId, input.disbursedOn);
    return this.commands.execute<DisburseLoanCommand, LoanDisbursed>(new DisburseLoanCommand(loanId, input, actor));
  }
}
