import { Actor } from '@ishc/platform';
import { ApplyForLoanBody } from './apply-for-loan.body';

export class ApplyForLoanCommand {
  constructor(
    readonly body: ApplyForLoanBody,
    readonly actor: Actor,
  ) {}
}
