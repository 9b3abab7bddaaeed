import { Actor } from '@ishc/platform';
import { EndMembershipBody } from './end-membership.body';

export class EndMembershipCommand {
  constructor(
    readonly body: EndMembershipBody,
    readonly actor: Actor,
  ) {}
}
