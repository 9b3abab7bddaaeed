import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MembershipRole } from '@ishc/contracts';
import { Actor, Clock, CurrentActor, NotFoundError, PG_POOL, ScopeChecker } from '@ishc/platform';
import { Pool } from 'pg';
import { clubTable } from '../../clubs/club.table';
import { parseMemberId } from '../../members/member-id';
import { memberTable } from '../../members/member.table';
import { membershipTable } from '../membership.table';

/** One of the person's memberships, with its dated roles. */
export interface MemberMembershipView {
  clubId: string;
  clubName: string;
  joinedOn: string;
  leftOn: string | null;
  endReason: string | null;
  roles: MembershipRole[];
  rolesSince: string;
  roleHistory: Array<{ validFrom: string; roles: MembershipRole[] }>;
}

@ApiTags('memberships')
@ApiBearerAuth()
@Controller('members')
export class GetMemberMembershipsController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly scope: ScopeChecker,
    private readonly clock: Clock,
  ) {}

  @Get(':id/memberships')
  @ApiOperation({ summary: "All of a person's memberships (active and ended), each with its dated roles" })
  async list(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<{ memberId: string; diedOn: string | null; memberships: MemberMembershipView[] }> {
    const memberId = parseMemberId(id);
    const member = await memberTable.find(this.pool, memberId);
    if (!member) throw new NotFoundError(`Unknown member ${memberId}.`);
    await this.scope.assertInScope(actor, member.communeCode, this.clock.today());
    const [memberships, history] = await Promise.all([membershipTable.ofMember(this.pool, memberId), membershipTable.roleHistoryOf(this.pool, memberId)]);
    const names = new Map<string, string>();
    for (const clubId of new Set(memberships.map((m) => m.clubId))) names.set(clubId, (await clubTable.find(this.pool, clubId))?.name ?? '');
    return {
      memberId,
      diedOn: member.diedOn,
      memberships: memberships.map((m) => ({
        clubId: m.clubId,
        clubName: names.get(m.clubId) ?? '',
        joinedOn: m.joinedOn,
        leftOn: m.leftOn,
        endReason: m.endReason,
        roles: m.roles,
        rolesSince: m.rolesSince,
        roleHistory: history.filter((h) => h.clubId === m.clubId && h.joinedOn === m.joinedOn).map(({ validFrom, roles }) => ({ validFrom, roles })),
      })),
    };
  }
}
