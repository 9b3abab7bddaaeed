import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FundOpenedV1 } from '@ishc/contracts';
import { Actor, CurrentActor, PG_POOL, Roles, ScopeChecker, parseInput } from '@ishc/platform';
import { Pool } from 'pg';
import { clubReplicaTable } from '../../replica/club-replica.table';
import { clubIdFromPath, scopeDateFor } from '../club-path';
import { openFundBody } from './open-fund.body';
import { OpenFundCommand } from './open-fund.command';

@ApiTags('funds')
@ApiBearerAuth()
@Controller('clubs/:clubId/funds')
export class OpenFundController {
  constructor(
    private readonly commands: CommandBus,
    private readonly scope: ScopeChecker,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('province_officer', 'district_officer', 'commune_officer')
  @ApiOperation({ summary: 'Open the club’s income-generation or activity fund (one of each kind, within the club’s lifetime)' })
  async open(@Param('clubId') rawClubId: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<FundOpenedV1> {
    const clubId = clubIdFromPath(rawClubId);
    const input = parseInput(openFundBody, body);
    // A club not replicated yet is answered 409 by the handler (retry); a known one is checked for scope.
    const club = await clubReplicaTable.find(this.pool, clubId);
    if (club) await this.scope.assertInScope(actor, club.communeCode, scopeDateFor(club, input.openedOn));
    return this.commands.execute<OpenFundCommand, FundOpenedV1>(new OpenFundCommand(clubId, input, actor));
  }
}
