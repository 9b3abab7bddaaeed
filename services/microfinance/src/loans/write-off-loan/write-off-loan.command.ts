import { Actor } from '@ishc/platform';
import { WriteOffLoanBody } from './write-off-loan.body';

export class WriteOffLoanCommand {
  constructor(
    readonly loanId: string,
    readonly body: WriteOffLoanBody,
    readonly actor: Actor,
  ) {}
}
