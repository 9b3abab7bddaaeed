import { Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Clock, CurrentActor, NotFoundError, PG_POOL, Roles, ScopeChecker } from '@ishc/platform';
import { Pool } from 'pg';
import { memberTable } from '../member.table';
import { parseMemberId } from '../member-id';
import { EraseMemberCommand } from './erase-member.command';

@ApiTags('members')
@ApiBearerAuth()
@Controller('members')
export class EraseMemberController {
  constructor(
    private readonly commands: CommandBus,
    private readonly scope: ScopeChecker,
    private readonly clock: Clock,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Post(':id/erasure')
  @HttpCode(200)
  @Roles('province_officer', 'district_officer', 'commune_officer')
  @ApiOperation({ summary: "Erase a member's personal data (crypto-shredding: the data key is destroyed); statistics stay" })
  async erase(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<{ id: string; erased: true; erasedOn: string }> {
    const memberId = parseMemberId(id);
    const member = await memberTable.find(this.pool, memberId);
    if (!member) throw new NotFoundError(`Unknown member ${memberId}.`);
    await this.scope.assertInScope(actor, member.communeCode, this.clock.today());
    const { erasedOn } = await this.commands.execute<EraseMemberCommand, { erasedOn: string }>(new EraseMemberCommand(memberId, actor));
    return { id: memberId, erased: true, erasedOn };
  }
}
