import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Clock, CurrentActor, NotFoundError, PG_POOL, ScopeChecker, isAdmin } from '@ishc/platform';
import { Pool } from 'pg';
import { DuplicateReason } from '../domain/duplicate-match';
import { MemberKeyring } from '../member-keyring';
import { memberTable } from '../member.table';
import { parseMemberId } from '../member-id';
import { MemberView, revealMember } from '../member-view';

@ApiTags('members')
@ApiBearerAuth()
@Controller('members')
export class GetMemberController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly scope: ScopeChecker,
    private readonly clock: Clock,
    private readonly keyring: MemberKeyring,
  ) {}

  // Declared before `:id`, so the path is not read as an id.
  @Get('possible-duplicates')
  @ApiOperation({ summary: 'Pairs of members that may be the same person (same folded name, birth year and commune, or national ID); never merged' })
  async possibleDuplicates(@CurrentActor() actor: Actor): Promise<Array<{ memberId: string; duplicateOf: string; reason: DuplicateReason }>> {
    const today = this.clock.today();
    const all = await memberTable.possibleDuplicates(this.pool);
    const visible = [];
    for (const d of all) {
      if (isAdmin(actor) || ((await this.scope.isInScope(actor, d.communeCode, today)) && (await this.scope.isInScope(actor, d.duplicateCommuneCode, today)))) {
        visible.push({ memberId: d.memberId, duplicateOf: d.duplicateOf, reason: d.reason });
      }
    }
    return visible;
  }

  @Get(':id')
  @ApiOperation({ summary: 'One member (personal fields decrypted; an erased member shows none)' })
  async get(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<MemberView> {
    const memberId = parseMemberId(id);
    const member = await memberTable.find(this.pool, memberId);
    if (!member) throw new NotFoundError(`Unknown member ${memberId}.`);
    await this.scope.assertInScope(actor, member.communeCode, this.clock.today());
    const wrapped = member.erasedOn === null ? await memberTable.wrappedKey(this.pool, memberId) : null;
    return revealMember(member, wrapped, () => this.keyring.keys);
  }
}
