import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, PG_POOL, Roles, ScopeChecker, parseInput } from '@ishc/platform';
import { Pool } from 'pg';
import { loanIdFromPath } from '../loan-path';
import { loanInScope } from '../loan-scope';
import { approveLoanBody } from './approve-loan.body';
import { ApproveLoanCommand } from './approve-loan.command';
import { LoanApproved } from './approve-loan.handler';

@ApiTags('loans')
@ApiBearerAuth()
@Controller('loans/:id/approval')
export class ApproveLoanController {
  constructor(
    private readonly commands: CommandBus,
    private readonly scope: ScopeChecker,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Post()
  @HttpCode(200)
  @Roles('province_officer', 'district_officer', 'commune_officer')
  @ApiOperation({ summary: 'The club approves an applied loan (no money moves yet)' })
  async approve(@Param('id') rawId: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<LoanApproved> {
    const loanId = loanIdFromPath(rawId);
    const input = parseInput(approveLoanBody, body);
    await loanInScope(this.pool, this.scope, actor, loanId, input.approvedOn);
    return this.commands.execute<ApproveLoanCommand, LoanApproved>(new ApproveLoanCommand(loanId, input, actor));
  }
}
