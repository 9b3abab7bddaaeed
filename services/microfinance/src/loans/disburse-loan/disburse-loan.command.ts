import { Actor } from '@ishc/platform';
import { DisburseLoanBody } from './disburse-loan.body';

export class DisburseLoanCommand {
  constructor(
    readonly loanId: string,
    readonly body: DisburseLoanBody,
    readonly actor: Actor,
  ) {}
}
