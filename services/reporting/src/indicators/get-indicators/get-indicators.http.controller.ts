import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor, Clock, CurrentActor, NotFoundError, PG_POOL, ScopeChecker, parseConsistencyTokens, parseInput } from '@ishc/platform';
import { Pool } from 'pg';
import { ReadYourWrites } from '../../consistency/read-your-writes';
import { readCoverageFacts, readOrgUnitValidity } from '../coverage-facts.query';
import { coverageIndicators } from '../domain/coverage-indicators';
import { fundIndicators } from '../domain/fund-indicators';
import { readFundFacts } from '../fund-facts.query';
import { IndicatorValue } from '../domain/indicator-value';
import { memberIndicators } from '../domain/member-indicators';
import { readMemberFacts } from '../member-facts.query';
import { getIndicatorsQuery } from './get-indicators.query';

export interface IndicatorsAnswer {
  orgUnit: string;
  asOf: string;
  plan: string | null;
  /** The commune-level units the figures cover. */
  scope: string[];
  indicators: IndicatorValue[];
}

@ApiTags('indicators')
@ApiBearerAuth()
@Controller('indicators')
export class GetIndicatorsController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly clock: Clock,
    private readonly scope: ScopeChecker,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every indicator for an org unit on a date (ISHC.md §6)' })
  @ApiQuery({ name: 'orgUnit', required: true })
  @ApiQuery({ name: 'asOf', required: false, description: 'YYYY-MM-DD, default today' })
  @ApiQuery({ name: 'consistentWith', required: false, description: 'X-Consistency-Token values of your writes, comma-separated' })
  async get(@Query() rawQuery: unknown, @CurrentActor() actor: Actor): Promise<IndicatorsAnswer> {
    const query = parseInput(getIndicatorsQuery, rawQuery);
    const tokens = parseConsistencyTokens(query.consistentWith);
    const asOf = query.asOf ?? this.clock.today();
    if (query.plan !== undefined) throw new NotFoundError(`Unknown plan ${query.plan}.`);
    await this.readYourWrites.waitFor(tokens);

    const unit = await readOrgUnitValidity(this.pool, query.orgUnit);
    if (!unit) throw new NotFoundError(`Unknown org unit ${query.orgUnit}.`);
    if (asOf < unit.validFrom || (unit.validTo !== null && asOf > unit.validTo)) {
      throw new NotFoundError(`Org unit ${query.orgUnit} was not valid on ${asOf} (valid ${unit.validFrom} to ${unit.validTo ?? 'today'}).`);
    }
    await this.scope.assertInScope(actor, query.orgUnit, asOf);
    const facts = await readCoverageFacts(this.pool, query.orgUnit, asOf);
    const clubIds = facts.clubs.map((c) => c.clubId);
    const funds = await readFundFacts(this.pool, clubIds, asOf);
    const members = await readMemberFacts(this.pool, clubIds, asOf);
    const indicators = [...coverageIndicators(facts), ...fundIndicators(facts.clubs, funds), ...memberIndicators(facts.clubs, members, asOf)];
    return { orgUnit: query.orgUnit, asOf, plan: null, scope: [...facts.communes], indicators };
  }
}
