import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { PostgresEventStore } from '@ishc/event-store';
import { Actor, Clock, CurrentActor, EVENT_STORE, PG_POOL, Roles, ScopeChecker, ValidationError, isoDate, parseInput } from '@ishc/platform';
import { Pool } from 'pg';
import { z } from 'zod';
import { LoanStanding, loanStandingAsOf } from '../domain/loan-view';
import { loanIdFromPath } from '../loan-path';
import { loanInScope } from '../loan-scope';
import { readLoan } from '../loan-streams';

const getLoanQuery = z.object({ asOf: isoDate.optional() }).strict();

export interface LoanAnswer extends LoanStanding {
  id: string;
  clubId: string;
  memberId: string;
  purpose: string;
  /** Once written off on or before asOf. */
  writeOffReason: string | null;
}

@ApiTags('loans')
@ApiBearerAuth()
@Controller('loans/:id')
export class GetLoanController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly clock: Clock,
    private readonly scope: ScopeChecker,
  ) {}

  @Get()
  @Roles('province_officer', 'district_officer', 'commune_officer')
  @ApiOperation({ summary: 'The loan on a date: status, schedule with what is paid, paid, outstanding, days past due, arrears bucket' })
  @ApiQuery({ name: 'asOf', required: false, description: 'YYYY-MM-DD, default today' })
  async get(@Param('id') rawId: string, @Query() rawQuery: unknown, @CurrentActor() actor: Actor): Promise<LoanAnswer> {
    const loanId = loanIdFromPath(rawId);
    const asOf = parseInput(getLoanQuery, rawQuery).asOf ?? this.clock.today();
    const detail = await loanInScope(this.pool, this.scope, actor, loanId, asOf);
    const standing = loanStandingAsOf(await readLoan(this.store, loanId), asOf);
    if (standing === null) throw new ValidationError([{ field: 'asOf', message: `must not be before the loan was applied for (${detail.appliedOn})` }]);
    return {
      id: loanId,
      clubId: detail.clubId,
      memberId: detail.memberId,
      purpose: detail.purpose,
      ...standing,
      writeOffReason: standing.writtenOffOn ? detail.writeOffReason : null,
    };
  }
}
