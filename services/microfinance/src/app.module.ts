import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Clock, EventSourcingModule, ORG_UNIT_SCOPE } from '@ishc/platform';
import { ContributeToFundController } from './funds/contribute-to-fund/contribute-to-fund.http.controller';
import { ContributeToFundHandler } from './funds/contribute-to-fund/contribute-to-fund.handler';
import { GetFundsController } from './funds/get-funds/get-funds.http.controller';
import { OpenFundController } from './funds/open-fund/open-fund.http.controller';
import { OpenFundHandler } from './funds/open-fund/open-fund.handler';
import { ApplyForLoanController } from './loans/apply-for-loan/apply-for-loan.http.controller';
import { ApplyForLoanHandler } from './loans/apply-for-loan/apply-for-loan.handler';
import { ApproveLoanController } from './loans/approve-loan/approve-loan.http.controller';
import { ApproveLoanHandler } from './loans/approve-loan/approve-loan.handler';
import { DisburseLoanController } from './loans/disburse-loan/disburse-loan.http.controller';
import { DisburseLoanHandler } from './loans/disburse-loan/disburse-loan.handler';
import { GetClubLoansController } from './loans/get-club-loans/get-club-loans.http.controller';
import { GetLoanController } from './loans/get-loan/get-loan.http.controller';
import { RecordRepaymentController } from './loans/record-repayment/record-repayment.http.controller';
import { RecordRepaymentHandler } from './loans/record-repayment/record-repayment.handler';
import { WriteOffLoanController } from './loans/write-off-loan/write-off-loan.http.controller';
import { WriteOffLoanHandler } from './loans/write-off-loan/write-off-loan.handler';
import { MicrofinanceSchema } from './replica/microfinance-schema.provider';
import { MicrofinanceOrgUnitScope } from './replica/org-unit-scope.resolver';
import { REPLICATED_SOURCES, RegistryReplicaConsumer } from './replica/registry-replica.consumer';

/**
 * Microfinance: club funds as ledgers (open, contributions, positions) and loans to current members
 * (apply, approve, disburse from the income fund, repay, write off, standing on a date), checked against a
 * replica of the registry's clubs, org units and memberships (see docs/architecture.md).
 */
@Module({
  imports: [CqrsModule.forRoot(), EventSourcingModule.forService({ sources: REPLICATED_SOURCES })],
  controllers: [
    OpenFundController,
    ContributeToFundController,
    GetFundsController,
    ApplyForLoanController,
    ApproveLoanController,
    DisburseLoanController,
    RecordRepaymentController,
    WriteOffLoanController,
    GetLoanController,
    GetClubLoansController,
  ],
  providers: [
    Clock,
    MicrofinanceSchema,
    RegistryReplicaConsumer,
    { provide: ORG_UNIT_SCOPE, useClass: MicrofinanceOrgUnitScope },
    OpenFundHandler,
    ContributeToFundHandler,
    ApplyForLoanHandler,
    ApproveLoanHandler,
    DisburseLoanHandler,
    RecordRepaymentHandler,
    WriteOffLoanHandler,
  ],
})
export class MicrofinanceModule {}
