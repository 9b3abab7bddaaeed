import { Actor } from '@ishc/platform';
import { DissolveClubBody } from './dissolve-club.body';

export class DissolveClubCommand {
  constructor(
    readonly body: DissolveClubBody,
    readonly actor: Actor,
  ) {}
}

export interface DissolveClubResult {
  dissolvedOn: string;
  reason: string | null;
  /** The members whose active membership the dissolution ended (leftOn = dissolvedOn). */
  endedMemberships: string[];
}
