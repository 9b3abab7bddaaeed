import { Actor } from '@ishc/platform';
import { RecordRepaymentBody } from './record-repayment.body';

export class RecordRepaymentCommand {
  constructor(
    readonly loanId: string,
    readonly body: RecordRepaymentBody,
    readonly actor: Actor,
  ) {}
}
