import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { PostgresEventStore } from '@ishc/event-store';
import { Actor, Clock, CurrentActor, EVENT_STORE, NotFoundError, PG_POOL, Roles, ScopeChecker, isoDate, parseInput } from '@ishc/platform';
import { Pool } from 'pg';
import { z } from 'zod';
import { clubIdFromPath, scopeDateFor } from '../../funds/club-path';
import { clubReplicaTable } from '../../replica/club-replica.table';
import { ArrearsBucket, portfolioOn } from '../domain/arrears';
import { loanHistory } from '../domain/loan';
import { LoanStanding, loanStandingAsOf } from '../domain/loan-view';
import { loanDetailTable } from '../loan-detail.table';
import { readLoan } from '../loan-streams';

const getClubLoansQuery = z.object({ asOf: isoDate.optional() }).strict();

export interface ClubLoanSummary {
  id: string;
  memberId: string;
  status: LoanStanding['status'];
  principalVnd: number;
  appliedOn: string;
  disbursedOn: string | null;
  outstandingPrincipalVnd: number;
  daysPastDue: number;
  arrearsBucket: ArrearsBucket;
}

export interface ClubLoansAnswer {
  clubId: string;
  asOf: string;
  /** Applied for on or before asOf, oldest first. */
  loans: ClubLoanSummary[];
  /** loans_outstanding_vnd and par30 of ISHC.md §6 for this club (par30Pct null when nothing is outstanding). */
  portfolio: { outstandingPrincipalVnd: number; par30PrincipalVnd: number; par30Pct: number | null };
}

@ApiTags('loans')
@ApiBearerAuth()
@Controller('clubs/:clubId/loans')
export class GetClubLoansController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly clock: Clock,
    private readonly scope: ScopeChecker,
  ) {}

  @Get()
  @Roles('province_officer', 'district_officer', 'commune_officer')
  @ApiOperation({ summary: 'The club’s loans on a date, each with outstanding principal and days past due, and the club’s PAR30' })
  @ApiQuery({ name: 'asOf', required: false, description: 'YYYY-MM-DD, default today' })
  async list(@Param('clubId') rawClubId: string, @Query() rawQuery: unknown, @CurrentActor() actor: Actor): Promise<ClubLoansAnswer> {
    const clubId = clubIdFromPath(rawClubId);
    const asOf = parseInput(getClubLoansQuery, rawQuery).asOf ?? this.clock.today();
    const club = await clubReplicaTable.find(this.pool, clubId);
    if (!club) throw new NotFoundError(`Unknown club ${clubId} (or not known to microfinance yet).`);
    await this.scope.assertInScope(actor, club.communeCode, scopeDateFor(club, asOf));
    const loans: ClubLoanSummary[] = [];
    const histories = [];
    for (const detail of await loanDetailTable.ofClub(this.pool, clubId, asOf)) {
      const state = await readLoan(this.store, detail.loanId);
      const standing = loanStandingAsOf(state, asOf);
      if (standing === null) continue;
      const history = loanHistory(state);
      if (history) histories.push(history);
      loans.push({
        id: detail.loanId,
        memberId: detail.memberId,
        status: standing.status,
        principalVnd: standing.principalVnd,
        appliedOn: standing.appliedOn,
        disbursedOn: standing.disbursedOn,
        outstandingPrincipalVnd: standing.outstanding.principalVnd,
        daysPastDue: standing.daysPastDue,
        arrearsBucket: standing.arrearsBucket,
      });
    }
    const portfolio = portfolioOn(histories, asOf);
    return { clubId, asOf, loans, portfolio: { outstandingPrincipalVnd: portfolio.outstandingVnd, par30PrincipalVnd: portfolio.par30Vnd, par30Pct: portfolio.par30Pct } };
  }
}
