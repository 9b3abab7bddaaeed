import { Actor } from '@ishc/platform';
import { JoinClubBody } from './join-club.body';

export class JoinClubCommand {
  constructor(
    readonly body: JoinClubBody,
    readonly actor: Actor,
  ) {}
}
