import { FundKind } from '@ishc/contracts';
import { Actor } from '@ishc/platform';
import { ContributeToFundBody } from './contribute-to-fund.body';

export class ContributeToFundCommand {
  constructor(
    readonly clubId: string,
    readonly kind: FundKind,
    readonly body: ContributeToFundBody,
    readonly actor: Actor,
  ) {}
}
