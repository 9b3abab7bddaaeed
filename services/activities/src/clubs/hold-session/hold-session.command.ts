import { Actor } from '@ishc/platform';
import { HoldSessionBody } from './hold-session.body';

export class HoldSessionCommand {
  constructor(
    readonly clubId: string,
    readonly body: HoldSessionBody,
    readonly actor: Actor,
  ) {}
}
