import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, PG_POOL, Roles, ScopeChecker, parseInput } from '@ishc/platform';
import { Pool } from 'pg';
import { loanIdFromPath } from '../loan-path';
import { loanInScope } from '../loan-scope';
import { writeOffLoanBody } from './write-off-loan.body';
import { WriteOffLoanCommand } from './write-off-loan.command';
import { LoanWrittenOff } from './write-off-loan.handler';

@ApiTags('loans')
@ApiBearerAuth()
@Controller('loans/:id/write-off')
export class WriteOffLoanController {
  constructor(
    private readonly commands: CommandBus,
    private readonly scope: ScopeChecker,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Post()
  @HttpCode(200)
  @Roles('province_officer', 'district_officer', 'commune_officer')
  @ApiOperation({ summary: 'Write a disbursed loan off: its outstanding principal leaves the fund’s receivables' })
  async writeOff(@Param('id') rawId: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<LoanWrittenOff> {
    const loanId = loanIdFromPath(rawId);
    const input = parseInput(writeOffLoanBody, body);
    await loanInScope(this.pool, this.scope, actor, loanId, input.writtenOffOn);
    return this.commands.execute<WriteOffLoanCommand, LoanWrittenOff>(new WriteOffLoanCommand(loanId, input, actor));
  }
}
