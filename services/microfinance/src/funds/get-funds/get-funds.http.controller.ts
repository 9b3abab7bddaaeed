import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { FUND_KINDS, FundEvent, FundKind, fundStreamId } from '@ishc/contracts';
import { PostgresEventStore } from '@ishc/event-store';
import { Actor, Clock, CurrentActor, EVENT_STORE, NotFoundError, PG_POOL, Roles, ScopeChecker, isoDate, parseInput } from '@ishc/platform';
import { Pool } from 'pg';
import { z } from 'zod';
import { clubReplicaTable } from '../../replica/club-replica.table';
import { clubIdFromPath, scopeDateFor } from '../club-path';
import { evolveFund, initialFundState } from '../domain/fund';
import { FundPosition, positionOn } from '../domain/fund-ledger';

const getFundsQuery = z.object({ asOf: isoDate.optional() }).strict();

export interface FundView extends FundPosition {
  kind: FundKind;
  openedOn: string;
}

export interface ClubFundsAnswer {
  clubId: string;
  asOf: string;
  /** The funds opened on or before asOf, each with its ledger's position on that day. */
  funds: FundView[];
}

@ApiTags('funds')
@ApiBearerAuth()
@Controller('clubs/:clubId/funds')
export class GetFundsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly clock: Clock,
    private readonly scope: ScopeChecker,
  ) {}

  @Get()
  @Roles('province_officer', 'district_officer', 'commune_officer')
  @ApiOperation({ summary: 'The club’s funds on a date: cash, loans outstanding, capital, contributions by source' })
  @ApiQuery({ name: 'asOf', required: false, description: 'YYYY-MM-DD, default today' })
  async get(@Param('clubId') rawClubId: string, @Query() rawQuery: unknown, @CurrentActor() actor: Actor): Promise<ClubFundsAnswer> {
    const clubId = clubIdFromPath(rawClubId);
    const query = parseInput(getFundsQuery, rawQuery);
    const asOf = query.asOf ?? this.clock.today();
    const club = await clubReplicaTable.find(this.pool, clubId);
    if (!club) throw new NotFoundError(`Unknown club ${clubId} (or not known to microfinance yet).`);
    await this.scope.assertInScope(actor, club.communeCode, scopeDateFor(club, asOf));
    const funds: FundView[] = [];
    for (const kind of FUND_KINDS) {
      const stream = await this.store.readStream(fundStreamId(clubId, kind));
      const state = stream.events.reduce((s, e) => evolveFund(s, { type: e.type, data: e.data } as FundEvent), initialFundState());
      if (state.openedOn === null || state.openedOn > asOf) continue;
      funds.push({ kind, openedOn: state.openedOn, ...positionOn(state.ledger, asOf) });
    }
    return { clubId, asOf, funds };
  }
}
