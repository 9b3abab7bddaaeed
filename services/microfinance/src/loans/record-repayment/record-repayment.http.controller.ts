import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, PG_POOL, Roles, ScopeChecker, parseInput } from '@ishc/platform';
import { Pool } from 'pg';
import { loanIdFromPath } from '../loan-path';
import { loanInScope } from '../loan-scope';
import { recordRepaymentBody } from './record-repayment.body';
import { RecordRepaymentCommand } from './record-repayment.command';
import { RepaymentRecorded } from './record-repayment.handler';

@ApiTags('loans')
@ApiBearerAuth()
@Controller('loans/:id/repayments')
export class RecordRepaymentController {
  constructor(
    private readonly commands: CommandBus,
    private readonly scope: ScopeChecker,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('province_officer', 'district_officer', 'commune_officer')
  @ApiOperation({ summary: 'Record a payment: split oldest instalment first, interest before principal (409 beyond what is owed)' })
  async repay(@Param('id') rawId: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<RepaymentRecorded> {
    const loanId = loanIdFromPath(rawId);
    const input = parseInput(recordRepaymentBody, body);
    await loanInScope(this.pool, this.scope, actor, loanId, input.paidOn);
    return this.commands.execute<RecordRepaymentCommand, RepaymentRecorded>(new RecordRepaymentCommand(loanId, input, actor));
  }
}
