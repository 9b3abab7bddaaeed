import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, NotFoundError, PG_POOL, Roles, ScopeChecker, parseInput } from '@ishc/platform';
import { Pool } from 'pg';
import { asObject } from '../../shared/as-object';
import { clubCommuneOn } from '../club-commune';
import { clubTable } from '../club.table';
import { DissolveClubCommand, DissolveClubResult } from './dissolve-club.command';
import { dissolveClubBody } from './dissolve-club.body';

@ApiTags('clubs')
@ApiBearerAuth()
@Controller('clubs')
export class DissolveClubController {
  constructor(
    private readonly commands: CommandBus,
    private readonly scope: ScopeChecker,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Post(':id/dissolution')
  @HttpCode(200)
  @Roles('province_officer', 'district_officer', 'commune_officer')
  @ApiOperation({
    summary: 'Dissolve a club from dissolvedOn (not before its establishment, not in the future); its active memberships end that day',
  })
  async dissolve(@Param('id') id: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<{ id: string } & DissolveClubResult> {
    const input = parseInput(dissolveClubBody, { ...asObject(body), clubId: id });
    const club = await clubTable.find(this.pool, input.clubId);
    if (!club) throw new NotFoundError(`Unknown club ${input.clubId}.`);
    // Scope on the club's commune of that day: a whole succession has moved it under the new commune.
    const { communeCode } = await clubCommuneOn(this.pool, input.clubId, input.dissolvedOn);
    await this.scope.assertInScope(actor, communeCode, input.dissolvedOn);
    const result = await this.commands.execute<DissolveClubCommand, DissolveClubResult>(new DissolveClubCommand(input, actor));
    return { id: input.clubId, ...result };
  }
}
