import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FundContributionReceivedV1 } from '@ishc/contracts';
import { Actor, CurrentActor, PG_POOL, Roles, ScopeChecker, parseInput } from '@ishc/platform';
import { Pool } from 'pg';
import { clubReplicaTable } from '../../replica/club-replica.table';
import { clubIdFromPath, fundKindFromPath, scopeDateFor } from '../club-path';
import { contributeToFundBody } from './contribute-to-fund.body';
import { ContributeToFundCommand } from './contribute-to-fund.command';

@ApiTags('funds')
@ApiBearerAuth()
@Controller('clubs/:clubId/funds/:kind/contributions')
export class ContributeToFundController {
  constructor(
    private readonly commands: CommandBus,
    private readonly scope: ScopeChecker,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('province_officer', 'district_officer', 'commune_officer')
  @ApiOperation({ summary: 'Record money received by an open fund (whole VND, from a named source)' })
  async contribute(
    @Param('clubId') rawClubId: string,
    @Param('kind') rawKind: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<FundContributionReceivedV1> {
    const clubId = clubIdFromPath(rawClubId);
    const kind = fundKindFromPath(rawKind);
    const input = parseInput(contributeToFundBody, body);
    const club = await clubReplicaTable.find(this.pool, clubId);
    if (club) await this.scope.assertInScope(actor, club.communeCode, scopeDateFor(club, input.receivedOn));
    return this.commands.execute<ContributeToFundCommand, FundContributionReceivedV1>(new ContributeToFundCommand(clubId, kind, input, actor));
  }
}
