import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Clock, EventSourcingModule, ORG_UNIT_SCOPE } from '@ishc/platform';
import { ContributeToFundController } from './funds/contribute-to-fund/contribute-to-fund.http.controller';
import { ContributeToFundHandler } from './funds/contribute-to-fund/contribute-to-fund.handler';
import { GetFundsController } from './funds/get-funds/get-funds.http.controller';
import { OpenFundController } from './funds/open-fund/open-fund.http.controller';
import { OpenFundHandler } from './funds/open-fund/open-fund.handler';
import { MicrofinanceSchema } from './replica/microfinance-schema.provider';
import { MicrofinanceOrgUnitScope } from './replica/org-unit-scope.resolver';
import { REPLICATED_SOURCES, RegistryReplicaConsumer } from './replica/registry-replica.consumer';

/**
 * Microfinance: club funds (open, contributions, positions) checked against a replica of the registry's
 * clubs and org units; loans arrive with their issue (see docs/architecture.md).
 */
@Module({
  imports: [CqrsModule.forRoot(), EventSourcingModule.forService({ sources: REPLICATED_SOURCES })],
  controllers: [OpenFundController, ContributeToFundController, GetFundsController],
  providers: [
    Clock,
    MicrofinanceSchema,
    RegistryReplicaConsumer,
    { provide: ORG_UNIT_SCOPE, useClass: MicrofinanceOrgUnitScope },
    OpenFundHandler,
    ContributeToFundHandler,
  ],
})
export class MicrofinanceModule {}
