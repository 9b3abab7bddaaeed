import { Actor } from '@ishc/platform';
import { OpenFundBody } from './open-fund.body';

export class OpenFundCommand {
  constructor(
    readonly clubId: string,
    readonly body: OpenFundBody,
    readonly actor: Actor,
  ) {}
}
