import { Actor } from '@ishc/platform';
import { ChangeMembershipRolesBody } from './change-membership-roles.body';

export class ChangeMembershipRolesCommand {
  constructor(
    readonly body: ChangeMembershipRolesBody,
    readonly actor: Actor,
  ) {}
}
