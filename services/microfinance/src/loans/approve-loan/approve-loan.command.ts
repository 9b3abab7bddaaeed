import { Actor } from '@ishc/platform';
import { ApproveLoanBody } from './approve-loan.body';

export class ApproveLoanCommand {
  constructor(
    readonly loanId: string,
    readonly body: ApproveLoanBody,
    readonly actor: Actor,
  ) {}
}
