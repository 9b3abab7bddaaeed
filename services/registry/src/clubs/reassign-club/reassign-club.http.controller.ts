import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, NotFoundError, PG_POOL, Roles, ScopeChecker, parseInput } from '@ishc/platform';
import { Pool } from 'pg';
import { asObject } from '../../shared/as-object';
import { orgUnitTable } from '../../org-units/org-unit.table';
import { clubTable } from '../club.table';
import { ReassignClubCommand, ReassignClubResult } from './reassign-club.command';
import { reassignClubBody } from './reassign-club.body';

@ApiTags('clubs')
@ApiBearerAuth()
@Controller('clubs')
export class ReassignClubController {
  constructor(
    private readonly commands: CommandBus,
    private readonly scope: ScopeChecker,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Post(':id/reassignment')
  @HttpCode(200)
  @Roles('province_officer', 'district_officer', 'commune_officer')
  @ApiOperation({
    summary: 'Move a club to a commune that succeeded its commune partially (from effectiveOn); whole successions need no reassignment',
  })
  async reassign(@Param('id') id: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<{ id: string } & ReassignClubResult> {
    const input = parseInput(reassignClubBody, { ...asObject(body), clubId: id });
    const club = await clubTable.find(this.pool, input.clubId);
    if (!club) throw new NotFoundError(`Unknown club ${input.clubId}.`);
    // The caller acts on the club's new commune (where it will belong); an unknown commune is the
    // command's 400, not a 403.
    if (await orgUnitTable.find(this.pool, input.communeCode)) await this.scope.assertInScope(actor, input.communeCode, input.effectiveOn);
    const result = await this.commands.execute<ReassignClubCommand, ReassignClubResult>(new ReassignClubCommand(input, actor));
    return { id: input.clubId, ...result };
  }
}
