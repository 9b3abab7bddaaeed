import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { MembershipRole } from '@ishc/contracts';
import { Actor, Clock, CurrentActor, NotFoundError, PG_POOL, ScopeChecker, ValidationError, isoDate, parseInput } from '@ishc/platform';
import { Pool } from 'pg';
import { z } from 'zod';
import { clubCommuneOn } from '../../clubs/club-commune';
import { clubTable } from '../../clubs/club.table';
import { MemberKeyring } from '../../members/member-keyring';
import { MemberView, memberStatistics, revealMember } from '../../members/member-view';
import { memberTable } from '../../members/member.table';
import { membershipTable } from '../membership.table';

const query = z.object({ asOf: isoDate.optional() });
const uuid = z.uuid({ message: 'must be a UUID' });

/** One member of the club on the day, with the roles of that day. */
export interface ClubMemberView {
  memberId: string;
  joinedOn: string;
  leftOn: string | null;
  roles: MembershipRole[];
  rolesSince: string;
  /** `shown` (decrypted), `withheld` (the caller is not in scope) or `erased` (the data key is destroyed). */
  personalData: 'shown' | 'withheld' | 'erased';
  member: MemberView;
}

@ApiTags('memberships')
@ApiBearerAuth()
@Controller('clubs')
export class GetClubMembershipsController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly scope: ScopeChecker,
    private readonly clock: Clock,
    private readonly keyring: MemberKeyring,
  ) {}

  @Get(':id/memberships')
  @ApiOperation({
    summary:
      'Members of a club on a date, with their roles that day. Personal fields are decrypted only for a caller whose scope covers the ' +
      "club's commune on that date or the member's commune; an erased member reads as erased",
  })
  @ApiQuery({ name: 'asOf', required: false, description: 'YYYY-MM-DD, default today' })
  async list(
    @Param('id') id: string,
    @Query() rawQuery: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<{ clubId: string; asOf: string; communeCode: string; members: ClubMemberView[] }> {
    if (!uuid.safeParse(id).success) throw new ValidationError([{ field: 'id', message: 'must be a UUID' }]);
    const asOf = parseInput(query, rawQuery).asOf ?? this.clock.today();
    const club = await clubTable.find(this.pool, id);
    if (!club) throw new NotFoundError(`Unknown club ${id}.`);
    const { communeCode } = await clubCommuneOn(this.pool, id, asOf);
    const memberships = await membershipTable.ofClubOn(this.pool, id, asOf);
    const ids = memberships.map((m) => m.memberId);
    const [members, keys] = await Promise.all([memberTable.findMany(this.pool, ids), memberTable.wrappedKeys(this.pool, ids)]);
    const clubInScope = await this.scope.isInScope(actor, communeCode, asOf);
    const today = this.clock.today();
    const views: ClubMemberView[] = [];
    for (const m of memberships) {
      const member = members.get(m.memberId);
      if (!member) continue;
      const shown = clubInScope || (await this.scope.isInScope(actor, member.communeCode, today));
      const view = shown ? revealMember(member, keys.get(m.memberId) ?? null, () => this.keyring.keys) : memberStatistics(member);
      const personalData = view.erased ? 'erased' : shown ? 'shown' : 'withheld';
      views.push({ memberId: m.memberId, joinedOn: m.joinedOn, leftOn: m.leftOn, roles: m.roles, rolesSince: m.rolesSince, personalData, member: view });
    }
    return { clubId: id, asOf, communeCode, members: views };
  }
}
